import { CheckResult } from "../../src/core/check/run-check";
import {
  displayRange,
  findOutliers,
  formatNumber,
  MAD_SCALE,
  MEAN_AD_SCALE,
  medianOfSorted,
  outsideText,
  RobustRange,
  robustRange,
} from "../../src/core/rules/outliers";
import { nameKey } from "../../src/core/text/normalize";
import { check } from "../helpers/run";
import { club, fund, members, Row } from "../helpers/registers";

const ofRule = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule);

describe("median and MAD", () => {
  test("the median of an odd and an even count", () => {
    expect(medianOfSorted([1, 2, 3])).toBe(2);
    expect(medianOfSorted([1, 2, 3, 4])).toBe(2.5);
    expect(medianOfSorted([])).toBeNaN();
  });

  test("1..9: median 5, MAD 2, scaled by 1.4826", () => {
    const r = robustRange([9, 1, 8, 2, 7, 3, 6, 4, 5], 3.5)!;
    expect(r.median).toBe(5);
    expect(r.method).toBe("mad");
    expect(r.scale).toBeCloseTo(2 * MAD_SCALE, 10);
    expect(r.lo).toBeCloseTo(5 - 3.5 * 2 * MAD_SCALE, 10);
    expect(r.hi).toBeCloseTo(5 + 3.5 * 2 * MAD_SCALE, 10);
    expect(r.count).toBe(9);
  });

  test("one wild value moves neither the median nor the MAD much, and is found", () => {
    const values = [10, 11, 12, 13, 14, 15, 16, 17, 100];
    const found = findOutliers(values, (v) => v, 3.5)!;
    expect(found.range.median).toBe(14);
    expect(found.range.scale).toBeCloseTo(2 * MAD_SCALE, 10); // deviations 0,1,1,2,2,3,3,4,86
    expect(found.outliers).toEqual([100]);
  });

  test("k changes the verdict: 25 is outside 14 ± 3.5·2.9652 but inside 14 ± 4·2.9652", () => {
    const values = [10, 11, 12, 13, 14, 15, 16, 17, 25];
    expect(findOutliers(values, (v) => v, 3.5)!.outliers).toEqual([25]); // hi = 24.38
    expect(findOutliers(values, (v) => v, 4)!.outliers).toEqual([]); // hi = 25.86
  });

  test("a series shorter than the minimum (8) is not judged", () => {
    const seven = [1, 2, 3, 4, 5, 6, 1000];
    expect(robustRange(seven, 3.5)).toBeNull();
    expect(findOutliers(seven, (v) => v, 3.5)).toBeNull();
    expect(findOutliers([...seven, 4], (v) => v, 3.5)!.outliers).toEqual([1000]);
    expect(robustRange(seven, 3.5, 5)).not.toBeNull();
  });

  test("MAD 0 (most values equal): the mean absolute deviation stands in", () => {
    // Deviations from the median 5: eight 0s, a 1 and a 45: MAD 0, mean 4.6.
    const values = [5, 5, 5, 5, 5, 5, 5, 5, 6, 50];
    const r = robustRange(values, 3.5)!;
    expect(r.method).toBe("meanAd");
    expect(r.scale).toBeCloseTo(4.6 * MEAN_AD_SCALE, 10);
    expect(findOutliers(values, (v) => v, 3.5)!.outliers).toEqual([50]);
  });

  test("all values equal: nothing stands out", () => {
    expect(robustRange(Array(12).fill(5_000_000), 3.5)).toBeNull();
  });

  test("amounts on a log scale: a missing 000 is caught, which the plain scale cannot", () => {
    const amounts = [5e6, 6e6, 4e6, 5e6, 7e6, 3e6, 5.5e6, 4.5e6, 5000];
    // Plain scale: 5e6 ± 3.5 · 1.4826e6 reaches below 0, so 5.000 đ passes.
    expect(findOutliers(amounts, (v) => v, 3.5)!.outliers).toEqual([]);
    const log = findOutliers(amounts, (v) => v, 3.5, 8, "log")!;
    expect(log.outliers).toEqual([5000]);
    expect(log.range.median).toBeCloseTo(5e6, 0);
    expect(log.range.lo).toBeGreaterThan(0);
  });

  test("the log scale leaves zeros out of the series", () => {
    const r = robustRange([0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8], 3.5, 8, "log")!;
    expect(r.count).toBe(8);
  });
});

describe("values and ranges for people", () => {
  test("Vietnamese groups thousands with dots and writes decimals with a comma", () => {
    expect(formatNumber(950_000_000, "vi")).toBe("950.000.000");
    expect(formatNumber(950_000_000, "en")).toBe("950,000,000");
    expect(formatNumber(3.5, "vi")).toBe("3,5");
    expect(formatNumber(1234.5, "vi")).toBe("1.234,5");
    expect(formatNumber(999, "vi")).toBe("999");
    expect(formatNumber(0, "en")).toBe("0");
  });

  const range = (lo: number, hi: number): RobustRange => ({
    seriesScale: "linear",
    median: (lo + hi) / 2,
    scale: (hi - lo) / 7,
    method: "mad",
    k: 3.5,
    lo,
    hi,
    count: 20,
  });

  test("the message gives the value, the range it fell outside and the rule", () => {
    const text = outsideText(
      950_000_000,
      range(20_000_000, 180_000_000),
      { vi: " đ", en: " đ" },
      {
        significant: 3,
        floor: 0,
      },
    );
    expect(text.vi).toBe(
      "950.000.000 đ nằm ngoài khoảng thường gặp 20.000.000–180.000.000 đ (trung vị ± 3,5·MAD)",
    );
    expect(text.en).toBe(
      "950,000,000 đ lies outside the usual range 20,000,000–180,000,000 đ (median ± 3.5·MAD)",
    );
  });

  test("the range shown is rounded inwards, so a flagged value is always outside it", () => {
    expect(displayRange(range(19_345_123, 180_654_877), { significant: 3 })).toEqual({
      lo: 19_400_000,
      hi: 180_000_000,
    });
    expect(displayRange(range(-4.2, 30.7))).toEqual({ lo: -4, hi: 30 });
    expect(displayRange(range(-4.2, 30.7), { floor: 0 })).toEqual({ lo: 0, hi: 30 });
    expect(displayRange(range(40.2, 99.9), { ceiling: 59 })).toEqual({ lo: 41, hi: 59 });
  });
});

