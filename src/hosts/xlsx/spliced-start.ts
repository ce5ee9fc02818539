import { Recompressed } from "./codec";
import { BlockStart, DeflateScanError, walkDeflateBlocks } from "./deflate-blocks";
import { syncEnd } from "./deflate-run";

/**
 * A stored stream's bits before `bit`, where a block starts, ended by an empty stored block that
 * is not final (syncEnd): whatever is deflated next can follow it from a byte boundary. The
 * whole bytes are a view.
 */
export function cutAtBlock(data: Uint8Array, bit: number): Uint8Array[] {
  const whole = bit >> 3;
  return [data.subarray(0, whole), syncEnd(data[whole] ?? 0, bit & 7)];
}

/**
 * The last block start of a stream at or before `keep` bytes inflated, and no further back than
 * `reach` bytes, or undefined; the stream is walked to its end all the same (walkDeflateBlocks).
 */
export function lastStartWithin(
  data: Uint8Array,
  keep: number,
  reach: number,
): BlockStart | undefined {
  let last: BlockStart | undefined;
  walkDeflateBlocks(data, (bit, byte) => {
    if (byte <= keep) last = { bit, byte };
  });
  return last && last.byte >= keep - reach ? last : undefined;
}

/**
 * A rewritten part's start kept as it was stored: its deflate stream up to the last block that
 * starts before the cut (`keep` bytes inflated), bit for bit, and the bytes from that block to the
 * cut, taken from `before` (the part's bytes just before the cut, kept as it was read), to be
 * deflated with the new tail. So a country's member sheet given highlights is neither inflated
 * nor deflated again: its stream's codes are only walked, to find where its blocks start
 * (issue 15). Undefined when the stream cannot be walked or no block starts within `before`:
 * the caller then recompresses the start.
 */
export function splicedStart(
  data: Uint8Array,
  keep: number,
  before: Uint8Array,
): Recompressed | undefined {
  let start: BlockStart | undefined;
  try {
    start = lastStartWithin(data, keep, before.length);
  } catch (e) {
    if (e instanceof DeflateScanError) return undefined;
    throw e;
  }
  if (!start) return undefined;
  return {
    deflated: cutAtBlock(data, start.bit),
    rest: before.subarray(before.length - (keep - start.byte)),
  };
}
