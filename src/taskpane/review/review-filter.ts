/**
 * Which findings the auditor is looking at: all current ones, the new ones, those with one review
 * status, or the resolved ones (findings an earlier check listed that this one no longer finds).
 */
import type { JsonFinding } from "../../core/report/json-report";
import { REVIEW_STATUSES, ReviewStatus } from "../../core/review/status";
import type { CheckView } from "../check-view";

export type ReviewFilter = "all" | "new" | ReviewStatus | "other" | "resolved";

export const REVIEW_FILTERS: readonly ReviewFilter[] = [
  "all",
  "new",
  "open",
  "mustFix",
  "accepted",
  "fixed",
  "other",
  "resolved",
];

/** A finding's status as one of ours, or "other" when the auditor wrote their own word. */
export function statusOf(finding: Pick<JsonFinding, "status">): ReviewStatus | "other" {
  const s = finding.status as ReviewStatus;
  return REVIEW_STATUSES.includes(s) ? s : "other";
}

function matches(finding: JsonFinding, filter: ReviewFilter): boolean {
  if (filter === "all") return true;
  if (filter === "resolved") return false;
  if (filter === "new") return finding.state === "new";
  return statusOf(finding) === filter;
}

/** How many findings each filter shows: the counts beside the choices. */
export function filterCounts(view: CheckView): Record<ReviewFilter, number> {
  const counts = Object.fromEntries(REVIEW_FILTERS.map((f) => [f, 0])) as Record<
    ReviewFilter,
    number
  >;
  for (const finding of view.findings) {
    counts.all++;
    if (finding.state === "new") counts.new++;
    counts[statusOf(finding)]++;
  }
  counts.resolved = view.resolved.length;
  return counts;
}

/** The view with only the findings the filter shows. */
export function filterView(view: CheckView, filter: ReviewFilter): CheckView {
  if (filter === "all") return view;
  const findings = view.findings.filter((f) => matches(f, filter));
  return { ...view, findings };
}

/**
 * The view after the auditor set a finding's status from the pane: the same finding, its new
 * status and review day, so that the filter counts follow without another check.
 */
export function withStatus(
  view: CheckView,
  id: string,
  status: ReviewStatus,
  today: string,
): CheckView {
  const findings = view.findings.map((f) =>
    f.id === id ? { ...f, status, reviewedOn: today } : f,
  );
  return { ...view, findings };
}
