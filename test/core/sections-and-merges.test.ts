import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { RawSheet, RawValue } from "../../src/core/model/cells";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { ClubNames } from "../../src/core/read/club-names";
import { fillMergedDown } from "../../src/core/read/merged";
import { sectionOf } from "../../src/core/read/sections";
import { Club } from "../../src/core/model/records";
import { club, clubsSheet, fund, fundsSheet, members } from "../helpers/registers";
import { rowsOf as allRows } from "../helpers/rows";

/**
 * Member lists without a club column, grouped under section rows; club codes merged down their
 * rows; ages instead of birth years. Counts are those the rows were built with.
 */
const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31", lang: "en" as const };
const NAMES = {
  C1: "CLB liên thế hệ tự giúp nhau xã Đức Giang",
  C2: "CLB LTHTGN thôn Kim Thành",
  C3: "CLB liên thế hệ tự giúp nhau xã Hương Minh",
};
const clubs = clubsSheet(Object.entries(NAMES).map(([id, name]) => club(id, { name })));
const funds = fundsSheet([fund("C1"), fund("C2"), fund("C3")]);
const asClub = (id: string, name: string) => ({ id, name }) as unknown as Club;

/** One club's member rows, numbered from 1, without a club column. */
function rowsOf(clubId: string, n: number, women: number, older: number, borrowers: number) {
  return members(clubId, n, women, older, borrowers).map((m, i): RawValue[] => [
    i + 1,
    m.name!,
    m.sex!,
    m.birth!,
    m.borrowed!,
  ]);
}
const HEADER = ["TT", "Họ và tên", "Giới tính", "Năm sinh", "Được vay vốn"];

async function check(sheets: RawSheet[]) {
  return (await checkWorkbook(new MemoryWorkbook(sheets), settings)).report;
}
const counts = (r: Awaited<ReturnType<typeof check>>) =>
  r.clubs.map((c) => [c.id, c.members, c.women, c.older, c.borrowers]);

describe("section rows", () => {
  const names = new ClubNames([asClub("C1", NAMES.C1), asClub("C2", NAMES.C2)]);

  test.each([
    [["I. CLB liên thế hệ tự giúp nhau xã Đức Giang"], "C1"],
    [["I", "CLB liên thế hệ tự giúp nhau xã Đức Giang"], "C1"],
    [["II. CLB LIEN THE HE TU GIUP NHAU XA DUC GIANG"], "C1"],
    [["2. Câu lạc bộ LTHTGN thôn Kim Thành"], "C2"],
    [["CLB thôn Kim Thành"], "C2"],
    [["III. C2"], "C2"],
    // The kind of place left out: "Đức Giang" is the club of "xã Đức Giang".
    [["III. CLB Đức Giang"], "C1"],
    [["IV. CLB xã Hương Minh"], null],
  ])("%p opens a section of %p", (cells, clubId) => {
    expect(sectionOf(cells, names)).toEqual({ clubId, text: cells.join(" ") });
  });

  test.each([
    [[1, "Nguyễn Thị Hoa", "Nữ", 1950]],
    [["Nguyễn Văn Giang"]],
    [[1, "Trần Kim Thành"]],
    [["Ghi chú: danh sách đến 31/12"]],
    [[3]],
  ])("%p is no section row", (cells) => {
    expect(sectionOf(cells, names)).toBeUndefined();
  });

  test("members under sections, numbered again, with subtotal rows, count for their club", async () => {
    const rows: (RawValue[] | undefined)[] = [
      ["DANH SÁCH THÀNH VIÊN CÁC CLB LIÊN THẾ HỆ TỰ GIÚP NHAU"],
      HEADER,
      ["I. CLB liên thế hệ tự giúp nhau xã Đức Giang"],
      ...rowsOf("C1", 50, 33, 32, 27),
      ["Cộng I", null, 50],
      ["II", "CLB LTHTGN THON KIM THANH"],
      ...rowsOf("C2", 40, 10, 30, 5),
      ["Cộng", null, 40],
      ["III. CLB lien the he tu giup nhau xa Huong Minh"],
      ...rowsOf("C3", 55, 36, 36, 30),
      ["Tổng cộng", null, 145],
    ];
    const r = await check([clubs, { name: "Danh sách", rows }, funds]);
    expect(counts(r)).toEqual([
      ["C1", 50, 33, 32, 27],
      ["C2", 40, 10, 30, 5],
      ["C3", 55, 36, 36, 30],
    ]);
    const layout = r.layout.find((l) => l.sheet === "Danh sách")!;
    expect(layout.sections).toEqual([
      { row: 3, clubId: "C1" },
      { row: 55, clubId: "C2" },
      { row: 97, clubId: "C3" },
    ]);
    expect(layout.totalRows).toEqual([54, 96, 153]);
    expect(r.findings.filter((f) => f.severity === "error" && f.rule.startsWith("member"))).toEqual(
      [],
    );
  });

  test("members under a section naming no known club are not counted, in one warning", async () => {
    const rows = [
      HEADER,
      ["I. CLB liên thế hệ tự giúp nhau xã Đức Giang"],
      ...rowsOf("C1", 50, 33, 32, 27),
      ["II. CLB xã Sơn Thọ"],
      ...rowsOf("C9", 7, 3, 3, 3),
    ];
    const r = await check([clubs, { name: "Danh sách", rows }, funds]);
    expect(counts(r)[0]).toEqual(["C1", 50, 33, 32, 27]);
    const warning = r.findings.filter((f) => f.rule === "layout.section");
    expect(warning).toHaveLength(1);
    expect(warning[0]!.message).toBe(
      'Sheet "Danh sách": 7 members (rows 54, 55, 56, 57, 58, …) stand under no section row naming a club of the club list: not counted. Make the section row give the club\'s name, or add a club column.',
    );
  });
});

