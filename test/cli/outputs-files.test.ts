import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { replaceFilePort } from "../../src/cli/fs-port";
import { EXCLUSIVE, lockPathOf } from "../../src/cli/output-lock";
import { runCli } from "../helpers/cli-run";
import { copyMark, hiddenIn, registerOf, reportMark } from "./outputs-helpers";

/**
 * The command line's files in one process: inputs that are not regular files or are too big,
 * outputs that cannot be written (said before the check, never as a stack trace), a full disk
 * and a failed rename (nothing changes), locks of live and dead runs, planted links.
 */
const root = mkdtempSync(join(tmpdir(), "ishc-outputs-"));
let n = 0;
/** A fresh folder per test, with the register of club "AA1" as in.xlsx. */
async function folder(): Promise<{ dir: string; input: string; out: string; report: string }> {
  const dir = join(root, `t${n++}`);
  mkdirSync(dir);
  const input = join(dir, "in.xlsx");
  await registerOf(input, "AA1");
  return { dir, input, out: join(dir, "out.xlsx"), report: join(dir, "report.json") };
}
const check = (input: string, ...rest: string[]) =>
  runCli("check", input, "--as-of", "2025-12-31", ...rest);

/** What must never be printed. */
function clean(r: { out: string; err: string }): void {
  expect(`${r.out}\n${r.err}`).not.toMatch(/unexpected error|không mong đợi|\n\s+at /);
}

/** A pid that no process has (beyond Linux's largest pid_max). */
const DEAD_PID = 2 ** 31 - 2;

describe("inputs that are not regular files or are too big are refused before reading", () => {
  test.each([
    ["a device (/dev/zero)", () => "/dev/zero", /is a device/],
    [
      "a named pipe (FIFO) with no writer",
      (dir: string) => {
        const fifo = join(dir, "pipe.xlsx");
        execFileSync("mkfifo", [fifo]);
        return fifo;
      },
      /is a named pipe \(FIFO\)/,
    ],
    ["a folder", (dir: string) => dir, /is a folder/],
  ])("%s", async (_name, make, message) => {
    const { dir, out, report } = await folder();
    const r = await check(make(dir), "--out", out, "--report", report);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/ishc: .*không phải tệp sổ làm việc/);
    clean(r);
    expect(existsSync(out) || existsSync(report)).toBe(false);
    expect(hiddenIn(dir)).toEqual([]);
  });

  test("merge names the input that is a device, before reading any", async () => {
    const { dir, input, out } = await folder();
    const r = await runCli("merge", input, "/dev/zero", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/File "zero": "\/dev\/zero" is a device/);
    expect(existsSync(out)).toBe(false);
    expect(hiddenIn(dir)).toEqual([]);
  });

  test("--settings and --mapping files that are devices are refused unread", async () => {
    const { input, report } = await folder();
    for (const option of ["--settings", "--mapping"]) {
      const r = await check(input, "--report", report, option, "/dev/zero");
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/"\/dev\/zero" is a device, not a JSON file/);
      clean(r);
    }
    expect(existsSync(report)).toBe(false);
  });

  test("a file larger than --max-unpacked-mb is refused by its size, unread", async () => {
    const { dir, report } = await folder();
    const big = join(dir, "big.xlsx");
    writeFileSync(big, Buffer.alloc(2 * 2 ** 20 + 1, 0x41));
    const read = jest.fn();
    const restore = replaceFilePort({ readSync: read });
    try {
      const r = await check(big, "--report", report, "--max-unpacked-mb", "2");
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/is 2 MB, over the limit of 2 MB \(--max-unpacked-mb\)/);
      expect(r.err).toMatch(/nặng 2 MB, vượt giới hạn 2 MB/);
      clean(r);
    } finally {
      restore();
    }
    expect(read).not.toHaveBeenCalled();
    expect(existsSync(report)).toBe(false);
  });
});

