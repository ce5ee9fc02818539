/**
 * Starts a helper Worker for deflating (deflate.worker.ts), as spawn-worker.ts starts the engine's:
 * written inline, just so, for webpack to bundle it as a chunk of its own. Loaded only through a
 * dynamic import where Worker exists (never under Jest, whose CommonJS cannot parse import.meta).
 */
import type { HelperWorker } from "./deflate-pool";
import type { RecompressWorker } from "./recompress-helper";

export function spawnDeflateWorker(): HelperWorker {
  return new Worker(
    /* webpackChunkName: "deflate-worker" */ new URL(
      "./deflate.worker.ts",
      // @ts-expect-error -- import.meta under the repo's CommonJS setting: webpack compiles it (ES modules)
      import.meta.url,
    ),
    { name: "ishc-deflate" },
  ) as unknown as HelperWorker;
}

/** The same helper, for a big worksheet's start (recompress-helper.ts). */
export function spawnRecompressWorker(): RecompressWorker {
  return spawnDeflateWorker() as unknown as RecompressWorker;
}
