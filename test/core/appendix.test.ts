import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseA1 } from "../../src/core/model/address";
import { GeneratedSheet } from "../../src/core/model/write-plan";
import { appendixSheet } from "../../src/core/report/appendix-sheet";
import { PRINTABLE, rowHeightsPoints, tableWidthPoints } from "../../src/core/report/print-setups";
import { roadmapChartData } from "../../src/core/report/roadmap-chart";
import { ROADMAP_SPEC } from "../../src/core/sheets/specs";
import { runCheck } from "../../src/core/check/run-check";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { club, clubsSheet, fund, members, membersSheet, sheetOf } from "../helpers/registers";
import { check, rulesOf } from "../helpers/run";

// The plan's appendix as published (docs/plan): the embedded data must equal it.
const CSV = readFileSync(join(__dirname, "../../docs/plan/phu-luc-ha-tinh.csv"), "utf8");

/** The values of a one-column range "O5:O6" of a sheet, top to bottom. */
function columnValues(sheet: GeneratedSheet, range: string) {
  const [a, b] = range.split(":").map((x) => parseA1(x)!);
  expect(a!.col0).toBe(b!.col0);
  return sheet.rows.slice(a!.row0, b!.row0 + 1).map((r) => r[a!.col0]?.v);
}

/** Two units with clubs: Vũ Quang (2018, 2021, 2022, 2024) and Kỳ Anh (2015, 2023). */
function twoUnits(asOf: string, lang: "vi" | "en" = "vi") {
  const clubs = [
    club("V1", { founded: 2018 }),
    club("V2", { founded: 2021 }),
    club("V3", { founded: 2022 }),
    club("V4", { founded: 2024 }),
    club("K1", { founded: 2015, district: "Huyện Kỳ Anh" }),
    club("K2", { founded: 2023, district: "Huyện Kỳ Anh" }),
  ];
  const ids = clubs.map((c) => String(c["id"]));
  return check(
    clubs,
    ids.flatMap((id) => members(id, 50, 33, 32, 27)),
    ids.map((id) => fund(id)),
    { asOf, lang },
  );
}

