import { runCheck } from "../../src/core/check/run-check";
import { validateMapping } from "../../src/core/check/mapping";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { RawValue } from "../../src/core/model/cells";
import { parseSexCode } from "../../src/core/parse/values";
import { club, clubsSheet, fund, fundsSheet, members } from "../helpers/registers";

/**
 * Sex written the other ways registers write it: a mark under "Nam" / "Nữ" columns beside a birth
 * column of its own, and a number whose code the header gives ("Giới tính (1: Nam, 2: Nữ)").
 * C1: 52 members, 34 women, 33 older, 28 borrowers; C2: 50 members, 25 women, 40 older, 20
 * borrowers. Every form must give exactly these counts.
 */
const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

const people = [...members("C1", 52, 34, 33, 28), ...members("C2", 50, 25, 40, 20)];
const EXPECTED = [
  ["C1", 52, 34, 52, 33, 28],
  ["C2", 50, 25, 50, 40, 20],
];

type Rows = (RawValue | undefined)[][];

function check(rows: Rows, mapping?: Parameters<typeof validateMapping>[0]) {
  return runCheck(
    {
      clubs: clubsSheet([club("C1"), club("C2")]),
      members: { name: "Thành viên", rows },
      funds: fundsSheet([fund("C1"), fund("C2")]),
      roadmap: null,
      ...(mapping !== undefined ? { mapping: validateMapping(mapping) } : {}),
    },
    settings,
  );
}

const counts = (r: ReturnType<typeof check>) =>
  r.verdicts.map((v) => [
    v.club.id,
    v.stats.members,
    v.stats.women,
    v.stats.sexKnown,
    v.stats.older,
    v.stats.borrowers,
  ]);
const memberFindings = (r: ReturnType<typeof check>) =>
  r.findings.filter((f) => f.rule.startsWith("member.")).map((f) => `${f.rule} ${f.cell}`);
const fieldsOf = (r: ReturnType<typeof check>) =>
  r.layout.find((l) => l.sheet === "Thành viên")?.columns.map((c) => c.field);

/** Rows [club, name, Nam, Nữ, birth, loan] with `mark` under the member's column. */
const marked = (mark: RawValue, blank: RawValue = null): Rows =>
  people.map((m) => [
    m.clubId,
    m.name,
    m.sex === "Nam" ? mark : blank,
    m.sex === "Nữ" ? mark : blank,
    m.birth,
    m.borrowed,
  ]);
const MARKS_HEADER = ["Mã CLB", "Họ và tên", "Nam", "Nữ", "Năm sinh", "Được vay vốn"];

