/**
 * The results a correct check gives for a rendering of the ground truth, by plain arithmetic on the
 * ground truth and the settings' thresholds (src/core/model/settings.ts), never from the reader.
 */
import { AS_OF, AS_OF_YEAR, District, GtClub, GtMember, SETTINGS } from "./ground-truth";

/** The plan's per-club criteria, as the JSON report's `failed` names them. */
export const CRITERIA = [
  "club.size",
  "club.women",
  "club.older",
  "club.younger",
  "club.borrowers",
  "club.fund",
  "club.regulation",
  "club.activities",
  "club.management",
] as const;
export type Criterion = (typeof CRITERIA)[number];
export type Verdicts = Record<Criterion, "pass" | "fail">;

/** Per club: what the report must say. */
export interface ClubResult {
  readonly members: number;
  readonly women: number;
  readonly older: number;
  readonly younger: number;
  readonly borrowers: number;
  readonly hardship: number;
  readonly verdicts: Verdicts;
}

/** What a rendering lets the reader know beyond the members' own cells. */
export interface Reads {
  /** The register has a hardship column (or marks): without one nobody is in hardship. */
  readonly hardship: boolean;
  /** The register has a leave-date column: without one nobody has left. */
  readonly left: boolean;
}

export const READS_ALL: Reads = { hardship: true, left: true };

/** Whether a member counts at the reference date, by what the register says of them. */
export function counts(m: GtMember, reads: Reads): boolean {
  if (reads.left && m.left !== null && m.left < AS_OF) return false;
  return m.joined <= AS_OF;
}

const within = (part: number, of: number, min: number, max: number) =>
  of > 0 && part / of >= min && part / of <= max;

export function expectedClub(club: GtClub, reads: Reads): ClubResult {
  const s = SETTINGS;
  const members = club.members.filter((m) => counts(m, reads));
  const n = members.length;
  const women = members.filter((m) => m.sex === "F").length;
  // Birth year only: age is the reference year minus the birth year (docs/domain.md).
  const older = members.filter((m) => AS_OF_YEAR - m.birthYear >= s.ageLine).length;
  const younger = n - older;
  const borrowers = members.filter((m) => m.loan > 0).length;
  const hardship = reads.hardship ? members.filter((m) => m.hardship !== null).length : 0;
  const fail = (failing: boolean) => (failing ? "fail" : "pass");
  const verdicts: Verdicts = {
    "club.size": fail(n < s.minMembers),
    "club.women": fail(!within(women, n, s.womenMin, s.womenMax)),
    "club.older": fail(!within(older, n, s.olderMin, s.olderMax)),
    "club.younger": fail(!within(younger, n, s.youngerMin, s.youngerMax)),
    "club.borrowers": fail(!within(borrowers, n, s.borrowersMin, Infinity)),
    "club.fund": fail(club.fund === null || club.fund.operating <= 0),
    "club.regulation": fail(club.fund === null || !club.fund.regulation),
    "club.activities": fail(!club.activities.every(Boolean)),
    "club.management": fail(!club.wellManaged),
  };
  return { members: n, women, older, younger, borrowers, hardship, verdicts };
}

export function expectedClubs(d: District, reads: Reads): Record<string, ClubResult> {
  return Object.fromEntries(d.clubs.map((c) => [c.id, expectedClub(c, reads)]));
}

/** The exit status: 1 when some club fails a criterion (an error); every variant has one. */
export function expectedExit(d: District, reads: Reads): 0 | 1 | null {
  const results = Object.values(expectedClubs(d, reads));
  return results.some((r) => Object.values(r.verdicts).includes("fail")) ? 1 : null;
}

/** The report's `failed` list as verdicts over every criterion. */
export const verdictsOf = (failed: readonly string[]): Verdicts =>
  Object.fromEntries(CRITERIA.map((c) => [c, failed.includes(c) ? "fail" : "pass"])) as Verdicts;