describe("outputs that cannot be written are said before the check, with what to do", () => {
  /** Not a workbook: if its error came first, the outputs were not checked before the input. */
  async function badInput(dir: string): Promise<string> {
    const p = join(dir, "bad.xlsx");
    writeFileSync(p, "Họ và tên,Năm sinh\n");
    return p;
  }

  test("a read-only folder", async () => {
    const { dir } = await folder();
    const ro = join(dir, "ro");
    mkdirSync(ro);
    writeFileSync(join(ro, "out.xlsx"), "old");
    chmodSync(ro, 0o555);
    // Root writes through chmod: the same refusal then comes from the file system as injected.
    const asRoot = process.getuid?.() === 0;
    const restore = asRoot
      ? replaceFilePort({
          openSync: ((path: string, ...rest: unknown[]) => {
            if (dirname(String(path)) === ro)
              throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), {
                code: "EACCES",
                path,
              });
            return (jest.requireActual("node:fs") as typeof import("node:fs")).openSync(
              path,
              ...(rest as [number]),
            );
          }) as never,
        })
      : () => {};
    try {
      const r = await check(await badInput(dir), "--out", join(ro, "out.xlsx"));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Cannot write ".*ro\/out\.xlsx": permission denied .*\[EACCES\]/);
      expect(r.err).toMatch(/Không ghi được ".*ro\/out\.xlsx": không có quyền/);
      expect(r.err).not.toMatch(/not an Excel/);
      clean(r);
    } finally {
      restore();
      chmodSync(ro, 0o755);
    }
    expect(readFileSync(join(ro, "out.xlsx"), "utf8")).toBe("old");
    expect(hiddenIn(ro)).toEqual([]);
  });

  test("a missing folder, a folder as target, a symbolic link as target, a device as target", async () => {
    const { dir } = await folder();
    const bad = await badInput(dir);
    const elsewhere = join(dir, "elsewhere.txt");
    writeFileSync(elsewhere, "someone else's file");
    symlinkSync(elsewhere, join(dir, "link.json"));
    for (const [target, message] of [
      [join(dir, "no", "such", "out.xlsx"), /the folder does not exist/],
      [dir, /is a folder/],
      [join(dir, "link.json"), /is a symbolic link; ishc does not write through links/],
      ["/dev/null", /is not a regular file/],
    ] as const) {
      const r = await check(bad, "--report", target);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/not an Excel/);
      clean(r);
    }
    expect(readFileSync(elsewhere, "utf8")).toBe("someone else's file");
  });
});

describe("a failure while writing leaves the old outputs as they were", () => {
  test("a full disk at byte N of the second output", async () => {
    const { dir, input, out, report } = await folder();
    writeFileSync(out, "old copy");
    writeFileSync(report, "old report");
    const fs = jest.requireActual("node:fs") as typeof import("node:fs");
    let written = 0;
    const restore = replaceFilePort({
      writeSync: (fd, buffer, offset, length) => {
        if (written + length > 1000 && fs.fstatSync(fd).size === 0 && written > 0) {
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), {
            code: "ENOSPC",
          });
        }
        const w = fs.writeSync(fd, buffer, offset, length);
        written += w;
        return w;
      },
    });
    let r;
    try {
      // The report is small: the failure comes when the second output starts.
      r = await check(input, "--out", out, "--report", report);
    } finally {
      restore();
    }
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /Cannot write ".*report\.json": the disk is full .*\[ENOSPC\]\. Nothing was written: the old files are as they were\./,
    );
    expect(r.err).toMatch(/ổ đĩa đã đầy/);
    clean(r);
    expect(readFileSync(out, "utf8")).toBe("old copy");
    expect(readFileSync(report, "utf8")).toBe("old report");
    expect(hiddenIn(dir)).toEqual([]);
  });

  test("a disk without room for the outputs is said before writing", async () => {
    const { dir, input, out } = await folder();
    const fs = jest.requireActual("node:fs") as typeof import("node:fs");
    const written: number[] = [];
    const restore = replaceFilePort({
      freeBytes: () => 10,
      writeSync: (fd, buffer, offset, length) => {
        written.push(length);
        return fs.writeSync(fd, buffer, offset, length);
      },
    });
    try {
      const r = await check(input, "--out", out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/the disk is full/);
      clean(r);
    } finally {
      restore();
    }
    // Only the lock was written, before the check: one small write.
    expect(written).toHaveLength(1);
    expect(written[0]).toBeLessThan(2000);
    expect(existsSync(out)).toBe(false);
    expect(hiddenIn(dir)).toEqual([]);
  });

  test("a rename that fails after the first output was placed: the first is put back", async () => {
    const { dir, input, out, report } = await folder();
    writeFileSync(out, "old copy");
    const fs = jest.requireActual("node:fs") as typeof import("node:fs");
    const restore = replaceFilePort({
      renameSync: (from, to) => {
        if (String(to) === report)
          throw Object.assign(new Error("EBUSY: resource busy or locked, rename"), {
            code: "EBUSY",
            path: String(from),
            dest: String(to),
          });
        fs.renameSync(from, to);
      },
    });
    let r;
    try {
      r = await check(input, "--out", out, "--report", report);
    } finally {
      restore();
    }
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /in use by another program.*Nothing was written: the old files are as they were/,
    );
    clean(r);
    expect(readFileSync(out, "utf8")).toBe("old copy");
    expect(existsSync(report)).toBe(false);
    expect(hiddenIn(dir)).toEqual([]);
  });
});

