import { Severity } from "../model/finding";
import { LocalText } from "../model/i18n";
import { CellRef, cellOf, Club, Fund } from "../model/records";
import { Settings } from "../model/settings";
import { ClubStats } from "../check/club-stats";
import { PlanSentence } from "./plan-sentences";

export type { CellRef };

/** What a finding is about; the JSON report and `ishc rules` group rules by it. */
export type RuleScope =
  "club" | "member" | "fund" | "unit" | "roadmap" | "merge" | "layout" | "sheet";

/**
 * Everything the product says about one rule, in one place: the registry (`registry.ts`) holds one
 * of these for every rule id a finding can carry, and a finding can only be raised by an id that
 * has one (`FindingSink.add` takes a `RuleId`).
 */
export interface RuleSpec {
  readonly scope: RuleScope;
  /** The severities its findings can have (`FindingSink.add` accepts no other). */
  readonly severities: readonly Severity[];
  /**
   * One of the plan's criteria: a club or unit with an error of it is not compliant. The others
   * inform (bad values, records that do not join, outliers).
   */
  readonly criterion: boolean;
  /** The sentence of the plan the rule checks, when it checks one. */
  readonly plan: PlanSentence | null;
  /** The settings it reads: a user who changes one of them changes what this rule finds. */
  readonly settings: readonly (keyof Settings)[];
  /** A short name: the findings list's group heading, the results sheet's column note. */
  readonly title: LocalText;
  /** What it checks and what to do about a finding, in a sentence or two. */
  readonly help: LocalText;
}

/** A rule that informs (not a plan criterion), with the severities its findings can have. */
export const informs = <S extends Severity>(
  scope: RuleScope,
  severities: readonly S[],
  title: LocalText,
  help: LocalText,
  settings: RuleSpec["settings"] = [],
): RuleSpec & { readonly severities: readonly S[] } => ({
  scope,
  severities,
  criterion: false,
  plan: null,
  settings,
  title,
  help,
});

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
 * A per-club rule: its spec plus one function, evaluated for every active club in registry order.
 * `partOf` puts it in one of the plan's per-unit sentences: "fullyActive" (at least 70% of clubs
 * run all activities, are well managed and lend to half their members) or "fundOk" (every club has
 * a fund under a regulation).
 */
export interface ClubRuleSpec extends RuleSpec {
  readonly scope: "club";
  readonly partOf?: "fullyActive" | "fundOk";
  evaluate(facts: ClubFacts): Failure | null;
}

/** Rounds a ratio to 4 decimals, as the report carries it. */
export const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** The club's id cell: where a club-level failure is shown. */
export const clubCell = (club: Club): CellRef => cellOf(club.origin, "id");