describe("merged cells", () => {
  test("a merged value fills the rows it covers below the header, down its first column only", () => {
    const sheet: RawSheet = {
      name: "S",
      rows: [
        ["Mã CLB", "Tên"],
        ["C1", "a"],
        [null, "b"],
        [null, null],
        [null, "d"],
        ["T", "x"],
      ],
      merges: [
        { row0: 1, col0: 0, row1: 4, col1: 0 },
        { row0: 5, col0: 0, row1: 5, col1: 1 },
      ],
    };
    const filled = fillMergedDown(sheet, 1);
    expect(allRows(filled).map((r) => r?.[0] ?? null)).toEqual([
      "Mã CLB",
      "C1",
      "C1",
      null,
      "C1",
      "T",
    ]);
    // The input is not changed, and a sheet without merges comes back as it is.
    expect(sheet.rows.at(2)![0]).toBeNull();
    expect(fillMergedDown({ name: "S", rows: sheet.rows }, 1)).toEqual({
      name: "S",
      rows: sheet.rows,
    });
    // Areas that start in the header rows are left as the header search saw them.
    expect(fillMergedDown(sheet, 2).rows.at(2)![0]).toBeNull();
  });

  test("a club code merged down each club's rows gives every member its club", async () => {
    const data = [
      ...members("C1", 50, 33, 32, 27),
      ...members("C2", 40, 10, 30, 5),
      ...members("C3", 55, 36, 36, 30),
    ];
    const rows: RawValue[][] = [
      ["Mã CLB", "Họ và tên", "Giới tính", "Năm sinh", "Được vay vốn"],
      ...data.map((m, i) => [
        i === 0 || data[i - 1]!.clubId !== m.clubId ? m.clubId! : null,
        m.name!,
        m.sex!,
        m.birth!,
        m.borrowed!,
      ]),
    ];
    const merges = [
      { row0: 1, col0: 0, row1: 50, col1: 0 },
      { row0: 51, col0: 0, row1: 90, col1: 0 },
      { row0: 91, col0: 0, row1: 145, col1: 0 },
    ];
    const r = await check([clubs, { name: "Thành viên", rows, merges }, funds]);
    expect(counts(r)).toEqual([
      ["C1", 50, 33, 32, 27],
      ["C2", 40, 10, 30, 5],
      ["C3", 55, 36, 36, 30],
    ]);
  });
});

describe("an age column instead of the birth year", () => {
  const aged = (header: string, atYear: number) => [
    ["Mã CLB", "Họ và tên", "Giới tính", header, "Được vay vốn"],
    // members() are born 1950 (older) or 1990.
    ...members("C1", 50, 33, 32, 27).map((m) => [
      m.clubId!,
      m.name!,
      m.sex!,
      atYear - (m.birth as number),
      m.borrowed!,
    ]),
  ];

  test.each([
    ["Tuổi", 2025, "the reference date 31/12/2025"],
    ["Tuổi (tính đến 31/12/2024)", 2024, "31/12/2024 (as its header says)"],
  ])("%p reads as ages at %p, said once", async (header, atYear, said) => {
    const r = await check([clubs, { name: "Thành viên", rows: aged(header, atYear) }, funds]);
    expect(counts(r)[0]).toEqual(["C1", 50, 33, 32, 27]);
    const info = r.findings.filter((f) => f.rule === "layout.age");
    expect(info).toHaveLength(1);
    expect(info[0]!.message).toContain(said);
    expect(info[0]!.cell).toBe("D1");
  });

  test("an implausible age is a finding at its cell, distinct from an unreadable one", async () => {
    const rows = aged("Tuổi", 2025);
    rows[1]![3] = 230;
    rows[2]![3] = "già";
    const r = await check([clubs, { name: "Thành viên", rows }, funds]);
    const bad = r.findings.filter((f) => f.rule === "member.birth");
    expect(bad.map((f) => f.cell)).toEqual(["D2", "D3"]);
    expect(bad[0]!.message).toContain('Age: "230" is implausible');
    expect(bad[1]!.message).toContain('"già" cannot be read');
  });
});
