import { Lang, LocalText, say } from "../model/i18n";
import type { CheckResult } from "../check/run-check";
import { ROADMAP_YEARS } from "../sheets/specs";
import type { JsonReport } from "./json-report";

/** One category of the roadmap chart: a unit with its cumulative plan and actual club counts. */
export interface RoadmapChartUnit {
  readonly unit: string;
  readonly plan: number;
  readonly actual: number;
}

/** What the roadmap chart shows, the same in the appendix sheet's native chart and in the pane. */
export interface RoadmapChartData {
  /** The year the counts run to: the reference year, within the plan's years. */
  readonly year: number;
  readonly title: string;
  readonly units: readonly RoadmapChartUnit[];
}

/** The figures of a unit the chart needs; UnitProgress (with its entry) and JsonUnit hold them. */
export interface ChartUnitFigures {
  readonly unit: string;
  /** Clubs founded in the previous phase, as the plan says. */
  readonly before: number;
  /** Active clubs of the data founded before the phase (to the reference date). */
  readonly actualBefore: number;
  /** Planned clubs of the phase's years up to the compared year. */
  readonly cumulativePlan: number;
  /** Active clubs of the data founded in the phase's years up to the compared year. */
  readonly cumulativeActual: number;
  readonly upToYear: number;
  /** Active clubs of the unit in the data. */
  readonly clubs: number;
}

export const CHART_NAME = "ISHC roadmap chart";

export const chartTitle = (year: number): LocalText =>
  say(`Kế hoạch và thực hiện lũy kế đến năm ${year}`, `Plan and actual, cumulative to ${year}`);

/** The chart data block's header row and the legend entries of its two series. */
export const CHART_LABELS = {
  unit: say("Đơn vị", "Unit"),
  planHeader: (year: number) => say(`Kế hoạch lũy kế đến ${year}`, `Plan, cumulative to ${year}`),
  actualHeader: (year: number) =>
    say(`Thực hiện lũy kế đến ${year}`, `Actual, cumulative to ${year}`),
  plan: say("Kế hoạch", "Plan"),
  actual: say("Thực hiện", "Actual"),
} as const;

const LAST_YEAR = ROADMAP_YEARS[ROADMAP_YEARS.length - 1]!;

/**
 * The chart's numbers from per-unit figures.
 *
 * The chart compares totals of clubs, not only the phase's new clubs, so that a unit's bar reads
 * "how many clubs it should have / has" at the reference year:
 * - plan = the plan's clubs of the previous phase (`before`) + the clubs it plans for each year
 *   of the phase up to the compared year (`cumulativePlan`);
 * - actual = the active clubs of the data founded before the phase (`actualBefore`) + those
 *   founded in the phase's years up to the compared year (`cumulativeActual`).
 * Both sums are the appendix progress table's own columns, so the chart can never disagree with
 * it. The compared year is the reference year capped at the plan's last year (a reference date in
 * 2027 compares to 2025, and clubs founded after 2025 are not counted, as in the table). With a
 * reference year before the phase, no year of the phase counts: plan = `before` and actual =
 * the clubs founded to that year. Clubs that closed are not in the data's counts: the actual bar
 * counts the clubs active at the reference date.
 *
 * Units with no club in the data are left out (unless no unit has any): the check does not judge
 * them (a district's workbook holds only its own clubs), and a bar of 0 beside each of them would
 * read as twelve units far behind plan.
 */
export function chartDataOf(
  units: readonly ChartUnitFigures[],
  refYear: number,
  lang: Lang,
): RoadmapChartData {
  const year = units[0]?.upToYear ?? Math.min(refYear, LAST_YEAR);
  const withData = units.filter((u) => u.clubs > 0);
  const shown = withData.length > 0 ? withData : units;
  return {
    year,
    title: chartTitle(year)[lang],
    units: shown.map((u) => ({
      unit: u.unit,
      plan: u.before + u.cumulativePlan,
      actual: u.actualBefore + u.cumulativeActual,
    })),
  };
}

/** The roadmap chart of a check, in the check's language unless another is given. */
export function roadmapChartData(
  result: CheckResult,
  lang: Lang = result.settings.lang,
): RoadmapChartData {
  return chartDataOf(
    result.units.map((u) => ({
      unit: u.entry.unit,
      before: u.entry.before,
      actualBefore: u.actualBefore,
      cumulativePlan: u.cumulativePlan,
      cumulativeActual: u.cumulativeActual,
      upToYear: u.upToYear,
      clubs: u.clubs,
    })),
    result.ref.year,
    lang,
  );
}

/** The same chart from the JSON report (what the pane holds), in the pane's language. */
export function roadmapChartDataOfReport(
  report: Pick<JsonReport, "asOf" | "units">,
  lang: Lang,
): RoadmapChartData {
  const year = Number(/^\d{4}/.exec(report.asOf)?.[0] ?? LAST_YEAR);
  return chartDataOf(report.units, year, lang);
}
