import { buildJsonReport } from "../../src/core/report/json-report";
import {
  ChartUnitFigures,
  chartDataOf,
  roadmapChartData,
  roadmapChartDataOfReport,
} from "../../src/core/report/roadmap-chart";
import { club, fund, members } from "../helpers/registers";
import { check } from "../helpers/run";

const figures = (unit: string, f: Partial<ChartUnitFigures>): ChartUnitFigures => ({
  unit,
  before: 0,
  actualBefore: 0,
  cumulativePlan: 0,
  cumulativeActual: 0,
  upToYear: 2023,
  clubs: 1,
  ...f,
});

/** Vũ Quang plans 4 clubs before 2021, then 2 a year; Kỳ Anh 16, then 1 a year (the Hà Tĩnh plan). */
function vuQuangAndKyAnh(asOf: string) {
  const clubs = [
    club("V1", { founded: 2018 }),
    club("V2", { founded: 2019 }),
    club("V3", { founded: 2021 }),
    club("V4", { founded: "15/06/2022" }),
    club("V5", { founded: 2024 }),
    club("K1", { founded: 2015, district: "Huyện Kỳ Anh" }),
    club("K2", { founded: 2023, district: "Huyện Kỳ Anh" }),
  ];
  const ids = clubs.map((c) => String(c["id"]));
  return check(
    clubs,
    ids.flatMap((id) => members(id, 50, 33, 32, 27)),
    ids.map((id) => fund(id)),
    { asOf },
  );
}

describe("the roadmap chart's data", () => {
  test("plan = the plan's clubs before the phase + planned to the year; actual likewise", () => {
    const data = chartDataOf(
      [
        figures("A", { before: 4, cumulativePlan: 6, actualBefore: 3, cumulativeActual: 2 }),
        figures("B", { before: 10, cumulativePlan: 3, actualBefore: 12, cumulativeActual: 4 }),
      ],
      2023,
      "vi",
    );
    expect(data).toEqual({
      year: 2023,
      title: "Kế hoạch và thực hiện lũy kế đến năm 2023",
      units: [
        { unit: "A", plan: 10, actual: 5 },
        { unit: "B", plan: 13, actual: 16 },
      ],
    });
    expect(chartDataOf([figures("A", {})], 2023, "en").title).toBe(
      "Plan and actual, cumulative to 2023",
    );
  });

  test("units without clubs in the data are left out, unless no unit has any", () => {
    const some = chartDataOf(
      [figures("A", { clubs: 0, before: 5 }), figures("B", { clubs: 2, before: 7 })],
      2023,
      "vi",
    );
    expect(some.units.map((u) => u.unit)).toEqual(["B"]);
    const none = chartDataOf(
      [figures("A", { clubs: 0, before: 5 }), figures("B", { clubs: 0, before: 7 })],
      2023,
      "vi",
    );
    expect(none.units).toEqual([
      { unit: "A", plan: 5, actual: 0 },
      { unit: "B", plan: 7, actual: 0 },
    ]);
  });

  test("a reference year in the middle of the phase counts the years up to it", () => {
    const data = roadmapChartData(vuQuangAndKyAnh("2023-06-30"));
    expect(data.year).toBe(2023);
    // Vũ Quang: plan 4 + 2 (2021) + 2 (2022) + 2 (2023) = 10; actual 2 before 2021 + 2021 + 2022
    // = 4 (the club of 2024 is not founded yet). Kỳ Anh: plan 16 + 1 + 1 + 1 = 19; actual 1 + 1.
    expect(data.units).toEqual([
      { unit: "Huyện Kỳ Anh", plan: 19, actual: 2 },
      { unit: "Huyện Vũ Quang", plan: 10, actual: 4 },
    ]);
  });

  test("a reference year before the phase compares the previous phase alone", () => {
    const result = vuQuangAndKyAnh("2020-12-31");
    const data = roadmapChartData(result, "en");
    expect(data.year).toBe(2020);
    expect(data.title).toBe("Plan and actual, cumulative to 2020");
    expect(data.units).toEqual([
      { unit: "Huyện Kỳ Anh", plan: 16, actual: 1 },
      { unit: "Huyện Vũ Quang", plan: 4, actual: 2 },
    ]);
  });

  test("a reference year after the plan's last year counts to that year", () => {
    const data = roadmapChartData(vuQuangAndKyAnh("2027-03-01"));
    expect(data.year).toBe(2025);
    // Vũ Quang: 4 + 2 × 4 (the plan has no club in 2025) = 12; actual 2 + 3 = 5.
    expect(data.units).toContainEqual({ unit: "Huyện Vũ Quang", plan: 12, actual: 5 });
  });

  test("the pane's data from the JSON report are the sheet's numbers", () => {
    const result = vuQuangAndKyAnh("2023-06-30");
    expect(roadmapChartDataOfReport(buildJsonReport(result), "vi")).toEqual(
      roadmapChartData(result),
    );
  });
});
