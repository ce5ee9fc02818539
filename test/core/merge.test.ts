import { runCheck } from "../../src/core/check/run-check";
import { RawSheet, RawValue } from "../../src/core/model/cells";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { mergeFiles, readRecords, SourceFile } from "../../src/core/merge";
import { PlainSheet } from "../../src/core/merge/canonical";
import { toTcvn3 } from "../../src/core/text/legacy";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { rowsOf } from "../helpers/rows";

/**
 * Three district files of different layouts, merged into canonical sheets. A: canonical, with a
 * roadmap. B: header lower down, sex as "x" marks, club "A2" again, the same roadmap unit with the
 * same counts and one more unit. C: one member sheet per club, typed in TCVN3, a roadmap
 * disagreeing with A about Vũ Quang.
 */
const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

const ROADMAP_HEADER = [
  "Đơn vị",
  "Số CLB đã thành lập giai đoạn trước",
  "Kế hoạch giai đoạn 2021-2025",
  "Năm 2021",
  "Năm 2022",
  "Năm 2023",
  "Năm 2024",
  "Năm 2025",
  "Tổng cả hai giai đoạn",
];
const roadmap = (...units: RawValue[][]): RawSheet => ({
  name: "Lộ trình",
  rows: [ROADMAP_HEADER, ...units],
});
const VQ = ["Huyện Vũ Quang", 4, 8, 2, 2, 2, 2, 0, 12];

function fileA(): SourceFile {
  const input = {
    clubs: clubsSheet([club("A1"), club("A2")]),
    members: membersSheet([...members("A1", 50, 33, 32, 27), ...members("A2", 3, 2, 1, 1)]),
    funds: fundsSheet([fund("A1"), fund("A2")]),
    roadmap: roadmap(VQ),
  };
  return { name: "A.xlsx", records: readRecords(input, settings) };
}

function fileB(): SourceFile {
  const clubs = clubsSheet([club("B1", { district: "Huyện Hương Khê" }), club("A2")]);
  const people = members("B1", 4, 3, 2, 1);
  const memberRows: RawValue[][] = [
    ["DANH SÁCH THÀNH VIÊN"],
    [],
    ["Mã CLB", "Họ và tên", "Nam", "Nữ", "Năm sinh", "Được vay vốn"],
    ...people.map((p) => [
      p.clubId!,
      p.name!,
      p.sex === "Nam" ? "x" : null,
      p.sex === "Nữ" ? "x" : null,
      p.birth!,
      p.borrowed!,
    ]),
    ["B1", "Người đánh cả hai", "x", "x", 1950, "Có"],
  ];
  const input = {
    clubs: { ...clubs, rows: [["DANH SÁCH CLB"], [], ...rowsOf(clubs)] },
    members: { name: "Thành viên", rows: memberRows },
    funds: fundsSheet([fund("B1")]),
    roadmap: roadmap(VQ, ["Huyện Hương Khê", 3, 5, 1, 1, 1, 1, 1, 8]),
  };
  return { name: "B.xlsx", records: readRecords(input, settings) };
}

function fileC(): SourceFile {
  const clubs = clubsSheet([club("C1", { district: "Huyện Can Lộc", name: "CLB xã Thiên Lộc" })]);
  const sheet: RawSheet = {
    name: "C1",
    rows: [
      ["Họ và tên", "Giới tính", "Năm sinh", "Được vay vốn"],
      [toTcvn3("Nguyễn Thị Hồng"), toTcvn3("Nữ"), 1950, toTcvn3("Có")],
      [toTcvn3("Trần Văn Đức"), "Nam", "năm ngoái", toTcvn3("Không")],
    ],
  };
  const input = {
    clubs,
    members: null,
    otherSheets: [sheet],
    funds: null,
    roadmap: roadmap(["H. Vũ Quang", 4, 9, 2, 2, 2, 3, 0, 13]),
  };
  return { name: "C.xlsx", records: readRecords(input, settings) };
}

const merged = mergeFiles([fileA(), fileB(), fileC()]);
const sheet = (name: string): PlainSheet => merged.sheets.find((s) => s.name === name)!;
/** Rows as objects by header, header row left out. */
const records = (name: string) => {
  const [header, ...rows] = sheet(name).rows;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
};

