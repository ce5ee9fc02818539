import { GeneratedKind, RawSheet, SheetInfo } from "../model/cells";
import { Severity } from "../model/finding";
import { inLang } from "../model/i18n";
import { Highlight, WritePlan } from "../model/write-plan";
import { CheckResult } from "../check/run-check";
import { appendixSheet } from "./appendix-sheet";
import { checkDay } from "../review/days";
import { reviewTrail, ReviewTrail } from "../review/trail";
import { findingsSheet } from "./findings-sheet";
import { GENERATED_NAMES } from "./labels";
import { resultsSheet } from "./results-sheet";

/**
 * The name each generated sheet is written under: the canonical one when it is free or already
 * ours; otherwise "Kết quả CLB (2)" and so on, so that a user's sheet is never overwritten.
 */
export function generatedNames(sheets: readonly SheetInfo[]): Record<GeneratedKind, string> {
  const taken = (name: string, kind: GeneratedKind) =>
    sheets.some((s) => s.name.toLowerCase() === name.toLowerCase() && s.generated !== kind);
  const pick = (kind: GeneratedKind): string => {
    const base = GENERATED_NAMES[kind];
    if (!taken(base, kind)) return base;
    for (let n = 2; ; n++) if (!taken(`${base} (${n})`, kind)) return `${base} (${n})`;
  };
  return { results: pick("results"), appendix: pick("appendix"), findings: pick("findings") };
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * Cells of the user's sheets to highlight: every cell a finding points at, and every cell of a
 * failed club criterion (an activity marked "Không", a regulation cell). One highlight per cell,
 * the most severe reason winning.
 */
export function highlightsOf(result: CheckResult, inputSheets: ReadonlySet<string>): Highlight[] {
  const lang = result.settings.lang;
  const byCell = new Map<string, Highlight>();
  const put = (h: Highlight) => {
    if (!inputSheets.has(h.sheet)) return;
    const key = `${h.sheet}!${h.cell}`;
    const old = byCell.get(key);
    if (!old || RANK[h.severity] > RANK[old.severity]) byCell.set(key, h);
  };
  const messages = new Map(
    result.findings.map((f) => [`${f.rule}|${f.sheet}|${f.cell}`, inLang(f.message, lang)]),
  );
  for (const f of result.findings) {
    if (f.sheet && f.cell)
      put({
        sheet: f.sheet,
        cell: f.cell,
        rule: f.rule,
        severity: f.severity,
        reason: inLang(f.message, lang),
      });
  }
  for (const v of result.verdicts) {
    for (const failure of v.failures) {
      const first = failure.cells[0];
      const reason = messages.get(`${failure.rule}|${first?.sheet}|${first?.cell}`) ?? failure.rule;
      for (const c of failure.cells) {
        if (c.cell)
          put({
            sheet: c.sheet,
            cell: c.cell,
            rule: failure.rule,
            severity: failure.severity,
            reason,
          });
      }
    }
  }
  return [...byCell.values()];
}

/**
 * The review trail of a run: the earlier findings sheet (the reviewers' marks, what was found
 * before) merged with this run's findings. `checkedOn` is the host's today, ISO "YYYY-MM-DD".
 */
export const trailOf = (
  result: CheckResult,
  previousFindings: RawSheet | null,
  checkedOn?: string,
): ReviewTrail =>
  reviewTrail(previousFindings, result.findings, checkDay(checkedOn), result.settings.lang);

/**
 * The whole output of a check as plain data for a host to apply. `checkedOn` dates the findings
 * first found or no longer found by this run; a caller that already merged the trail passes it.
 */
export function buildWritePlan(
  result: CheckResult,
  sheets: readonly SheetInfo[],
  previousFindings: RawSheet | null,
  checkedOn?: string,
  trail: ReviewTrail = trailOf(result, previousFindings, checkedOn),
): WritePlan {
  const names = generatedNames(sheets);
  const inputs = new Set(sheets.filter((s) => !s.generated).map((s) => s.name));
  return {
    sheets: [
      resultsSheet(result, names.results),
      appendixSheet(result, names.appendix),
      findingsSheet(result, names.findings, trail),
    ],
    highlights: highlightsOf(result, inputs),
  };
}
