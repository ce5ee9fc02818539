import { Inflate } from "fflate";
import { AsyncInflate, LaterKeep, Recompressed } from "./codec";
import { concat } from "./concat";
import { DeflateLevel, RUN_BYTES, deflateRun } from "./deflate-run";

/** Compressed bytes are fed to fflate in slices this big (as inflate.ts feeds it). */
const SLICE = 64 * 1024;

/** Thrown from the sink once the start is in: the inflater stops, the rest of the part unread. */
class Enough extends Error {}

/** Rejects once `signal` aborts (never without one): a keep not told must not hold a stop back. */
const whenAborted = (signal: AbortSignal | undefined): Promise<never> =>
  new Promise((_, reject) =>
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true }),
  );

/**
 * The Recompress of a package without a codec (file mode), in the runs its writer deflates a big
 * part in: the stored part inflated (through `inflate`, the platform's, else fflate) a run of
 * RUN_BYTES at a time, each whole run of the kept start deflated as deflateRun does, not last, and
 * the bytes past the last whole run handed back as they are, to be deflated with the new tail. So
 * the part comes out byte for byte as cutRuns and deflateRun give it inflated whole, while only a
 * run of it is ever held. With a LaterKeep, the runs within its `atLeast` are deflated as they
 * come, and the bytes past it up to its `atMost` (the kept tail's length and a run) are held until
 * the keep is known. Runs on whatever thread calls it: file mode's helper Worker, or the engine's own.
 */
export async function recompressRuns(
  data: Uint8Array,
  keep: number | LaterKeep,
  level: number,
  inflate?: AsyncInflate,
  signal?: AbortSignal,
): Promise<Recompressed> {
  const deflated: Uint8Array[] = [];
  const surely = typeof keep === "number" ? keep : keep.atLeast;
  const stopAt = typeof keep === "number" ? keep : keep.atMost;
  /** Bytes inflated but not deflated: whole runs past `surely`, then the run being filled. */
  const held: Uint8Array[] = [];
  let run = new Uint8Array(RUN_BYTES);
  let filled = 0;
  /** Bytes inflated; of them, deflated. */
  let got = 0;
  let done = 0;
  const sink = (piece: Uint8Array): void => {
    signal?.throwIfAborted();
    for (let p = 0; p < piece.length && got < stopAt;) {
      const take = Math.min(piece.length - p, run.length - filled, stopAt - got);
      run.set(piece.subarray(p, p + take), filled);
      filled += take;
      got += take;
      p += take;
      if (filled < RUN_BYTES) continue;
      filled = 0;
      // A run deflated leaves its buffer free for the next (fflate copies what it is given): fresh
      // buffers cost page faults, in a browser as much as the copying itself.
      if (held.length === 0 && done + RUN_BYTES <= surely) {
        deflated.push(deflateRun(run, level as DeflateLevel, false));
        done += RUN_BYTES;
      } else {
        held.push(run);
        run = new Uint8Array(RUN_BYTES);
      }
    }
    if (got === stopAt) throw new Enough();
  };
  try {
    if (stopAt === 0) sink(new Uint8Array(0));
    if (inflate) await inflate(data, sink);
    else {
      const inflater = new Inflate(sink);
      for (let p = 0; p < data.length; p += SLICE)
        inflater.push(data.subarray(p, p + SLICE), p + SLICE >= data.length);
    }
  } catch (e) {
    if (!(e instanceof Enough)) throw e;
  }
  const known =
    typeof keep === "number" ? keep : await Promise.race([keep.known, whenAborted(signal)]);
  signal?.throwIfAborted();
  if (known < surely || known > stopAt)
    throw new Error(`${known} bytes to keep, outside the ${surely}-${stopAt} promised`);
  if (got < known) throw new Error(`inflated to ${got} bytes, fewer than the ${known} to keep`);
  // What is left of the start: its whole runs deflated, the bytes past them its rest.
  held.push(run.subarray(0, filled));
  let left = concat(held, got - done).subarray(0, known - done);
  for (; left.length >= RUN_BYTES; left = left.subarray(RUN_BYTES))
    deflated.push(deflateRun(left.subarray(0, RUN_BYTES), level as DeflateLevel, false));
  return { deflated, rest: left };
}
