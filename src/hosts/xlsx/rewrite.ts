import { Codec, Recompress } from "./codec";
import { corrupt } from "./errors";
import { Package } from "./package";
import { ZipEntry } from "./zip-read";
import { CODEC_RUN, OutEntry, levelFor } from "./zip-write";

/**
 * A stored part whose first `keep` bytes are kept and whose tail is replaced: a big worksheet
 * given highlights, planned from the tail kept as it was read (KeptTail), its start not inflated.
 */
export interface RewriteEntry {
  readonly kind: "rewrite";
  readonly name: string;
  readonly like: ZipEntry;
  readonly keep: number;
  readonly tail: Uint8Array;
}

/** An entry of the new package as applyPlan plans it. */
export type PlannedEntry = OutEntry | RewriteEntry;

/**
 * Parts whose kept start is this big are rewritten as a stream. It is at least the codec's run, so
 * the kept start is deflated as one run, and the tail as the next: the very bytes writeZip gives
 * for the part inflated whole (same level, same runs; zlib's output does not depend on how its
 * input is fed).
 */
export const REWRITE_FROM = Math.max(4 * 1024 * 1024, CODEC_RUN);

/**
 * The planned entries ready for the zip writer: each part to rewrite is streamed from the stored
 * part through `recompress`, its new tail deflated by the codec after it. Without a recompressor
 * (or a codec), the part is inflated whole and written as new content, as before.
 */
export async function resolveRewrites(
  planned: readonly PlannedEntry[],
  pkg: Package,
  recompress?: Recompress,
): Promise<OutEntry[]> {
  const out: OutEntry[] = [];
  for (const e of planned) {
    if (e.kind !== "rewrite") out.push(e);
    else if (recompress && pkg.codec) out.push(await streamed(e, pkg, pkg.codec, recompress));
    else out.push(whole(e, pkg));
  }
  return out;
}

async function streamed(
  e: RewriteEntry,
  pkg: Package,
  codec: Codec,
  recompress: Recompress,
): Promise<OutEntry> {
  const { like: entry, keep, tail } = e;
  const size = keep + tail.length;
  const level = levelFor(size);
  const data = pkg.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let start: Awaited<ReturnType<Recompress>>;
  try {
    start = await recompress(data, keep, level);
  } catch {
    // It was read whole a moment ago, its size and CRC checked: the package changed, or broke.
    throw corrupt(e.name, "dữ liệu nén bị hỏng.", "the compressed data is damaged.");
  }
  return {
    kind: "deflated",
    name: e.name,
    like: entry,
    data: [...start.data, codec.deflateRaw(tail, level, false)],
    crc: codec.crc32(tail, start.crc),
    size,
  };
}

function whole(e: RewriteEntry, pkg: Package): OutEntry {
  const bytes = pkg.read(e.name);
  return { kind: "new", name: e.name, like: e.like, content: [bytes.subarray(0, e.keep), e.tail] };
}
