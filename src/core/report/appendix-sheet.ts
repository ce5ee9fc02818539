import { rangeA1, toA1 } from "../model/address";
import { Lang, LocalText, say } from "../model/i18n";
import { ColumnChart, GeneratedSheet, PlanCell } from "../model/write-plan";
import { CheckResult } from "../check/run-check";
import { PHASE_START, UnitProgress } from "../roadmap/progress";
import { ROADMAP_YEARS } from "../sheets/specs";
import { dataAsOfText, refDateText } from "./labels";
import { tablesPrintSetup } from "./print-setups";
import { CHART_LABELS, CHART_NAME, roadmapChartData } from "./roadmap-chart";
import { cell, SheetBuilder } from "./sheet-builder";

/** Characters: STT, Đơn vị, the previous phase, the phase's plan (or plan/actual before it). */
const LEAD_WIDTHS = [6, 24, 20, 20];
const YEAR_WIDTH = 10;
/** The plan table's last column: total of both phases. */
const PLAN_TAIL_WIDTHS = [14];
/** The progress table's columns after the years: cumulative plan, actual, difference, assessment, shares. */
const PROGRESS_TAIL_WIDTHS = [14, 12, 12, 14, 16, 16];
/** The blank column between the tables and the chart data block. */
const GAP_WIDTH = 4;
/** The chart data block: unit, cumulative plan, cumulative actual. */
const BLOCK_WIDTHS = [24, 16, 16];
/** Three more columns under which the chart extends, so that 13 units' bars have room. */
const CHART_EXTRA_WIDTHS = [10, 10, 10];
/** Rows the chart covers below its data block (20 rows of 15 pt: about 400 px high). */
const CHART_ROWS = 20;

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/** Years of the progress table: the phase's years to the reference year (at least the first). */
const progressYears = (upTo: number): number[] =>
  ROADMAP_YEARS.filter((y) => y <= Math.max(upTo, PHASE_START));

/** Widths of the table columns: each column as wide as the wider of the two tables needs it. */
function tableWidths(planYears: number, progressYearCount: number): number[] {
  const plan = [...LEAD_WIDTHS, ...Array<number>(planYears).fill(YEAR_WIDTH), ...PLAN_TAIL_WIDTHS];
  const progress = [
    ...LEAD_WIDTHS,
    ...Array<number>(progressYearCount).fill(YEAR_WIDTH),
    ...PROGRESS_TAIL_WIDTHS,
  ];
  return Array.from({ length: Math.max(plan.length, progress.length) }, (_, i) =>
    Math.max(plan[i] ?? 0, progress[i] ?? 0),
  );
}

/**
 * "Phụ lục": the title and the reference date, the plan's appendix table as the plan prints it
 * (STT, Đơn vị, previous phase, plan 2021-2025, the years under a merged "Trong đó", total of both
 * phases, "Tổng cộng"), then the progress per unit and year to the reference date, with units
 * behind plan marked. To the right, after a blank column, the roadmap chart's data (unit,
 * cumulative plan, cumulative actual) from the plan table's header row down, and the chart below
 * it. Printed on A4 landscape, each table on its own page (the chart data block is not printed).
 */
