import { parseAmount, parseCount, parseYesNoOrAmount } from "../../../src/core/parse/values";

const nfd = (s: string): string => s.normalize("NFD");
const BLANKS = [undefined, null, "", "  ", "\u00A0", "\u200B"];

describe("parseAmount", () => {
  it.each(BLANKS)("blank %p is null", (v) => {
    expect(parseAmount(v)).toEqual({ ok: true, value: null });
  });

  it.each([
    [0, 0],
    [5000000, 5000000],
    [2.5, 2.5],
    ["5000000", 5000000],
    ["5.000.000", 5000000],
    ["5,000,000", 5000000],
    ["5 000 000", 5000000],
    ["5\u00A0000\u00A0000", 5000000],
    ["5.000.000đ", 5000000],
    ["5.000.000 đ", 5000000],
    ["5.000.000 đồng", 5000000],
    ["5.000.000 Đồng", 5000000],
    ["5.000.000 " + nfd("đồng"), 5000000],
    ["5.000.000 VND", 5000000],
    ["5.000.000 VNĐ", 5000000],
    ["5.000.000 vnđ", 5000000],
    ["5.000.000d", 5000000],
    ["5.000.000 D", 5000000],
    ["5.000.000₫", 5000000],
    ["2,5", 2.5],
    ["2.5", 2.5],
    ["2,500", 2500],
    ["2.500", 2500],
    ["0,500", 0.5],
    ["1234,567", 1234.567],
    ["1.234.567,89", 1234567.89],
    ["1,234,567.89", 1234567.89],
    ["5 000,5", 5000.5],
    ["5 triệu", 5000000],
    ["5tr", 5000000],
    ["2,5 triệu đồng", 2500000],
    ["1,1 triệu", 1100000],
    ["500 nghìn", 500000],
    ["500 ngàn đ", 500000],
    ["-", 0],
    ["0", 0],
  ])("%p -> %p", (v, want) => {
    expect(parseAmount(v)).toEqual({ ok: true, value: want });
  });

  it.each([
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    "-5.000",
    "abc",
    "đ",
    "5.00.000",
    "5,000.000.0",
    "1.2.3",
    "1,234.567,8",
    "5 00 000",
    "05,000",
    ".5",
    "5.",
    "5 triệu 500 nghìn",
    "x",
  ])("%p is an error", (v) => {
    const r = parseAmount(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.expected.en).toContain("non-negative amount");
  });
});

describe("implausible or unreadable", () => {
  // A value read but impossible is said to be implausible ("không hợp lý"), not unreadable.
  const kind = (r: { ok: boolean; implausible?: true }) =>
    r.ok ? "ok" : r.implausible ? "implausible" : "unreadable";

  it.each([
    [parseAmount, -5, "implausible"],
    [parseAmount, "-5.000 đ", "implausible"],
    [parseAmount, "abc", "unreadable"],
    [parseAmount, "5.00.000", "unreadable"],
    [parseYesNoOrAmount, -5, "implausible"],
    [parseYesNoOrAmount, "Nam", "unreadable"],
    [parseCount, -1, "implausible"],
    [parseCount, "-3", "implausible"],
    [parseCount, "1,5", "implausible"],
    [parseCount, 2 ** 60, "implausible"],
    [parseCount, "12 người", "unreadable"],
    [parseCount, Number.NaN, "unreadable"],
  ] as const)("%p(%p) is %s", (parse, v, want) => {
    expect(kind(parse(v))).toBe(want);
  });
});

describe("parseYesNoOrAmount", () => {
  it.each(BLANKS)("blank %p is null", (v) => {
    expect(parseYesNoOrAmount(v)).toEqual({ ok: true, value: null });
  });

  it.each([
    ["Có", { yes: true, amount: null }],
    ["x", { yes: true, amount: null }],
    [1, { yes: true, amount: null }],
    ["Không", { yes: false, amount: null }],
    [0, { yes: false, amount: null }],
    ["-", { yes: false, amount: null }],
    [5000000, { yes: true, amount: 5000000 }],
    ["5.000.000", { yes: true, amount: 5000000 }],
    ["10 triệu", { yes: true, amount: 10000000 }],
    ["0 đ", { yes: false, amount: 0 }],
  ])("%p -> %p", (v, want) => {
    expect(parseYesNoOrAmount(v)).toEqual({ ok: true, value: want });
  });

  it.each([-5, "abc", "Nam", Number.NaN])("%p is an error", (v) => {
    const r = parseYesNoOrAmount(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.expected.en).toContain("amount borrowed");
  });
});

describe("parseCount", () => {
  it.each(BLANKS)("blank %p is null", (v) => {
    expect(parseCount(v)).toEqual({ ok: true, value: null });
  });

  it.each([
    [0, 0],
    [12, 12],
    [12.0, 12],
    ["12", 12],
    [" 12 ", 12],
    ["1.200", 1200],
    ["1,200", 1200],
    ["1 200", 1200],
  ])("%p -> %p", (v, want) => {
    expect(parseCount(v)).toEqual({ ok: true, value: want });
  });

  it.each([-1, 1.5, "1,5", "2.5", "-3", "12 người", true, Number.NaN, 2 ** 60, "abc"])(
    "%p is an error",
    (v) => {
      const r = parseCount(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.expected.en).toContain("whole number");
    },
  );
});
