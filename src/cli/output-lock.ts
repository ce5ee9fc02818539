import { randomBytes } from "node:crypto";
import { constants, existsSync, readFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { say } from "../core/model/i18n";
import { FileError, errnoOf } from "./file-errors";
import { filePort } from "./fs-port";

/**
 * The lock files of the command line's outputs, which are also their journal (the protocol is in
 * outputs.ts). One lock per output, beside it: `.OUT.xlsx.ishc-lock`, a small JSON file naming the
 * run that holds it (process, computer, boot, start) and everything that run will create (its
 * temporary files and the copies of the old outputs), so that whoever finds the lock of a run
 * that died knows exactly what to finish or remove, without guessing from names in the folder.
 */

export type JournalState = "writing" | "commit" | "rollback";

/** One output: where it goes, its temporary file, and where the old file is kept while replaced. */
export interface Pair {
  readonly target: string;
  readonly temp: string;
  readonly backup: string;
  /** Whether an old file was there when the run committed (known from the commit on). */
  readonly existed: boolean;
}

export interface Journal {
  readonly tool: "ishc";
  readonly nonce: string;
  readonly pid: number;
  readonly host: string;
  readonly boot?: string;
  /** Linux's start time of the process (clock ticks since boot): a reused process number differs. */
  readonly since?: string;
  readonly started: string;
  readonly state: JournalState;
  /** The lock that holds the run's state (its first output's); the others only point to it. */
  readonly primary: string;
  /** Every lock of the run, the primary first. */
  readonly locks: readonly string[];
  readonly pairs: readonly Pair[];
  /** Temporary names kept for rewriting the primary lock (the commit, a rollback). */
  readonly spares: readonly string[];
}

/**
 * Test hook, never set by the product: `ISHC_TEST_CRASH_AT=<step>` kills the process with SIGKILL
 * at that step of the protocol, so that test/cli/outputs-crash.test.ts can stop a real run at every
 * instant and check what the next run finds. The steps are listed by crashSteps (outputs.ts).
 */
export function crashPoint(step: string): void {
  if (process.env["ISHC_TEST_CRASH_AT"] === step) process.kill(process.pid, "SIGKILL");
  // Second test hook: `ISHC_TEST_WAIT_AT=<step>:<file>` holds the run at that step until the file
  // exists, so that a test can start a second run while the first is known to hold its locks.
  const wait = process.env["ISHC_TEST_WAIT_AT"];
  if (wait?.startsWith(`${step}:`)) {
    const go = wait.slice(step.length + 1);
    const nap = new Int32Array(new SharedArrayBuffer(4));
    while (!existsSync(go)) Atomics.wait(nap, 0, 0, 20);
  }
}

/** Create only, never through a link: a planted file or link at the name makes open fail. */
export const EXCLUSIVE =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
/** Read without following a final link and without waiting on a pipe. */
export const READ_ONLY =
  constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Unpredictable: 96 random bits, so that nobody can plant a file or link at a name beforehand. */
const randomTag = (): string => randomBytes(12).toString("hex");

export const lockPathOf = (target: string): string =>
  join(dirname(target), `.${basename(target)}.ishc-lock`);

/** A new hidden name beside `target`, ending in `kind` (ishc.tmp, ishc.old, ishc-lock.tmp). */
export const besideName = (target: string, kind: string): string =>
  join(dirname(target), `.${basename(target)}.${randomTag()}.${kind}`);

/** The hidden names a run of ishc may leave beside `target` if it is killed. */
export function isLeftoverOf(target: string, name: string): boolean {
  const base = basename(target);
  if (!name.startsWith(`.${base}.`)) return false;
  return /^[0-9a-f]{24}\.(ishc\.tmp|ishc\.old|ishc-lock\.tmp)$/.test(name.slice(base.length + 2));
}

let bootId: string | undefined | null = null;
/** Linux's id of this boot: a lock from before a restart is stale whatever its process number. */
function thisBoot(): string | undefined {
  if (bootId === null) {
    try {
      bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    } catch {
      bootId = undefined;
    }
  }
  return bootId;
}

/** A process's start time from /proc/PID/stat (field 22), where Linux gives it. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** The nonces of the locks this process holds: a lock with our process number is ours only then. */
const HELD_HERE = new Set<string>();
export const holdHere = (nonce: string, held: boolean): void => {
  if (held) HELD_HERE.add(nonce);
  else HELD_HERE.delete(nonce);
};

export function newJournal(
  targets: readonly string[],
): Journal & { readonly pairs: readonly Pair[] } {
  const boot = thisBoot();
  const since = processStart(process.pid);
  const locks = targets.map(lockPathOf);
  return {
    tool: "ishc",
    nonce: randomTag(),
    pid: process.pid,
    host: hostname(),
    ...(boot === undefined ? {} : { boot }),
    ...(since === undefined ? {} : { since }),
    started: new Date().toISOString(),
    state: "writing",
    primary: locks[0]!,
    locks,
    pairs: targets.map((target) => ({
      target,
      temp: besideName(target, "ishc.tmp"),
      backup: besideName(target, "ishc.old"),
      existed: false,
    })),
    spares: [besideName(targets[0]!, "ishc.tmp"), besideName(targets[0]!, "ishc.tmp")],
  };
}

/**
 * Whether the run that wrote a lock is still going: true or false on this computer (its process
 * exists; a lock from before the last restart, or whose process number now belongs to a process
 * started at another time, is stale), "unknown" for another computer's run (a shared folder),
 * which is never taken over.
 */
export function ownerAlive(j: Journal): boolean | "unknown" {
  if (j.host !== hostname()) return "unknown";
  const boot = thisBoot();
  if (j.boot !== undefined && boot !== undefined && j.boot !== boot) return false;
  // Our own number: a container's ishc is often process 1 after every restart.
  if (j.pid === process.pid) return HELD_HERE.has(j.nonce);
  try {
    process.kill(j.pid, 0);
  } catch (e) {
    return errnoOf(e)?.code === "EPERM";
  }
  const since = processStart(j.pid);
  return j.since === undefined || since === undefined || since === j.since;
}

/** Writes a new file exclusively (never through a planted name), whole and synced. */
export function writeNewFile(
  path: string,
  data: Uint8Array | readonly Uint8Array[],
  partialStep?: string,
): void {
  const port = filePort();
  const fd = port.openSync(path, EXCLUSIVE, 0o666);
  try {
    const CHUNK = 1 << 20;
    for (const piece of data instanceof Uint8Array ? [data] : data) {
      let at = 0;
      while (at < piece.length) {
        at += port.writeSync(fd, piece, at, Math.min(CHUNK, piece.length - at));
        if (partialStep !== undefined) crashPoint(partialStep);
      }
    }
    port.fsyncSync(fd);
  } catch (e) {
    port.closeSync(fd);
    removeIfThere(path);
    throw e;
  }
  port.closeSync(fd);
}

/** Removes a file if it is there; missing is fine. */
export function removeIfThere(path: string): boolean {
  try {
    filePort().unlinkSync(path);
    return true;
  } catch (e) {
    if (errnoOf(e)?.code === "ENOENT") return false;
    throw e;
  }
}

export function isThere(path: string): boolean {
  try {
    filePort().lstatSync(path);
    return true;
  } catch (e) {
    if (errnoOf(e)?.code === "ENOENT") return false;
    throw e;
  }
}

const encode = (j: Journal): Uint8Array => Buffer.from(`${JSON.stringify(j, null, 1)}\n`, "utf8");

function isJournal(x: unknown): x is Journal {
  if (typeof x !== "object" || x === null) return false;
  const j = x as Partial<Journal>;
  const str = (v: unknown) => typeof v === "string";
  return (
    j.tool === "ishc" &&
    str(j.nonce) &&
    typeof j.pid === "number" &&
    str(j.host) &&
    str(j.started) &&
    (j.state === "writing" || j.state === "commit" || j.state === "rollback") &&
    str(j.primary) &&
    Array.isArray(j.locks) &&
    j.locks.every(str) &&
    Array.isArray(j.spares) &&
    j.spares.every(str) &&
    Array.isArray(j.pairs) &&
    j.pairs.every(
      (p: Partial<Pair>) =>
        str(p.target) && str(p.temp) && str(p.backup) && typeof p.existed === "boolean",
    )
  );
}

export type LockFound =
  | { readonly kind: "journal"; readonly journal: Journal }
  | { readonly kind: "damaged"; readonly why: string };

const notOurs = (lock: string, why: string): FileError =>
  new FileError(
    say(
      `Tệp khóa "${lock}" không phải của ishc hoặc đã hỏng (${why}). Nếu không còn lần chạy ishc nào ghi vào đó, hãy xóa tệp khóa rồi chạy lại.`,
      `The lock file "${lock}" is not ishc's or is damaged (${why}). If no ishc run is writing there, delete the lock file and run again.`,
    ),
  );

/** Reads a lock without following a link or waiting on a pipe; undefined when there is none. */
export function readLock(lock: string): LockFound | undefined {
  const port = filePort();
  let fd: number;
  try {
    fd = port.openSync(lock, READ_ONLY);
  } catch (e) {
    const code = errnoOf(e)?.code;
    if (code === "ENOENT") return undefined;
    if (code === "ELOOP") return { kind: "damaged", why: "symbolic link" };
    throw e;
  }
  try {
    const st = port.fstatSync(fd);
    if (!st.isFile()) return { kind: "damaged", why: "not a regular file" };
    if (st.size > 1 << 20) return { kind: "damaged", why: "too large" };
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < buf.length) {
      const n = port.readSync(fd, buf, got, buf.length - got);
      if (n === 0) break;
      got += n;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(buf.subarray(0, got).toString("utf8"));
    } catch {
      return { kind: "damaged", why: got === 0 ? "empty" : "not JSON" };
    }
    return isJournal(parsed)
      ? { kind: "journal", journal: parsed }
      : { kind: "damaged", why: "unknown content" };
  } finally {
    port.closeSync(fd);
  }
}

