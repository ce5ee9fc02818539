import fc from "fast-check";
import { PairIndex, PairKeys } from "../../src/core/check/pair-index";
import { CountedList, MemberKeys } from "../../src/core/check/counted-members";
import { MemberTable } from "../../src/core/read/member-table";
import { asClubId } from "../../src/core/model/brand";

/**
 * The counts find each person's first member by club (or place) in a table of typed arrays
 * (PairIndex, of positions whose pairs the caller keeps) where they used Maps: it must answer as a
 * Map of "a/b" would, for any pairs, in any order, past the size it was told to expect, and for
 * persons past 2^32 (persons are up to 2^47).
 */

/** Pairs kept by position, as the check keeps them in typed arrays (MemberKeys). */
class Pairs implements PairKeys {
  private readonly a: number[] = [];
  private readonly b: number[] = [];

  /** The position of a new pair. */
  add(a: number, b: number): number {
    this.a.push(a);
    this.b.push(b);
    return this.a.length - 1;
  }

  small(position: number): number {
    return this.a[position]!;
  }

  big(position: number): number {
    return this.b[position]!;
  }
}

describe("first positions by pair (PairIndex)", () => {
  const pair = fc.tuple(
    fc.integer({ min: 0, max: 40 }),
    fc.oneof(
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }).map((n) => n * 2 ** 27 + 2 ** 32 * (n % 3)),
      fc.constantFrom(2 ** 47 - 1, 2 ** 53, 2 ** 31, 2 ** 32),
    ),
  );

  test("gives the first position of each pair, and -1 the first time, as a Map would", () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 400 }), fc.nat(50), (pairs, expected) => {
        const keys = new Pairs();
        const index = new PairIndex(expected, keys);
        const reference = new Map<string, number>();
        pairs.forEach(([a, b]) => {
          const position = keys.add(a, b);
          const key = `${a}/${b}`;
          const first = reference.get(key);
          if (first === undefined) reference.set(key, position);
          expect(index.firstOr(position)).toBe(first ?? -1);
        });
      }),
      { numRuns: 300 },
    );
  });

  test("tells apart pairs that differ in one number only, in either", () => {
    const keys = new Pairs();
    const index = new PairIndex(4, keys);
    const pairs: [number, number][] = [
      [1, 2 ** 40],
      [2, 2 ** 40],
      [1, 2 ** 40 + 1],
      [1, 2 ** 40 + 2 ** 32],
      [0, 0],
    ];
    for (const [a, b] of pairs) expect(index.firstOr(keys.add(a, b))).toBe(-1);
    expect(pairs.map(([a, b]) => index.firstOr(keys.add(a, b)))).toEqual([0, 1, 2, 3, 4]);
  });

  test("grows past what it was told to expect and keeps every pair", () => {
    const keys = new Pairs();
    const index = new PairIndex(1, keys);
    for (let i = 0; i < 50_000; i++) expect(index.firstOr(keys.add(i % 7, i * 2 ** 27))).toBe(-1);
    for (let i = 0; i < 50_000; i += 997)
      expect(index.firstOr(keys.add(i % 7, i * 2 ** 27))).toBe(i);
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
    const keys = new MemberKeys(members.length);
    keys.clubIds.push("VQ-01", "VQ-02");
    keys.set(3, 1, 2 ** 45 + 7);
    keys.set(0, 0, -1);
    keys.set(2, 1, 5);
    keys.set(1, 0, 9);
    const list = new CountedList(members, keys);
    list.add(3);
    list.add(0);
    list.add(2);
    expect(list.length).toBe(3);
    expect([0, 1, 2].map((i) => [list.member(i).name, list.clubId(i), list.person(i)])).toEqual([
      ["D", "VQ-02", 2 ** 45 + 7],
      ["A", "VQ-01", -1],
      ["C", "VQ-02", 5],
    ]);
  });
});
