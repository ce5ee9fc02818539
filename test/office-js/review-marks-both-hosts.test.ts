/**
 * One implementation of the auditor's marks (core/review/mark.ts): Excel (through the real
 * office.js client over the simulated host) and file mode (the checked copy's plan) put the same
 * values in the same cells of the same findings sheet, even after the auditor moved its columns
 * and sorted its rows.
 */
import { rangeA1 } from "../../src/core/model/address";
import { RawValue } from "../../src/core/model/cells";
import { GeneratedSheet } from "../../src/core/model/write-plan";
import { markFinding } from "../../src/core/report/findings-sheet";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { ReviewMarkError, setReviewMark } from "../../src/addin/review-actions";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { OfficeWorkbook } from "../../src/hosts/office";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/model/settings";
import { smallRegister } from "../helpers/small-register";
import { SimulatedHost } from "./simulated-host";

const FINDINGS = GENERATED_NAMES.findings;
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

/** The auditor's rearrangement: the id column first, then the rest reversed; data rows by id. */
function rearranged(grid: readonly (readonly RawValue[])[]): RawValue[][] {
  const header = grid[1]!;
  const idCol = header.indexOf("Mã lỗi");
  const order = [
    idCol,
    ...header
      .map((_, c) => c)
      .filter((c) => c !== idCol)
      .reverse(),
  ];
  const moved = grid.map((r) => order.map((c) => r[c] ?? ""));
  const data = moved.slice(2).sort((a, b) => String(b[0]).localeCompare(String(a[0])));
  return [...moved.slice(0, 2), ...data];
}

describe("review marks: one implementation, two hosts", () => {
  it("writes the same cells in Excel and in file mode", async () => {
    const host = new SimulatedHost(smallRegister());
    const office = new OfficeWorkbook(host.run, { supports: host.excel.supports });
    const run = await checkWorkbook(office, SETTINGS, {}, { checkedOn: "2026-01-10" });
    const [a, b] = run.report.findings.map((f) => f.id);
    expect(a && b).toBeTruthy();

    // The auditor rearranges the sheet in Excel.
    const grid = rearranged(host.excel.values(FINDINGS));
    const width = Math.max(...grid.map((r) => r.length));
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(FINDINGS);
      ws.getRange().clear("Contents");
      ws.getRange(rangeA1(0, 0, grid.length - 1, width - 1)).values = grid.map((r) =>
        Array.from({ length: width }, (_, c) => r[c] ?? ""),
      ) as (string | number | boolean)[][];
      await context.sync();
    });
    // File mode's copy holds the same sheet.
    const before: GeneratedSheet = {
      kind: "findings",
      name: FINDINGS,
      rows: host.excel.values(FINDINGS).map((r) => r.map((v) => ({ v: v === "" ? null : v }))),
    } as unknown as GeneratedSheet;

    await setReviewMark(host.run, a!, { status: "mustFix" }, "2026-01-11");
    await setReviewMark(host.run, b!, { status: "Chờ huyện trả lời" }, "2026-01-12");
    const inFile = markFinding(
      markFinding(before, a!, { status: "mustFix" }, "2026-01-11")!,
      b!,
      { status: "Chờ huyện trả lời" },
      "2026-01-12",
    )!;

    const excelRows = host.excel.values(FINDINGS);
    const fileRows = inFile.rows.map((r) => r.map((c) => c.v ?? ""));
    const norm = (v: unknown): unknown => v ?? "";
    const changed = (rows: readonly (readonly unknown[])[]) =>
      rows.flatMap((r, i) =>
        r.flatMap((v, c) => (norm(v) !== norm(before.rows[i]?.[c]?.v) ? [[i, c, v]] : [])),
      );
    // Two rows, status and day each, in both hosts alike.
    expect(changed(excelRows)).toHaveLength(4);
    expect(changed(fileRows)).toEqual(changed(excelRows));
    expect(changed(fileRows).map(([, , v]) => v)).toEqual(
      expect.arrayContaining(["Cần sửa", "Chờ huyện trả lời"]),
    );
  });

  it("says in both languages when the finding or the header is gone", async () => {
    const host = new SimulatedHost(smallRegister());
    const office = new OfficeWorkbook(host.run, { supports: host.excel.supports });
    await checkWorkbook(office, SETTINGS, {}, { checkedOn: "2026-01-10" });
    const error = await setReviewMark(host.run, "no|such", { note: "x" }, "2026-01-11").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReviewMarkError);
    expect((error as ReviewMarkError).text.en).toBe(
      `Finding "no|such" is not in sheet "${FINDINGS}": run the check again.`,
    );
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(FINDINGS).getRange("A1:Z3").clear("Contents");
      await context.sync();
    });
    await expect(setReviewMark(host.run, "x", { note: "y" }, "2026-01-11")).rejects.toMatchObject({
      code: "no-header",
    });
  });
});
