/**
 * The pane's review filter: which findings each choice shows and the counts beside the choices,
 * and a status set from the pane moving a finding from one choice to another.
 */
import { groupFindingsBy } from "../../src/taskpane/results/finding-rows";
import type { JsonFinding, JsonReport } from "../../src/core/report/json-report";
import { checkView } from "../../src/taskpane/check-view";
import {
  filterCounts,
  filterView,
  statusOf,
  withStatus,
} from "../../src/taskpane/review/review-filter";

const finding = (id: string, rule: string, state: JsonFinding["state"], status: string) =>
  ({
    id,
    rule,
    severity: "error",
    message: id,
    state,
    status,
    note: "",
    reviewedOn: null,
    firstSeen: "2026-11-01",
  }) satisfies JsonFinding;

const report = (findings: JsonFinding[]): JsonReport =>
  ({
    asOf: "2025-12-31",
    summary: { clubs: 0, compliant: 0, findings: { error: findings.length, warning: 0, info: 0 } },
    clubs: [],
    closedClubs: [],
    units: [],
    findings,
    resolved: [
      {
        id: "gone",
        rule: "member.sex",
        severity: "error",
        message: "gone",
        status: "fixed",
        note: "",
        reviewedOn: null,
        firstSeen: null,
        resolvedOn: "2026-11-28",
      },
    ],
    layout: [],
  }) as unknown as JsonReport;

const view = checkView(
  report([
    finding("a", "member.sex", "new", "open"),
    finding("b", "member.sex", "still", "mustFix"),
    finding("c", "club.size", "still", "accepted"),
    finding("d", "club.size", "reappeared", "Hỏi lại xã"),
  ]),
);

describe("the review filter", () => {
  it("reads a status the auditor wrote in their own words as 'other'", () => {
    expect(statusOf({ status: "fixed" })).toBe("fixed");
    expect(statusOf({ status: "Hỏi lại xã" })).toBe("other");
  });

  it("counts each choice", () => {
    expect(filterCounts(view)).toEqual({
      all: 4,
      new: 1,
      open: 1,
      mustFix: 1,
      accepted: 1,
      fixed: 0,
      other: 1,
      resolved: 1,
    });
  });

  it("shows only the findings of the chosen status, grouped by rule", () => {
    const mustFix = filterView(view, "mustFix");
    expect(mustFix.findings.map((f) => f.id)).toEqual(["b"]);
    expect(groupFindingsBy(mustFix.findings, "rule", []).map((g) => g.key)).toEqual(["member.sex"]);
    expect(filterView(view, "new").findings.map((f) => f.id)).toEqual(["a"]);
    expect(filterView(view, "other").findings.map((f) => f.id)).toEqual(["d"]);
    expect(filterView(view, "resolved").findings).toEqual([]);
    expect(filterView(view, "all")).toBe(view);
  });

  it("moves a finding to its new status with the review day", () => {
    const next = withStatus(view, "a", "fixed", "2026-11-28");
    expect(filterCounts(next)).toMatchObject({ open: 0, fixed: 1, all: 4 });
    expect(next.findings.find((f) => f.id === "a")).toMatchObject({
      status: "fixed",
      reviewedOn: "2026-11-28",
    });
    // The view it came from is untouched: React compares by reference.
    expect(view.findings.find((f) => f.id === "a")?.status).toBe("open");
  });
});
