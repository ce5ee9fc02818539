import { parseDateLike } from "../../../src/core/parse/values";

const ymd = (year: number, month: number, day: number) => ({ year, month, day });

describe("parseDateLike", () => {
  it.each([undefined, null, "", "   ", "\u00A0"])("blank %p is null", (v) => {
    expect(parseDateLike(v)).toEqual({ ok: true, value: null });
  });

  it.each([
    [1955, { year: 1955 }],
    [1000, { year: 1000 }],
    [9999, { year: 9999 }],
    ["1955", { year: 1955 }],
    [" 1955 ", { year: 1955 }],
    ["05/03/1955", ymd(1955, 3, 5)],
    ["5/3/1955", ymd(1955, 3, 5)],
    ["05-03-1955", ymd(1955, 3, 5)],
    ["05.03.1955", ymd(1955, 3, 5)],
    ["13/12/1955", ymd(1955, 12, 13)],
    ["05/03/1955 00:00:00", ymd(1955, 3, 5)],
    ["1955-03-05", ymd(1955, 3, 5)],
    ["1955/03/05", ymd(1955, 3, 5)],
    ["1955-03-05T00:00", ymd(1955, 3, 5)],
    ["03/1955", { year: 1955, month: 3 }],
    ["3-1955", { year: 1955, month: 3 }],
    ["1955-03", { year: 1955, month: 3 }],
    ["ngày 5 tháng 3 năm 1955", ymd(1955, 3, 5)],
    ["Ngày 05 Tháng 03 Năm 1955".normalize("NFD"), ymd(1955, 3, 5)],
    ["tháng 3 năm 1955", { year: 1955, month: 3 }],
    ["tháng 3/1955", { year: 1955, month: 3 }],
    ["Năm 1955", { year: 1955 }],
    ["29/02/2000", ymd(2000, 2, 29)],
    ["29/02/2024", ymd(2024, 2, 29)],
    // Excel serials: dates reach the core this way.
    [20153, ymd(1955, 3, 5)],
    [45657, ymd(2024, 12, 31)],
    [45657.75, ymd(2024, 12, 31)],
    [60.5, ymd(1900, 3, 1)],
    [100, ymd(1900, 4, 9)],
    [2958465, ymd(9999, 12, 31)],
  ])("%p -> %p", (v, want) => {
    expect(parseDateLike(v)).toEqual({ ok: true, value: want });
  });

  it.each(["5/3/55", "05/03/55", "05.03.55", "3/55", "55", 55, 0, 99])(
    "%p has a two-digit year: ambiguous, not guessed",
    (v) => {
      const r = parseDateLike(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.expected.en).toMatch(/four digits/);
    },
  );

  it.each([
    "29/02/1900",
    "29/02/2023",
    "31/04/2024",
    "32/01/2024",
    "00/01/2024",
    "05/13/1955",
    "13/1955",
  ])("%p is not a real date", (v) => {
    const r = parseDateLike(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.expected.en).toMatch(/real calendar date/);
  });

  it.each([
    true,
    false,
    -1,
    0.5,
    2958466,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    "0999",
    "abc",
    "05/03-1955",
    "1955.5",
    "ngày 5 năm 1955",
    "12/25/1955",
  ])("%p is an error", (v) => {
    const r = parseDateLike(v);
    expect(r.ok).toBe(false);
  });

  it("checks the year against the range, inclusive", () => {
    const range = { minYear: 1914, maxYear: 2008 };
    expect(parseDateLike(1914, range).ok).toBe(true);
    expect(parseDateLike("31/12/2008", range).ok).toBe(true);
    const r = parseDateLike("01/01/2009", range);
    // Read, but out of range: implausible, not unreadable.
    expect(r).toEqual({
      ok: false,
      expected: expect.objectContaining({ en: "a year from 1914 to 2008" }),
      implausible: true,
    });
    if (!r.ok) expect(r.expected.vi).toContain("1914–2008");
    expect(parseDateLike(1913, range).ok).toBe(false);
    expect(parseDateLike(1913, { minYear: 1914 })).toMatchObject({
      expected: { en: "a year from 1914 on" },
    });
    expect(parseDateLike(2009, { maxYear: 2008 })).toMatchObject({
      expected: { en: "a year up to 2008" },
    });
  });

  it("keeps blank as null whatever the range", () => {
    expect(parseDateLike("", { minYear: 2000 })).toEqual({ ok: true, value: null });
  });
});
