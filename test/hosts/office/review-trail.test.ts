import { rangeA1 } from "../../../src/core/model/address";
import { RawValue } from "../../../src/core/model/cells";
import { GENERATED_NAMES } from "../../../src/core/report/labels";
import { isoToSerial } from "../../../src/core/review/days";
import { PreviousEntry, readPreviousTrail } from "../../../src/core/review/trail";
import { InputError } from "../../../src/core/model/errors";
import { setReviewMark } from "../../../src/addin/review-actions";
import { checkWorkbook } from "../../../src/hosts/workbook/check-workbook";
import { FakeExcel } from "../../fakes/excel";
import { officeOver, scenario, SETTINGS } from "./scenario";

/**
 * The auditor's review trail over the strict in-memory Excel: marks made in the pane
 * (setReviewMark) and typed by hand survive inserted, deleted and sorted rows and re-runs.
 */
const FINDINGS = GENERATED_NAMES.findings;
const MEMBERS = "Thành viên";

/** Replaces a sheet's values through the Excel API, as a user's edit would (extra cells emptied). */
async function writeGrid(excel: FakeExcel, sheet: string, grid: RawValue[][]): Promise<void> {
  const old = excel.values(sheet);
  const rows = Math.max(grid.length, old.length);
  const cols = Math.max(...[...grid, ...old].map((r) => r.length));
  const full = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => grid[r]?.[c] ?? ""),
  );
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(rangeA1(0, 0, rows - 1, cols - 1)).values =
      full as (string | number | boolean)[][];
    await context.sync();
  });
}

const trailIn = (excel: FakeExcel): Map<string, PreviousEntry> =>
  readPreviousTrail({ name: FINDINGS, rows: excel.values(FINDINGS) });

