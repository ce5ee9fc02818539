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
