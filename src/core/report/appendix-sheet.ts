import { Lang, LocalText, say } from "../model/i18n";
import { GeneratedSheet, PlanCell } from "../model/write-plan";
import { CheckResult } from "../check/run-check";
import { PHASE_START, UnitProgress } from "../roadmap/progress";
import { ROADMAP_YEARS } from "../sheets/specs";
import { refDateText } from "./labels";
import { cell, SheetBuilder } from "./sheet-builder";

const WIDTHS = [6, 24, 20, 20, 10, 10, 10, 10, 14, 12, 12, 14, 16, 16];

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/**
 * "Phụ lục": the plan's appendix table as the plan prints it (STT, Đơn vị, previous phase, plan
 * 2021-2025, the years under a merged "Trong đó", total of both phases, "Tổng cộng"), then the
 * progress per unit and year to the reference date, with units behind plan marked.
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
  const width = 5 + years.length;

  b.row([t(say("PHỤ LỤC", "APPENDIX"))], "title");
  b.merge(0, 0, 0, width - 1);
  b.row(
    [
      t(
        say(
          "Lộ trình thành lập, nhân rộng mô hình câu lạc bộ",
          "Roadmap for founding and replicating the clubs",
        ),
      ),
    ],
    "title",
  );
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
  for (const c of [0, 1, 2, 3, width - 1]) b.merge(h0, c, h0 + 1, c);
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
  b.blank();
  progressTable(b, result, lang);
  return b.build(WIDTHS, 0);
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
  const years = ROADMAP_YEARS.filter((y) => y <= Math.max(upTo, PHASE_START));
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
