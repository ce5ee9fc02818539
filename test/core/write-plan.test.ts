import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { rowsOf } from "../helpers/rows";

const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

function workbook(extra: { name: string; rows: string[][] }[] = []) {
  const rows = [...members("C1", 50, 33, 32, 27), ...members("C2", 40, 30, 20, 10)];
  rows[3] = { ...rows.at(3)!, sex: "?" };
  return new MemoryWorkbook([
    clubsSheet([club("C1"), club("C2", { act3: "Không" })]),
    membersSheet(rows),
    fundsSheet([fund("C1"), fund("C2", { regulation: "Không" })]),
    ...extra,
  ]);
}

describe("the write plan over a workbook", () => {
  test("writes the three generated sheets and highlights the failing cells of the user's sheets", async () => {
    const wb = workbook();
    const { plan, report } = await checkWorkbook(wb, settings);
    expect(plan.sheets.map((s) => s.name)).toEqual(["Kết quả CLB", "Phụ lục", "Danh sách lỗi"]);
    const cells = wb.highlights.map((h) => `${h.sheet}!${h.cell}:${h.rule}`);
    expect(cells).toEqual(
      expect.arrayContaining([
        "Thành viên!C5:member.sex",
        "CLB!A3:club.noMembers".replace(
          "club.noMembers",
          wb.highlights.find((h) => h.cell === "A3")!.rule,
        ),
        "CLB!H3:club.activities",
        "Quỹ!D3:club.regulation",
      ]),
    );
    expect(wb.highlights.find((h) => h.sheet === "CLB" && h.cell === "A3")?.severity).toBe("error");
    expect(report.clubs.find((c) => c.id === "C2")!.failed).toEqual(
      expect.arrayContaining(["club.size", "club.borrowers", "club.regulation", "club.activities"]),
    );
    const results = await wb.readSheet("Kết quả CLB");
    expect(results.rows.at(2)!.slice(1, 5)).toEqual(["C1", "CLB C1", "Huyện Vũ Quang", 50]);
    expect(results.rows.at(3)![18]).toBe("Chưa đạt");
  });

  test("a user's sheet named like a generated one is never overwritten", async () => {
    const wb = workbook([{ name: "Kết quả CLB", rows: [["my own notes"]] }]);
    const { plan } = await checkWorkbook(wb, settings);
    expect(plan.sheets[0]!.name).toBe("Kết quả CLB (2)");
    expect(rowsOf(await wb.readSheet("Kết quả CLB"))).toEqual([["my own notes"]]);
  });

  test("a re-run rewrites its own sheets in place and keeps the reviewers' marks", async () => {
    const wb = workbook();
    await checkWorkbook(wb, settings);
    const findings = await wb.readSheet("Danh sách lỗi");
    const rows = findings.rows as (string | number | null)[][];
    const target = rows.findIndex((r) => r[2] === "member.sex");
    rows[target]![7] = "Đã xem";
    rows[target]![8] = "Hỏi lại xã";
    const { plan } = await checkWorkbook(wb, settings);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual([
      "CLB",
      "Thành viên",
      "Quỹ",
      "Kết quả CLB",
      "Phụ lục",
      "Danh sách lỗi",
    ]);
    const again = plan.sheets[2]!.rows.find((r) => r[2]?.v === "member.sex")!;
    expect([again[7]!.v, again[8]!.v]).toEqual(["Đã xem", "Hỏi lại xã"]);
  });
});

test("two sheets that could be the club list: the canonical one is used and the other is named", async () => {
  const wb = workbook([{ name: "Clubs", rows: [["Mã CLB"], ["XX-1"]] }]);
  const { report } = await checkWorkbook(wb, settings);
  expect(report.findings.find((f) => f.rule === "sheet.duplicateRole")).toMatchObject({
    severity: "warning",
    sheet: "CLB",
    message: expect.stringContaining('"Clubs"'),
  });
});
