/**
 * The deflater file mode gives the xlsx host: helper Workers (deflate-pool.ts) where Workers run
 * and the machine has a core to spare, else none (the host deflates in place, to the same bytes).
 */
import { deflateRunsHere, RunDeflater } from "../../hosts/xlsx/deflate-run";
import { nativeInflate, type EngineOptions, type Recompress } from "../../hosts/xlsx";
import { RecompressHelper } from "./recompress-helper";
import { deflateInPool } from "./deflate-pool";

/** Helpers at most: past three the copying and the page's memory cost more than they save. */
const MAX_HELPERS = 3;

/** How many helpers may run: none without Workers or a core to spare. */
function helpersAtMost(): number {
  if (typeof Worker !== "function") return 0;
  const cores = typeof navigator === "object" ? (navigator.hardwareConcurrency ?? 1) : 1;
  return Math.max(0, Math.min(MAX_HELPERS, cores - 1));
}

export function helperDeflater(): RunDeflater | undefined {
  const helpers = helpersAtMost();
  if (helpers < 1) return undefined;
  return async (runs, level) => {
    if (runs.length < 2) return deflateRunsHere(runs, level);
    const { spawnDeflateWorker } = await import(
      /* webpackMode: "eager" */ "./spawn-deflate-worker"
    );
    return deflateInPool(runs, level, Math.min(helpers, runs.length - 1), spawnDeflateWorker);
  };
}

/**
 * A helper to recompress big worksheets' starts while the check runs (RecompressHelper), where one
 * may run: on a single core it would only slow the check, and a part is then edited whole after it.
 */
export function helperRecompressor(): RecompressHelper | undefined {
  if (helpersAtMost() < 1) return undefined;
  return new RecompressHelper(async () => {
    const { spawnRecompressWorker } = await import(
      /* webpackMode: "eager" */ "./spawn-deflate-worker"
    );
    return spawnRecompressWorker();
  });
}

/**
 * How file mode opens a package: the platform's inflater, helpers to deflate, and the recompressor
 * of a check (helperRecompressor) when there is one.
 */
export function fileModeEngine(recompress?: Recompress): EngineOptions {
  const inflate = nativeInflate();
  const deflate = helperDeflater();
  return {
    ...(inflate ? { inflate } : {}),
    ...(deflate ? { deflate } : {}),
    ...(recompress ? { recompress, recompressWhileReading: true } : {}),
  };
}