/** A damaged lock or one that is not ours stops the run: whose it is cannot be known. */
export function journalOrThrow(lock: string, found: LockFound): Journal {
  if (found.kind === "damaged") throw notOurs(lock, found.why);
  return found.journal;
}

/** File systems without hard links answer link() with one of these. */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EXDEV"]);

/**
 * Creates the lock with its whole content or not at all: the content goes to a new file first,
 * then link() gives it the lock's name, which fails if the name is taken (as O_EXCL does), so that
 * no run ever sees a half-written lock. Where the file system has no hard links the lock is
 * created with O_EXCL and written in one call. Returns false when another lock is there.
 */
export function tryCreateLock(target: string, journal: Journal, index: number): boolean {
  const port = filePort();
  const lock = lockPathOf(target);
  const fresh = besideName(target, "ishc-lock.tmp");
  const bytes = encode(journal);
  writeNewFile(fresh, bytes);
  crashPoint(`lock-new-${index}`);
  try {
    port.linkSync(fresh, lock);
  } catch (e) {
    removeIfThere(fresh);
    const code = errnoOf(e)?.code;
    if (code === "EEXIST") return false;
    if (code === undefined || !NO_LINKS.has(code)) throw e;
    try {
      writeNewFile(lock, bytes);
    } catch (e2) {
      if (errnoOf(e2)?.code === "EEXIST") return false;
      throw e2;
    }
    return true;
  }
  removeIfThere(fresh);
  return true;
}

