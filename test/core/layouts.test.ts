import { runCheck } from "../../src/core/check/run-check";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { RawValue } from "../../src/core/model/cells";
import { club, clubsSheet, fund, fundsSheet } from "../helpers/registers";

const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

/** 50 members: 33 women, 32 older (born 1950), 27 borrowers, as rows [name, male year, female year, loan]. */
function paperRows(): RawValue[][] {
  return Array.from({ length: 50 }, (_, i) => {
    const year = i < 32 ? 1950 : 1990;
    const woman = i >= 17; // 33 women: rows 17..49
    return [
      i + 1,
      `Thành viên ${i + 1}`,
      woman ? null : year,
      woman ? year : null,
      "C1",
      i < 27 ? "x" : null,
    ];
  });
}

const check = (rows: (RawValue | undefined)[][]) =>
  runCheck(
    {
      clubs: clubsSheet([club("C1")]),
      members: { name: "Thành viên", rows },
      funds: fundsSheet([fund("C1")]),
      roadmap: null,
    },
    settings,
  );

describe("the birth year under a 'Nam' or 'Nữ' sub-column gives the sex", () => {
  test("two-row header with 'Năm sinh' merged over Nam and Nữ, below title rows", () => {
    const r = check([
      ["DANH SÁCH THÀNH VIÊN CLB"],
      [],
      ["TT", "Họ và tên", "Năm sinh", null, "Mã CLB", "Vay vốn"],
      [null, null, "Nam", "Nữ", null, null],
      ...paperRows(),
      ["Cộng", null, 17, 33, null, null],
    ]);
    expect(r.verdicts[0]!.stats).toMatchObject({
      members: 50,
      women: 33,
      sexKnown: 50,
      older: 32,
      borrowers: 27,
    });
    expect(r.findings.filter((f) => f.rule.startsWith("member."))).toEqual([]);
  });

  test("one-row header with Nam and Nữ columns", () => {
    const r = check([["TT", "Họ tên", "Nam", "Nữ", "Mã CLB", "Được vay vốn"], ...paperRows()]);
    expect(r.verdicts[0]!.stats).toMatchObject({ members: 50, women: 33, older: 32 });
  });

  test("both or neither sub-column filled is reported at the row", () => {
    const rows = paperRows();
    rows[0]![3] = 1951; // also under Nữ
    rows[1]![2] = null; // neither
    const r = check([["TT", "Họ tên", "Nam", "Nữ", "Mã CLB", "Vay vốn"], ...rows]);
    expect(r.findings.find((f) => f.rule === "member.sex")).toMatchObject({ cell: "D2" });
    expect(r.findings.find((f) => f.rule === "member.birth")).toMatchObject({ cell: "C3" });
    expect(r.verdicts[0]!.stats).toMatchObject({ members: 50, sexKnown: 48, ageKnown: 49 });
  });

  test("'Nam' in the data under a 'Giới tính' header is data, not a sub-column header", () => {
    const r = check([
      ["Mã CLB", "Họ và tên", "Giới tính", "Năm sinh", "Vay vốn"],
      ...paperRows().map((p) => [
        p[4],
        p[1],
        p[2] === null ? "Nữ" : "Nam",
        p[2] ?? p[3],
        p[5] ?? "Không",
      ]),
    ]);
    expect(r.verdicts[0]!.stats).toMatchObject({
      members: 50,
      women: 33,
      older: 32,
      borrowers: 27,
    });
  });
});

test("hardship as 'x' marks under category sub-columns", () => {
  const rows = paperRows().map((p, i) => [...p, i % 5 === 0 ? "x" : null, i === 3 ? "X" : null]);
  rows[7]![7] = "có lẽ";
  const r = check([
    ["TT", "Họ tên", "Nam", "Nữ", "Mã CLB", "Vay vốn", "Hoàn cảnh khó khăn", null],
    [null, null, null, null, null, null, "Hộ nghèo", "Khuyết tật"],
    ...rows,
  ]);
  // Rows 0, 5, ..., 45 are poor households (10), row 3 has a disability: 11 members in hardship.
  expect(r.verdicts[0]!.stats.hardship).toBe(11);
  expect(
    r.findings.filter((f) => f.rule.startsWith("member.")).map((f) => `${f.rule} ${f.cell}`),
  ).toEqual(["member.hardship H10"]);
});
