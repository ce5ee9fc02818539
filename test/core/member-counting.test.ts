import { club, fund, members } from "../helpers/registers";
import { check, failedOf, rulesOf } from "../helpers/run";

describe("who counts as a member at the reference date", () => {
  test("age exactly at the line counts as older; a year younger does not", () => {
    const rows = members("C1", 50, 33, 0, 27).map((m, i) => ({
      ...m,
      birth: i < 30 ? 1965 : 1966,
    }));
    const r = check([club("C1")], rows, [fund("C1")]);
    expect(r.verdicts[0]!.stats.older).toBe(30);
    expect(failedOf(r)).toEqual([]);
  });

  test("a full birth date whose exact age differs from the year difference", () => {
    // Born 31/12/1965: 60 by the year difference in 2025, but only 59 on 30/12/2025.
    const rows = members("C1", 50, 33, 30, 27).map((m, i) =>
      i === 0 ? { ...m, birth: "31/12/1965" } : m,
    );
    const onTheDay = check([club("C1")], rows, [fund("C1")], { asOf: "2025-12-31" });
    const dayBefore = check([club("C1")], rows, [fund("C1")], { asOf: "2025-12-30" });
    expect(onTheDay.verdicts[0]!.stats.older).toBe(30);
    expect(dayBefore.verdicts[0]!.stats.older).toBe(29);
    const yearOnly = rows.map((m, i) => (i === 0 ? { ...m, birth: 1965 } : m));
    expect(
      check([club("C1")], yearOnly, [fund("C1")], { asOf: "2025-12-30" }).verdicts[0]!.stats.older,
    ).toBe(30);
  });

  test("a member who left the day before the reference date does not count; on the day they do", () => {
    const rows = members("C1", 50, 33, 32, 27).map((m, i) =>
      i === 49 ? { ...m, left: "30/12/2025" } : m,
    );
    expect(check([club("C1")], rows, [fund("C1")]).verdicts[0]!.stats.members).toBe(49);
    const onDay = rows.map((m, i) => (i === 49 ? { ...m, left: "31/12/2025" } : m));
    expect(check([club("C1")], onDay, [fund("C1")]).verdicts[0]!.stats.members).toBe(50);
  });

  test("a member who joined after the reference date does not count", () => {
    const rows = members("C1", 50, 33, 32, 27).map((m, i) =>
      i === 0 ? { ...m, joined: "01/01/2026" } : m,
    );
    expect(check([club("C1")], rows, [fund("C1")]).verdicts[0]!.stats.members).toBe(49);
  });

  test("a closed club is not judged and not counted", () => {
    const r = check(
      [club("C1"), club("C2", { status: "Ngừng hoạt động" })],
      members("C1", 50, 33, 32, 27),
      [fund("C1")],
    );
    expect(r.verdicts.map((v) => v.club.id)).toEqual(["C1"]);
    expect(r.closedClubs.map((c) => c.id)).toEqual(["C2"]);
    expect(rulesOf(r)).not.toContain("club.noMembers");
  });

  test("duplicates are counted once; unknown clubs are reported and not counted", () => {
    const rows = members("C1", 50, 33, 32, 27);
    const r = check(
      [club("C1")],
      [...rows, { ...rows[3]!, name: " thành  viên c1 4 " }, { ...rows[0]!, clubId: "ZZ-9" }],
      [fund("C1")],
    );
    expect(r.verdicts[0]!.stats.members).toBe(50);
    const dup = r.findings.find((f) => f.rule === "member.duplicate")!;
    expect(dup.cell).toBe("B52");
    const unknown = r.findings.find((f) => f.rule === "member.unknownClub")!;
    expect(unknown).toMatchObject({ severity: "error", sheet: "Thành viên", cell: "A53" });
  });

  test("a club without members, and a fund row for an unknown club", () => {
    const r = check([club("C1"), club("C2")], members("C1", 50, 33, 32, 27), [
      fund("C1"),
      fund("C2"),
      fund("C9"),
    ]);
    expect(r.findings.find((f) => f.rule === "club.noMembers")).toMatchObject({
      sheet: "CLB",
      cell: "A3",
    });
    expect(r.findings.find((f) => f.rule === "fund.unknownClub")).toMatchObject({
      sheet: "Quỹ",
      cell: "A4",
    });
  });

  test("an unreadable cell becomes a finding at its cell, never a silent zero", () => {
    const rows = members("C1", 50, 33, 32, 27).map((m, i) =>
      i === 1 ? { ...m, sex: "Nam/Nữ" } : i === 2 ? { ...m, birth: "" } : m,
    );
    const r = check([club("C1")], rows, [fund("C1")]);
    expect(r.findings.find((f) => f.rule === "member.sex")).toMatchObject({
      sheet: "Thành viên",
      cell: "C3",
      severity: "error",
    });
    expect(r.findings.find((f) => f.rule === "member.birth")).toMatchObject({ cell: "D4" });
    expect(r.verdicts[0]!.stats).toMatchObject({ members: 50, sexKnown: 49, ageKnown: 49 });
  });

  test("an implausible birth year is reported", () => {
    const rows = members("C1", 50, 33, 32, 27).map((m, i) => (i === 5 ? { ...m, birth: 1850 } : m));
    const r = check([club("C1")], rows, [fund("C1")]);
    expect(r.findings.find((f) => f.rule === "member.birth")?.cell).toBe("D7");
  });
});

test("a club founded after the reference date is reported and not counted", () => {
  const r = check(
    [club("C1", { founded: "15/12/2025" })],
    members("C1", 50, 33, 32, 27),
    [fund("C1")],
    {
      asOf: "2025-06-30",
    },
  );
  expect(r.verdicts).toEqual([]);
  expect(r.findings.find((f) => f.rule === "club.founded")).toMatchObject({
    cell: "E2",
    severity: "warning",
  });
});

test("shares are of all members: unreadable sex or birth can make a club fail, never pass", () => {
  const blank = members("C1", 50, 33, 32, 27).map((m) => ({ ...m, sex: null, birth: null }));
  const r = check([club("C1")], blank, [fund("C1")]);
  expect(r.verdicts[0]!.failed).toEqual(
    expect.arrayContaining(["club.women", "club.older", "club.younger"]),
  );
  // 20 unreadable of 50, 18 women: 36% of the members, not 60% of those read.
  const some = members("C1", 50, 38, 32, 27).map((m, i) => (i < 20 ? { ...m, sex: "?" } : m));
  expect(check([club("C1")], some, [fund("C1")]).verdicts[0]!.failed).toContain("club.women");
});

test("a club founded in a later year than the reference date is left out with a warning", () => {
  const r = check(
    [club("C1"), club("C2", { founded: 2026 })],
    members("C1", 50, 33, 32, 27),
    [fund("C1")],
    {
      asOf: "2023-06-30",
    },
  );
  expect(r.verdicts.map((v) => v.club.id)).toEqual(["C1"]);
  expect(r.findings.filter((f) => f.rule === "club.founded").map((f) => f.severity)).toEqual([
    "warning",
  ]);
});
