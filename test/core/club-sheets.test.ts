import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { InputError } from "../../src/core/model/errors";
import { RawValue } from "../../src/core/model/cells";
import { club, clubsSheet, fund, fundsSheet, members } from "../helpers/registers";

const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

/** One club's member list without a club column, under optional title rows. */
function clubSheet(name: string, clubId: string, titles: string[] = []) {
  const rows: RawValue[][] = members(clubId, 50, 33, 32, 27).map((m, i) => [
    i + 1,
    m.name!,
    m.sex!,
    m.birth!,
    m.borrowed!,
  ]);
  return {
    name,
    rows: [
      ...titles.map((t) => [t]),
      ["TT", "Họ và tên", "Giới tính", "Năm sinh", "Vay vốn"],
      ...rows,
    ],
  };
}

const clubs = clubsSheet([
  club("C1", { name: "CLB LTHTGN xã Đức Giang" }),
  club("C2", { name: "CLB LTHTGN xã Hương Minh" }),
  club("C3", { name: "CLB LTHTGN xã Hương Minh số 2" }),
]);
const funds = fundsSheet([fund("C1"), fund("C2"), fund("C3")]);

describe("one sheet per club", () => {
  test("clubs known from the sheet name or a title row, the longest name winning", async () => {
    const wb = new MemoryWorkbook([
      clubs,
      funds,
      clubSheet("c1", "C1"),
      clubSheet("Sheet2", "C2", [
        "HỘI NGƯỜI CAO TUỔI XÃ HƯƠNG MINH",
        "DANH SÁCH THÀNH VIÊN CLB LTHTGN XÃ HƯƠNG MINH",
      ]),
      clubSheet("Sheet3", "C3", ["DANH SÁCH THÀNH VIÊN CLB LTHTGN XÃ HƯƠNG MINH SỐ 2"]),
      { name: "Ghi chú", rows: [["Số liệu tổng hợp từ sổ của các xã"]] },
      clubSheet("Sheet5", "C9", ["DANH SÁCH THÀNH VIÊN CLB XÃ KỲ LẠC"]),
    ]);
    const { report } = await checkWorkbook(wb, settings);
    expect(report.clubs.map((c) => [c.id, c.members, c.women])).toEqual([
      ["C1", 50, 33],
      ["C2", 50, 33],
      ["C3", 50, 33],
    ]);
    const notes = report.findings
      .filter((f) => f.rule.startsWith("sheet."))
      .map((f) => `${f.rule} ${f.sheet}`);
    expect(notes).toEqual(["sheet.skipped Ghi chú", "sheet.unknownClub Sheet5"]);
  });

  test("a cell finding on a club's own sheet points at that sheet", async () => {
    const sheet = clubSheet("C1", "C1");
    (sheet.rows[3] as RawValue[])[2] = "?";
    const { report } = await checkWorkbook(new MemoryWorkbook([clubs, funds, sheet]), settings);
    expect(report.findings.find((f) => f.rule === "member.sex")).toMatchObject({
      sheet: "C1",
      cell: "C4",
    });
  });

  test("no member list anywhere is a clear error", async () => {
    const wb = new MemoryWorkbook([clubs, funds, { name: "Ghi chú", rows: [["…"]] }]);
    await expect(checkWorkbook(wb, settings)).rejects.toThrow(InputError);
    await expect(checkWorkbook(wb, settings)).rejects.toThrow(
      /No member list found: no sheet .* has a header row/,
    );
  });
});
