import { nameKey } from "../../src/core/text/normalize";
import { check } from "../helpers/run";
import { CheckResult, runCheck } from "../../src/core/check/run-check";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { ROADMAP_SPEC } from "../../src/core/sheets/specs";
import {
  club,
  clubsSheet,
  fund,
  fundsSheet,
  members,
  membersSheet,
  Row,
  sheetOf,
} from "../helpers/registers";

const ofRule = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule);

/** A person added to a club's members (born 1950 unless said). */
const person = (clubId: string, name: string, birth: number | string = 1950): Row => ({
  clubId,
  name,
  sex: "Nữ",
  birth,
  borrowed: "Có",
});

describe("completeness: what the data leaves out", () => {
  test("a roadmap unit with no club in the data is reported once, naming the unit", () => {
    const r = check([club("C1")], members("C1", 50, 33, 32, 30), [fund("C1")]);
    const none = ofRule(r, "roadmap.noData");
    // The Hà Tĩnh appendix has 13 units; the one club is in Vũ Quang.
    expect(none).toHaveLength(12);
    expect(none.map((f) => f.id)).not.toContain("roadmap.noData|Huyện Vũ Quang");
    expect(none.map((f) => f.id)).toContain("roadmap.noData|Huyện Hương Khê");
    // The default appendix lists the whole province: a district's own workbook leaves out the
    // other units on purpose, so their missing clubs are information only.
    expect(new Set(none.map((f) => f.severity))).toEqual(new Set(["info"]));
  });

  test("a unit of the workbook's own roadmap with no club in the data is a warning at its row", () => {
    const plan = (unit: string, before: number) => ({
      unit,
      before,
      planTotal: 4,
      y2021: 1,
      y2022: 1,
      y2023: 1,
      y2024: 1,
      total: before + 4,
    });
    const r = runCheck(
      {
        clubs: clubsSheet([club("C1")]),
        members: membersSheet(members("C1", 50, 33, 32, 30)),
        funds: fundsSheet([fund("C1")]),
        roadmap: sheetOf(ROADMAP_SPEC, [plan("Huyện Vũ Quang", 0), plan("Huyện Hương Khê", 2)]),
      },
      { ...DEFAULT_SETTINGS, asOf: "2025-12-31" },
    );
    expect(r.roadmapSource).toEqual({ kind: "sheet", sheet: "Lộ trình" });
    expect(ofRule(r, "roadmap.noData")).toEqual([
      {
        id: "roadmap.noData|Huyện Hương Khê",
        rule: "roadmap.noData",
        severity: "warning",
        sheet: "Lộ trình",
        cell: "A3",
        message: {
          vi: "Huyện Hương Khê: không có CLB nào đang hoạt động trong dữ liệu; không đánh giá tiến độ.",
          en: "Huyện Hương Khê: no active club in the data; progress is not assessed.",
        },
      },
    ]);
  });

  test("a club with no members and a club with no fund row", () => {
    const r = check([club("C1"), club("C2")], members("C1", 50, 33, 32, 30), [fund("C1")]);
    expect(ofRule(r, "club.noMembers").map((f) => f.id)).toEqual(["club.noMembers|C2"]);
    const noFund = ofRule(r, "club.fund");
    expect(noFund.map((f) => f.id)).toEqual(["club.fund|C2"]);
    expect(noFund[0]!.message.en).toMatch(/no row in the fund sheet/);
  });
});

