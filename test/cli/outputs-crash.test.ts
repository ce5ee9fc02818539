import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lockPathOf } from "../../src/cli/output-lock";
import { crashSteps } from "../../src/cli/outputs";
import { copyMark, hiddenIn, registerOf, reportMark } from "./outputs-helpers";

/**
 * The real `ishc` (bin/ishc.js, after `npm run build:cli`) killed with SIGKILL at every step of its
 * output protocol (the ISHC_TEST_CRASH_AT hook), and two runs at once on the same outputs. After a
 * kill, the next run on the same outputs must leave both new outputs or both old ones (none if
 * there were none), never only hidden names, and say what it found.
 */
const BIN = join(__dirname, "../../bin/ishc.js");
const root = mkdtempSync(join(tmpdir(), "ishc-crash-"));

interface Ran {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly err: string;
}

function ishc(args: readonly string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal, err }));
  });
}

/** What is at a path: absent, the old file, or which run's output. */
function state(path: string, kind: "copy" | "report"): string {
  if (!existsSync(path)) return "absent";
  const text = readFileSync(path, "utf8");
  if (text === "old copy" || text === "old report") return "old";
  return kind === "copy" ? copyMark(path, ["AA1", "BB2"]) : reportMark(path);
}

/** Runs the tasks at most `n` at a time (the machines are shared), results in order. */
async function inParallel<T>(n: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}

const noStack = (r: Ran) => expect(r.err).not.toMatch(/unexpected error|không mong đợi|\n\s+at /);

let inputA: string;
let inputB: string;
let notWorkbook: string;

beforeAll(async () => {
  expect(existsSync(join(__dirname, "../../build/cli/outputs.js"))).toBe(true); // npm run build:cli
  inputA = join(root, "a.xlsx");
  inputB = join(root, "b.xlsx");
  notWorkbook = join(root, "not-a-workbook.xlsx");
  await registerOf(inputA, "AA1");
  await registerOf(inputB, "BB2");
  writeFileSync(notWorkbook, "Họ và tên,Năm sinh\n");
});

describe.each([
  ["with old outputs", true],
  ["without old outputs", false],
])("killed at every step, %s", (_name, existed) => {
  const steps = crashSteps(2, existed);
  const committed = steps.indexOf("commit");

  test("the next run finds both new outputs or both old ones, and says what it finished", async () => {
    expect(steps.length).toBeGreaterThan(12);
    const results = await inParallel(
      4,
      steps.map((step, index) => async () => {
        const dir = join(root, `${existed ? "old" : "none"}-${step}`);
        mkdirSync(dir);
        const out = join(dir, "out.xlsx");
        const report = join(dir, "report.json");
        if (existed) {
          writeFileSync(out, "old copy");
          writeFileSync(report, "old report");
        }
        const args = ["check", inputA, "--out", out, "--report", report, "--as-of", "2025-12-31"];
        const killed = await ishc(args, { ISHC_TEST_CRASH_AT: step });
        const before = [state(out, "copy"), state(report, "report")];
        // The next run stops at its input (not a workbook), after claiming the same outputs: what
        // it leaves is what its recovery made.
        const next = await ishc(["check", notWorkbook, "--out", out, "--report", report]);
        const after = [state(out, "copy"), state(report, "report")];
        return { step, index, killed, before, next, after, hidden: hiddenIn(dir) };
      }),
    );
    const old = existed ? "old" : "absent";
    for (const r of results) {
      const where = `step ${r.step}`;
      expect([where, r.killed.signal]).toEqual([where, "SIGKILL"]);
      // At once: one run's outputs, except between the two renames (the next run completes it);
      // an old output is never only under a hidden name.
      const allowed = [
        [old, old],
        ["AA1", "AA1"],
        ...(r.step === "renamed-0" ? [["AA1", old]] : []),
      ];
      const fits = allowed.some((a) => a.join() === r.before.join());
      expect([where, fits ? "allowed" : r.before]).toEqual([where, "allowed"]);
      // After the next run's recovery: all new from the commit on, all old before it.
      expect([where, r.after]).toEqual([where, r.index >= committed ? ["AA1", "AA1"] : [old, old]]);
      expect([where, r.next.code]).toEqual([where, 2]);
      noStack(r.next);
      expect([where, r.hidden]).toEqual([where, []]);
      // Whatever the crash left is reported, except after the last step (nothing is left).
      if (r.step !== "unlocked-0")
        expect([where, r.next.err]).toEqual([
          where,
          expect.stringMatching(
            /An earlier ishc run .*stopped|Removed temporary files an earlier run left/,
          ),
        ]);
    }
  }, 180_000);
});

describe("two runs on the same outputs", () => {
  test("while one holds the outputs, the other is refused with a clear message", async () => {
    const dir = join(root, "held");
    mkdirSync(dir);
    const out = join(dir, "out.xlsx");
    const report = join(dir, "report.json");
    const go = join(dir, "go");
    const args = (input: string) => ["check", input, "--out", out, "--report", report];
    const first = ishc(args(inputA), { ISHC_TEST_WAIT_AT: `commit:${go}` });
    // Waits until the first run has committed (its journal says so); no time is asserted.
    for (let i = 0; i < 3000; i++) {
      const lock = lockPathOf(out);
      if (existsSync(lock) && readFileSync(lock, "utf8").includes('"state": "commit"')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const second = await ishc(args(inputB));
    expect(second.code).toBe(2);
    expect(second.err).toMatch(
      /The output ".*out\.xlsx" is in use: another ishc run is writing it/,
    );
    expect(second.err).toMatch(/đang được một lần chạy ishc khác ghi/);
    noStack(second);
    writeFileSync(go, "");
    expect((await first).code).toBe(1);
    expect([state(out, "copy"), state(report, "report")]).toEqual(["AA1", "AA1"]);
    const again = await ishc(args(inputB));
    expect(again.code).toBe(1);
    expect([state(out, "copy"), state(report, "report")]).toEqual(["BB2", "BB2"]);
    expect(hiddenIn(dir)).toEqual([]);
  }, 60_000);

  test("started together, the outputs always come from one run", async () => {
    for (let round = 0; round < 3; round++) {
      const dir = join(root, `race-${round}`);
      mkdirSync(dir);
      const out = join(dir, "out.xlsx");
      const report = join(dir, "report.json");
      const runs = await Promise.all(
        [inputA, inputB, inputA, inputB].map((input) =>
          ishc(["check", input, "--out", out, "--report", report]),
        ),
      );
      for (const r of runs) {
        noStack(r);
        if (r.code === 2) expect(r.err).toMatch(/is in use: another ishc run is writing it/);
        else expect(r.code).toBe(1);
      }
      expect(runs.some((r) => r.code === 1)).toBe(true);
      const copy = state(out, "copy");
      expect(["AA1", "BB2"]).toContain(copy);
      expect(state(report, "report")).toBe(copy);
      expect(hiddenIn(dir)).toEqual([]);
    }
  }, 120_000);
});
