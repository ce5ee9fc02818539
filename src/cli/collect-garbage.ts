import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Stage } from "../hosts/workbook/progress";

/**
 * V8's full garbage collection, asked for by name; undefined where the engine will not give it.
 * `--expose-gc` set at run time applies to contexts made after it: the new context's `gc` is
 * the engine's, and collects the whole heap (issue 15).
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

/**
 * The command line's onStage: a full collection as writing starts. V8 lets the heap grow to about
 * four times what stayed live at its last full collection, and the check leaves most of a
 * country's heap dead (630 MB of which 145 MB live): writing, which then holds the member sheet
 * whole and its deflated copy, came on top of that dead heap. Collected first (60-130 ms), the
 * heap's freed pages go back to the system while writing starts. Reading and checking are left to
 * V8: what they hold is live.
 */
export function collectBeforeWriting(collect: (() => void) | undefined): (stage: Stage) => void {
  return (stage) => {
    if (stage === "writing") collect?.();
  };
}
