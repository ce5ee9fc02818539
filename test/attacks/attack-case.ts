import { join } from "node:path";

/** The reference date of every case, so that ages and the roadmap's years never drift. */
export const AS_OF = ["--as-of", "2025-12-31"];

/**
 * The usual run: `ishc check DIR/in.xlsx --out DIR/out.xlsx --report DIR/report.json`, at AS_OF,
 * with another input or output name where a case needs one, and `extra` arguments after.
 */
export const checkRun = (
  dir: string,
  { input = "in.xlsx", out = "out.xlsx", extra = [] as readonly string[] } = {},
): AttackRun => ({
  args: [
    "check",
    join(dir, input),
    "--out",
    join(dir, out),
    "--report",
    join(dir, "report.json"),
    ...AS_OF,
    ...extra,
  ],
});

/**
 * One hostile or unlucky input for `ishc`, generated at run time (never committed as a binary) so
 * that every case says how its file is made. The same list is run twice: by
 * test/attacks/run-cases.test.ts, which asserts the exit code, the message and what was written;
 * and by scripts/bench-attacks.js, which measures each run's time and peak memory against the
 * case's budget (timings are never asserted in jest: these machines are shared and noisy).
 */
export interface AttackCase {
  /** Short, unique, kebab-case: "sparse-xfd-rows". */
  readonly id: string;
  /** One line saying what the file does to us. */
  readonly what: string;
  /**
   * Writes the input file(s) into `dir` (an empty temporary folder) and returns the `ishc`
   * arguments to run, e.g. ["check", join(dir, "in.xlsx"), "--out", join(dir, "out.xlsx"),
   * "--report", join(dir, "report.json")]. `inputBytes`: the unpacked size the budget follows.
   */
  setup(dir: string): Promise<AttackRun> | AttackRun;
  readonly expect: AttackExpectation;
  /** Peak RSS over a bare `ishc --help` run, and wall time, each at most this much. */
  readonly budget: AttackBudget;
}

export interface AttackRun {
  readonly args: readonly string[];
  /** Unpacked bytes of the input (sum of its parts), when the budget follows it. */
  readonly unpackedBytes?: number;
}

export interface AttackExpectation {
  /** 0 every check passes, 1 findings of severity error, 2 unreadable input or usage (README). */
  readonly exit: number;
  /** Must appear in stdout+stderr (both languages are printed). */
  readonly message?: RegExp;
  /**
   * Files that must exist (true) or not exist (false) afterwards, relative to `dir`.
   * Never in stdout+stderr, for every case: a stack trace or "unexpected error".
   */
  readonly files?: Readonly<Record<string, boolean>>;
  /** Any further check on the folder after the run (e.g. the report's findings are capped). */
  check?(dir: string, output: string): void | Promise<void>;
}

export interface AttackBudget {
  /** Peak memory above a bare run's, in MB. */
  readonly mb: number;
  /** Wall time in seconds. */
  readonly seconds: number;
}
