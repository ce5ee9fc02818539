import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { AttackBudget, AttackCase, AttackRun } from "./attack-case";

/**
 * Runs attack cases the way a user runs `ishc`: each in its own child process (`node` on the
 * compiled CLI in build/, as bin/ishc.js does), in a fresh temporary folder that is also its
 * working folder. A child keeps a case that eats memory from taking the test runner with it: its
 * V8 heap is capped (heapCapMb) so that a case far over its budget dies with a clear signal. Shared
 * by test/attacks/run-cases.test.ts (which asserts) and scripts/bench-attacks.js (which measures).
 */

export const REPO = resolve(__dirname, "..", "..");
const MAIN_JS = join(REPO, "build", "cli", "main.js");

/**
 * The child: bin/ishc.js's launcher, plus its own peak RSS (process.resourceUsage().maxRSS, in
 * KB) written on exit to the file named by ISHC_ATTACK_RSS, away from stdout and stderr.
 */
const CHILD = `
const fs = require("node:fs");
const rss = process.env.ISHC_ATTACK_RSS;
if (rss) process.on("exit", () => fs.writeFileSync(rss, String(process.resourceUsage().maxRSS)));
require(process.env.ISHC_ATTACK_MAIN).main(process.argv.slice(1)).then((code) => process.exit(code));
`;

/** Options that take no value; every other `--option` of check and merge takes one. */
const FLAGS = new Set(["--force", "--json", "--markdown"]);

/** The input files named by a check's or merge's arguments (their positional arguments). */
export function inputsOf(args: readonly string[]): string[] {
  const [command, ...rest] = args;
  if (command !== "check" && command !== "merge") return [];
  const inputs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith("--")) {
      if (!FLAGS.has(a) && !a.includes("=")) i++;
    } else inputs.push(a);
  }
  return inputs;
}

/**
 * The child's V8 heap limit: twice the budget plus room for the runtime, so that noise never
 * reaches it but a case several times over its budget fails there (as an abort) rather than
 * swapping the machine.
 */
export const heapCapMb = (budget: AttackBudget): number => Math.max(256, 2 * budget.mb + 192);

/** How long a child may run before it is killed as hung: generous, it is no timing assertion. */
export const killAfterSeconds = (budget: AttackBudget): number =>
  Math.max(120, 10 * budget.seconds);

export interface ChildRun {
  /** The exit status, or null when the child was ended by a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** stdout and stderr, in one string (stdout first). */
  readonly output: string;
  /** Killed by killAfterSeconds. */
  readonly hung: boolean;
  readonly seconds: number;
  /** The child's peak resident memory, in MB (undefined when it died before saying). */
  readonly peakMb?: number;
}

export interface ChildOptions {
  readonly cwd: string;
  readonly heapMb?: number;
  readonly killAfterSeconds?: number;
}

/** Runs the compiled CLI with `args` in a child process; never rejects for the child's faults. */
export function runChild(args: readonly string[], options: ChildOptions): Promise<ChildRun> {
  const rssFile = join(mkdtempSync(join(tmpdir(), "ishc-rss-")), "maxrss");
  const env: NodeJS.ProcessEnv = { ...process.env, ISHC_ATTACK_RSS: rssFile };
  env["ISHC_ATTACK_MAIN"] = MAIN_JS;
  // A stack trace is a failure of every case: the debug switch would print one on purpose.
  delete env["ISHC_DEBUG"];
  delete env["NODE_OPTIONS"];
  const nodeArgs = options.heapMb === undefined ? [] : [`--max-old-space-size=${options.heapMb}`];
  const started = process.hrtime.bigint();
  return new Promise((done) => {
    const child = spawn(process.execPath, [...nodeArgs, "-e", CHILD, "--", ...args], {
      cwd: options.cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    let hung = false;
    const timer = setTimeout(
      () => {
        hung = true;
        child.kill("SIGKILL");
      },
      (options.killAfterSeconds ?? 600) * 1000,
    );
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let peakMb: number | undefined;
      try {
        peakMb = Number(readFileSync(rssFile, "utf8")) / 1024;
      } catch {
        // Killed or aborted: no exit handler ran.
      }
      rmSync(join(rssFile, ".."), { recursive: true, force: true });
      done({
        code,
        signal,
        output: `${Buffer.concat(out).toString("utf8")}\n${Buffer.concat(err).toString("utf8")}`,
        hung,
        seconds,
        ...(peakMb === undefined || !Number.isFinite(peakMb) ? {} : { peakMb }),
      });
    });
  });
}

