/**
 * The deflater file mode gives the xlsx host: helper Workers (deflate-pool.ts) where Workers run
 * and the machine has a core to spare, else none (the host deflates in place, to the same bytes).
 */
import { deflateRunsHere, RunDeflater } from "../../hosts/xlsx/deflate-run";
import { nativeInflate, type EngineOptions } from "../../hosts/xlsx";
import { deflateInPool } from "./deflate-pool";

/** Helpers at most: past three the copying and the page's memory cost more than they save. */
const MAX_HELPERS = 3;

export function helperDeflater(): RunDeflater | undefined {
  if (typeof Worker !== "function") return undefined;
  const cores = typeof navigator === "object" ? (navigator.hardwareConcurrency ?? 1) : 1;
  const helpers = Math.min(MAX_HELPERS, cores - 1);
  if (helpers < 1) return undefined;
  return async (runs, level) => {
    if (runs.length < 2) return deflateRunsHere(runs, level);
    const { spawnDeflateWorker } = await import(
      /* webpackMode: "eager" */ "./spawn-deflate-worker"
    );
    return deflateInPool(runs, level, Math.min(helpers, runs.length - 1), spawnDeflateWorker);
  };
}

/** How file mode opens a package: the platform's inflater, and helpers to deflate. */
export function fileModeEngine(): EngineOptions {
  const inflate = nativeInflate();
  const deflate = helperDeflater();
  return { ...(inflate ? { inflate } : {}), ...(deflate ? { deflate } : {}) };
}
