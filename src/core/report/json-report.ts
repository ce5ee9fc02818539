import { Severity } from "../model/finding";
import { inLang, Lang } from "../model/i18n";
import { SheetLayout } from "../read/layout";
import { ROADMAP_YEARS } from "../sheets/specs";
import { round4 } from "../rules/rule";
import { CheckResult } from "../check/run-check";
import { ClubVerdict } from "../check/club-verdicts";

/** The command line's JSON report (../shared/workbook-format.md); extra fields are allowed. */
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
}

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

export function buildJsonReport(result: CheckResult): JsonReport {
  const lang = result.settings.lang;
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
    clubs: result.verdicts.map(clubFigures),
    closedClubs: result.closedClubs.map((c) => c.id),
    units: result.units.map((u) => ({
      unit: u.entry.unit,
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
    findings: result.findings.map((f) => ({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
      ...(f.cell !== undefined ? { cell: f.cell } : {}),
      message: inLang(f.message, lang),
    })),
  };
}
