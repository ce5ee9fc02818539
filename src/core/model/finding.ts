import { A1 } from "./brand";
import { LocalText } from "./i18n";
import type { RuleId } from "../rules/registry";

export type Severity = "error" | "warning" | "info";

/**
 * One thing the check found: a criterion a club or unit misses, or a cell that could not be read.
 * `id` is stable across re-runs: built from the rule and the record it is about, not a row number.
 */
export interface Finding {
  readonly id: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly sheet?: string;
  readonly cell?: A1;
  readonly message: LocalText;
}
