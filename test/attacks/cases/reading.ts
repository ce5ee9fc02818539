import { AttackCase } from "../attack-case";

/** Attack cases on reading: see test/attacks/attack-case.ts. */
export const CASES: readonly AttackCase[] = [];
