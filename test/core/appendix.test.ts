import { readFileSync } from "node:fs";
import { join } from "node:path";
import { appendixSheet } from "../../src/core/report/appendix-sheet";
import { ROADMAP_SPEC } from "../../src/core/sheets/specs";
import { runCheck } from "../../src/core/check/run-check";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { club, clubsSheet, fund, members, membersSheet, sheetOf } from "../helpers/registers";
import { check, rulesOf } from "../helpers/run";

const CSV = readFileSync(join(__dirname, "../../../shared/plan/phu-luc-ha-tinh.csv"), "utf8");

describe("the appendix sheet", () => {
  test("from the default roadmap equals the plan's appendix, number for number", () => {
    const result = check([club("C1")], members("C1", 50, 33, 32, 27), [fund("C1")]);
    expect(rulesOf(result)).not.toContain("roadmap.inconsistent");
    const sheet = appendixSheet(result, "Phụ lục");
    const values = sheet.rows.map((r) => r.map((c) => c.v));
    const header = values.findIndex((r) => r[0] === "STT");
    expect(values[header]).toEqual([
      "STT",
      "Đơn vị",
      "Số CLB đã thành lập giai đoạn trước",
      "Kế hoạch giai đoạn 2021-2025",
      "Trong đó",
      "",
      "",
      "",
      "Tổng cả hai giai đoạn",
    ]);
    expect(values[header + 1]!.slice(4, 8)).toEqual([
      "Năm 2021",
      "Năm 2022",
      "Năm 2023",
      "Năm 2024",
    ]);
    const csvRows = CSV.trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","));
    const table = values.slice(header + 2, header + 2 + csvRows.length);
    csvRows.forEach((csv, i) => {
      const [stt, unit, ...numbers] = csv;
      expect(table[i]![0]).toBe(stt === "" ? "" : Number(stt));
      expect(table[i]![1]).toBe(unit);
      expect(table[i]!.slice(2)).toEqual(numbers.map(Number));
    });
    // The merged headers of the plan's layout.
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        `E${header + 1}:H${header + 1}`,
        `A${header + 1}:A${header + 2}`,
        `I${header + 1}:I${header + 2}`,
      ]),
    );
  });

  test("progress counts clubs per unit and year and flags units behind plan", () => {
    const clubs = [
      club("A", { founded: 2018 }),
      club("B", { founded: 2021 }),
      club("C", { founded: "15/06/2022" }),
      club("D", { founded: 2022, district: "Vũ Quang" }),
      club("E", { founded: 2023, district: "H. Vu Quang" }),
    ];
    const rows = ["A", "B", "C", "D", "E"].flatMap((id) => members(id, 50, 33, 32, 27));
    const result = check(
      clubs,
      rows,
      ["A", "B", "C", "D", "E"].map((id) => fund(id)),
      { asOf: "2024-12-31" },
    );
    const vq = result.units.find((u) => u.entry.unit === "Huyện Vũ Quang")!;
    expect(vq.actualBefore).toBe(1);
    expect(vq.actual).toMatchObject({ 2021: 1, 2022: 2, 2023: 1, 2024: 0 });
    expect(vq.cumulativePlan).toBe(8);
    expect(vq.behind).toBe(true);
    const behind = result.findings.filter((f) => f.rule === "roadmap.behind").map((f) => f.id);
    expect(behind).toContain("roadmap.behind|Huyện Vũ Quang");
    expect(
      result.findings.find((f) => f.id === "roadmap.before|Huyện Vũ Quang")?.message.en,
    ).toMatch(/1 active clubs.*says 4/);
    expect(rulesOf(result)).toContain("club.unitLoose");
  });

  test("a roadmap sheet that does not add up is reported at its cells", () => {
    const rows = [
      {
        unit: "Huyện Vũ Quang",
        before: 4,
        planTotal: 8,
        y2021: 2,
        y2022: 2,
        y2023: 2,
        y2024: 1,
        total: 12,
      },
      {
        unit: "Thị xã Hồng Lĩnh",
        before: 5,
        planTotal: 4,
        y2021: 1,
        y2022: 1,
        y2023: 1,
        y2024: 1,
        total: 10,
      },
      {
        unit: "Tổng cộng",
        before: 9,
        planTotal: 12,
        y2021: 3,
        y2022: 3,
        y2023: 3,
        y2024: 2,
        total: 23,
      },
    ];
    const roadmap = sheetOf(ROADMAP_SPEC, rows);
    const result = runCheck(
      {
        clubs: clubsSheet([club("C1")]),
        members: membersSheet(members("C1", 50, 33, 32, 27)),
        funds: null,
        roadmap,
      },
      { ...DEFAULT_SETTINGS, asOf: "2025-12-31" },
    );
    const bad = result.findings
      .filter((f) => f.rule === "roadmap.inconsistent")
      .map((f) => `${f.sheet}!${f.cell}`);
    expect(bad).toEqual(["Lộ trình!C2", "Lộ trình!H3", "Lộ trình!H4"]);
    expect(result.roadmapSource).toEqual({ kind: "sheet", sheet: "Lộ trình" });
  });

  test("a unit written twice in a roadmap sheet is reported, not split", () => {
    const rows = [
      {
        unit: "Huyện Vũ Quang",
        before: 4,
        planTotal: 8,
        y2021: 2,
        y2022: 2,
        y2023: 2,
        y2024: 2,
        total: 12,
      },
      {
        unit: "H. Vũ Quang",
        before: 4,
        planTotal: 8,
        y2021: 2,
        y2022: 2,
        y2023: 2,
        y2024: 2,
        total: 12,
      },
      {
        unit: "Vũ Quang",
        before: 1,
        planTotal: 1,
        y2021: 1,
        y2022: 0,
        y2023: 0,
        y2024: 0,
        total: 2,
      },
      {
        unit: "Huyện Kỳ Anh",
        before: 16,
        planTotal: 4,
        y2021: 1,
        y2022: 1,
        y2023: 1,
        y2024: 1,
        total: 20,
      },
      {
        unit: "Thị xã Kỳ Anh",
        before: 10,
        planTotal: 4,
        y2021: 1,
        y2022: 1,
        y2023: 1,
        y2024: 1,
        total: 14,
      },
    ];
    const result = runCheck(
      {
        clubs: clubsSheet([club("C1")]),
        members: membersSheet(members("C1", 50, 33, 32, 27)),
        funds: null,
        roadmap: sheetOf(ROADMAP_SPEC, rows),
      },
      { ...DEFAULT_SETTINGS, asOf: "2025-12-31" },
    );
    expect(result.units.map((u) => u.entry.unit)).toEqual([
      "Huyện Vũ Quang",
      "Huyện Kỳ Anh",
      "Thị xã Kỳ Anh",
    ]);
    const dup = result.findings.filter((f) => f.rule === "roadmap.duplicate").map((f) => f.cell);
    expect(dup).toEqual(["A3", "A4"]);
  });
});