describe("the appendix sheet", () => {
  test("from the default roadmap equals the plan's appendix, number for number", () => {
    const result = check([club("C1")], members("C1", 50, 33, 32, 27), [fund("C1")]);
    expect(rulesOf(result)).not.toContain("roadmap.inconsistent");
    const sheet = appendixSheet(result, "Phụ lục");
    const values = sheet.rows.map((r) => r.map((c) => c.v));
    const header = values.findIndex((r) => r[0] === "STT");
    // The plan table is A-I; the chart's data block stands to its right, after a blank column.
    expect(values[header]!.slice(0, 9)).toEqual([
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
      expect(table[i]!.slice(2, 9)).toEqual(numbers.map(Number));
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
    ).toMatch(/1 active club founded.*says 4/);
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

  test("opens with the title and the reference date", () => {
    const vi = appendixSheet(twoUnits("2023-06-30"), "Phụ lục");
    expect(vi.rows[0]![0]!.v).toBe("PHỤ LỤC — Lộ trình thành lập, nhân rộng mô hình câu lạc bộ");
    expect(vi.rows[0]![0]!.style).toBe("title");
    expect(vi.rows[1]![0]!.v).toBe("Số liệu đến ngày 30/06/2023");
    // Both span the widest table: the progress table's 13 columns (years 2021-2023), A to M.
    expect(vi.merges).toEqual(expect.arrayContaining(["A1:M1", "A2:M2"]));
    const en = appendixSheet(twoUnits("2023-06-30", "en"), "Phụ lục");
    expect(en.rows[0]![0]!.v).toBe("APPENDIX — Roadmap for founding and replicating the clubs");
    expect(en.rows[1]![0]!.v).toBe("Data as of 30/06/2023");
  });

  test("holds the chart's data beside the tables, and the chart below them", () => {
    const result = twoUnits("2023-06-30");
    const sheet = appendixSheet(result, "Phụ lục");
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts![0]!;
    expect(chart.name).toBe("ISHC roadmap chart");
    expect(chart.title).toBe("Kế hoạch và thực hiện lũy kế đến năm 2023");
    // The block starts at the plan table's header row (4), after a blank column N: at O.
    expect(chart.categories).toBe("O5:O6");
    expect(chart.series).toEqual([
      { name: "Kế hoạch", values: "P5:P6" },
      { name: "Thực hiện", values: "Q5:Q6" },
    ]);
    expect(sheet.rows[3]!.slice(14, 17).map((c) => c.v)).toEqual([
      "Đơn vị",
      "Kế hoạch lũy kế đến 2023",
      "Thực hiện lũy kế đến 2023",
    ]);
    expect(sheet.rows.every((r) => r[13] === undefined || r[13].v === null)).toBe(true);
    // Kỳ Anh: 16 + 1 × 3 planned, 1 + 1 founded; Vũ Quang: 4 + 2 × 3 planned, 1 + 2 founded.
    expect(columnValues(sheet, chart.categories)).toEqual(["Huyện Kỳ Anh", "Huyện Vũ Quang"]);
    expect(columnValues(sheet, chart.series[0]!.values)).toEqual([19, 10]);
    expect(columnValues(sheet, chart.series[1]!.values)).toEqual([2, 3]);
    const data = roadmapChartData(result);
    expect(columnValues(sheet, chart.series[0]!.values)).toEqual(data.units.map((u) => u.plan));
    expect(columnValues(sheet, chart.series[1]!.values)).toEqual(data.units.map((u) => u.actual));
    // Below the block (last row 6), one blank row lower, six columns wide.
    expect([chart.from, chart.to]).toEqual(["O8", "T27"]);
    expect(sheet.columnWidths.slice(13, 20)).toEqual([4, 24, 16, 16, 10, 10, 10]);
    const en = appendixSheet(twoUnits("2023-06-30", "en"), "Phụ lục").charts![0]!;
    expect(en.title).toBe("Plan and actual, cumulative to 2023");
    expect(en.series.map((s) => s.name)).toEqual(["Plan", "Actual"]);
  });

  test("prints each table on its own A4 landscape page, without the chart's data", () => {
    const sheet = appendixSheet(twoUnits("2023-06-30"), "Phụ lục");
    const planTotal = sheet.rows.findIndex((r) => r[1]?.v === "Tổng cộng") + 1;
    const progressTitle = sheet.rows.findIndex((r) => /^TIẾN ĐỘ/.test(String(r[0]?.v))) + 1;
    const progressTotal = sheet.rows.length;
    expect(sheet.rows[progressTotal - 1]![1]!.v).toBe("Tổng cộng");
    expect(progressTitle).toBe(planTotal + 2);
    const print = sheet.print!;
    expect(print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      titleRows: [1, 2],
      rowBreaks: [planTotal + 1],
      area: `A1:M${progressTotal}`,
      centerHorizontally: true,
      footer: "Trang &P/&N",
    });
    const scale = print.scale! / 100;
    // The widest table (the progress table, A-M) fits the printable width at that scale…
    const width = tableWidthPoints(sheet.columnWidths, 13);
    expect(scale * width).toBeLessThanOrEqual(PRINTABLE.width);
    expect(width).toBeGreaterThan(PRINTABLE.width);
    // …and each page its height: page 1 rows 1 to the break, page 2 the title rows and the rest.
    const h = rowHeightsPoints(sheet);
    const rows = (a: number, b: number) => h.slice(a - 1, b).reduce((s, x) => s + x, 0);
    expect(scale * rows(1, planTotal + 1)).toBeLessThanOrEqual(PRINTABLE.height);
    expect(scale * (rows(1, 2) + rows(progressTitle, progressTotal))).toBeLessThanOrEqual(
      PRINTABLE.height,
    );
    expect(print.scale).toBe(68);
  });
});