describe("the review trail over the strict fake Excel", () => {
  it("keeps every mark on its finding through inserted, deleted and sorted rows and re-runs", async () => {
    const { excel, office } = officeOver(scenario());
    const run1 = await checkWorkbook(office, SETTINGS, {}, { checkedOn: "2026-01-10" });
    const idOf = (rule: string) => run1.report.findings.find((f) => f.rule === rule)!.id;
    const sexId = idOf("member.sex");
    const birthId = idOf("member.birth");
    const womenId = idOf("club.women");
    expect(run1.report.findings.every((f) => f.state === "new")).toBe(true);
    expect(excel.dataValidations(FINDINGS).length).toBeGreaterThan(0);

    // The pane marks two findings; the auditor types a word of their own into a third.
    await setReviewMark(excel.run, sexId, { status: "mustFix", note: "Hỏi lại xã" }, "2026-01-11");
    await setReviewMark(excel.run, birthId, { status: "Đã sửa" }, "2026-01-12");
    const grid = excel.values(FINDINGS).map((r) => [...r]);
    const header = grid[1]!;
    const col = (h: string) => header.indexOf(h);
    const womenRow = grid.findIndex((r) => r[col("Mã lỗi")] === womenId);
    grid[womenRow]![col("Trạng thái xem xét")] = "Chờ báo cáo huyện";
    grid[womenRow]![col("Ghi chú")] = "Tháng sau";
    // ... and sorts the findings sheet by rule, descending.
    const data = grid.slice(2).sort((a, b) => String(b[2]).localeCompare(String(a[2])));
    await writeGrid(excel, FINDINGS, [...grid.slice(0, 2), ...data]);
    const marked = trailIn(excel);
    expect(marked.get(sexId)!.marks).toEqual({
      status: { kind: "known", status: "mustFix" },
      note: "Hỏi lại xã",
      reviewedOn: "2026-01-11",
    });
    expect(marked.get(birthId)!.marks.reviewedOn).toBe("2026-01-12");

    // The member sheet: the row with the unreadable birth is deleted, two rows are inserted under
    // the header (a blank one and a new member with an unreadable sex), then the rows are sorted.
    const members = excel.values(MEMBERS).map((r) => [...r]);
    const head = members[0]!;
    const birthCol = head.indexOf("Năm sinh");
    const nameCol = head.indexOf("Họ và tên");
    const rows = members.slice(1).filter((r) => r[birthCol] !== "năm ngoái");
    expect(rows.length).toBe(members.length - 2);
    const added = [...rows[0]!];
    added[nameCol] = "Người Mới Thêm";
    added[head.indexOf("Mã CLB")] = "C3";
    added[head.indexOf("Giới tính")] = "?";
    rows.sort((a, b) => String(b[nameCol]).localeCompare(String(a[nameCol])));
    await writeGrid(excel, MEMBERS, [head, [], added, ...rows]);

    const run2 = await checkWorkbook(office, SETTINGS, {}, { checkedOn: "2026-02-20" });
    const after = trailIn(excel);
    // Every mark is on the same finding id.
    expect(after.get(sexId)!.marks).toEqual(marked.get(sexId)!.marks);
    expect(after.get(sexId)!.state).toBe("still");
    expect(after.get(sexId)!.firstSeen).toBe("2026-01-10");
    expect(after.get(womenId)!.marks.status).toEqual({
      kind: "other",
      text: "Chờ báo cáo huyện",
    });
    expect(after.get(womenId)!.marks.note).toBe("Tháng sau");
    expect(after.get(womenId)!.marks.reviewedOn).toBe("2026-02-20");
    // The deleted row's finding is resolved on the day of the check, with its marks.
    const birth = after.get(birthId)!;
    expect([birth.state, birth.resolvedOn]).toEqual(["resolved", "2026-02-20"]);
    expect(birth.marks.status).toEqual({ kind: "known", status: "fixed" });
    // The inserted member's finding is new.
    const fresh = run2.report.findings.filter((f) => f.state === "new");
    expect(fresh.map((f) => f.rule)).toContain("member.sex");
    expect(fresh.every((f) => after.get(f.id)!.state === "new")).toBe(true);
    expect(run2.report.resolved.map((f) => [f.id, f.resolvedOn, f.status])).toContainEqual([
      birthId,
      "2026-02-20",
      "fixed",
    ]);
    // The resolved row has no link, and its day is a date cell.
    const values = excel.values(FINDINGS);
    const resolvedRow = values.findIndex((r) => r[12] === birthId);
    expect(excel.hyperlink(FINDINGS, `F${resolvedRow + 1}`)).toBeFalsy();
    expect(values[resolvedRow]![11]).toBe(isoToSerial("2026-02-20"));

    // A third run keeps the resolved day and every mark.
    const run3 = await checkWorkbook(office, SETTINGS, {}, { checkedOn: "2026-03-05" });
    const third = trailIn(excel);
    expect(third.get(birthId)!.resolvedOn).toBe("2026-02-20");
    expect(third.get(sexId)!.marks).toEqual(marked.get(sexId)!.marks);
    expect(run3.report.findings.every((f) => f.state === "still")).toBe(true);
    expect(excel.values(FINDINGS)[0]![0]).toMatch(/0 mới\), 1 đã hết/);
  });

  it("setReviewMark writes the English label in an English sheet and says what is missing", async () => {
    const { excel, office } = officeOver(scenario());
    await expect(setReviewMark(excel.run, "x", { status: "fixed" }, "2026-01-01")).rejects.toThrow(
      InputError,
    );
    const run = await checkWorkbook(
      office,
      { ...SETTINGS, lang: "en" },
      {},
      {
        checkedOn: "2026-01-10",
      },
    );
    const id = run.report.findings[0]!.id;
    // The reviewer inserted two rows above the table and sorted it upside down.
    const values = excel.values(FINDINGS);
    await writeGrid(excel, FINDINGS, [
      ["Audit 2026"],
      [],
      ...values.slice(0, 2),
      ...values.slice(2).reverse(),
    ]);
    excel.resetStats();
    const where = await setReviewMark(
      excel.run,
      id,
      { status: "accepted", note: "ok" },
      "2026-01-11",
    );
    expect(where.sheet).toBe(FINDINGS);
    expect(excel.stats.syncs).toBeLessThanOrEqual(4);
    const row = excel.values(FINDINGS)[where.row - 1]!;
    expect(row.slice(7, 10)).toEqual(["Accepted", "ok", isoToSerial("2026-01-11")]);
    expect(excel.numberFormat(FINDINGS, `J${where.row}`)).toBe("dd/mm/yyyy");
    const error = await setReviewMark(excel.run, "no|such", { note: "x" }, "2026-01-11").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe("unknown-finding");
    expect((error as InputError).sheet).toBe(FINDINGS);
    expect((error as Error).message).toMatch(
      /Không tìm thấy.*\/.*is not in the "Finding id" column/,
    );
  });

  it("the appendix alone leaves the findings sheet as it is but reports the marks", async () => {
    const { excel, office } = officeOver(scenario());
    const run = await checkWorkbook(office, SETTINGS, {}, { checkedOn: "2026-01-10" });
    const id = run.report.findings.find((f) => f.rule === "member.sex")!.id;
    await setReviewMark(excel.run, id, { status: "Chấp nhận", note: "đã rõ" }, "2026-01-11");
    const before = excel.values(FINDINGS);
    const appendix = await checkWorkbook(
      office,
      SETTINGS,
      {},
      {
        checkedOn: "2026-01-12",
        scope: "appendix",
      },
    );
    expect(excel.values(FINDINGS)).toEqual(before);
    expect(appendix.report.findings.find((f) => f.id === id)).toMatchObject({
      state: "still",
      status: "accepted",
      note: "đã rõ",
      reviewedOn: "2026-01-11",
      firstSeen: "2026-01-10",
    });
  });
});
