/**
 * Starts the engine's Worker. Webpack sees `new Worker(new URL(…, import.meta.url))` (it must be
 * written inline, just so), bundles engine.worker.ts with everything it imports as a chunk of its
 * own and puts its hashed name here. Loaded only through a dynamic import where Worker exists
 * (never under Jest, whose CommonJS cannot parse import.meta).
 */
export function spawnEngineWorker(): Worker {
  return new Worker(
    /* webpackChunkName: "engine-worker" */ new URL(
      "./engine.worker.ts",
      // @ts-expect-error -- import.meta under the repo's CommonJS setting: webpack compiles it (ES modules)
      import.meta.url,
    ),
    { name: "ishc-engine" },
  );
}
