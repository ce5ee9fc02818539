/**
 * A check asked only for its report (the command line's `check --report` without `--out`) makes
 * the plan but applies nothing: no copy is built that nobody would keep.
 */
import { WritePlan } from "../../../src/core/model/write-plan";
import { checkWorkbook } from "../../../src/hosts/workbook/check-workbook";
import { MemoryWorkbook } from "../../../src/hosts/memory/memory-workbook";
import { SETTINGS, scenario } from "../office/scenario";

/** The memory host, counting the plans it is asked to apply. */
class CountingWorkbook extends MemoryWorkbook {
  applied = 0;

  override async apply(plan: WritePlan): Promise<void> {
    this.applied++;
    return super.apply(plan);
  }
}

describe("a check that writes nothing (write: false)", () => {
  it("gives the report and the plan of a check that writes, and applies nothing", async () => {
    const written = new CountingWorkbook(scenario());
    const alone = new CountingWorkbook(scenario());
    const stages: string[] = [];
    const full = await checkWorkbook(written, SETTINGS, {}, { checkedOn: "2026-01-02" });
    const only = await checkWorkbook(
      alone,
      SETTINGS,
      {},
      { checkedOn: "2026-01-02", write: false, onStage: (s) => void stages.push(s) },
    );
    expect(only.report).toEqual(full.report);
    expect(only.plan).toEqual(full.plan);
    expect(only.report.findings.length).toBeGreaterThan(0);
    expect([written.applied, alone.applied]).toEqual([1, 0]);
    expect(stages).toEqual(["reading", "checking"]);
    // The workbook is as it was: no generated sheet was added.
    expect((await alone.listSheets()).map((s) => s.name)).toEqual(
      (await new MemoryWorkbook(scenario()).listSheets()).map((s) => s.name),
    );
  });
});
