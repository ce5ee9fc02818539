import { say } from "../model/i18n";
import { formatCount } from "../text/numbers";
import { cellOf, RoadmapEntry } from "../model/records";
import { FindingSink } from "../findings/sink";
import { RoadmapTotals } from "../read/roadmap";
import { ROADMAP_YEARS } from "../sheets/specs";
import { shortText } from "../text/short-text";

const vi = (n: number): string => formatCount(n, "vi");
const en = (n: number): string => formatCount(n, "en");

const sumYears = (plan: Readonly<Record<number, number>>): number =>
  ROADMAP_YEARS.reduce((s, y) => s + (plan[y] ?? 0), 0);

/**
 * The appendix must agree with itself: each row's years sum to its plan, previous phase + plan =
 * total, and every column sums to the "Tổng cộng" row. Each disagreement is a
 * `roadmap.inconsistent` finding at the cell that disagrees.
 */
export function checkRoadmapSums(
  entries: readonly RoadmapEntry[],
  totals: RoadmapTotals | null,
  sink: FindingSink,
): void {
  const at = (e: RoadmapEntry, field: string) => (e.origin ? cellOf(e.origin, field) : undefined);
  for (const e of entries) {
    const years = sumYears(e.plan);
    if (years !== e.planTotal) {
      sink.add(
        "roadmap.inconsistent",
        "error",
        `${e.unit}:planTotal`,
        say(
          `${shortText(e.unit)}: các năm cộng lại ${vi(years)}, nhưng kế hoạch 2021-2025 ghi ${vi(e.planTotal)}.`,
          `${shortText(e.unit)}: the years add up to ${en(years)}, but the 2021-2025 plan says ${en(e.planTotal)}.`,
        ),
        at(e, "planTotal"),
      );
    }
    if (e.before + e.planTotal !== e.total) {
      sink.add(
        "roadmap.inconsistent",
        "error",
        `${e.unit}:total`,
        say(
          `${shortText(e.unit)}: giai đoạn trước ${vi(e.before)} + kế hoạch ${vi(e.planTotal)} = ${vi(e.before + e.planTotal)}, nhưng tổng ghi ${vi(e.total)}.`,
          `${shortText(e.unit)}: previous phase ${en(e.before)} + plan ${en(e.planTotal)} = ${en(e.before + e.planTotal)}, but the total says ${en(e.total)}.`,
        ),
        at(e, "total"),
      );
    }
  }
  if (!totals) return;
  const columns: Record<string, number> = {
    before: entries.reduce((s, e) => s + e.before, 0),
    planTotal: entries.reduce((s, e) => s + e.planTotal, 0),
    total: entries.reduce((s, e) => s + e.total, 0),
  };
  for (const y of ROADMAP_YEARS)
    columns[`y${y}`] = entries.reduce((s, e) => s + (e.plan[y] ?? 0), 0);
  for (const [field, sum] of Object.entries(columns)) {
    const written = totals.values[field];
    if (written === undefined || written === sum) continue;
    sink.add(
      "roadmap.inconsistent",
      "error",
      `total:${field}`,
      say(
        `Dòng Tổng cộng ghi ${written === null ? "(trống)" : vi(written)}, nhưng cộng các đơn vị được ${vi(sum)}.`,
        `The "Tổng cộng" row says ${written === null ? "(blank)" : en(written)}, but the units add up to ${en(sum)}.`,
      ),
      { sheet: totals.sheet, cell: totals.cells[field] },
    );
  }
}
