import { clubActivities, clubManagement } from "./club-activities";
import {
  clubBorrowers,
  clubHardship,
  clubNoMembers,
  clubOlder,
  clubSize,
  clubWomen,
  clubYounger,
} from "./club-composition";
import { clubFund, clubRegulation } from "./club-fund";
import { ClubRule } from "./rule";

/**
 * Every per-club rule, in the order findings are listed. To add a rule: write it in a module of
 * this folder and list it here (README, "How to add a rule").
 */
export const CLUB_RULES: readonly ClubRule[] = [
  clubNoMembers,
  clubSize,
  clubWomen,
  clubOlder,
  clubYounger,
  clubHardship,
  clubBorrowers,
  clubFund,
  clubRegulation,
  clubActivities,
  clubManagement,
];

/** The rules that make up "fully active" in the plan's 70% sentence. */
export const ACTIVE_RULE_IDS: ReadonlySet<string> = new Set([
  clubActivities.id,
  clubManagement.id,
  clubBorrowers.id,
]);

/** The rules that make up "a fund under a regulation" in the plan's 100% sentence. */
export const FUND_RULE_IDS: ReadonlySet<string> = new Set([clubFund.id, clubRegulation.id]);