/** Ten clubs of 50 with their funds; `funds` overrides a club's operating fund (by index). */
function tenClubs(funds: Record<number, number | string> = {}) {
  const clubs: Row[] = [];
  const people: Row[] = [];
  const fundRows: Row[] = [];
  for (let i = 1; i <= 10; i++) {
    const id = `C${i}`;
    clubs.push(club(id));
    people.push(...members(id, 50, 33, 32, 30));
    fundRows.push(fund(id, { operatingFund: funds[i] ?? 4_000_000 + i * 200_000 }));
  }
  return { clubs, people, fundRows };
}

describe("outliers in a check (warnings)", () => {
  test("a fund far above the others is a warning at its cell, with a stable id", () => {
    const { clubs, people, fundRows } = tenClubs({ 7: 950_000_000 });
    const r = check(clubs, people, fundRows);
    const found = ofRule(r, "fund.amountOutlier");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: "fund.amountOutlier|C7/operatingFund",
      severity: "warning",
      sheet: "Quỹ",
      cell: "B8",
    });
    expect(found[0]!.message.vi).toMatch(
      /^CLB C7: quỹ hoạt động 950\.000\.000 đ nằm ngoài khoảng thường gặp [\d.]+–[\d.]+ đ \(trung vị ± 3,5·MAD, tính trên logarit\)\.$/,
    );
    expect(found[0]!.message.en).toMatch(/operating fund 950,000,000 đ lies outside/);
    // A warning: the club's verdict does not change.
    expect(r.verdicts.find((v) => v.club.id === "C7")!.compliant).toBe(true);
  });

  test("ordinary funds give nothing; fewer than 8 clubs are not judged", () => {
    const plain = tenClubs();
    expect(ofRule(check(plain.clubs, plain.people, plain.fundRows), "fund.amountOutlier")).toEqual(
      [],
    );
    const { clubs, people, fundRows } = tenClubs({ 7: 950_000_000 });
    const seven = check(clubs.slice(3), people.slice(150), fundRows.slice(3));
    expect(ofRule(seven, "fund.amountOutlier")).toEqual([]);
  });

  test("outlierK is the setting: a wide k lets a moderately large fund through", () => {
    const { clubs, people, fundRows } = tenClubs({ 7: 12_000_000 });
    expect(ofRule(check(clubs, people, fundRows), "fund.amountOutlier")).toHaveLength(1);
    expect(
      ofRule(check(clubs, people, fundRows, { outlierK: 10 }), "fund.amountOutlier"),
    ).toHaveLength(0);
  });

  test("a loan amount far from the other amounts, at the member's loan cell", () => {
    const people = members("C1", 50, 33, 32, 30).map((m, i) =>
      i < 12 ? { ...m, borrowed: i === 5 ? "500.000.000 đ" : 4_000_000 + i * 250_000 } : m,
    );
    const r = check([club("C1")], people, [fund("C1")]);
    const found = ofRule(r, "member.loanOutlier");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: `member.loanOutlier|C1/${nameKey("Thành viên C1 6")}/1950`,
      sheet: "Thành viên",
      cell: "F7",
      severity: "warning",
    });
    expect(found[0]!.message.vi).toMatch(
      /^"Thành viên C1 6" \(sinh 1950\), CLB C1: số tiền vay 500\.000\.000 đ nằm ngoài khoảng thường gặp/,
    );
    // Có / Không carry no amount: no series, no finding.
    expect(
      ofRule(
        check([club("C1")], members("C1", 50, 33, 32, 30), [fund("C1")]),
        "member.loanOutlier",
      ),
    ).toEqual([]);
  });

  test("ages are judged within the older and the younger group", () => {
    // Older members born 1946-1955 (70-79 at 2025), younger 1986-1995 (30-39): two tight groups,
    // neither an outlier of the other. One older member born 1925 (100) stands out of hers.
    const people = members("C1", 50, 33, 32, 30).map((m, i) => ({
      ...m,
      birth: i === 3 ? 1925 : i < 32 ? 1946 + (i % 10) : 1986 + (i % 10),
    }));
    const r = check([club("C1")], people, [fund("C1")]);
    const found = ofRule(r, "member.ageOutlier");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: `member.ageOutlier|C1/${nameKey("Thành viên C1 4")}/1925`,
      cell: "D5",
      severity: "warning",
    });
    expect(found[0]!.message.vi).toMatch(
      /^"Thành viên C1 4" \(sinh 1925\), CLB C1: 100 tuổi nằm ngoài khoảng thường gặp \d+–\d+ tuổi của nhóm từ 60 tuổi trở lên \(trung vị ± 3,5·MAD\); tuổi tính đến 31\/12\/2025\.$/,
    );
    expect(found[0]!.message.en).toMatch(
      /age 100 lies outside the usual range \d+–\d+ for members aged 60 and over/,
    );
    // The same register without the 1925 birth: nothing, though ages run from 30 to 79.
    const plain = people.map((m, i) => (i === 3 ? { ...m, birth: 1950 } : m));
    expect(ofRule(check([club("C1")], plain, [fund("C1")]), "member.ageOutlier")).toEqual([]);
  });
});
