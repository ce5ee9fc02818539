import { Severity } from "../model/finding";
import { inLang, Lang } from "../model/i18n";
import { shortText } from "../text/short-text";
import { MAX_MESSAGE } from "../findings/sink";
import { SheetLayout } from "../read/layout";
import { ROADMAP_YEARS } from "../sheets/specs";
import { round4 } from "../rules/rule";
import { CheckResult } from "../check/run-check";
import { ClubVerdict } from "../check/club-verdicts";
import { statusValue, TrailState } from "../review/status";
import { mergeTrail, NO_MARKS, ReviewMarks, ReviewTrail } from "../review/trail";

/** The command line's JSON report (docs/workbook-format.md); extra fields are allowed. */
export interface JsonReport {
  readonly asOf: string;
  readonly lang: Lang;
  readonly roadmapSource: string;
  readonly summary: {
    readonly clubs: number;
    readonly compliant: number;
    readonly closedClubs: number;
    readonly findings: Readonly<Record<Severity, number>>;
  };
  readonly clubs: readonly JsonClub[];
  readonly closedClubs: readonly string[];
  readonly units: readonly JsonUnit[];
  readonly findings: readonly JsonFinding[];
  /** Findings an earlier run listed and this one no longer finds, with the auditor's marks. */
  readonly resolved: readonly JsonResolvedFinding[];
  /** What the reader understood of each sheet: header rows, column -> field, rows skipped. */
  readonly layout: readonly SheetLayout[];
}

export interface JsonClub {
  id: string;
  name: string;
  unit: string;
  members: number;
  women: number;
  older: number;
  younger: number;
  hardship: number;
  borrowers: number;
  womenRatio: number | null;
  olderRatio: number | null;
  youngerRatio: number | null;
  borrowerRatio: number | null;
  operatingFund: boolean;
  regulation: boolean;
  allActivities: boolean;
  wellManaged: boolean;
  compliant: boolean;
  failed: string[];
}

export interface JsonUnit {
  unit: string;
  before: number;
  planTotal: number;
  plan: Record<string, number>;
  total: number;
  actualBefore: number;
  actual: Record<string, number>;
  upToYear: number;
  cumulativePlan: number;
  cumulativeActual: number;
  behind: boolean;
  clubs: number;
  activeShare: number | null;
  fundShare: number | null;
}

export interface JsonFinding {
  id: string;
  rule: string;
  severity: Severity;
  sheet?: string;
  cell?: string;
  message: string;
  /** Across runs: "new" (first found now), "still", "reappeared". */
  state: TrailState;
  /** The auditor's review: "open", "accepted", "mustFix", "fixed", or their own word. */
  status: string;
  note: string;
  /** ISO days, or null. */
  reviewedOn: string | null;
  firstSeen: string | null;
}

export interface JsonResolvedFinding {
  id: string;
  rule: string;
  severity: Severity | null;
  sheet?: string;
  cell?: string;
  /** The message as last written. */
  message: string;
  status: string;
  note: string;
  reviewedOn: string | null;
  firstSeen: string | null;
  /** The day of the first run that no longer found it. */
  resolvedOn: string | null;
}

const shortMessage = (m: string): string => shortText(m, MAX_MESSAGE);

const marksOf = (m: ReviewMarks) => ({
  status: statusValue(m.status),
  note: m.note,
  reviewedOn: m.reviewedOn,
});

const ratio = (part: number, of: number): number | null => (of === 0 ? null : round4(part / of));

/** Ratios and flags of one club, shared by the JSON report and the results sheet. */
export function clubFigures(v: ClubVerdict): JsonClub {
  const s = v.stats;
  return {
    id: v.club.id,
    name: v.club.name,
    unit: v.unit ?? v.club.unitText,
    members: s.members,
    women: s.women,
    older: s.older,
    younger: s.younger,
    hardship: s.hardship,
    borrowers: s.borrowers,
    womenRatio: ratio(s.women, s.members),
    olderRatio: ratio(s.older, s.members),
    youngerRatio: ratio(s.younger, s.members),
    borrowerRatio: ratio(s.borrowers, s.members),
    operatingFund: !v.failures.some((f) => f.rule === "club.fund"),
    regulation: !v.failures.some((f) => f.rule === "club.regulation"),
    allActivities: v.club.activities.every(Boolean),
    wellManaged: v.club.wellManaged,
    compliant: v.compliant,
    failed: [...v.failed],
  };
}

const byYear = (r: Readonly<Record<number, number>>): Record<string, number> =>
  Object.fromEntries(ROADMAP_YEARS.map((y) => [String(y), r[y] ?? 0]));

/**
 * The JSON report of a run. `trail` (the review trail merged by the write plan) adds the auditor's
 * marks and the resolved findings; without it every finding is new and none is resolved.
 */
export function buildJsonReport(
  result: CheckResult,
  trail: ReviewTrail = mergeTrail(new Map(), result.findings, null, result.settings.lang),
): JsonReport {
  const lang = result.settings.lang;
  const byId = new Map(trail.rows.filter((r) => r.finding).map((r) => [r.id, r]));
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  return {
    asOf: result.settings.asOf,
    lang,
    roadmapSource:
      result.roadmapSource.kind === "sheet"
        ? `sheet:${result.roadmapSource.sheet}`
        : "default:Hà Tĩnh 2020",
    summary: {
      clubs: result.verdicts.length,
      compliant: result.verdicts.filter((v) => v.compliant).length,
      closedClubs: result.closedClubs.length,
      findings: { error: count("error"), warning: count("warning"), info: count("info") },
    },
    // A club's texts are quoted as findings quote them (shortText): ten thousand clubs named by one
    // shared text of a megabyte must not make a report of ten gigabytes.
    clubs: result.verdicts.map((v) => {
      const c = clubFigures(v);
      return { ...c, id: shortText(c.id), name: shortText(c.name), unit: shortText(c.unit) };
    }),
    closedClubs: result.closedClubs.map((c) => shortText(c.id)),
    units: result.units.map((u) => ({
      unit: shortText(u.entry.unit),
      before: u.entry.before,
      planTotal: u.entry.planTotal,
      plan: byYear(u.entry.plan),
      total: u.entry.total,
      actualBefore: u.actualBefore,
      actual: byYear(u.actual),
      upToYear: u.upToYear,
      cumulativePlan: u.cumulativePlan,
      cumulativeActual: u.cumulativeActual,
      behind: u.behind,
      clubs: u.clubs,
      activeShare: u.activeShare,
      fundShare: u.fundShare,
    })),
    layout: result.layout,
    findings: result.findings.map((f) => {
      const row = byId.get(f.id);
      return {
        id: f.id,
        rule: f.rule,
        severity: f.severity,
        ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
        ...(f.cell !== undefined ? { cell: f.cell } : {}),
        message: inLang(f.message, lang),
        state: row?.state ?? "new",
        ...marksOf(row?.marks ?? NO_MARKS),
        firstSeen: row?.firstSeen ?? null,
      };
    }),
    resolved: trail.rows
      .filter((r) => r.state === "resolved")
      .map((r) => ({
        id: r.id,
        rule: r.rule,
        severity: r.severity,
        ...(r.sheet !== "" ? { sheet: r.sheet } : {}),
        ...(r.cell !== "" ? { cell: r.cell } : {}),
        // As the findings sheet had it, which another program may have lengthened.
        message: shortMessage(r.message),
        ...marksOf(r.marks),
        firstSeen: r.firstSeen,
        resolvedOn: r.resolvedOn,
      })),
  };
}
