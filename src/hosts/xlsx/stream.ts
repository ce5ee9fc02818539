import { Budget, inflateEntry } from "./inflate";
import { ZipEntry } from "./zip-read";

/** A parser fed with growing windows of a part's bytes. */
export interface ChunkParser {
  /** Parses what is complete in `buf`; returns how many bytes it consumed. */
  feed(buf: Uint8Array, final: boolean): number;
}

/** The pieces as one buffer (the piece itself when there is only one). */
export function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const isUtf16 = (b: Uint8Array): boolean =>
  (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * Inflates a part and parses it as it arrives, so the whole inflated part never sits in memory:
 * only the unconsumed tail of the previous chunk is carried over. A construct longer than a chunk
 * (a huge row) waits until the carried bytes have doubled, which keeps re-parsing linear.
 */
export function streamParse(
  pkg: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  parser: ChunkParser,
): void {
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let wait = 0;
  let utf16: boolean | undefined;
  const run = (final: boolean): void => {
    const buf = concat(pending, pendingLength);
    const used = parser.feed(buf, final);
    pending = used < buf.length ? [buf.subarray(used)] : [];
    pendingLength = buf.length - used;
    wait = used === 0 ? buf.length * 2 : 0;
  };
  inflateEntry(pkg, entry, budget, (chunk) => {
    utf16 ??= isUtf16(chunk);
    pending.push(chunk);
    pendingLength += chunk.length;
    if (!utf16 && pendingLength >= wait) run(false);
  });
  if (utf16) {
    // XML parts may legally be UTF-16; rare enough to convert whole rather than stream.
    const all = concat(pending, pendingLength);
    const label = all[0] === 0xff ? "utf-16le" : "utf-16be";
    const utf8 = new TextEncoder().encode(new TextDecoder(label).decode(all));
    pending = [utf8];
    pendingLength = utf8.length;
  }
  run(true);
}
