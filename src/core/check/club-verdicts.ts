import { Severity } from "../model/finding";
import { Club, Fund } from "../model/records";
import { Settings } from "../model/settings";
import { FindingSink } from "../findings/sink";
import { ACTIVE_RULE_IDS, CLUB_RULES, ClubRuleId, FUND_RULE_IDS } from "../rules/registry";
import { CellRef } from "../rules/rule";
import { ClubStats } from "./club-stats";

export interface RuleFailure {
  readonly rule: ClubRuleId;
  readonly severity: Severity;
  readonly cells: readonly CellRef[];
}

/** One active club judged against the plan. */
export interface ClubVerdict {
  readonly club: Club;
  readonly unit: string | null;
  readonly stats: ClubStats;
  readonly fund: Fund | undefined;
  readonly failures: readonly RuleFailure[];
  /** The plan's criteria this club fails (errors of criterion rules). */
  readonly failed: readonly ClubRuleId[];
  readonly compliant: boolean;
  /** Passes activities, management and loans: counts towards the plan's 70%. */
  readonly fullyActive: boolean;
  /** Has an operating fund under a regulation: counts towards the plan's 100%. */
  readonly fundOk: boolean;
}

export function evaluateClubs(
  clubs: readonly Club[],
  stats: ReadonlyMap<string, ClubStats>,
  funds: ReadonlyMap<string, Fund>,
  units: ReadonlyMap<string, string | null>,
  settings: Settings,
  sink: FindingSink,
): ClubVerdict[] {
  return clubs.map((club) => {
    const facts = { club, stats: stats.get(club.id)!, fund: funds.get(club.id), settings };
    const failures: RuleFailure[] = [];
    const failed: ClubRuleId[] = [];
    for (const rule of CLUB_RULES) {
      const failure = rule.evaluate(facts);
      if (!failure) continue;
      const first = failure.cells[0];
      sink.add(rule.id, failure.severity, club.id, failure.message, first);
      failures.push({ rule: rule.id, severity: failure.severity, cells: failure.cells });
      if (rule.criterion && failure.severity === "error") failed.push(rule.id);
    }
    return {
      club,
      unit: units.get(club.id) ?? null,
      stats: facts.stats,
      fund: facts.fund,
      failures,
      failed,
      compliant: failed.length === 0,
      fullyActive: !failed.some((r) => ACTIVE_RULE_IDS.has(r)),
      fundOk: !failed.some((r) => FUND_RULE_IDS.has(r)),
    };
  });
}
