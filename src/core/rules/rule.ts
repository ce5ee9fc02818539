import { Severity } from "../model/finding";
import { LocalText } from "../model/i18n";
import { CellRef, cellOf, Club, Fund } from "../model/records";

export type { CellRef };
import { Settings } from "../model/settings";
import { ClubStats } from "../check/club-stats";

/** What a club rule sees: one active club, its counted members and its fund row. */
export interface ClubFacts {
  readonly club: Club;
  readonly stats: ClubStats;
  readonly fund: Fund | undefined;
  readonly settings: Settings;
}

export interface Failure {
  readonly severity: Severity;
  readonly message: LocalText;
  /** The cells to highlight in the user's sheets. */
  readonly cells: readonly CellRef[];
}

/**
 * A per-club rule: metadata plus one function. `criterion` rules are the plan's criteria: a club
 * that fails one is not compliant; the others only inform.
 */
export interface ClubRule {
  readonly id: string;
  readonly title: LocalText;
  readonly criterion: boolean;
  evaluate(facts: ClubFacts): Failure | null;
}

/** Rounds a ratio to 4 decimals, as the report carries it. */
export const round4 = (x: number): number => Math.round(x * 10000) / 10000;

export const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toLocaleString("en-US")}%`;

/** The club's id cell: where a club-level failure is shown. */
export const clubCell = (club: Club): CellRef => cellOf(club.origin, "id");