describe("locks", () => {
  const lockOf = (j: Record<string, unknown>) => `${JSON.stringify(j)}\n`;
  const journal = (over: Record<string, unknown>, targets: string[]) => ({
    tool: "ishc",
    nonce: "0123456789abcdef01234567",
    pid: DEAD_PID,
    host: hostname(),
    started: "2026-01-01T00:00:00.000Z",
    state: "writing",
    primary: lockPathOf(targets[0]!),
    locks: targets.map(lockPathOf),
    pairs: targets.map((t, i) => ({
      target: t,
      temp: join(dirname(t), `.${t.split("/").pop()}.${"ab".repeat(11)}0${i}.ishc.tmp`),
      backup: join(dirname(t), `.${t.split("/").pop()}.${"cd".repeat(11)}0${i}.ishc.old`),
      existed: true,
    })),
    spares: [],
    ...over,
  });

  test("a live run's lock: the output is in use, nothing is touched", async () => {
    const { dir, input, out, report } = await folder();
    // Jest's parent process stands for the live run.
    writeFileSync(lockPathOf(report), lockOf(journal({ pid: process.ppid }, [report])));
    const r = await check(input, "--out", out, "--report", report);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/The output ".*report\.json" is in use: another ishc run is writing it/);
    expect(r.err).toMatch(/đang được một lần chạy ishc khác ghi/);
    clean(r);
    expect(existsSync(out) || existsSync(report)).toBe(false);
    // Its lock stays; the lock this run had taken on out.xlsx is gone.
    expect(hiddenIn(dir)).toEqual([`.report.json.ishc-lock`]);
  });

  test("a dead run that had committed: its new outputs are put in place, then this run writes", async () => {
    const { dir, input, out, report } = await folder();
    writeFileSync(out, "old copy");
    writeFileSync(report, "old report");
    const j = journal({ state: "commit" }, [out, report]);
    writeFileSync(j.pairs[1]!.temp, "dead run's report");
    writeFileSync(j.pairs[0]!.backup, "old copy");
    writeFileSync(j.locks[0]!, lockOf(j));
    writeFileSync(j.locks[1]!, lockOf({ ...j, state: "writing" }));
    // A run that stops at the input (not a workbook) shows what the recovery left.
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "not a workbook");
    const r = await check(bad, "--out", out, "--report", report);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /An earlier ishc run \(process \d+, started .*\) stopped while writing .*: its new files have now been put in place/,
    );
    clean(r);
    expect(readFileSync(report, "utf8")).toBe("dead run's report");
    expect(hiddenIn(dir)).toEqual([]);
    const ok = await check(input, "--out", out, "--report", report);
    expect(ok.code).toBe(1);
    expect(copyMark(out, ["AA1"])).toBe("AA1");
    expect(reportMark(report)).toBe("AA1");
  });

  test.each([
    [
      "this process's number, in a lock it does not hold (a container's process 1)",
      process.pid,
      {},
    ],
    // Start times come from /proc (Linux); elsewhere a reused number still looks alive.
    ...(existsSync("/proc/self/stat")
      ? [["a live process's number, reused: started at another time", process.ppid, { since: "1" }]]
      : []),
  ] as [string, number, object][])("a lock with %s is a dead run's", async (_name, pid, extra) => {
    const { dir, input, out } = await folder();
    writeFileSync(lockPathOf(out), lockOf(journal({ pid, ...extra }, [out])));
    const r = await check(input, "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/An earlier ishc run .* it had written nothing yet/);
    expect(copyMark(out, ["AA1"])).toBe("AA1");
    expect(hiddenIn(dir)).toEqual([]);
  });

  test("a dead run that had not committed: its temporary files go, the old outputs stay", async () => {
    const { dir, out, report } = await folder();
    writeFileSync(out, "old copy");
    const j = journal({}, [out, report]);
    writeFileSync(j.pairs[0]!.temp, "half a copy");
    writeFileSync(j.locks[0]!, lockOf(j));
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "not a workbook");
    const r = await check(bad, "--out", out, "--report", report);
    expect(r.err).toMatch(/its temporary files were removed; the old files are as they were/);
    expect(readFileSync(out, "utf8")).toBe("old copy");
    expect(existsSync(report)).toBe(false);
    expect(hiddenIn(dir)).toEqual([]);
  });

  test("a lock that names files elsewhere is not obeyed", async () => {
    const { dir, input, out } = await folder();
    const victim = join(root, "victim.txt");
    writeFileSync(victim, "keep me");
    const j = journal({ state: "commit" }, [out]);
    const forged = { ...j, pairs: [{ ...j.pairs[0]!, temp: victim }] };
    writeFileSync(j.locks[0]!, lockOf(forged));
    const r = await check(input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/was not made by ishc/);
    clean(r);
    expect(readFileSync(victim, "utf8")).toBe("keep me");
    expect(existsSync(out)).toBe(false);
    expect(hiddenIn(dir)).toEqual([".out.xlsx.ishc-lock"]);
  });
});