export function appendixSheet(result: CheckResult, name: string): GeneratedSheet {
  const lang = result.settings.lang;
  const b = new SheetBuilder("appendix", name);
  const units = result.units;
  // The plan prints 2021-2024; 2025 gets a column only when some unit plans clubs in it.
  const years = ROADMAP_YEARS.filter(
    (y) => y < 2025 || units.some((u) => (u.entry.plan[y] ?? 0) > 0),
  );
  const t = (x: LocalText) => x[lang];
  const upTo = units[0]?.upToYear ?? Math.min(result.ref.year, 2025);
  const planWidth = 5 + years.length;
  const progressWidth = 10 + progressYears(upTo).length;
  const width = Math.max(planWidth, progressWidth);

  b.row(
    [
      t(
        say(
          "PHỤ LỤC — Lộ trình thành lập, nhân rộng mô hình câu lạc bộ",
          "APPENDIX — Roadmap for founding and replicating the clubs",
        ),
      ),
    ],
    "title",
  );
  b.merge(0, 0, 0, width - 1);
  b.row([t(dataAsOfText(result.ref))], "text");
  b.merge(1, 0, 1, width - 1);
  const source =
    result.roadmapSource.kind === "sheet"
      ? say(
          `(Nguồn: sheet "${result.roadmapSource.sheet}")`,
          `(Source: sheet "${result.roadmapSource.sheet}")`,
        )
      : say(
          "(Nguồn: phụ lục kế hoạch tỉnh Hà Tĩnh năm 2020, do bảng tính không có sheet Lộ trình)",
          "(Source: the Hà Tĩnh 2020 plan's appendix; the workbook has no roadmap sheet)",
        );
  b.row([t(source)], "text");

  const h0 = b.row(
    [
      t(say("STT", "No.")),
      t(say("Đơn vị", "Unit")),
      t(say("Số CLB đã thành lập giai đoạn trước", "Clubs founded in the previous phase")),
      t(say("Kế hoạch giai đoạn 2021-2025", "Plan 2021-2025")),
      t(say("Trong đó", "Of which")),
      ...years.slice(1).map(() => ""),
      t(say("Tổng cả hai giai đoạn", "Total of both phases")),
    ],
    "header",
  );
  b.row(["", "", "", "", ...years.map((y) => t(say(`Năm ${y}`, `${y}`))), ""], "header");
  for (const c of [0, 1, 2, 3, planWidth - 1]) b.merge(h0, c, h0 + 1, c);
  b.merge(h0, 4, h0, 3 + years.length);
  units.forEach((u, i) => {
    const e = u.entry;
    b.row([
      cell(i + 1, "integer"),
      cell(e.unit, "text"),
      ...[e.before, e.planTotal, ...years.map((y) => e.plan[y] ?? 0), e.total].map((n) =>
        cell(n, "integer"),
      ),
    ]);
  });
  const totals = [
    sum(units.map((u) => u.entry.before)),
    sum(units.map((u) => u.entry.planTotal)),
    ...years.map((y) => sum(units.map((u) => u.entry.plan[y] ?? 0))),
    sum(units.map((u) => u.entry.total)),
  ];
  b.row([
    cell("", "total"),
    cell(t(say("Tổng cộng", "Total")), "total"),
    ...totals.map((n) => cell(n, "total")),
  ]);
  const planLast = b.nextRow0;
  b.blank();
  const progressFirst = b.nextRow0 + 1;
  progressTable(b, result, lang);
  const progressLast = b.nextRow0;
  const tables = b.build(tableWidths(years.length, progressYears(upTo).length), 0);
  const sheet = withChart(tables, result, h0, width + 1);
  return {
    ...sheet,
    print: tablesPrintSetup(
      sheet,
      [
        { first: 1, last: planLast, columns: planWidth },
        { first: progressFirst, last: progressLast, columns: progressWidth },
      ],
      // The sheet's title and date head every page. One range of rows repeats on every page, so
      // the plan table's header rows cannot: they would stand above the progress table. Each
      // table fits its page, so no table's header needs repeating anyway.
      [1, 2],
      lang,
    ),
  };
}

/**
 * The chart data block at column `col0` from row `row0` down: a header row, then one row per unit
 * of the chart (see roadmapChartData), and the chart below it, one blank row lower, spanning the
 * block's columns and three more. No block nor chart when there is no unit.
 */
function withChart(
  sheet: GeneratedSheet,
  result: CheckResult,
  row0: number,
  col0: number,
): GeneratedSheet {
  const data = roadmapChartData(result);
  if (data.units.length === 0) return sheet;
  const lang = result.settings.lang;
  const block: PlanCell[][] = [
    [
      cell(CHART_LABELS.unit[lang], "header"),
      cell(CHART_LABELS.planHeader(data.year)[lang], "header"),
      cell(CHART_LABELS.actualHeader(data.year)[lang], "header"),
    ],
    ...data.units.map((u) => [
      cell(u.unit, "text"),
      cell(u.plan, "integer"),
      cell(u.actual, "integer"),
    ]),
  ];
  const rows = Array.from({ length: Math.max(sheet.rows.length, row0 + block.length) }, (_, r) => {
    const row = sheet.rows[r] ?? [];
    const mine = block[r - row0];
    if (!mine) return row;
    const pad = Array.from({ length: col0 - row.length }, (): PlanCell => ({ v: null }));
    return [...row, ...pad, ...mine];
  });
  const first = row0 + 1;
  const last = row0 + data.units.length;
  const top = last + 2;
  const chart: ColumnChart = {
    name: CHART_NAME,
    title: data.title,
    categories: rangeA1(first, col0, last, col0),
    series: [
      { name: CHART_LABELS.plan[lang], values: rangeA1(first, col0 + 1, last, col0 + 1) },
      { name: CHART_LABELS.actual[lang], values: rangeA1(first, col0 + 2, last, col0 + 2) },
    ],
    from: toA1(top, col0),
    to: toA1(top + CHART_ROWS - 1, col0 + BLOCK_WIDTHS.length + CHART_EXTRA_WIDTHS.length - 1),
  };
  const widths = [
    ...Array.from({ length: col0 - 1 }, (_, i) => sheet.columnWidths[i] ?? 0),
    GAP_WIDTH,
    ...BLOCK_WIDTHS,
    ...CHART_EXTRA_WIDTHS,
  ];
  return { ...sheet, rows, columnWidths: widths, charts: [chart] };
}

