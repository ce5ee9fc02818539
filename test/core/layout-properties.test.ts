import fc from "fast-check";
import { runCheck } from "../../src/core/check/run-check";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { RawValue } from "../../src/core/model/cells";
import { club, clubsSheet, fund, fundsSheet, members } from "../helpers/registers";

/**
 * How a register is laid out must never change what is counted: column order, title rows, blank
 * rows, unrelated columns, and the Unicode form of its text.
 */
const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };
const HEADER = [
  "Mã CLB",
  "Họ và tên",
  "Giới tính",
  "Năm sinh",
  "Được vay vốn",
  "Hoàn cảnh khó khăn",
];
const data: RawValue[][] = [...members("C1", 52, 34, 33, 28), ...members("C2", 50, 25, 40, 20)].map(
  (m) => [m.clubId!, m.name!, m.sex!, m.birth!, m.borrowed!, m.hardship ?? null],
);

function counts(rows: (RawValue | undefined)[][]) {
  const r = runCheck(
    {
      clubs: clubsSheet([club("C1"), club("C2")]),
      members: { name: "Thành viên", rows },
      funds: fundsSheet([fund("C1"), fund("C2")]),
      roadmap: null,
    },
    settings,
  );
  return r.verdicts.map((v) => v.stats);
}

const baseline = counts([HEADER, ...data]);

describe("layout never changes the counts", () => {
  test("baseline", () => {
    expect(baseline.map((s) => [s.members, s.women, s.older, s.borrowers, s.hardship])).toEqual([
      [52, 34, 33, 28, 1],
      [50, 25, 40, 20, 1],
    ]);
  });

  test("shuffled columns, title rows, blank rows and unrelated columns", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
        fc.array(
          fc.constantFrom(
            "HỘI NGƯỜI CAO TUỔI XÃ ĐỨC GIANG",
            "DANH SÁCH THÀNH VIÊN",
            "Năm 2025",
            "",
          ),
          { maxLength: 4 },
        ),
        fc.array(fc.nat({ max: data.length }), { maxLength: 6 }),
        fc.array(fc.constantFrom("Ghi chú", "Số điện thoại", "Thôn", "STT"), { maxLength: 3 }),
        (order, titles, blanks, extras) => {
          const extraCells = (i: number) =>
            extras.map((_, k) => (i < 0 ? extras[k]! : `${k}-${i}`));
          const body = data.map((row, i) => [
            ...extraCells(i),
            ...order.map((c) => row[c] ?? null),
          ]);
          for (const b of [...blanks].sort((x, y) => y - x)) body.splice(b, 0, []);
          const rows = [
            ...titles.map((t) => [t]),
            [...extraCells(-1), ...order.map((c) => HEADER[c]!)],
            ...body,
          ];
          expect(counts(rows)).toEqual(baseline);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("the same register in NFD gives the same result as in NFC", () => {
    const nfd = (v: RawValue) => (typeof v === "string" ? v.normalize("NFD") : v);
    expect(counts([HEADER.map(nfd), ...data.map((r) => r.map(nfd))])).toEqual(baseline);
  });
});
