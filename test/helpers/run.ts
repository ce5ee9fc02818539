import { runCheck, CheckResult } from "../../src/core/check/run-check";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/model/settings";
import { clubsSheet, fundsSheet, membersSheet, Row } from "./registers";

/** Runs the pure check on canonical sheets built from records (no roadmap sheet: the default). */
export function check(
  clubs: readonly Row[],
  members: readonly Row[],
  funds: readonly Row[] | null,
  settings: Partial<Settings> = {},
): CheckResult {
  return runCheck(
    {
      clubs: clubsSheet(clubs),
      members: membersSheet(members),
      funds: funds ? fundsSheet(funds) : null,
      roadmap: null,
    },
    { ...DEFAULT_SETTINGS, asOf: "2025-12-31", ...settings },
  );
}

export const rulesOf = (r: CheckResult) => r.findings.map((f) => f.rule);
export const failedOf = (r: CheckResult, id = "C1") =>
  r.verdicts.find((v) => v.club.id === id)?.failed ?? [];
