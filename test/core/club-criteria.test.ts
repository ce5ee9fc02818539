import { club, fund, members } from "../helpers/registers";
import { check, failedOf } from "../helpers/run";

/** One club "C1" with n members: women, older (born 1950) and borrowers counted exactly. */
const one = (n: number, women: number, older: number, borrowers: number) =>
  check([club("C1")], members("C1", n, women, older, borrowers), [fund("C1")]);

describe("the plan's criteria per club, at their boundaries", () => {
  test("a club that meets every criterion is compliant", () => {
    const r = one(50, 33, 32, 27);
    expect(failedOf(r)).toEqual([]);
    expect(r.verdicts[0]!.compliant).toBe(true);
  });

  test("exactly 50 members passes; 49 fails club.size", () => {
    expect(failedOf(one(50, 30, 30, 25))).not.toContain("club.size");
    expect(failedOf(one(49, 30, 30, 25))).toContain("club.size");
  });

  test("women: exactly 60% and exactly 70% pass, just outside fails", () => {
    expect(failedOf(one(50, 30, 32, 27))).not.toContain("club.women");
    expect(failedOf(one(50, 35, 32, 27))).not.toContain("club.women");
    expect(failedOf(one(50, 29, 32, 27))).toContain("club.women");
    expect(failedOf(one(50, 36, 32, 27))).toContain("club.women");
  });

  test("older 60%-70% and younger 30%-40% inclusive", () => {
    expect(failedOf(one(50, 33, 30, 27))).toEqual([]);
    expect(failedOf(one(50, 33, 35, 27))).toEqual([]);
    expect(failedOf(one(50, 33, 29, 27))).toEqual(
      expect.arrayContaining(["club.older", "club.younger"]),
    );
    expect(failedOf(one(50, 33, 36, 27))).toEqual(
      expect.arrayContaining(["club.older", "club.younger"]),
    );
  });

  test("borrowers: exactly 50% passes, 48% fails", () => {
    expect(failedOf(one(50, 33, 32, 25))).not.toContain("club.borrowers");
    expect(failedOf(one(50, 33, 32, 24))).toContain("club.borrowers");
  });

  test("thresholds are settings: a 55 age line makes members born 1970 older", () => {
    const rows = members("C1", 50, 33, 0, 27).map((m, i) => ({
      ...m,
      birth: i < 32 ? 1970 : 1995,
    }));
    expect(failedOf(check([club("C1")], rows, [fund("C1")], { ageLine: 55 }))).toEqual([]);
    expect(failedOf(check([club("C1")], rows, [fund("C1")], { ageLine: 60 }))).toContain(
      "club.older",
    );
  });

  test("fund, regulation, activities and management", () => {
    const base = members("C1", 50, 33, 32, 27);
    expect(failedOf(check([club("C1")], base, []))).toEqual(
      expect.arrayContaining(["club.fund", "club.regulation"]),
    );
    expect(failedOf(check([club("C1")], base, [fund("C1", { regulation: "Không" })]))).toEqual([
      "club.regulation",
    ]);
    expect(failedOf(check([club("C1")], base, [fund("C1", { operatingFund: 0 })]))).toEqual([
      "club.fund",
    ]);
    expect(failedOf(check([club("C1", { act5: null })], base, [fund("C1")]))).toEqual([
      "club.activities",
    ]);
    expect(failedOf(check([club("C1", { wellManaged: "Không" })], base, [fund("C1")]))).toEqual([
      "club.management",
    ]);
  });

  test("a club with no hardship member gets a warning, not a failure", () => {
    const rows = members("C1", 50, 33, 32, 27).map((m) => ({ ...m, hardship: null }));
    const r = check([club("C1")], rows, [fund("C1")]);
    expect(failedOf(r)).toEqual([]);
    expect(r.findings.find((f) => f.rule === "club.hardship")?.severity).toBe("warning");
  });

  test("more than the 70-member upper bound is a warning", () => {
    const r = one(71, 47, 46, 40);
    expect(failedOf(r)).toEqual([]);
    expect(r.findings.find((f) => f.rule === "club.size")?.severity).toBe("warning");
  });
});
