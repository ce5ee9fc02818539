import { say } from "../model/i18n";
import { cellOf, RoadmapEntry } from "../model/records";
import { Settings } from "../model/settings";
import { FindingSink } from "../findings/sink";
import { ROADMAP_YEARS } from "../sheets/specs";
import { round4 } from "../rules/rule";
import { countOf, formatCount, formatPercent } from "../text/numbers";
import { shortText } from "../text/short-text";

/** The first year of the 2021-2025 phase: clubs founded earlier belong to the previous phase. */
export const PHASE_START = 2021;

/** What progress needs of a club: its matched unit, founding year and the two plan-wide verdicts. */
export interface ClubProgressFacts {
  readonly unit: string | null;
  readonly foundedYear: number | null;
  readonly fullyActive: boolean;
  readonly fundOk: boolean;
}

export interface UnitProgress {
  readonly entry: RoadmapEntry;
  readonly actualBefore: number;
  readonly actual: Readonly<Record<number, number>>;
  /** Active clubs of the unit that were evaluated. */
  readonly clubs: number;
  readonly activeShare: number | null;
  readonly fundShare: number | null;
  /** The year up to which plan and actual are compared (the reference year, within the phase). */
  readonly upToYear: number;
  readonly cumulativePlan: number;
  readonly cumulativeActual: number;
  readonly behind: boolean;
}

const unitAt = (e: RoadmapEntry, field: string) => (e.origin ? cellOf(e.origin, field) : undefined);

/**
 * Counts clubs founded per unit and year, compares them with the roadmap up to the reference year
 * (`roadmap.behind`), compares the previous phase with the plan's figure (`roadmap.before`), and
 * checks the plan's shares per unit (`unit.activeShare`, `unit.fundShare`). A unit with no club in
 * the data is not judged but said (`roadmap.noData`): a warning when the roadmap is the workbook's
 * own sheet (the user listed the unit, so its clubs are expected), information with the default
 * Hà Tĩnh appendix (a district's own workbook holds only its clubs).
 */
export function unitProgress(
  entries: readonly RoadmapEntry[],
  clubs: readonly ClubProgressFacts[],
  refYear: number,
  settings: Settings,
  sink: FindingSink,
  roadmapFrom: "sheet" | "default",
): UnitProgress[] {
  const lastYear = ROADMAP_YEARS[ROADMAP_YEARS.length - 1]!;
  const upToYear = Math.min(refYear, lastYear);
  return entries.map((entry) => {
    const mine = clubs.filter((c) => c.unit === entry.unit);
    const actual: Record<number, number> = Object.fromEntries(ROADMAP_YEARS.map((y) => [y, 0]));
    let actualBefore = 0;
    for (const c of mine) {
      if (c.foundedYear === null || c.foundedYear > refYear) continue;
      if (c.foundedYear < PHASE_START) actualBefore++;
      else if (c.foundedYear in actual) actual[c.foundedYear]!++;
    }
    const years = ROADMAP_YEARS.filter((y) => y <= upToYear);
    const cumulativePlan = years.reduce((s, y) => s + (entry.plan[y] ?? 0), 0);
    const cumulativeActual = years.reduce((s, y) => s + (actual[y] ?? 0), 0);
    // A unit with no club in the data is not judged: a district's own workbook holds only its
    // clubs, and twelve "behind" errors for the other units would bury its real findings. Listed
    // in the workbook's own roadmap, the unit is expected to have clubs: a warning.
    if (mine.length === 0) {
      sink.add(
        "roadmap.noData",
        roadmapFrom === "sheet" ? "warning" : "info",
        entry.unit,
        say(
          `${shortText(entry.unit)}: không có CLB nào đang hoạt động trong dữ liệu; không đánh giá tiến độ.`,
          `${shortText(entry.unit)}: no active club in the data; progress is not assessed.`,
        ),
        unitAt(entry, "unit"),
      );
      return {
        entry,
        actualBefore,
        actual,
        clubs: 0,
        activeShare: null,
        fundShare: null,
        upToYear,
        cumulativePlan,
        cumulativeActual,
        behind: false,
      };
    }
    const behind = cumulativeActual < cumulativePlan;
    if (behind) {
      sink.add(
        "roadmap.behind",
        "error",
        entry.unit,
        say(
          `${shortText(entry.unit)}: đến năm ${upToYear} thành lập ${formatCount(cumulativeActual, "vi")} CLB, kế hoạch ${formatCount(cumulativePlan, "vi")}: chậm ${formatCount(cumulativePlan - cumulativeActual, "vi")}.`,
          `${shortText(entry.unit)}: ${countOf(cumulativeActual, "club")} founded by ${upToYear} against a plan of ${formatCount(cumulativePlan, "en")}: ${formatCount(cumulativePlan - cumulativeActual, "en")} behind.`,
        ),
        unitAt(entry, "unit"),
      );
    }
    if (actualBefore !== entry.before) {
      sink.add(
        "roadmap.before",
        "warning",
        entry.unit,
        say(
          `${shortText(entry.unit)}: dữ liệu có ${formatCount(actualBefore, "vi")} CLB thành lập trước ${PHASE_START} còn hoạt động, phụ lục ghi ${formatCount(entry.before, "vi")}.`,
          `${shortText(entry.unit)}: the data has ${countOf(actualBefore, "active club")} founded before ${PHASE_START}; the appendix says ${formatCount(entry.before, "en")}.`,
        ),
        unitAt(entry, "before"),
      );
    }
    const share = (ok: (c: ClubProgressFacts) => boolean) =>
      mine.length === 0 ? null : round4(mine.filter(ok).length / mine.length);
    const activeShare = share((c) => c.fullyActive);
    const fundShare = share((c) => c.fundOk);
    checkShare(
      "unit.activeShare",
      entry,
      activeShare,
      settings.activeShareMin,
      say("hoạt động đầy đủ và quản lý tốt", "fully active and well managed"),
      sink,
    );
    checkShare(
      "unit.fundShare",
      entry,
      fundShare,
      settings.fundShareMin,
      say("có quỹ hoạt động theo quy chế", "with an operating fund under a regulation"),
      sink,
    );
    return {
      entry,
      actualBefore,
      actual,
      clubs: mine.length,
      activeShare,
      fundShare,
      upToYear,
      cumulativePlan,
      cumulativeActual,
      behind,
    };
  });
}

function checkShare(
  rule: "unit.activeShare" | "unit.fundShare",
  entry: RoadmapEntry,
  share: number | null,
  min: number,
  what: ReturnType<typeof say>,
  sink: FindingSink,
): void {
  if (share === null || share >= min) return;
  sink.add(
    rule,
    "error",
    entry.unit,
    say(
      `${shortText(entry.unit)}: ${formatPercent(share, "vi")} CLB ${what.vi}, cần ≥ ${formatPercent(min, "vi")}.`,
      `${shortText(entry.unit)}: ${formatPercent(share, "en")} of clubs ${what.en}, required ≥ ${formatPercent(min, "en")}.`,
    ),
    unitAt(entry, "unit"),
  );
}
