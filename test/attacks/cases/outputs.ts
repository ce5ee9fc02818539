import { AttackCase } from "../attack-case";

/** Attack cases on outputs: see test/attacks/attack-case.ts. */
export const CASES: readonly AttackCase[] = [];
