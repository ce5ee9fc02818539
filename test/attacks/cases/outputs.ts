import { execFileSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { basename, join } from "node:path";
import { AttackCase, AttackRun } from "../attack-case";
import { registerOf } from "../../cli/outputs-helpers";

/**
 * Attack cases on the command line's files: inputs that are not regular files, outputs that
 * cannot be written (refused before the check: the input of those cases is not even a workbook,
 * so an output refusal proves it came first), links planted at an output, and what a dead run
 * left (its lock, its journal, its temporaries). Cases that need a kill or two runs at once are in
 * test/cli/outputs-crash.test.ts. See test/attacks/attack-case.ts.
 */

/** A pid no process has (beyond Linux's largest pid_max): the run that wrote the lock is dead. */
const DEAD_PID = 2 ** 31 - 2;
const SMALL = { mb: 64, seconds: 10 };

const check = (dir: string, input: string, ...rest: string[]): AttackRun => ({
  args: [
    "check",
    input,
    "--out",
    join(dir, "out.xlsx"),
    "--report",
    join(dir, "report.json"),
    ...rest,
  ],
});

/** A file that is not a workbook: its error would show if the outputs were not refused first. */
function notWorkbook(dir: string): string {
  const p = join(dir, "in.xlsx");
  writeFileSync(p, "Họ và tên,Năm sinh\n");
  return p;
}

const noHidden = (dir: string): void => {
  const hidden = readdirSync(dir).filter((f) => f.startsWith(".") && f.includes("ishc"));
  if (hidden.length > 0) throw new Error(`hidden files left: ${hidden.join(", ")}`);
};

/** A lock as a run writes it (src/cli/output-lock.ts), by a dead run, for outputs of `dir`. */
function deadLock(dir: string, state: "writing" | "commit", pid = DEAD_PID) {
  const targets = [join(dir, "out.xlsx"), join(dir, "report.json")];
  const beside = (t: string, tag: string, kind: string) =>
    join(dir, `.${basename(t)}.${tag.repeat(12)}.${kind}`);
  const locks = targets.map((t) => join(dir, `.${basename(t)}.ishc-lock`));
  return {
    tool: "ishc",
    nonce: "0f".repeat(12),
    pid,
    host: hostname(),
    started: "2026-01-01T00:00:00.000Z",
    state,
    primary: locks[0]!,
    locks,
    pairs: targets.map((target) => ({
      target,
      temp: beside(target, "ab", "ishc.tmp"),
      backup: beside(target, "cd", "ishc.old"),
      existed: true,
    })),
    spares: [],
  };
}

const writeLock = (path: string, journal: object) =>
  writeFileSync(path, `${JSON.stringify(journal)}\n`);

const unchanged = (path: string, text: string) => (): void => {
  const now = readFileSync(path, "utf8");
  if (now !== text) throw new Error(`${path} changed: ${now.slice(0, 60)}`);
};

export const CASES: readonly AttackCase[] = [
  {
    id: "input-dev-zero",
    what: "the input is /dev/zero: endless zeros, refused as a device before any byte is read",
    setup: (dir) => check(dir, "/dev/zero"),
    expect: {
      exit: 2,
      message: /"\/dev\/zero" is a device, not a workbook file/,
      files: { "out.xlsx": false, "report.json": false },
    },
    budget: SMALL,
  },
  {
    id: "input-fifo",
    what: "the input is a named pipe no one writes to: refused, never waited on",
    setup: (dir) => {
      const fifo = join(dir, "in.xlsx");
      execFileSync("mkfifo", [fifo]);
      return check(dir, fifo);
    },
    expect: {
      exit: 2,
      message: /is a named pipe \(FIFO\), not a workbook file/,
      files: { "out.xlsx": false, "report.json": false },
    },
    budget: SMALL,
  },
  {
    id: "input-folder",
    what: "the input is a folder",
    setup: (dir) => {
      mkdirSync(join(dir, "in.xlsx"));
      return check(dir, join(dir, "in.xlsx"));
    },
    expect: { exit: 2, message: /is a folder, not a workbook file/, files: { "out.xlsx": false } },
    budget: SMALL,
  },
  {
    id: "input-over-size-limit",
    what: "an input file larger than --max-unpacked-mb: refused by its size, unread",
    setup: (dir) => {
      const big = join(dir, "in.xlsx");
      writeFileSync(big, Buffer.alloc(3 * 2 ** 20, 0x50));
      return check(dir, big, "--max-unpacked-mb", "2");
    },
    expect: {
      exit: 2,
      message: /is 3 MB, over the limit of 2 MB \(--max-unpacked-mb\)/,
      files: { "out.xlsx": false, "report.json": false },
    },
    budget: SMALL,
  },
  {
    id: "merge-input-dev-zero",
    what: "one of merge's inputs is /dev/zero: named, refused before any file is read",
    setup: (dir) => ({
      args: ["merge", notWorkbook(dir), "/dev/zero", "--out", join(dir, "out.xlsx")],
    }),
    expect: {
      exit: 2,
      message: /File "zero": "\/dev\/zero" is a device/,
      files: { "out.xlsx": false },
    },
    budget: SMALL,
  },
  {
    id: "settings-dev-zero",
    what: "--settings /dev/zero: the option's JSON file is a device, refused unread",
    setup: (dir) => check(dir, notWorkbook(dir), "--settings", "/dev/zero"),
    expect: { exit: 2, message: /"\/dev\/zero" is a device, not a JSON file/ },
    budget: SMALL,
  },
  {
    id: "output-folder-missing",
    what: "the checked copy's folder does not exist: said before the check",
    setup: (dir) => ({
      args: ["check", notWorkbook(dir), "--out", join(dir, "no", "such", "out.xlsx")],
    }),
    expect: { exit: 2, message: /the folder does not exist: ".*no\/such"/ },
    budget: SMALL,
  },
  {
    id: "output-is-folder",
    what: "the report's path is a folder: said before the check",
    setup: (dir) => {
      mkdirSync(join(dir, "report.json"));
      return check(dir, notWorkbook(dir));
    },
    expect: { exit: 2, message: /report\.json": is a folder/, files: { "out.xlsx": false } },
    budget: SMALL,
  },
  {
    id: "output-planted-symlink",
    what: "a symbolic link planted at the report's path, pointing at another file: refused, that file untouched",
    setup: (dir) => {
      writeFileSync(join(dir, "victim.txt"), "someone else's file");
      symlinkSync(join(dir, "victim.txt"), join(dir, "report.json"));
      return check(dir, notWorkbook(dir));
    },
    expect: {
      exit: 2,
      message: /is a symbolic link; ishc does not write through links/,
      files: { "out.xlsx": false },
      check: (dir) => unchanged(join(dir, "victim.txt"), "someone else's file")(),
    },
    budget: SMALL,
  },
  {
    id: "output-read-only-folder",
    what: "the output's folder cannot be written: said before the check, with the path and the reason",
    setup: (dir) => {
      // chmod does not stop root; sysfs refuses new files to root as well (Linux).
      if (process.getuid?.() === 0)
        return { args: ["check", notWorkbook(dir), "--out", "/sys/ishc-attack-out.xlsx"] };
      const ro = join(dir, "ro");
      mkdirSync(ro);
      chmodSync(ro, 0o555);
      return { args: ["check", notWorkbook(dir), "--out", join(ro, "out.xlsx")] };
    },
    expect: {
      exit: 2,
      message: /Cannot write ".*out\.xlsx": permission denied/,
      check: (dir) => {
        try {
          chmodSync(join(dir, "ro"), 0o755);
        } catch {
          // Run as root: no such folder was made.
        }
      },
    },
    budget: SMALL,
  },
  {
    id: "output-device",
    what: "the report's path is /dev/null: refused (a rename would replace the device node)",
    setup: (dir) => ({ args: ["check", notWorkbook(dir), "--report", "/dev/null"] }),
    expect: { exit: 2, message: /"\/dev\/null": is not a regular file/ },
    budget: SMALL,
  },
  {
    id: "stale-lock-committed",
    what: "a dead run's lock whose journal had committed: its outputs are completed and reported, then the check writes its own",
    setup: async (dir) => {
      await registerOf(join(dir, "in.xlsx"), "AA1");
      writeFileSync(join(dir, "out.xlsx"), "old copy");
      writeFileSync(join(dir, "report.json"), "old report");
      const j = deadLock(dir, "commit");
      writeFileSync(j.pairs[1]!.temp, "the dead run's report");
      writeLock(j.locks[0]!, j);
      writeLock(j.locks[1]!, { ...j, state: "writing" });
      return check(dir, join(dir, "in.xlsx"), "--as-of", "2025-12-31");
    },
    expect: {
      exit: 1,
      message:
        /An earlier ishc run \(process \d+, .*\) stopped while writing .*: its new files have now been put in place/,
      files: { "out.xlsx": true, "report.json": true },
      check: (dir) => {
        noHidden(dir);
        const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as {
          clubs: { id: string }[];
        };
        if (report.clubs[0]?.id !== "AA1") throw new Error("the report is not this run's");
      },
    },
    budget: SMALL,
  },
  {
    id: "stale-lock-writing",
    what: "a dead run's lock before its commit, with a half-written temporary: removed, old outputs kept",
    setup: (dir) => {
      writeFileSync(join(dir, "out.xlsx"), "old copy");
      const j = deadLock(dir, "writing");
      writeFileSync(j.pairs[0]!.temp, "PK half a copy");
      writeLock(j.locks[0]!, j);
      return check(dir, notWorkbook(dir));
    },
    expect: {
      exit: 2,
      message: /its temporary files were removed; the old files are as they were/,
      files: { "report.json": false },
      check: (dir) => {
        noHidden(dir);
        unchanged(join(dir, "out.xlsx"), "old copy")();
      },
    },
    budget: SMALL,
  },
  {
    id: "crash-leftovers",
    what: "temporaries and a half-made lock of a run killed before it held its lock: removed and named",
    setup: (dir) => {
      const j = deadLock(dir, "writing");
      writeFileSync(join(dir, `.out.xlsx.${"12".repeat(12)}.ishc.tmp`), "PK half");
      writeLock(join(dir, `.out.xlsx.${"34".repeat(12)}.ishc-lock.tmp`), j);
      return check(dir, notWorkbook(dir));
    },
    expect: {
      exit: 2,
      message: /Removed temporary files an earlier run left beside ".*out\.xlsx"/,
      files: { "out.xlsx": false },
      check: noHidden,
    },
    budget: SMALL,
  },
  {
    id: "live-lock",
    // The runner's parent process stands for the live run, whether ishc runs in the runner's
    // process or in a child.
    what: "the outputs are locked by a run that is alive: refused as in use, its lock untouched",
    setup: (dir) => {
      writeLock(join(dir, ".out.xlsx.ishc-lock"), deadLock(dir, "writing", process.ppid));
      return check(dir, notWorkbook(dir));
    },
    expect: {
      exit: 2,
      message: /The output ".*out\.xlsx" is in use: another ishc run is writing it/,
      files: { ".out.xlsx.ishc-lock": true, "out.xlsx": false },
    },
    budget: SMALL,
  },
  {
    id: "forged-lock",
    what: "a lock whose journal would rename a file from elsewhere onto the output: not obeyed",
    setup: (dir) => {
      writeFileSync(join(dir, "victim.txt"), "keep me");
      const j = deadLock(dir, "commit");
      writeLock(j.locks[0]!, {
        ...j,
        pairs: [{ ...j.pairs[0]!, temp: join(dir, "victim.txt") }, j.pairs[1]!],
      });
      return check(dir, notWorkbook(dir));
    },
    expect: {
      exit: 2,
      message: /was not made by ishc/,
      files: { "victim.txt": true, "out.xlsx": false },
    },
    budget: SMALL,
  },
];