test("a file system without hard links (a FAT memory stick): the lock and the old copy without them", async () => {
  const { dir, input, out, report } = await folder();
  writeFileSync(out, "old copy");
  const restore = replaceFilePort({
    linkSync: () => {
      throw Object.assign(new Error("EPERM: operation not permitted, link"), { code: "EPERM" });
    },
  });
  try {
    const r = await check(input, "--out", out, "--report", report);
    expect(r.code).toBe(1);
    clean(r);
  } finally {
    restore();
  }
  expect(copyMark(out, ["AA1"])).toBe("AA1");
  expect(reportMark(report)).toBe("AA1");
  expect(hiddenIn(dir)).toEqual([]);
});

describe("temporary files", () => {
  test("have unpredictable names, are created exclusively and never through a link", async () => {
    const { dir, input, out, report } = await folder();
    const fs = jest.requireActual("node:fs") as typeof import("node:fs");
    const opened: { path: string; flags: unknown }[] = [];
    const restore = replaceFilePort({
      openSync: ((path: string, flags: unknown, mode?: number) => {
        opened.push({ path: String(path), flags });
        return fs.openSync(path, flags as number, mode);
      }) as never,
    });
    try {
      expect((await check(input, "--out", out, "--report", report)).code).toBe(1);
      expect((await check(input, "--out", out, "--report", report)).code).toBe(1);
    } finally {
      restore();
    }
    const temps = opened.filter((o) => o.path.endsWith(".ishc.tmp"));
    expect(temps.length).toBeGreaterThanOrEqual(4);
    expect(new Set(temps.map((t) => t.path)).size).toBe(temps.length);
    for (const t of temps) {
      expect(t.path).toMatch(/\/\.(out\.xlsx|report\.json)\.[0-9a-f]{24}\.ishc\.tmp$/);
      expect(t.flags).toBe(EXCLUSIVE);
    }
    // O_EXCL with O_NOFOLLOW: a link planted at the name makes the open fail.
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "keep me");
    const planted = join(dir, ".out.xlsx.000000000000000000000000.ishc.tmp");
    symlinkSync(victim, planted);
    expect(() => fs.openSync(planted, EXCLUSIVE, 0o666)).toThrow(/EEXIST/);
    expect(readFileSync(victim, "utf8")).toBe("keep me");
  });
});

test("template's own writer's system errors are said as file errors too", async () => {
  const { input } = await folder();
  // A file used as a folder: refused by the system whoever runs the test (mkdir says EEXIST).
  const r = await runCli("template", join(input, "template.xlsx"));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(
    /Cannot write ".*in\.xlsx": a file or folder of that name is already there/,
  );
  clean(r);
});

test("an unexpected fault is said in one line, its stack only with ISHC_DEBUG", async () => {
  const { input, report } = await folder();
  const restore = replaceFilePort({
    freeBytes: () => {
      throw new TypeError("planted fault");
    },
  });
  try {
    const r = await check(input, "--report", report);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unexpected error: TypeError: planted fault/);
    expect(r.err).not.toMatch(/\n\s+at /);
    process.env["ISHC_DEBUG"] = "1";
    const debug = await check(input, "--report", report);
    expect(debug.err).toMatch(/planted fault\n\s+at /);
  } finally {
    delete process.env["ISHC_DEBUG"];
    restore();
  }
});