describe("sex as a mark under 'Nam' / 'Nữ' beside a birth column", () => {
  test.each([["x"], ["X"], ["✓"], [1], ["1"], ["Có"]])("marks %p in a one-row header", (mark) => {
    const r = check([MARKS_HEADER, ...marked(mark)]);
    expect(counts(r)).toEqual(EXPECTED);
    expect(memberFindings(r)).toEqual([]);
  });

  test("0 or 'Không' in the other column is no mark", () => {
    expect(counts(check([MARKS_HEADER, ...marked(1, 0)]))).toEqual(EXPECTED);
    expect(counts(check([MARKS_HEADER, ...marked("x", "Không")]))).toEqual(EXPECTED);
  });

  test("under a two-row 'Giới tính' group header, below title rows, with 'Ngày sinh'", () => {
    const body = marked("x").map((r) => [r[0], r[1], r[2], r[3], `15/06/${String(r[4])}`, r[5]]);
    const r = check([
      ["HỘI NGƯỜI CAO TUỔI XÃ ĐỨC GIANG"],
      ["DANH SÁCH THÀNH VIÊN"],
      ["Mã CLB", "Họ và tên", "Giới tính", null, "Ngày sinh", "Vay vốn"],
      [null, null, "Nam", "Nữ", null, null],
      ...body,
      ["Tổng cộng", null, 43, 59, null, null],
    ]);
    expect(counts(r)).toEqual(EXPECTED);
    expect(memberFindings(r)).toEqual([]);
    expect(r.layout[1]).toMatchObject({ headerRows: [3, 4], dataRows: 102, totalRows: [107] });
  });

  test("columns in another order, the header in NFD", () => {
    const order = [4, 3, 0, 5, 1, 2];
    const nfd = (v: RawValue | undefined) => (typeof v === "string" ? v.normalize("NFD") : v);
    const r = check([MARKS_HEADER, ...marked("x")].map((row) => order.map((c) => nfd(row[c]))));
    expect(counts(r)).toEqual(EXPECTED);
    expect(memberFindings(r)).toEqual([]);
  });

  test("the layout report names the columns as sex marks", () => {
    const r = check([MARKS_HEADER, ...marked("x")]);
    expect(fieldsOf(r)).toEqual(["clubId", "name", "sexMale", "sexFemale", "birth", "borrowed"]);
  });

  test("marks in both columns or in neither are a member.sex finding at the Nam cell", () => {
    const rows = marked("x");
    rows[0]![2] = "x"; // member 1 of C1, a woman, also marked under Nam
    rows[40]![2] = null; // member 41 of C1, a man, left unmarked
    const r = check([MARKS_HEADER, ...rows]);
    expect(memberFindings(r)).toEqual(["member.sex C2", "member.sex C42"]);
    const [both, neither] = r.findings.filter((f) => f.rule === "member.sex");
    expect(both!.message.vi).toContain("Đánh dấu ở cả cột Nam và cột Nữ");
    expect(both!.message.en).toContain("Marked under both Nam and Nữ");
    expect(neither!.message.vi).toContain("Không đánh dấu ở cột Nam hay cột Nữ");
    expect(neither!.message.en).toContain("Marked under neither Nam nor Nữ");
    expect(counts(r)).toEqual([
      ["C1", 52, 33, 50, 33, 28],
      ["C2", 50, 25, 50, 40, 20],
    ]);
  });

  test("a year under Nam while the birth year has its own column is a member.sex finding", () => {
    const rows = marked("x");
    rows[50]![2] = 1950; // member 51 of C1, a man
    rows[51]![2] = "có lẽ";
    const r = check([MARKS_HEADER, ...rows]);
    expect(memberFindings(r)).toEqual(["member.sex C52", "member.sex C53"]);
    const year = r.findings.find((f) => f.rule === "member.sex")!;
    expect(year.message.vi).toContain('Cột Nam: "1950" không phải dấu giới tính');
    expect(year.message.en).toContain('Column Nam: "1950" is not a sex mark');
    expect(counts(r)[0]).toEqual(["C1", 52, 34, 50, 33, 28]);
  });

  test("a lone 'Nữ' column: a mark is a woman, blank or 0 a man", () => {
    const rows = people.map((m, i) => [
      m.clubId,
      m.name,
      m.birth,
      m.sex === "Nữ" ? (i % 2 === 0 ? "x" : 1) : i % 2 === 0 ? null : 0,
      m.borrowed,
    ]);
    const r = check([["Mã CLB", "Họ và tên", "Năm sinh", "Nữ", "Vay vốn"], ...rows]);
    expect(counts(r)).toEqual(EXPECTED);
    expect(memberFindings(r)).toEqual([]);
    expect(fieldsOf(r)).toEqual(["clubId", "name", "birth", "sexFemale", "borrowed"]);
  });

  test("a lone 'Nam' column is not enough: the sex column is missing", () => {
    const rows = people.map((m) => [m.clubId, m.name, m.birth, m.sex === "Nam" ? "x" : null]);
    expect(() => check([["Mã CLB", "Họ và tên", "Năm sinh", "Nam"], ...rows])).toThrow(
      /"Giới tính"/,
    );
  });
});

describe("the birth year under 'Nam' / 'Nữ' (no birth column) reads as before", () => {
  const yearRows = people.map((m) => [
    m.clubId,
    m.name,
    m.sex === "Nam" ? m.birth : null,
    m.sex === "Nữ" ? m.birth : null,
    m.borrowed,
  ]);

  test("one-row header", () => {
    const r = check([["Mã CLB", "Họ và tên", "Nam", "Nữ", "Vay vốn"], ...yearRows]);
    expect(counts(r)).toEqual(EXPECTED);
    expect(memberFindings(r)).toEqual([]);
    expect(fieldsOf(r)).toEqual(["clubId", "name", "birthMale", "birthFemale", "borrowed"]);
  });

  test("'Năm sinh' over Nam / Nữ, and even 'Giới tính' over them", () => {
    for (const group of ["Năm sinh", "Giới tính"]) {
      const r = check([
        ["Mã CLB", "Họ và tên", group, null, "Vay vốn"],
        [null, null, "Nam", "Nữ", null],
        ...yearRows,
      ]);
      expect(counts(r)).toEqual(EXPECTED);
      expect(fieldsOf(r)).toEqual(["clubId", "name", "birthMale", "birthFemale", "borrowed"]);
    }
  });
});

