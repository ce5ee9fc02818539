import { AttackCase } from "../attack-case";
import { CASES as budgets } from "./budgets";
import { CASES as holding } from "./holding";
import { CASES as outputs } from "./outputs";
import { CASES as pkg } from "./package";
import { CASES as reading } from "./reading";

/** Every attack case, by area; ids are unique across areas (run-cases.test.ts checks). */
export const ATTACK_CASES: readonly AttackCase[] = [
  ...holding,
  ...budgets,
  ...pkg,
  ...reading,
  ...outputs,
];
