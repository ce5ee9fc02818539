import { AsyncInflate } from "./codec";

/** Compressed bytes are written to the stream in slices this big (as fflate is fed: inflate.ts). */
const SLICE = 64 * 1024;

/**
 * The platform's own raw inflater, DecompressionStream("deflate-raw"), where there is one
 * (Chromium 103+, WebView2, Safari 16.4+, Firefox 113+, Node 20): native code, two to three times
 * faster than fflate on a country's 160 MB member sheet, and the browser file mode's only one. Each
 * piece it gives goes to the sink as it comes, so the budget is enforced on what it actually
 * produced; when the sink throws, the stream is cancelled and that error is the answer. Undefined
 * where the format is unknown: the caller keeps fflate.
 */
export function nativeInflate(): AsyncInflate | undefined {
  if (typeof DecompressionStream !== "function") return undefined;
  try {
    new DecompressionStream("deflate-raw");
  } catch {
    return undefined;
  }
  return async (data, sink) => {
    const stream = new DecompressionStream("deflate-raw");
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    // Fed in the background while the pieces are read: the stream holds only a slice or two.
    const writing = (async () => {
      // A view of the package's own buffer, never a shared one (the typings cannot tell).
      const bytes = data as Uint8Array<ArrayBuffer>;
      for (let p = 0; p < bytes.length; p += SLICE)
        await writer.write(bytes.subarray(p, p + SLICE));
      await writer.close();
    })();
    // Its failure (damaged data) also errors the readable side, where it is reported.
    writing.catch(() => undefined);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        sink(value);
      }
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    await writing;
  };
}
