import fc from "fast-check";
import { asClubId } from "../../src/core/model/brand";
import { DateParts, Member } from "../../src/core/model/records";
import { MemberFields, MemberTable } from "../../src/core/read/member-table";
import { FindingSink } from "../../src/core/findings/sink";
import { readMembers } from "../../src/core/read/members";
import { membersSheet, Row } from "../helpers/registers";

/** One member of club C1 per value of "Được vay vốn". */
const withLoan = (borrowed: Row[string]): Row => ({
  clubId: "C1",
  name: `Thành viên ${String(borrowed)}`,
  sex: "Nữ",
  birth: 1950,
  borrowed,
});

describe("the member record", () => {
  test("keeps the amount borrowed where the register gives one, and only then", () => {
    const values = ["5.000.000", 3_000_000, "2.500.000 đ", "Có", "x", "Không", null, "vay nhiều"];
    const sink = new FindingSink();
    const read = readMembers(membersSheet(values.map(withLoan)), sink, {
      birth: { minYear: 1900, maxYear: 2010 },
      ref: { year: 2025, month: 12, day: 31 },
    });
    expect([...read].map((m) => [m.borrowed, m.loanAmount])).toEqual([
      [true, 5_000_000],
      [true, 3_000_000],
      [true, 2_500_000],
      [true, null],
      [true, null],
      [false, null],
      [false, null],
      // Unreadable: reported at its cell, neither a borrower nor an amount.
      [false, null],
    ]);
    const cells = sink.all().filter((f) => f.rule.startsWith("member."));
    expect(cells.map((f) => `${f.rule} ${f.cell}`)).toEqual([expect.stringMatching(/ E9$/)]);
  });
});

describe("the members in columns (MemberTable)", () => {
  const site = { sheet: "Thành viên", columns: new Map([["name", 1]]) };
  const fields = (d: DateParts | null, j: DateParts | null, l: DateParts | null): MemberFields => ({
    clubId: asClubId("C1"),
    name: "Nguyễn Thị Hoa",
    sex: "F",
    birth: d,
    hardship: null,
    borrowed: true,
    loanAmount: 2_500_000.5,
    joined: j,
    left: l,
  });
  // Dates as the readers make them, and some they never make (kept exact all the same).
  const date: fc.Arbitrary<DateParts | null> = fc.oneof(
    fc.constant(null),
    fc.integer({ min: 0, max: 99_999 }).map((year) => ({ year })),
    fc.record({
      year: fc.integer({ min: 1800, max: 2200 }),
      month: fc.integer({ min: 1, max: 12 }),
    }),
    fc.record({
      year: fc.integer({ min: 1800, max: 2200 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    }),
    fc.record({
      year: fc.oneof(fc.integer({ min: -5000, max: 300_000 }), fc.double()),
      month: fc.integer({ min: -2, max: 40 }),
      day: fc.integer({ min: -2, max: 40 }),
    }),
  );

  const sites = [site, { sheet: "CLB 2", columns: new Map([["name", 2]]) }];
  const member = fc.record({
    fields: fc.record({
      clubId: fc.constantFrom("C1", "C2", "c1", "").map(asClubId),
      name: fc.string({ maxLength: 8 }),
      sex: fc.constantFrom("M" as const, "F" as const, null),
      birth: date,
      hardship: fc.constantFrom("Hộ nghèo", "Cận nghèo", "", null),
      borrowed: fc.boolean(),
      loanAmount: fc.oneof(fc.constant(null), fc.constant(0), fc.double({ noNaN: true })),
      joined: date,
      left: date,
    }),
    site: fc.nat(1),
    row0: fc.nat(1_048_575),
  });

  test("gives back every member as it was added, in order, dates and origin included", () => {
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 70, size: "max" }),
        fc.nat(40),
        (added, expected) => {
          // Told to expect fewer than it gets, the table grows (from 16 slots, doubling).
          const table = new MemberTable(expected);
          for (const a of added) table.add(a.fields, sites[a.site]!, a.row0);
          expect(table.length).toBe(added.length);
          const read: Member[] = [...table];
          expect(read).toHaveLength(added.length);
          // Same keys, same values: a date read as a year alone has no month key.
          const plain = (d: DateParts | null) => (d === null ? null : { ...d });
          added.forEach(({ fields: f, site: s, row0 }, i) => {
            for (const m of [read[i]!, table.at(i)!, table.at(i - added.length)!]) {
              expect(plain(m.birth)).toStrictEqual(plain(f.birth));
              expect(plain(m.joined)).toStrictEqual(plain(f.joined));
              expect(plain(m.left)).toStrictEqual(plain(f.left));
              expect([m.clubId, m.name, m.sex, m.hardship, m.borrowed]).toEqual([
                f.clubId,
                f.name,
                f.sex,
                f.hardship,
                f.borrowed,
              ]);
              expect(Object.is(m.loanAmount, f.loanAmount)).toBe(true);
              expect(m.origin).toEqual({
                sheet: sites[s]!.sheet,
                row0,
                columns: sites[s]!.columns,
              });
              expect(m.origin.columns).toBe(sites[s]!.columns);
            }
          });
          expect(table.at(added.length)).toBeUndefined();
          expect(table.at(-added.length - 1)).toBeUndefined();
          expect(table.at(0.5)).toBeUndefined();
        },
      ),
    );
  });

  test("a member read where the fields say nothing reads as nothing, not as zero", () => {
    const table = new MemberTable();
    table.add({ ...fields(null, null, null), sex: null, loanAmount: null }, site, 0);
    table.add({ ...fields(null, null, null), loanAmount: 0 }, site, 1);
    const [none, zero] = [...table];
    expect([none!.sex, none!.loanAmount, none!.birth, none!.hardship]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(zero!.loanAmount).toBe(0);
  });

  test("gives back one object per date, read as often as the rules read it", () => {
    const dates: DateParts[] = [
      { year: 1950 },
      { year: 9999 },
      { year: 10_000 },
      { year: 1950, month: 3 },
      { year: 2020, month: 2, day: 29 },
    ];
    for (const d of dates) {
      const table = new MemberTable();
      table.add(fields(d, d, d), site, 1);
      table.add(fields({ ...d }, null, null), site, 2);
      const [a, b] = [table.at(0)!, table.at(1)!];
      expect(a.birth).toStrictEqual(d);
      expect(b.birth).toBe(a.birth);
      expect(a.joined).toBe(a.birth);
      expect(a.left).toBe(a.birth);
    }
  });

  test("the members a sheet gives share one column map", () => {
    const read = readMembers(membersSheet([withLoan("Có"), withLoan("Không")]), new FindingSink(), {
      birth: { minYear: 1900, maxYear: 2010 },
      ref: { year: 2025, month: 12, day: 31 },
    });
    expect(read).toHaveLength(2);
    expect(read.at(0)!.origin.columns).toBe(read.at(1)!.origin.columns);
    expect([...read].map((m) => m.birth)).toEqual([{ year: 1950 }, { year: 1950 }]);
  });
});
