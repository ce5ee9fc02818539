/**
 * What the pane shows of a check, in Excel and in file mode alike: the summary, the clubs, the
 * findings grouped by rule and what the reader understood of each sheet. Built from the JSON
 * report, the same document the command line writes.
 */
import type { LocalText } from "../core/model/i18n";
import type { Severity } from "../core/model/finding";
import type { SheetLayout } from "../core/read/layout";
import type {
  JsonClub,
  JsonFinding,
  JsonReport,
  JsonResolvedFinding,
} from "../core/report/json-report";
import { RULE_TITLES } from "../core/report/rule-titles";

export interface FindingGroup {
  readonly rule: string;
  readonly title: LocalText | undefined;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly findings: readonly JsonFinding[];
}

export interface CheckView {
  readonly summary: JsonReport["summary"];
  readonly clubs: readonly JsonClub[];
  /** Every current finding, in the check's order, with its review marks. */
  readonly findings: readonly JsonFinding[];
  readonly groups: readonly FindingGroup[];
  /** Findings an earlier check listed that this one no longer finds. */
  readonly resolved: readonly JsonResolvedFinding[];
  /** The roadmap's figures per unit, for the chart. */
  readonly roadmap: Pick<JsonReport, "asOf" | "units">;
  readonly ruleTitles: Readonly<Record<string, LocalText>>;
  readonly layout: readonly SheetLayout[];
}

/** Findings by rule, in the order each rule first appears; the report keeps the check's order. */
export function groupFindings(findings: readonly JsonFinding[]): FindingGroup[] {
  const groups = new Map<string, JsonFinding[]>();
  for (const f of findings) {
    const list = groups.get(f.rule);
    if (list) list.push(f);
    else groups.set(f.rule, [f]);
  }
  return [...groups].map(([rule, list]) => ({
    rule,
    title: RULE_TITLES[rule],
    counts: {
      error: list.filter((f) => f.severity === "error").length,
      warning: list.filter((f) => f.severity === "warning").length,
      info: list.filter((f) => f.severity === "info").length,
    },
    findings: list,
  }));
}

export function checkView(report: JsonReport): CheckView {
  return {
    summary: report.summary,
    clubs: report.clubs,
    findings: report.findings,
    groups: groupFindings(report.findings),
    resolved: report.resolved,
    roadmap: { asOf: report.asOf, units: report.units },
    ruleTitles: RULE_TITLES,
    layout: report.layout,
  };
}
