import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { InputError } from "../../src/core/model/errors";
import { RawSheet } from "../../src/core/model/cells";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { rowsOf } from "../helpers/rows";

/**
 * Each sheet's role comes from the fields its header names; the name is only a hint. What was
 * decided, and why, is in the report's layout; sheets not read are said.
 */
const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31", lang: "en" as const };
const named = (sheet: RawSheet, name: string): RawSheet => ({ ...sheet, name });
const clubs = clubsSheet([club("C1"), club("C2")]);
const people = membersSheet([...members("C1", 50, 33, 32, 27), ...members("C2", 40, 10, 30, 5)]);
const funds = fundsSheet([fund("C1"), fund("C2", { regulation: "Không" })]);

async function check(sheets: RawSheet[]) {
  return (await checkWorkbook(new MemoryWorkbook(sheets), settings)).report;
}

const roles = (r: Awaited<ReturnType<typeof check>>) => r.layout.map((l) => [l.sheet, l.role]);
const memberCounts = (r: Awaited<ReturnType<typeof check>>) =>
  r.clubs.map((c) => [c.id, c.members]);

describe("sheets known by their content", () => {
  test("Sheet1, Sheet2, Sheet3 in any order read as the canonical names do", async () => {
    const canonical = await check([clubs, people, funds]);
    const generic = await check([
      named(funds, "Sheet3"),
      named(people, "Sheet1"),
      named(clubs, "Sheet2"),
    ]);
    expect(roles(generic)).toEqual([
      ["Sheet2", "clubs"],
      ["Sheet1", "members"],
      ["Sheet3", "funds"],
    ]);
    expect(generic.clubs).toEqual(canonical.clubs);
    expect(generic.layout[2]!.reason?.en).toMatch(/^header row 1 names 4 columns of the fund list/);
  });

  test('a fund sheet named "Quy" (no accents) is the fund sheet: no "no fund sheet" warning', async () => {
    const r = await check([clubs, people, named(funds, "Quy")]);
    expect(r.findings.map((f) => f.rule)).not.toContain("fund.sheet");
    expect(r.clubs.map((c) => c.operatingFund)).toEqual([true, true]);
  });

  test("the content wins over a misleading name; the name breaks no tie it did not need to", async () => {
    const r = await check([named(people, "CLB"), named(clubs, "Thành viên"), funds]);
    expect(roles(r).slice(0, 2)).toEqual([
      ["Thành viên", "clubs"],
      ["CLB", "members"],
    ]);
    expect(memberCounts(r)).toEqual([
      ["C1", 50],
      ["C2", 40],
    ]);
  });

  test("two sheets that fit one role: the better fit is used and the other named", async () => {
    const fewer = fundsSheet([fund("C1")]);
    const r = await check([clubs, people, funds, named(fewer, "Quỹ cũ")]);
    const dup = r.findings.find((f) => f.rule === "sheet.duplicateRole")!;
    expect(dup.message).toContain('"Quỹ" is used, "Quỹ cũ" ignored');
  });

  test("a sheet that is no register is skipped and said so; an empty one is not mentioned", async () => {
    const notes = { name: "Ghi chú", rows: [["Ghi chú của cán bộ"], ["Nộp trước 15/12"]] };
    const r = await check([clubs, people, funds, notes, { name: "Sheet9", rows: [] }]);
    const skipped = r.findings.filter((f) => f.rule === "sheet.skipped");
    expect(skipped.map((f) => f.sheet)).toEqual(["Ghi chú"]);
    expect(skipped[0]!.message).toContain("no header row looks like a club, member, fund");
  });

  test("with no member list anywhere, the message lists the sheets and the way out", async () => {
    const err = await check([clubs, funds]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).text.vi).toContain('không sheet nào ("CLB", "Quỹ")');
    expect((err as InputError).text.vi).toContain("Chọn cột");
    expect((err as InputError).text.en).toContain("--mapping");
  });

  test("a member list lacking a column names the sheet, the header row, the columns not understood and the way out", async () => {
    const rows = rowsOf(people).map((r, i) =>
      i === 0 ? r!.map((v) => (v === "Giới tính" ? "Phái" : v)) : r,
    );
    const err = await check([clubs, { name: "Danh sách", rows }, funds]).catch((e: unknown) => e);
    expect((err as InputError).code).toBe("missing-column");
    expect((err as InputError).text.en).toBe(
      'Sheet "Danh sách": required column "Giới tính" is missing (header row 1). Columns not understood: C "Phái". Rename the column headers, or say which column is which: Chọn cột (pick columns) in the task pane, or --mapping on the command line.',
    );
  });

  test("the user's mapping gives a role the content would not", async () => {
    const r = await checkWorkbook(
      new MemoryWorkbook([clubs, people, named(funds, "Sổ quỹ")]),
      settings,
      {
        "Sổ quỹ": { role: "funds" },
      },
    );
    expect(r.report.layout[2]!.reason?.en).toBe("by the column mapping");
  });
});

describe("nothing read or assumed without a word", () => {
  test("columns with a header that no field reads are listed; the numbering column is not", async () => {
    const rows = rowsOf(people).map((r, i) => [
      i === 0 ? "STT" : i,
      ...r!,
      i === 0 ? "Số điện thoại" : null,
      i === 0 ? "Dân tộc" : "Kinh",
    ]);
    const r = await check([clubs, { name: "Thành viên", rows }, funds]);
    expect(r.layout[1]!.unread).toEqual([
      { column: "H", header: "Số điện thoại" },
      { column: "I", header: "Dân tộc" },
    ]);
    expect(r.layout[0]!.unread).toBeUndefined();
  });

  test("a missing hardship, leave-date or loan column is a warning saying what was assumed", async () => {
    const rows = rowsOf(people).map((r) => r!.slice(0, 4));
    const r = await check([clubs, { name: "Thành viên", rows }, funds]);
    const assumed = r.findings.filter((f) => f.rule === "layout.assumed");
    expect(assumed.map((f) => f.id)).toEqual([
      "layout.assumed|Thành viên:hardship",
      "layout.assumed|Thành viên:left",
      "layout.assumed|Thành viên:borrowed",
    ]);
    expect(assumed[2]!.message).toContain("no member is taken to have borrowed");
    expect(r.clubs.map((c) => c.borrowers)).toEqual([0, 0]);
  });
});
