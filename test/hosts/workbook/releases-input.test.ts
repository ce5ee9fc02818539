/**
 * A country's register is several hundred MB once read. checkWorkbook must not hold what it read
 * while the host writes: the garbage collector can then free the sheets (and the records made of
 * them) before the new package is built, which is where the peak of memory was.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { RawSheet } from "../../../src/core/model/cells";
import { WritePlan } from "../../../src/core/model/write-plan";
import { checkWorkbook } from "../../../src/hosts/workbook/check-workbook";
import { MemoryWorkbook } from "../../../src/hosts/memory/memory-workbook";
import { SETTINGS, scenario } from "../office/scenario";
import { rowsOf } from "../../helpers/rows";

// The collector on demand (jest runs without --expose-gc): the flag, then a fresh context's gc.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The memory host, each read a fresh copy watched by a WeakRef; apply() sees what survives. */
class WatchedWorkbook extends MemoryWorkbook {
  readonly read: WeakRef<RawSheet>[] = [];
  alive = -1;

  override async readSheet(name: string): Promise<RawSheet> {
    const sheet = await super.readSheet(name);
    const copy: RawSheet = { name: sheet.name, rows: rowsOf(sheet).map((r) => r && [...r]) };
    this.read.push(new WeakRef(copy));
    return copy;
  }

  override async apply(plan: WritePlan): Promise<void> {
    // A WeakRef keeps its target until the current job ends: a macrotask later it may go.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    this.alive = this.read.filter((r) => r.deref() !== undefined).length;
    return super.apply(plan);
  }
}

describe("checkWorkbook and what it read", () => {
  it("holds none of the sheets it read while the host writes", async () => {
    const wb = new WatchedWorkbook(scenario());
    const { report } = await checkWorkbook(wb, SETTINGS);
    // The check really read and judged the sheets (a vacuous pass would read none).
    expect(wb.read.length).toBeGreaterThanOrEqual(3);
    expect(report.summary.clubs).toBeGreaterThan(0);
    expect(wb.alive).toBe(0);
  });

  it("collects where the host asks (collect): at the check's stages, as writing starts, once written", async () => {
    const wb = new WatchedWorkbook(scenario());
    const events: string[] = [];
    await checkWorkbook(
      wb,
      SETTINGS,
      {},
      {
        onStage: (s) => void events.push(s),
        collect: () => void events.push(`collect (${wb.alive < 0 ? "before" : "after"} apply)`),
      },
    );
    // In the check: once read, once counted, once the pairs are compared, once judged.
    expect(events).toEqual([
      "reading",
      "checking",
      "collect (before apply)",
      "collect (before apply)",
      "collect (before apply)",
      "collect (before apply)",
      "writing",
      "collect (before apply)",
      "collect (after apply)",
    ]);
  });
});
