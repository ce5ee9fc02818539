import { Deflate } from "fflate";
import { concat, lengthOf } from "./concat";

/**
 * A big part is deflated in runs of this many bytes, each on its own: the runs can then be
 * deflated in parallel (file mode's helper Workers, see RunDeflater) and still give the very bytes
 * one thread gives. Each run starts with an empty window, so a match cannot reach into the run
 * before it: on a country's member sheet 4 MiB runs cost under 0.1% in size.
 */
export const RUN_BYTES = 4 * 1024 * 1024;

/** zlib's levels, as fflate types them. */
export type DeflateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** A run of a part to deflate; `last` when it ends its part (it then finishes the stream). */
export interface Run {
  readonly data: Uint8Array;
  readonly last: boolean;
}

/** fflate copies what it is pushed into its window: pushed in slices, a piece is never copied whole. */
const SLICE = 1024 * 1024;

/** What deflateRun reads of fflate's Deflate (0.8.3, pinned): the state its flush leaves. */
interface DeflateState {
  /** The bits of the last byte not yet written: their count (low 3 bits) and value (above). */
  readonly s: { readonly r?: number };
}

/**
 * An empty, non-final stored block after a stream's last partial byte (its `bits` low bits, the
 * rest 0), padding it to a byte boundary: the 00 00 FF FF of zlib's sync flush. Whatever is
 * deflated next can follow it as is. It ends a run that does not finish its part (storedEnd), and
 * a stored stream kept up to a block (cutAtBlock).
 */
export function syncEnd(partial: number, bits: number): Uint8Array {
  // The 3 header bits (all 0: not final, stored) follow the partial byte's bits, then padding.
  const head = Math.ceil((bits + 3) / 8);
  const end = new Uint8Array(head + 4);
  end[0] = partial & ((1 << bits) - 1);
  end.set([0x00, 0x00, 0xff, 0xff], head);
  return end;
}

/**
 * The end of a run that does not finish its part (syncEnd) after the run's last partial byte.
 * Ours rather than fflate's flush(true): fflate 0.8.3 puts LEN one byte early when the partial
 * byte holds 6 bits, and zlib then refuses the stream ("invalid stored block lengths"): about one
 * run in eight, found on a country's member sheet.
 */
function storedEnd(d: Deflate): Uint8Array {
  const r = (d as unknown as DeflateState).s.r ?? 0;
  return syncEnd(r >> 3, r & 7);
}

/**
 * Pieces raw-deflated by fflate as one stream, pushed in slices. With `last` the stream is
 * finished; without, it ends on a byte boundary (storedEnd), so that what is deflated next can
 * follow it as is.
 */
export function deflatePieces(
  pieces: readonly Uint8Array[],
  level: DeflateLevel,
  last: boolean,
): Uint8Array {
  const out: Uint8Array[] = [];
  let length = 0;
  const d = new Deflate({ level }, (chunk) => {
    out.push(chunk);
    length += chunk.length;
  });
  const size = lengthOf(pieces);
  if (size === 0) d.push(new Uint8Array(0), last);
  let pushed = 0;
  for (const piece of pieces) {
    for (let p = 0; p < piece.length; p += SLICE) {
      const slice = piece.subarray(p, p + SLICE);
      pushed += slice.length;
      d.push(slice, last && pushed === size);
    }
  }
  if (!last) {
    // Deflates what fflate still holds; the last partial byte stays in its state (storedEnd).
    d.flush();
    const end = storedEnd(d);
    out.push(end);
    length += end.length;
  }
  return concat(out, length);
}

/**
 * One run of a big part deflated on its own: all runs but the last end without finishing the
 * stream, so that concatenated, the runs are one valid deflate stream.
 */
export const deflateRun = (run: Uint8Array, level: DeflateLevel, last: boolean): Uint8Array =>
  deflatePieces([run], level, last);

/**
 * Deflates runs of big parts (each as deflateRun does), somewhere: file mode hands them to helper
 * Workers, so that a country's copy is deflated on every core. Must give exactly deflateRun's bytes
 * for each run, in order.
 */
export type RunDeflater = (runs: readonly Run[], level: DeflateLevel) => Promise<Uint8Array[]>;

/** The runs deflated here, one after another: where no helper can run. */
export const deflateRunsHere: RunDeflater = (runs, level) =>
  Promise.resolve(runs.map((r) => deflateRun(r.data, level, r.last)));

/**
 * A part's content cut into runs of RUN_BYTES (the last shorter), wherever its pieces begin and end:
 * the same content always gives the same runs. A run inside one piece is a view of it, not a copy.
 */
export function cutRuns(content: readonly Uint8Array[]): Run[] {
  const runs: Run[] = [];
  let pending: Uint8Array[] = [];
  let length = 0;
  const flush = (): void => {
    runs.push({ data: concat(pending, length), last: false });
    pending = [];
    length = 0;
  };
  for (const piece of content) {
    for (let p = 0; p < piece.length;) {
      const take = Math.min(piece.length - p, RUN_BYTES - length);
      pending.push(piece.subarray(p, p + take));
      length += take;
      p += take;
      if (length === RUN_BYTES) flush();
    }
  }
  if (length > 0 || runs.length === 0) flush();
  runs[runs.length - 1] = { data: runs[runs.length - 1]!.data, last: true };
  return runs;
}
