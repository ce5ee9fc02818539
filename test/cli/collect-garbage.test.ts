import { fullCollector } from "../../src/cli/collect-garbage";

/** A new macrotask: a WeakRef's target is kept alive until the job that made it has ended. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the command line's full garbage collection (fullCollector)", () => {
  test("is V8's own: what nothing holds is gone after it", async () => {
    const collect = fullCollector();
    expect(collect).toBeDefined();
    let held: object | null = { payload: new Array(1000).fill("x") };
    const ref = new WeakRef(held);
    held = null;
    await nextTask();
    collect!();
    expect(ref.deref()).toBeUndefined();
  });
});