/** Replaces the primary lock's content in one rename (the lock never disappears meanwhile). */
export function rewriteLock(journal: Journal, spare: string, step: string): void {
  writeNewFile(spare, encode(journal));
  crashPoint(`${step}-new`);
  filePort().renameSync(spare, journal.primary);
  syncFolder(dirname(journal.primary));
  crashPoint(step);
}

/**
 * Removes a lock only if it is still the run `nonce`'s: it is first renamed to a name of our own
 * (one atomic step, so that two runs cannot both remove it), then read there; a lock that turns
 * out to be another run's is put back with link(), which never replaces a newer one.
 */
export function removeLockOf(target: string, nonce: string): boolean {
  const port = filePort();
  const lock = lockPathOf(target);
  const aside = besideName(target, "ishc.old");
  try {
    port.renameSync(lock, aside);
  } catch (e) {
    if (errnoOf(e)?.code === "ENOENT") return false;
    throw e;
  }
  const found = readLock(aside);
  if (found?.kind === "journal" && found.journal.nonce === nonce) {
    removeIfThere(aside);
    return true;
  }
  try {
    port.linkSync(aside, lock);
  } catch {
    // Another run took the name meanwhile: its lock stands; ours was already gone.
  }
  removeIfThere(aside);
  return false;
}

/** Makes renames in a folder durable; some systems cannot open a folder, which is fine. */
export function syncFolder(dir: string): void {
  const port = filePort();
  let fd: number | undefined;
  try {
    fd = port.openSync(dir, constants.O_RDONLY);
    port.fsyncSync(fd);
  } catch {
    // Windows and some network file systems refuse to sync a folder; the rename still stands.
  } finally {
    if (fd !== undefined) port.closeSync(fd);
  }
}
