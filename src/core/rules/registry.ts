import { Severity } from "../model/finding";
import { ACTIVITY_RULES } from "./club-activities";
import { COMPOSITION_RULES } from "./club-composition";
import { FUND_RULES } from "./club-fund";
import { FIELD_RULES } from "./field-rules";
import { RECORD_RULES, SHEET_RULES } from "./record-rules";
import { ClubRuleSpec, RuleSpec } from "./rule";
import { MERGE_RULES, UNIT_RULES } from "./unit-rules";

/**
 * Every rule a finding can carry, by id: the one source of its scope, severities, place in the
 * plan, settings, title and help (README, "How to add a rule"). The per-club rules come first, in
 * the order their findings are listed and their columns shown.
 */
export const RULES = {
  ...COMPOSITION_RULES,
  ...FUND_RULES,
  ...ACTIVITY_RULES,
  ...UNIT_RULES,
  ...RECORD_RULES,
  ...FIELD_RULES,
  ...SHEET_RULES,
  ...MERGE_RULES,
} satisfies Record<string, RuleSpec>;

/** The groups RULES is made of: a test checks that no id is defined in two (a spread hides it). */
export const RULE_GROUPS: readonly Readonly<Record<string, RuleSpec>>[] = [
  COMPOSITION_RULES,
  FUND_RULES,
  ACTIVITY_RULES,
  UNIT_RULES,
  RECORD_RULES,
  FIELD_RULES,
  SHEET_RULES,
  MERGE_RULES,
];

type Rules = typeof RULES;

/** A rule id: a finding raised with any other string does not compile. */
export type RuleId = keyof Rules;

/** The severities a finding of rule R can have. */
export type SeverityOf<R extends RuleId> = Rules[R]["severities"][number] & Severity;

/** The rules whose findings can be errors (a bad value is one). */
export type RuleWithErrors = {
  [R in RuleId]: "error" extends SeverityOf<R> ? R : never;
}[RuleId];

/** The ids of the per-club rules (those with an `evaluate`). */
export type ClubRuleId = {
  [R in RuleId]: Rules[R] extends ClubRuleSpec ? R : never;
}[RuleId];

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export const isRuleId = (id: string): id is RuleId =>
  Object.prototype.hasOwnProperty.call(RULES, id);

export interface ClubRuleEntry extends ClubRuleSpec {
  readonly id: ClubRuleId;
}

/** Every per-club rule with its id, in registry order: how a club is judged. */
export const CLUB_RULES: readonly ClubRuleEntry[] = RULE_IDS.flatMap((id) => {
  const spec: RuleSpec = RULES[id];
  return "evaluate" in spec ? [{ ...(spec as ClubRuleSpec), id: id as ClubRuleId }] : [];
});

/** The rules that make up "fully active" in the plan's 70% sentence. */
export const ACTIVE_RULE_IDS: ReadonlySet<string> = new Set(
  CLUB_RULES.filter((r) => r.partOf === "fullyActive").map((r) => r.id),
);

/** The rules that make up "a fund under a regulation" in the plan's 100% sentence. */
export const FUND_RULE_IDS: ReadonlySet<string> = new Set(
  CLUB_RULES.filter((r) => r.partOf === "fundOk").map((r) => r.id),
);
