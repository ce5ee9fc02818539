import fc from "fast-check";
import { PairIndex } from "../../src/core/check/pair-index";
import { CountedList } from "../../src/core/check/counted-members";
import { MemberTable } from "../../src/core/read/member-table";
import { asClubId } from "../../src/core/model/brand";

/**
 * The counts find each person's first member by club (or place) in a table of typed arrays
 * (PairIndex) where they used Maps: it must answer as a Map of "a/b" would, for any pairs, in any
 * order, past the size it was told to expect, and for persons past 2^32 (persons are up to 2^47).
 */
describe("first positions by pair (PairIndex)", () => {
  const pair = fc.tuple(
    fc.integer({ min: 0, max: 40 }),
    fc.oneof(
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }).map((n) => n * 2 ** 27 + 2 ** 32 * (n % 3)),
      fc.constantFrom(2 ** 47 - 1, 2 ** 53, 2 ** 31, 2 ** 32),
    ),
  );

  test("gives the first value of each pair, and -1 the first time, as a Map would", () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 400 }), fc.nat(50), (pairs, expected) => {
        const index = new PairIndex(expected);
        const reference = new Map<string, number>();
        pairs.forEach(([a, b], i) => {
          const key = `${a}/${b}`;
          const first = reference.get(key);
          if (first === undefined) reference.set(key, i);
          expect(index.firstOr(a, b, i)).toBe(first ?? -1);
        });
      }),
      { numRuns: 300 },
    );
  });

  test("tells apart pairs that differ in one number only, in either", () => {
    const index = new PairIndex(4);
    expect(index.firstOr(1, 2 ** 40, 0)).toBe(-1);
    expect(index.firstOr(2, 2 ** 40, 1)).toBe(-1);
    expect(index.firstOr(1, 2 ** 40 + 1, 2)).toBe(-1);
    expect(index.firstOr(1, 2 ** 40 + 2 ** 32, 3)).toBe(-1);
    expect(index.firstOr(0, 0, 4)).toBe(-1);
    expect([
      index.firstOr(1, 2 ** 40, 9),
      index.firstOr(2, 2 ** 40, 9),
      index.firstOr(1, 2 ** 40 + 1, 9),
      index.firstOr(1, 2 ** 40 + 2 ** 32, 9),
      index.firstOr(0, 0, 9),
    ]).toEqual([0, 1, 2, 3, 4]);
  });

  test("grows past what it was told to expect and keeps every pair", () => {
    const index = new PairIndex(1);
    for (let i = 0; i < 50_000; i++) expect(index.firstOr(i % 7, i * 2 ** 27, i)).toBe(-1);
    for (let i = 0; i < 50_000; i += 997) expect(index.firstOr(i % 7, i * 2 ** 27, -5)).toBe(i);
  });
});

describe("the members counted (CountedList)", () => {
  test("gives back each member, its club and person, in the order they were added", () => {
    const site = { sheet: "TV", columns: new Map([["name", 1]]) };
    const members = new MemberTable(2);
    ["A", "B", "C", "D"].forEach((name, row0) =>
      members.add(
        {
          clubId: asClubId("X"),
          name,
          sex: null,
          birth: null,
          hardship: null,
          borrowed: false,
          loanAmount: null,
          joined: null,
          left: null,
        },
        site,
        row0,
      ),
    );
    const list = new CountedList(members);
    list.add(3, "VQ-02", 2 ** 45 + 7);
    list.add(0, "VQ-01", -1);
    list.add(2, "VQ-02", 5);
    expect(list.length).toBe(3);
    expect([0, 1, 2].map((i) => [list.member(i).name, list.clubId(i), list.person(i)])).toEqual([
      ["D", "VQ-02", 2 ** 45 + 7],
      ["A", "VQ-01", -1],
      ["C", "VQ-02", 5],
    ]);
  });
});