/** sha256 of a regular file (not followed through a link), or undefined for anything else. */
export function hashIfRegular(path: string): string | undefined {
  try {
    if (!lstatSync(path).isFile()) return undefined;
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return undefined;
  }
}

/** Every path under `dir`, relative to it (folders that cannot be read are skipped). */
export function listTree(dir: string, prefix = ""): string[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, prefix));
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const rel = prefix === "" ? n : `${prefix}/${n}`;
    let isDir = false;
    try {
      isDir = lstatSync(join(dir, rel)).isDirectory();
    } catch {
      // Gone meanwhile.
    }
    return isDir ? [rel, ...listTree(dir, rel)] : [rel];
  });
}

/**
 * What a run may not leave behind (src/cli/outputs.ts, output-lock.ts): its temporaries and locks
 * are hidden names beside the outputs (".out.xlsx.<random>.ishc.tmp", ".out.xlsx.ishc-lock") and
 * old outputs are never left only under a hidden ".ishc.old" name. Any new name starting with "."
 * or containing ".tmp" is a leftover.
 */
export const isLeftoverName = (rel: string): boolean => {
  const base = rel.slice(rel.lastIndexOf("/") + 1);
  return base.startsWith(".") || base.includes(".tmp");
};

/** What a case's run gave, or why it did not run. */
export interface CaseOutcome {
  readonly dir: string;
  readonly run?: AttackRun;
  readonly child?: ChildRun;
  readonly setupError?: unknown;
  /** sha256 of each regular input file after setup, and after the run. */
  readonly inputs: ReadonlyArray<{ path: string; before: string; after: string | undefined }>;
  /** Paths in the folder after setup, before the run. */
  readonly before: readonly string[];
  /** Paths in the folder after the run. */
  readonly after: readonly string[];
  /** The unpacked size the case declared, in MB. */
  readonly unpackedMb?: number;
}

/** Sets a case up in a fresh folder and runs it in a child. Never rejects. */
export async function runCase(c: AttackCase, root = tmpdir()): Promise<CaseOutcome> {
  const dir = mkdtempSync(join(root, `ishc-attack-${c.id}-`));
  let run: AttackRun;
  try {
    run = await c.setup(dir);
  } catch (setupError) {
    return { dir, setupError, inputs: [], before: [], after: [] };
  }
  const regular = inputsOf(run.args)
    .map((p) => resolve(dir, p))
    .map((path) => ({ path, before: hashIfRegular(path) }))
    .filter((i): i is { path: string; before: string } => i.before !== undefined);
  const before = listTree(dir);
  const child = await runChild(run.args, {
    cwd: dir,
    heapMb: heapCapMb(c.budget),
    killAfterSeconds: killAfterSeconds(c.budget),
  });
  return {
    dir,
    run,
    child,
    inputs: regular.map((i) => ({ ...i, after: hashIfRegular(i.path) })),
    before,
    after: listTree(dir),
    ...(run.unpackedBytes === undefined ? {} : { unpackedMb: run.unpackedBytes / 2 ** 20 }),
  };
}

/** Removes a case's folder, first giving back write permission a case may have taken away. */
export function removeCaseDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // A folder made read-only by a case whose check did not run: leave it to the OS's tmp cleanup.
  }
}

/**
 * Runs `jobs` with at most `parallel` at a time and at most `poolMb` of budgets at once (a job
 * bigger than the pool runs alone), heaviest first so that the longest do not start last.
 */
export function pool<T>(
  jobs: ReadonlyArray<{ weightMb: number; start: () => Promise<T> }>,
  parallel: number,
  poolMb: number,
): Promise<T>[] {
  const order = jobs.map((_, i) => i).sort((a, b) => jobs[b]!.weightMb - jobs[a]!.weightMb);
  const settle: Array<(v: T) => void> = [];
  const promises = jobs.map((_, i) => new Promise<T>((r) => (settle[i] = r)));
  let running = 0;
  let inFlightMb = 0;
  const queue = [...order];
  const pump = (): void => {
    for (let k = 0; k < queue.length;) {
      const i = queue[k]!;
      const w = jobs[i]!.weightMb;
      const fits = running === 0 || (running < parallel && inFlightMb + w <= poolMb);
      if (!fits) {
        k++;
        continue;
      }
      queue.splice(k, 1);
      running++;
      inFlightMb += w;
      void jobs[i]!.start().then((v) => {
        running--;
        inFlightMb -= w;
        settle[i]!(v);
        pump();
      });
    }
  };
  pump();
  return promises;
}
