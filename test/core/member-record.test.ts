import fc from "fast-check";
import { asClubId } from "../../src/core/model/brand";
import { DateParts, Member } from "../../src/core/model/records";
import { MemberFields, MemberRecord } from "../../src/core/read/member-record";
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
    expect(read.map((m) => [m.borrowed, m.loanAmount])).toEqual([
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

describe("the compact member record (MemberRecord)", () => {
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

  test("gives back every field as it was given, dates and origin included", () => {
    fc.assert(
      fc.property(date, date, date, fc.nat(1_048_575), (birth, joined, left, row0) => {
        const f = fields(birth, joined, left);
        const m: Member = new MemberRecord(f, site, row0);
        // Same keys, same values: a date read as a year alone has no month key.
        const plain = (d: DateParts | null) => (d === null ? null : { ...d });
        expect(plain(m.birth)).toStrictEqual(plain(birth));
        expect(plain(m.joined)).toStrictEqual(plain(joined));
        expect(plain(m.left)).toStrictEqual(plain(left));
        expect([m.clubId, m.name, m.sex, m.hardship, m.borrowed, m.loanAmount]).toEqual([
          f.clubId,
          f.name,
          f.sex,
          f.hardship,
          f.borrowed,
          f.loanAmount,
        ]);
        expect(m.origin).toEqual({ sheet: site.sheet, row0, columns: site.columns });
        expect(m.origin.columns).toBe(site.columns);
      }),
    );
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
      const a = new MemberRecord(fields(d, d, d), site, 1);
      const b = new MemberRecord(fields({ ...d }, null, null), site, 2);
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
    expect(read[0]!.origin.columns).toBe(read[1]!.origin.columns);
    expect(read.map((m) => m.birth)).toEqual([{ year: 1950 }, { year: 1950 }]);
  });
});