describe("sex as a number, with the code in the header", () => {
  const coded = (header: string, male: RawValue, female: RawValue): Rows => [
    ["Mã CLB", "Họ và tên", header, "Năm sinh", "Được vay vốn"],
    ...people.map((m) => [m.clubId, m.name, m.sex === "Nam" ? male : female, m.birth, m.borrowed]),
  ];

  test.each([
    ["Giới tính (1: Nam, 2: Nữ)", 1, 2],
    ["Giới tính (Nam = 1, Nữ = 0)", 1, 0],
    ["Giới tính (1=Nam; 0=Nữ)", "1", "0"],
    ["GIỚI TÍNH (1 - Nam, 2 - Nữ) *", "1", 2],
    ["Giới tính (Nữ: 1, Nam: 2)", 2, 1],
    ["Giới tính (1: Nam, 2: Nữ)".normalize("NFD"), 1, 2],
  ])("%p", (header, male, female) => {
    const r = check(coded(header, male, female));
    expect(counts(r)).toEqual(EXPECTED);
    expect(memberFindings(r)).toEqual([]);
    expect(r.layout[1]!.columns[2]).toEqual({
      column: "C",
      header: header.normalize("NFC"),
      field: "sex",
    });
  });

  test("words still read beside the code; a number outside it is a finding", () => {
    const rows = coded("Giới tính (1: Nam, 2: Nữ)", "Nam", 2);
    rows[1]![2] = 3;
    const r = check(rows);
    expect(memberFindings(r)).toEqual(["member.sex C2"]);
    const f = r.findings.find((x) => x.rule === "member.sex")!;
    expect(f.message.vi).toContain('"3" không đọc được, cần Nam hoặc Nữ, hoặc 1 (Nam) hoặc 2 (Nữ)');
    expect(f.message.en).toContain("or 1 (Nam) or 2 (Nữ) by the code in the column header");
  });

  test("without a code in the header, numbers are findings that say how to fix them", () => {
    // The first member is a woman: 0.
    const r = check(coded("Giới tính", 1, 0));
    expect(memberFindings(r)).toHaveLength(102);
    const f = r.findings.find((x) => x.rule === "member.sex")!;
    expect(f.message.vi).toBe(
      'Giới tính: "0" không đọc được, cần Nam hoặc Nữ; nếu cột ghi số, hãy ghi mã vào tiêu đề cột, vd. "Giới tính (1=Nam, 0=Nữ)". (Thành viên!C2)',
    );
    expect(f.message.en).toBe(
      'Giới tính: "0" cannot be read, expected Nam (male) or Nữ (female); if the column holds numbers, put their code in its header, e.g. "Giới tính (1=Nam, 0=Nữ)". (Thành viên!C2)',
    );
  });

  test.each(["Giới tính (ghi chú)", "Giới tính (Nam/Nữ)", "Gioi tinh (Nam/Nu)"])(
    "a note that is not a code still names the sex column (%p), whose words read as before",
    (header) => {
      // Nor is the first member's "Nữ" below it taken for a lone "Nữ" sub-column header.
      const r = check(coded(header, "Nam", "Nữ"));
      expect(counts(r)).toEqual(EXPECTED);
      expect(memberFindings(r)).toEqual([]);
      expect(r.layout[1]!.columns[2]).toEqual({ column: "C", header, field: "sex" });
    },
  );

  test("a column mapped to sex keeps its coded header", () => {
    const rows = coded("Giới tính (1: Nam, 2: Nữ)", 1, 2);
    const r = check(rows, { "Thành viên": { role: "members", columns: { C: "sex" } } });
    expect(counts(r)).toEqual(EXPECTED);
    expect(memberFindings(r)).toEqual([]);
  });

  test.each([
    ["1: Nam, 2: Nữ", [1, "M"], [2, "F"]],
    ["Nam = 1, Nữ = 0", [1, "M"], [0, "F"]],
    ["1=Nam; 0=Nữ", [1, "M"], [0, "F"]],
    ["1 là nam, 2 là nữ", [1, "M"], [2, "F"]],
    ["Nu: 0 / Nam: 1", [0, "F"], [1, "M"]],
  ])("the code %p", (note, a, b) => {
    expect(parseSexCode(note)).toEqual(new Map([a, b] as [number, string][]));
  });

  test.each(["1: Nam", "1: Nam, 1: Nữ", "1: Nam, 2: Nam", "Nam, Nữ", "1: Nam, 2: Nữ, 3: Khác"])(
    "%p is no code",
    (note) => {
      expect(parseSexCode(note)).toBeNull();
    },
  );
});

test("columns mapped by the user to sex marks read as marks", () => {
  const rows: Rows = [["Cột 1", "Cột 2", "Cột 3", "Cột 4", "Cột 5", "Cột 6"], ...marked("x")];
  const columns = {
    A: "clubId",
    B: "name",
    C: "sexMale",
    D: "sexFemale",
    E: "birth",
    F: "borrowed",
  };
  const r = check(rows, { "Thành viên": { role: "members", headerRow: 1, columns } });
  expect(counts(r)).toEqual(EXPECTED);
  expect(fieldsOf(r)).toEqual(["clubId", "name", "sexMale", "sexFemale", "birth", "borrowed"]);
});
