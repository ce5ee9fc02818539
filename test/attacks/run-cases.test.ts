import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { AttackCase } from "./attack-case";
import { ATTACK_CASES } from "./cases";
import {
  CaseOutcome,
  heapCapMb,
  isLeftoverName,
  killAfterSeconds,
  pool,
  REPO,
  removeCaseDir,
  runCase,
} from "./harness";

/**
 * Every attack case through `ishc`, each in a child process on the compiled CLI (`npm test` builds
 * it before jest; alone: `npm run build:cli && npx jest test/attacks/run-cases`). The children run
 * a few at a time while the tests below wait, in order, each for its own case, so that a failing
 * case names itself. What holds for every case, beyond its own expectation: no stack trace and no
 * "unexpected error", its regular input files unchanged, no hidden or temporary leftovers.
 * Memory and time are not asserted here (scripts/bench-attacks.js measures them); a case far over
 * its memory budget dies at its heap cap, and one that hangs is killed, both as failures.
 */

/** Two or three children at once: these machines are shared (ATTACK_JOBS to change it). */
const PARALLEL = Number(process.env["ATTACK_JOBS"] ?? Math.min(3, availableParallelism()));
/** At most this much budget in flight at once; a bigger case runs alone. */
const POOL_MB = 1500;

let outcomes: ReadonlyMap<string, Promise<CaseOutcome>> = new Map();

beforeAll(() => {
  if (!existsSync(join(REPO, "build", "cli", "main.js")))
    throw new Error("The CLI is not built: run `npm run build:cli` first (npm test does).");
  const runs = pool(
    ATTACK_CASES.map((c) => ({ weightMb: c.budget.mb, start: () => runCase(c) })),
    PARALLEL,
    POOL_MB,
  );
  outcomes = new Map(ATTACK_CASES.map((c, i) => [c.id, runs[i]!]));
});

// Cases left out by `-t` still ran: wait for their children and remove their folders.
afterAll(async () => {
  for (const o of await Promise.all(outcomes.values())) removeCaseDir(o.dir);
}, 600_000);

/** The longest a test may wait: its case queued behind every other, each up to its kill time. */
const WAIT_MS = ATTACK_CASES.reduce((s, c) => s + killAfterSeconds(c.budget), 60) * 1000;

const STACK_LINE = /^\s{4}at /m;
const UNEXPECTED = /unexpected error|lỗi không mong đợi/i;

/** The output, shortened for a failure message. */
const shown = (output: string): string =>
  output.length > 4000 ? `${output.slice(0, 2000)}\n…\n${output.slice(-2000)}` : output;

function why(c: AttackCase, o: CaseOutcome): string {
  const child = o.child!;
  if (child.hung) return `killed after ${killAfterSeconds(c.budget)} s: it did not finish`;
  if (child.signal !== null)
    return `ended by ${child.signal}${child.signal === "SIGABRT" ? ` (probably its heap cap of ${heapCapMb(c.budget)} MB, twice the budget of ${c.budget.mb} MB: run npm run bench:attacks)` : ""}`;
  return `exit ${child.code}`;
}

async function check(c: AttackCase): Promise<void> {
  const o = await outcomes.get(c.id)!;
  try {
    if (o.setupError !== undefined) throw o.setupError;
    const child = o.child!;
    const context = `${c.id}: ${why(c, o)}; ishc ${o.run!.args.join(" ")}\n${shown(child.output)}`;
    expect({ exit: child.code, context }).toEqual({ exit: c.expect.exit, context });
    if (c.expect.message) expect(child.output).toMatch(c.expect.message);
    expect(child.output).not.toMatch(STACK_LINE);
    expect(child.output).not.toMatch(UNEXPECTED);
    for (const [file, present] of Object.entries(c.expect.files ?? {}))
      expect({ file, present: existsSync(join(o.dir, file)) }).toEqual({ file, present });
    for (const input of o.inputs)
      expect({ input: input.path, sha256: input.after }).toEqual({
        input: input.path,
        sha256: input.before,
      });
    const had = new Set(o.before);
    expect(o.after.filter((p) => !had.has(p) && isLeftoverName(p))).toEqual([]);
    await c.expect.check?.(o.dir, child.output);
  } finally {
    removeCaseDir(o.dir);
  }
}

describe("attack cases", () => {
  it("have unique kebab-case ids", () => {
    const ids = ATTACK_CASES.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  test.each(ATTACK_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => check(c), WAIT_MS);
});
