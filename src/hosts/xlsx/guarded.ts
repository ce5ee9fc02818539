import { outOfMemory } from "./errors";

/**
 * Limits keep allocations bounded, but the engine may still refuse one (a browser tab has far less
 * memory than Node): that is reported as too large, not as a crash.
 */
const asInputError = (e: unknown): unknown =>
  e instanceof RangeError ? outOfMemory(e.message) : e;

/** Runs `run`, an engine's refusal to allocate reported as an input too large (see asInputError). */
export function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw asInputError(e);
  }
}

/** The same, for work that awaits (an asynchronous inflater). */
export async function guardedAsync<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw asInputError(e);
  }
}
