import fc from "fast-check";
import { RawValue } from "../../../src/core/model/cells";
import { rememberedParser } from "../../../src/core/parse/remembered-parser";
import { Parsed } from "../../../src/core/parse/result";
import { parseDateLike, parseSex, parseYesNoOrAmount } from "../../../src/core/parse/values";

/** A parser that counts its calls, to see what is parsed again and what is remembered. */
function counted<T>(parse: (v: RawValue | undefined) => Parsed<T>) {
  const calls: (RawValue | undefined)[] = [];
  return { calls, parse: (v: RawValue | undefined) => (calls.push(v), parse(v)) };
}

const cell: fc.Arbitrary<RawValue | undefined> = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -0, "", " ", "Nữ", "Nam", "Có", "x", "1955"),
  fc.constantFrom("05/03/1955", "03/1955", "5.000.000", "-1", "ngày 5 tháng 3 năm 1955"),
  fc.integer({ min: -5, max: 50_000 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 6 }),
);

describe("rememberedParser", () => {
  test.each([
    [
      "parseDateLike",
      (v: RawValue | undefined) => parseDateLike(v, { minYear: 1900, maxYear: 2010 }),
    ],
    ["parseSex", (v: RawValue | undefined) => parseSex(v)],
    ["parseYesNoOrAmount", parseYesNoOrAmount],
  ] as const)("answers as %s does, value by value, in any order", (_, parse) => {
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (cells, max) => {
          const remembered = rememberedParser<unknown>(parse, max);
          for (const v of [...cells, ...cells]) expect(remembered(v)).toEqual(parse(v));
        },
      ),
    );
  });

  test("parses a repeated text or number once, and blank, boolean and -0 cells every time", () => {
    const { calls, parse } = counted((v) => parseSex(v));
    const sex = rememberedParser(parse);
    for (const v of ["Nữ", "Nữ", 1, 1, "Nam", "Nữ"]) sex(v);
    expect(calls).toEqual(["Nữ", 1, "Nam"]);
    calls.length = 0;
    for (const v of [null, null, undefined, true, true, -0, -0]) sex(v);
    expect(calls).toEqual([null, null, undefined, true, true, -0, -0]);
  });

  test("the number 1955 and the text '1955' are told apart", () => {
    const { calls, parse } = counted((v) => parseDateLike(v));
    const date = rememberedParser(parse);
    date(1955);
    date("1955");
    expect(calls).toEqual([1955, "1955"]);
  });

  test("once full it keeps what it learnt and parses anything new each time", () => {
    const { calls, parse } = counted((v) => parseDateLike(v));
    const date = rememberedParser(parse, 2);
    for (const v of [1950, 1951, 1952, 1952, 1950, 1951]) date(v);
    expect(calls).toEqual([1950, 1951, 1952, 1952]);
  });

  test("gives back the same answer object for a value it remembers", () => {
    const loan = rememberedParser(parseYesNoOrAmount);
    expect(loan("5.000.000")).toBe(loan("5.000.000"));
    expect(loan("5.000.000")).toEqual({ ok: true, value: { yes: true, amount: 5_000_000 } });
  });
});