describe("member.multipleClubs", () => {
  const twoClubs = (extraC1: Row[], extraC2: Row[], c2: Row = {}) =>
    check(
      [club("C1"), club("C2", c2)],
      [...members("C1", 50, 33, 32, 30), ...extraC1, ...members("C2", 50, 33, 32, 30), ...extraC2],
      [fund("C1"), fund("C2")],
    );

  test("the same name and birth in two clubs of one commune: a warning at the second, naming both", () => {
    const r = twoClubs([person("C1", "Nguyễn Thị Hoa")], [person("C2", "NGUYỄN THỊ HÒA")]);
    // "Hòa" / "Hoà" and the case do not matter; "Hoa" without a tone is another name.
    expect(ofRule(r, "member.multipleClubs")).toEqual([]);
    const same = twoClubs([person("C1", "Nguyễn Thị Hoà")], [person("C2", "NGUYỄN THỊ HÒA")]);
    const found = ofRule(same, "member.multipleClubs");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: `member.multipleClubs|C1+C2/${nameKey("Nguyễn Thị Hòa")}/1950`,
      severity: "warning",
      sheet: "Thành viên",
      // C1's 50 members and the extra (rows 2-52), then C2's 50 (rows 53-102): the extra is 103.
      cell: "B103",
    });
    expect(found[0]!.message.vi).toBe(
      '"NGUYỄN THỊ HÒA" (sinh 1950) có tên trong hai CLB: C1 (Thành viên!B52) và C2; được tính ở cả hai CLB.',
    );
    expect(found[0]!.message.en).toMatch(/listed in two clubs: C1 \(Thành viên!B52\) and C2/);
    // Counted in both: each club has 51 members.
    expect(same.verdicts.map((v) => v.stats.members)).toEqual([51, 51]);
  });

  test("the id names the person and both clubs, not the order of the rows", () => {
    const a = twoClubs([person("C1", "Lê Văn Nam")], [person("C2", "Lê Văn Nam")]);
    const b = check(
      [club("C1"), club("C2")],
      [
        person("C2", "Lê Văn Nam"),
        ...members("C2", 50, 33, 32, 30),
        ...members("C1", 50, 33, 32, 30),
        person("C1", "Lê Văn Nam"),
      ],
      [fund("C1"), fund("C2")],
    );
    const idA = ofRule(a, "member.multipleClubs").map((f) => f.id);
    const idB = ofRule(b, "member.multipleClubs").map((f) => f.id);
    expect(idA).toHaveLength(1);
    expect(idB).toEqual(idA);
    expect(ofRule(b, "member.multipleClubs")[0]!.message.vi).toMatch(/C2 \(Thành viên!B2\) và C1/);
  });

  test("a birth year alone matches only within a commune; a full birth date anywhere", () => {
    const far = { commune: "Hương Minh" };
    expect(
      ofRule(
        twoClubs([person("C1", "Lê Văn Nam")], [person("C2", "Lê Văn Nam")], far),
        "member.multipleClubs",
      ),
    ).toEqual([]);
    const dated = twoClubs(
      [person("C1", "Lê Văn Nam", "12/03/1950")],
      [person("C2", "Lê Văn Nam", "12/03/1950")],
      far,
    );
    expect(ofRule(dated, "member.multipleClubs").map((f) => f.id)).toEqual([
      `member.multipleClubs|C1+C2/${nameKey("Lê Văn Nam")}/12/03/1950`,
    ]);
    // Another birth year is another person.
    expect(
      ofRule(
        twoClubs([person("C1", "Lê Văn Nam", 1950)], [person("C2", "Lê Văn Nam", 1951)]),
        "member.multipleClubs",
      ),
    ).toEqual([]);
  });

  test("in three clubs: one finding per later club, each naming the first", () => {
    const r = check(
      [club("C1"), club("C2"), club("C3")],
      [
        ...members("C1", 50, 33, 32, 30),
        person("C1", "Võ Thị Lan"),
        person("C2", "Võ Thị Lan"),
        person("C3", "Võ Thị Lan"),
      ],
      [fund("C1"), fund("C2"), fund("C3")],
    );
    const found = ofRule(r, "member.multipleClubs");
    expect(found.map((f) => f.id)).toEqual([
      `member.multipleClubs|C1+C2/${nameKey("Võ Thị Lan")}/1950`,
      `member.multipleClubs|C1+C3/${nameKey("Võ Thị Lan")}/1950`,
    ]);
    expect(found.map((f) => f.cell)).toEqual(["B53", "B54"]);
  });

  test("a member who left one club, or a club that closed, is not in two clubs", () => {
    const left = twoClubs(
      [{ ...person("C1", "Lê Văn Nam"), left: "01/06/2024" }],
      [person("C2", "Lê Văn Nam")],
    );
    expect(ofRule(left, "member.multipleClubs")).toEqual([]);
    const closed = twoClubs([person("C1", "Lê Văn Nam")], [person("C2", "Lê Văn Nam")], {
      status: "Ngừng hoạt động",
    });
    expect(ofRule(closed, "member.multipleClubs")).toEqual([]);
  });

  test("a repeat within one club stays member.duplicate, not multipleClubs", () => {
    const r = twoClubs([person("C1", "Lê Văn Nam"), person("C1", "Lê Văn Nam")], []);
    expect(ofRule(r, "member.duplicate")).toHaveLength(1);
    expect(ofRule(r, "member.multipleClubs")).toEqual([]);
  });
});
