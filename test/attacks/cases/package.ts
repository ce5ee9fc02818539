import { AttackCase } from "../attack-case";

/** Attack cases on package: see test/attacks/attack-case.ts. */
export const CASES: readonly AttackCase[] = [];
