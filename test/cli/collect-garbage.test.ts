import { collectBeforeWriting, fullCollector } from "../../src/cli/collect-garbage";
import { Stage } from "../../src/hosts/workbook/progress";

/** A new macrotask: a WeakRef's target is kept alive until the job that made it has ended. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the command line's garbage collection between stages", () => {
  test("fullCollector gives V8's own full collection: what nothing holds is gone after it", async () => {
    const collect = fullCollector();
    expect(collect).toBeDefined();
    let held: object | null = { payload: new Array(1000).fill("x") };
    const ref = new WeakRef(held);
    held = null;
    await nextTask();
    collect!();
    expect(ref.deref()).toBeUndefined();
  });

  test("collects once, as writing starts, and never while reading or checking", () => {
    const calls: Stage[] = [];
    let current: Stage = "reading";
    const onStage = collectBeforeWriting(() => calls.push(current));
    for (const s of ["reading", "checking", "writing"] as const) {
      current = s;
      onStage(s);
    }
    expect(calls).toEqual(["writing"]);
  });

  test("without a collector it does nothing, and still takes every stage", () => {
    const onStage = collectBeforeWriting(undefined);
    expect(() => (["reading", "checking", "writing"] as const).forEach(onStage)).not.toThrow();
  });
});
