import { countOf, formatCount, formatDecimal, formatPercent } from "../../src/core/text/numbers";

/** Numbers inside sentences, as each language writes them (docs/glossary.md, "Numbers"). */
describe("formatCount", () => {
  it.each([
    [0, "0", "0"],
    [7, "7", "7"],
    [999, "999", "999"],
    [1000, "1.000", "1,000"],
    [13924, "13.924", "13,924"],
    [500000, "500.000", "500,000"],
    [1234567890, "1.234.567.890", "1,234,567,890"],
    [-13924, "-13.924", "-13,924"],
    [-5, "-5", "-5"],
    [2.5, "3", "3"],
    [-2.5, "-3", "-3"],
    [-0.4, "0", "0"],
    [999.5, "1.000", "1,000"],
  ])("%p -> %p (vi), %p (en)", (n, vi, en) => {
    expect(formatCount(n, "vi")).toBe(vi);
    expect(formatCount(n, "en")).toBe(en);
  });
});

describe("formatDecimal", () => {
  it.each([
    [0, 1, "0", "0"],
    [1234.5, 1, "1.234,5", "1,234.5"],
    [1234.56, 1, "1.234,6", "1,234.6"],
    [2.0, 1, "2", "2"],
    [0.05, 1, "0,1", "0.1"],
    [-0.05, 1, "-0,1", "-0.1"],
    [-1234.25, 1, "-1.234,3", "-1,234.3"],
    [-0.04, 1, "0", "0"],
    [1.005, 2, "1,01", "1.01"],
    [0.9995, 3, "1", "1"],
    [0.9995, 4, "0,9995", "0.9995"],
    [950000000, 2, "950.000.000", "950,000,000"],
  ])("%p with %p decimals -> %p (vi), %p (en)", (n, d, vi, en) => {
    expect(formatDecimal(n, "vi", d)).toBe(vi);
    expect(formatDecimal(n, "en", d)).toBe(en);
  });
});

describe("formatPercent", () => {
  it.each([
    [0, "0 %", "0%"],
    [0.596, "59,6 %", "59.6%"],
    [0.6, "60 %", "60%"],
    [1, "100 %", "100%"],
    [0.9995, "100 %", "100%"],
    [0.99949, "99,9 %", "99.9%"],
    [0.5714285, "57,1 %", "57.1%"],
    [-0.125, "-12,5 %", "-12.5%"],
    [12.345, "1.234,5 %", "1,234.5%"],
  ])("%p -> %p (vi), %p (en)", (ratio, vi, en) => {
    expect(formatPercent(ratio, "vi")).toBe(vi);
    expect(formatPercent(ratio, "en")).toBe(en);
  });
});

describe("countOf", () => {
  it.each([
    [0, "error", undefined, "0 errors"],
    [1, "error", undefined, "1 error"],
    [2, "error", undefined, "2 errors"],
    [13924, "error", undefined, "13,924 errors"],
    [-1, "degree", undefined, "-1 degrees"],
    [1, "fund row", undefined, "1 fund row"],
    [3, "person", "people", "3 people"],
  ])("(%p, %p, %p) -> %p", (n, singular, plural, want) => {
    expect(countOf(n, singular, plural)).toBe(want);
  });
});
