import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * V8's full garbage collection, asked for by name; undefined where the engine will not give it.
 * `--expose-gc` set at run time applies to contexts made after it: the new context's `gc` is the
 * engine's, and collects the whole heap. The command line hands it to the check (CheckOptions'
 * collect) for the two moments a country's register leaves the most heap dead (issue 15).
 */
export function fullCollector(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? () => void gc() : undefined;
  } catch {
    return undefined;
  }
}
