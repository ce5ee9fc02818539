/**
 * What the pane shows of a check, in Excel and in file mode alike: the summary, the clubs, the
 * findings (the lists group them: results/finding-rows.ts) and what the reader understood of each
 * sheet. Built from the JSON
 * report, the same document the command line writes.
 */
import type { LocalText } from "../core/model/i18n";
import type { SheetLayout } from "../core/read/layout";
import type {
  JsonClub,
  JsonFinding,
  JsonReport,
  JsonResolvedFinding,
} from "../core/report/json-report";
import { RULE_TITLES } from "../core/report/rule-titles";

export interface CheckView {
  readonly summary: JsonReport["summary"];
  readonly clubs: readonly JsonClub[];
  /** Every current finding, in the check's order, with its review marks (grouped as listed). */
  readonly findings: readonly JsonFinding[];
  /** Findings an earlier check listed that this one no longer finds. */
  readonly resolved: readonly JsonResolvedFinding[];
  /** The roadmap's figures per unit, for the chart. */
  readonly roadmap: Pick<JsonReport, "asOf" | "units">;
  readonly ruleTitles: Readonly<Record<string, LocalText>>;
  readonly layout: readonly SheetLayout[];
}

export function checkView(report: JsonReport): CheckView {
  return {
    summary: report.summary,
    clubs: report.clubs,
    findings: report.findings,
    resolved: report.resolved,
    roadmap: { asOf: report.asOf, units: report.units },
    ruleTitles: RULE_TITLES,
    layout: report.layout,
  };
}