function assessment(u: UnitProgress, t: (x: LocalText) => string): PlanCell {
  if (u.clubs === 0) return cell(t(say("Không có dữ liệu", "No data")), "warn");
  return u.behind
    ? cell(t(say("Chậm tiến độ", "Behind plan")), "fail")
    : cell(t(say("Đạt", "On track")), "pass");
}

function progressTable(b: SheetBuilder, result: CheckResult, lang: Lang): void {
  const t = (x: LocalText) => x[lang];
  const units = result.units;
  const upTo = units[0]?.upToYear ?? Math.min(result.ref.year, 2025);
  const years = progressYears(upTo);
  const width = 10 + years.length;
  const top = b.row(
    [
      t(
        say(
          `TIẾN ĐỘ THỰC HIỆN ĐẾN NGÀY ${refDateText(result.ref)}`,
          `PROGRESS TO ${refDateText(result.ref)}`,
        ),
      ),
    ],
    "title",
  );
  b.merge(top, 0, top, width - 1);
  const h0 = b.row(
    [
      t(say("STT", "No.")),
      t(say("Đơn vị", "Unit")),
      t(say(`Thành lập trước ${PHASE_START}`, `Founded before ${PHASE_START}`)),
      "",
      t(say("Thực tế thành lập theo năm", "Founded per year (actual)")),
      ...years.slice(1).map(() => ""),
      t(
        upTo >= PHASE_START
          ? say(`Lũy kế ${PHASE_START}-${upTo}`, `Cumulative ${PHASE_START}-${upTo}`)
          : say(
              `Lũy kế (giai đoạn ${PHASE_START}-2025 chưa bắt đầu)`,
              `Cumulative (the ${PHASE_START}-2025 phase has not begun)`,
            ),
      ),
      "",
      "",
      t(say("Đánh giá", "Assessment")),
      t(say("Tỷ lệ CLB hoạt động đầy đủ", "Share of fully active clubs")),
      t(say("Tỷ lệ CLB có quỹ theo quy chế", "Share of clubs with a regulated fund")),
    ],
    "header",
  );
  const plan = t(say("Kế hoạch", "Plan"));
  const actual = t(say("Thực tế", "Actual"));
  b.row(
    [
      "",
      "",
      plan,
      actual,
      ...years.map((y) => t(say(`Năm ${y}`, `${y}`))),
      plan,
      actual,
      t(say("Chênh lệch", "Difference")),
      "",
      "",
      "",
    ],
    "header",
  );
  const yc = 4;
  const cc = yc + years.length;
  for (const c of [0, 1, cc + 3, cc + 4, cc + 5]) b.merge(h0, c, h0 + 1, c);
  b.merge(h0, 2, h0, 3);
  b.merge(h0, yc, h0, cc - 1);
  b.merge(h0, cc, h0, cc + 2);
  units.forEach((u, i) => {
    const bad = u.behind ? "failInteger" : "integer";
    const row: PlanCell[] = [
      cell(i + 1, "integer"),
      cell(u.entry.unit, "text"),
      cell(u.entry.before, "integer"),
      cell(u.actualBefore, u.actualBefore !== u.entry.before ? "warn" : "integer"),
      ...years.map((y) => cell(u.actual[y] ?? 0, "integer")),
      cell(u.cumulativePlan, "integer"),
      cell(u.cumulativeActual, bad),
      cell(u.cumulativeActual - u.cumulativePlan, bad),
      assessment(u, t),
      cell(
        u.activeShare,
        u.activeShare !== null && u.activeShare < result.settings.activeShareMin
          ? "failPercent"
          : "percent",
      ),
      cell(
        u.fundShare,
        u.fundShare !== null && u.fundShare < result.settings.fundShareMin
          ? "failPercent"
          : "percent",
      ),
    ];
    b.row(row);
  });
  const allClubs = result.verdicts.filter((v) => v.unit !== null);
  const share = (ok: (v: (typeof allClubs)[number]) => boolean) =>
    allClubs.length === 0
      ? null
      : Math.round((allClubs.filter(ok).length / allClubs.length) * 10000) / 10000;
  const cumPlan = sum(units.map((u) => u.cumulativePlan));
  const cumActual = sum(units.map((u) => u.cumulativeActual));
  b.row([
    cell("", "total"),
    cell(t(say("Tổng cộng", "Total")), "total"),
    cell(sum(units.map((u) => u.entry.before)), "total"),
    cell(sum(units.map((u) => u.actualBefore)), "total"),
    ...years.map((y) => cell(sum(units.map((u) => u.actual[y] ?? 0)), "total")),
    cell(cumPlan, "total"),
    cell(cumActual, "total"),
    cell(cumActual - cumPlan, "total"),
    cell("", "total"),
    cell(
      share((v) => v.fullyActive),
      "totalPercent",
    ),
    cell(
      share((v) => v.fundOk),
      "totalPercent",
    ),
  ]);
}