describe("merging the records of three files", () => {
  test("writes canonical sheets with the source file and row on every row", () => {
    expect(merged.sheets.map((s) => s.name)).toEqual(["CLB", "Thành viên", "Quỹ", "Lộ trình"]);
    const clubs = records("CLB");
    expect(clubs.map((c) => [c["Mã CLB"], c["Tệp nguồn"], c["Dòng nguồn"]])).toEqual([
      ["A1", "A.xlsx", "CLB!2"],
      ["A2", "A.xlsx", "CLB!3"],
      ["B1", "B.xlsx", "CLB!4"],
      ["A2", "B.xlsx", "CLB!5"],
      ["C1", "C.xlsx", "CLB!2"],
    ]);
    expect(sheet("Thành viên").rows.at(0)).toEqual([
      "Mã CLB",
      "Họ và tên",
      "Giới tính",
      "Năm sinh",
      "Hoàn cảnh khó khăn",
      "Được vay vốn",
      "Tệp nguồn",
      "Dòng nguồn",
    ]);
    expect(records("Thành viên")).toHaveLength(50 + 3 + 5 + 2);
    expect(records("Quỹ").map((f) => [f["Mã CLB"], f["Tệp nguồn"]])).toEqual([
      ["A1", "A.xlsx"],
      ["A2", "A.xlsx"],
      ["B1", "B.xlsx"],
    ]);
    expect(merged.sources).toEqual([
      { file: "A.xlsx", clubs: 2, members: 53, funds: 2, roadmapUnits: 1 },
      { file: "B.xlsx", clubs: 2, members: 5, funds: 1, roadmapUnits: 2 },
      { file: "C.xlsx", clubs: 1, members: 2, funds: 0, roadmapUnits: 1 },
    ]);
  });

  test("writes what the layout decided: sex from marks, the club of a one-club sheet, Unicode", () => {
    const people = records("Thành viên");
    const b = people.filter((p) => p["Tệp nguồn"] === "B.xlsx");
    expect(b.map((p) => p["Giới tính"])).toEqual(["Nữ", "Nữ", "Nữ", "Nam", null]);
    expect(b[0]!["Dòng nguồn"]).toBe("Thành viên!4");
    const c = people.filter((p) => p["Tệp nguồn"] === "C.xlsx");
    expect(c.map((p) => [p["Mã CLB"], p["Họ và tên"], p["Giới tính"], p["Năm sinh"]])).toEqual([
      ["C1", "Nguyễn Thị Hồng", "Nữ", 1950],
      // Unreadable values stay as typed: the province's check finds them again here.
      ["C1", "Trần Văn Đức", "Nam", "năm ngoái"],
    ]);
    expect(people[0]!["Năm sinh"]).toBe(1950);
  });

  test("reports a club id found in two files, naming both, at the later row", () => {
    const dup = merged.findings.filter((f) => f.rule === "merge.duplicateClub");
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: "error", sheet: "CLB", cell: "A5" });
    expect(dup[0]!.message.vi).toContain('"A.xlsx"');
    expect(dup[0]!.message.en).toMatch(/"A2" is in both "A.xlsx" \(CLB!3\) and "B.xlsx" \(CLB!5\)/);
  });

  test("keeps a roadmap unit once when files agree, and reports a disagreement", () => {
    expect(records("Lộ trình").map((u) => [u["Đơn vị"], u["Tệp nguồn"]])).toEqual([
      ["Huyện Vũ Quang", "A.xlsx"],
      ["Huyện Hương Khê", "B.xlsx"],
    ]);
    const conflicts = merged.findings.filter((f) => f.rule === "merge.roadmapConflict");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.message.en).toContain('"A.xlsx" gives 4, 8, 2, 2, 2, 2, 0, 12');
    expect(conflicts[0]!.message.en).toContain('"C.xlsx" (Lộ trình!2) gives 4, 9');
  });

  test("forwards what the reader said that the merged check cannot say again", () => {
    const rules = merged.findings.map((f) => `${f.rule} ${f.sheet ?? ""}!${f.cell ?? ""}`);
    // The marks in both columns: said by file B's reader, pointed at the merged sex cell.
    const both = merged.findings.find((f) => f.rule === "member.sex" && f.id.includes("B.xlsx"));
    expect(both).toMatchObject({ sheet: "Thành viên", cell: "C59" });
    expect(both!.message.en).toMatch(/^File "B.xlsx": Marked under both Nam and Nữ/);
    // C's TCVN3 text and missing fund sheet are named with the file.
    expect(rules).toContain("text.legacy !");
    expect(merged.findings.find((f) => f.rule === "fund.sheet")!.message.vi).toContain("C.xlsx");
    // The unreadable birth year is copied as typed: the merged check reports it, not the merge.
    expect(merged.findings.some((f) => f.rule === "member.birth")).toBe(false);
  });

  test("the merged sheets check as one workbook: the duplicate, the bad cell, the province's units", () => {
    const raw = (name: string): RawSheet => ({ name, rows: sheet(name).rows });
    const result = runCheck(
      {
        clubs: raw("CLB"),
        members: raw("Thành viên"),
        funds: raw("Quỹ"),
        roadmap: raw("Lộ trình"),
      },
      settings,
    );
    const rules = result.findings.map((f) => `${f.rule} ${f.cell ?? ""}`);
    expect(rules).toContain("club.duplicateId A5");
    expect(rules).toContain("member.birth D61");
    expect(rules).toContain("member.sex C59");
    expect(result.units.map((u) => u.entry.unit)).toEqual(["Huyện Vũ Quang", "Huyện Hương Khê"]);
    expect(result.verdicts.find((v) => v.club.id === "A1")!.stats.women).toBe(33);
    expect(result.verdicts.find((v) => v.club.id === "B1")!.stats.members).toBe(5);
  });
});

test("no roadmap in any file: no roadmap sheet", () => {
  const input = {
    clubs: clubsSheet([club("A1")]),
    members: membersSheet(members("A1", 2, 1, 1, 1)),
    funds: null,
    roadmap: null,
  };
  const m = mergeFiles([{ name: "A.xlsx", records: readRecords(input, settings) }]);
  expect(m.sheets.map((s) => s.name)).toEqual(["CLB", "Thành viên"]);
});
