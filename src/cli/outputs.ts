import { constants } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { LocalText, say } from "../core/model/i18n";
import { UsageError } from "./args";
import { CANNOT_WRITE, FileError, NOTHING_WRITTEN, asFileError, errnoOf } from "./file-errors";
import { filePort } from "./fs-port";
import {
  Journal,
  Pair,
  crashPoint,
  holdHere,
  isLeftoverOf,
  isThere,
  journalOrThrow,
  lockPathOf,
  newJournal,
  ownerAlive,
  readLock,
  removeIfThere,
  removeLockOf,
  rewriteLock,
  syncFolder,
  tryCreateLock,
  writeNewFile,
} from "./output-lock";

/**
 * The command line's outputs (the checked copy and the report) appear together or not at all,
 * whatever happens: a kill at any instant, a full disk, two runs on the same files.
 *
 * The protocol, for outputs T0 (the primary) … Tn:
 *   1. Claim, before the check runs: each Ti must be a regular file or absent (not a folder, not a
 *      symbolic link, not a device), in a folder that exists. Each gets a lock `.Ti.ishc-lock`
 *      beside it, created exclusively (output-lock.ts); a lock held by a live run stops this one
 *      ("output is in use"); a lock left by a dead run is first recovered (below) and then taken
 *      over, with a message. Creating the lock also proves the folder can be written. Every lock
 *      holds the journal: the run, its state ("writing") and the names of everything it will create
 *      (random, unpredictable). Other hidden leftovers of Ti from a dead run are removed.
 *   2. Each output's bytes go to its temporary file beside it, created with O_EXCL|O_NOFOLLOW (a
 *      planted file or link at the name makes the run fail, never write through it), synced.
 *   3. Each old output still there gets a second name (a hard link, or a copy where links do not
 *      exist): the target keeps its old content and its name, so the old files are never left only
 *      under hidden names; the second name lets a failed step put them back.
 *   4. Commit: the primary lock is replaced in one rename by the journal in state "commit". From
 *      here the new outputs are whole on disk and the run's result is to roll forward.
 *   5. Each temporary file is renamed onto its target (rename replaces a symbolic link planted at
 *      the target, it never follows it). If one fails, the journal turns to "rollback" and the old
 *      files are put back from their second names.
 *   6. The second names are removed; the locks are removed, the primary last.
 *
 * A run that finds the lock of a dead run (its process is gone, or the computer restarted) reads
 * the state from the primary lock and finishes that run's work before its own: "writing" → its
 * temporary files and second names are removed (the old outputs never changed); "commit" → the
 * temporary files still there are renamed onto their targets (all new); "rollback" → the old files
 * are put back. Every step is safe to repeat, so a run killed while recovering is recovered again.
 * Between a kill in step 5 and the next run, the folder may show one new output and one old one;
 * the next run on either output completes it, and says so.
 */

/** A file to write: its path and bytes (strings are written as UTF-8), whole or in pieces. */
export interface OutputFile {
  readonly path: string;
  readonly data: Uint8Array | string | readonly Uint8Array[];
}

/** The steps ISHC_TEST_CRASH_AT can stop at, for a run with `n` outputs (see crashPoint). */
export function crashSteps(n: number, existed: boolean): string[] {
  const each = (name: string) => Array.from({ length: n }, (_, i) => `${name}-${i}`);
  return [
    ...each("lock-new"),
    ...each("locked"),
    ...each("temp-partial"),
    ...each("temp"),
    ...(existed ? each("backup") : []),
    "commit-new",
    "commit",
    ...each("renamed"),
    "cleaned",
    ...each("unlocked").reverse(),
  ];
}

type Notice = (text: LocalText) => void;

const samePath = (a: string, b: string): boolean => resolve(a) === resolve(b);

/** Refuses, before any work, a target that cannot be written in place of a file. */
function checkTarget(path: string): void {
  const port = filePort();
  const dir = dirname(path);
  try {
    if (!port.statSync(dir).isDirectory()) {
      throw new FileError(
        say(`"${path}": "${dir}" không phải là thư mục.`, `"${path}": "${dir}" is not a folder.`),
      );
    }
  } catch (e) {
    if (errnoOf(e)?.code === "ENOENT")
      throw new FileError(
        say(
          `"${path}": thư mục "${dir}" chưa có. Hãy tạo thư mục đó hoặc chọn thư mục khác.`,
          `"${path}": the folder does not exist: "${dir}". Create it or choose another folder.`,
        ),
      );
    throw asFileError(e, CANNOT_WRITE, path);
  }
  let st;
  try {
    st = port.lstatSync(path);
  } catch (e) {
    if (errnoOf(e)?.code === "ENOENT") return;
    throw asFileError(e, CANNOT_WRITE, path);
  }
  if (st.isDirectory())
    throw new FileError(
      say(
        `"${path}": là một thư mục; hãy ghi rõ tên tệp đầu ra.`,
        `"${path}": is a folder; give the output file's name.`,
      ),
    );
  // A link is refused rather than followed or replaced: following it writes wherever it points
  // (another folder, another user's file: the planted-link attack); replacing it silently turns
  // the user's link into a plain file while what it pointed to stays old. Neither is what a user
  // who names the link can expect, so they are asked for the real path.
  if (st.isSymbolicLink())
    throw new FileError(
      say(
        `"${path}": là một liên kết tượng trưng (symbolic link); ishc không ghi qua liên kết. Hãy ghi đường dẫn thật của tệp.`,
        `"${path}": is a symbolic link; ishc does not write through links. Give the file's real path.`,
      ),
    );
  if (!st.isFile())
    throw new FileError(
      say(
        `"${path}": không phải là tệp thường (thiết bị, ống dẫn hay socket); hãy chọn tên tệp khác.`,
        `"${path}": is not a regular file (a device, a pipe or a socket); choose another file name.`,
      ),
    );
}

function inUse(target: string, j: Journal | undefined, alive: boolean | "unknown"): FileError {
  const lock = lockPathOf(target);
  const who =
    j === undefined
      ? say("", "")
      : say(
          ` (tiến trình ${j.pid} trên máy "${j.host}", bắt đầu lúc ${j.started})`,
          ` (process ${j.pid} on "${j.host}", started ${j.started})`,
        );
  const where =
    alive === "unknown" ? say(" trên một máy khác", " on another computer") : say("", "");
  return new FileError(
    say(
      `Tệp đầu ra "${target}" đang được một lần chạy ishc khác ghi${where.vi}${who.vi}. Hãy đợi lần chạy đó xong rồi chạy lại; nếu không còn lần chạy nào, hãy xóa tệp khóa "${lock}".`,
      `The output "${target}" is in use: another ishc run is writing it${where.en}${who.en}. Wait for it to finish and run again; if no run is going on, delete the lock file "${lock}".`,
    ),
  );
}

/** Renames the temporary files still there onto their targets: the run's new outputs, all. */
function rollForward(pairs: readonly Pair[]): void {
  const port = filePort();
  pairs.forEach((p, i) => {
    if (!isThere(p.temp)) return;
    // A folder put at the target meanwhile is reported as such; a link there is replaced, never
    // followed (rename acts on the name itself).
    if (isThere(p.target) && port.lstatSync(p.target).isDirectory()) {
      throw Object.assign(new Error("EISDIR"), { code: "EISDIR", path: p.target });
    }
    port.renameSync(p.temp, p.target);
    crashPoint(`renamed-${i}`);
  });
  for (const dir of new Set(pairs.map((p) => dirname(p.target)))) syncFolder(dir);
}

/** Puts the old outputs back (from their second names) and removes the new ones this run placed. */
function rollBack(pairs: readonly Pair[]): void {
  const port = filePort();
  for (const p of pairs) {
    if (p.existed) {
      if (isThere(p.backup)) port.renameSync(p.backup, p.target);
    } else if (!isThere(p.temp) && isThere(p.target)) {
      // No old file, and the temporary file is gone: the file at the target is the one we placed.
      port.unlinkSync(p.target);
    }
  }
  for (const dir of new Set(pairs.map((p) => dirname(p.target)))) syncFolder(dir);
}

/** Removes the temporary files and second names of a run (the targets are left as they are). */
function removeScratch(j: Journal): number {
  let removed = 0;
  for (const path of [...j.pairs.flatMap((p) => [p.temp, p.backup]), ...j.spares])
    if (removeIfThere(path)) removed++;
  return removed;
}

/**
 * Whether a journal found in a lock only names files of ishc's own kind beside its outputs, with
 * one lock per output, the found one among them: a planted lock cannot make a run move other files.
 */
function wellFormed(j: Journal, foundAt: string): boolean {
  const beside = (target: string, path: string) =>
    dirname(path) === dirname(target) && isLeftoverOf(target, basename(path));
  const first = j.pairs[0];
  return (
    first !== undefined &&
    j.locks.length === j.pairs.length &&
    j.locks.includes(foundAt) &&
    j.primary === j.locks[0] &&
    j.pairs.every(
      (p, i) =>
        resolve(p.target) === p.target &&
        j.locks[i] === lockPathOf(p.target) &&
        beside(p.target, p.temp) &&
        beside(p.target, p.backup),
    ) &&
    j.spares.every((s) => beside(first.target, s))
  );
}

const notIshcLock = (lock: string): FileError =>
  new FileError(
    say(
      `Tệp khóa "${lock}" không phải do ishc tạo ra (nó nêu những tệp không thuộc đầu ra này). Hãy xem và xóa nó rồi chạy lại.`,
      `The lock file "${lock}" was not made by ishc (it names files that are not this output's). Look at it, delete it and run again.`,
    ),
  );

const listOf = (j: Journal) => j.pairs.map((p) => `"${p.target}"`).join(", ");

/**
 * Finishes what a dead run left (its state from the primary lock), then removes its locks.
 * `found` is the lock found at `target`.
 */
function recover(found: Journal, foundAt: string, notice: Notice): void {
  if (!wellFormed(found, foundAt)) throw notIshcLock(foundAt);
  let j = found;
  let primaryGone = false;
  const primary = readLock(found.primary);
  if (primary?.kind === "journal" && primary.journal.nonce === found.nonce) {
    if (!wellFormed(primary.journal, found.primary)) throw notIshcLock(found.primary);
    j = primary.journal;
  } else primaryGone = true;
  const state = primaryGone ? "writing" : j.state;
  if (state === "commit") rollForward(j.pairs);
  if (state === "rollback") rollBack(j.pairs);
  const removed = removeScratch(j);
  // Secondaries first, the primary (which holds the state) last, as a finishing run does.
  for (let i = j.locks.length - 1; i >= 0; i--) removeLockOf(j.pairs[i]!.target, j.nonce);
  const outcome =
    state === "commit"
      ? say(
          "các tệp mới của lần chạy đó đã được đặt vào chỗ, đủ cả",
          "its new files have now been put in place, all of them",
        )
      : state === "rollback"
        ? say("các tệp cũ đã được khôi phục", "the old files have been restored")
        : removed === 0
          ? say(
              "nó chưa ghi gì; các tệp cũ vẫn như trước",
              "it had written nothing yet; the old files are as they were",
            )
          : say(
              "các tệp tạm của nó đã được xóa; các tệp cũ vẫn như trước",
              "its temporary files were removed; the old files are as they were",
            );
  notice(
    say(
      `Một lần chạy ishc trước (tiến trình ${j.pid}, bắt đầu lúc ${j.started}) đã dừng giữa chừng khi ghi ${listOf(j)}: ${outcome.vi}.`,
      `An earlier ishc run (process ${j.pid}, started ${j.started}) stopped while writing ${listOf(j)}: ${outcome.en}.`,
    ),
  );
}

/** Removes hidden files a dead run left beside `target` outside any journal (we hold its lock). */
function removeLeftovers(target: string, notice: Notice): void {
  const port = filePort();
  const dir = dirname(target);
  let names: string[];
  try {
    names = port.readdirSync(dir);
  } catch {
    return;
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!isLeftoverOf(target, name)) continue;
    const path = join(dir, name);
    if (name.endsWith(".ishc-lock.tmp")) {
      // A run about to take the lock writes this first: only a dead run's is removed.
      const found = readLock(path);
      if (found?.kind === "journal" && ownerAlive(found.journal) !== false) continue;
    }
    if (removeIfThere(path)) removed.push(name);
  }
  if (removed.length > 0)
    notice(
      say(
        `Đã xóa tệp tạm do một lần chạy trước bỏ lại bên cạnh "${target}": ${removed.join(", ")}.`,
        `Removed temporary files an earlier run left beside "${target}": ${removed.join(", ")}.`,
      ),
    );
}

/** Claimed outputs: locked, checked, recovered; written by write(), unlocked by release(). */
export class Outputs {
  private journal: Journal;
  private readonly held: boolean[];
  private keepLocks = false;

  private constructor(journal: Journal) {
    this.journal = journal;
    this.held = journal.pairs.map(() => false);
    holdHere(journal.nonce, true);
  }

  /**
   * Checks and locks the outputs before any work (step 1 above). Throws FileError (exit 2) when
   * one cannot be written or is in use; `notice` hears what was recovered from a dead run.
   */
  static claim(paths: readonly string[], notice: Notice): Outputs {
    paths.forEach((p, i) => {
      if (paths.slice(0, i).some((q) => samePath(p, q)))
        throw new UsageError(`${p}: hai đầu ra cùng một tệp / two outputs name the same file`);
    });
    const targets = paths.map((p) => resolve(p));
    targets.forEach(checkTarget);
    const outputs = new Outputs(newJournal(targets));
    try {
      targets.forEach((t, i) => outputs.lock(t, i, notice));
      targets.forEach((t) => removeLeftovers(t, notice));
    } catch (e) {
      outputs.release();
      throw asFileError(e, CANNOT_WRITE, lockPathOf(targets[0]!));
    }
    return outputs;
  }

  private lock(target: string, index: number, notice: Notice): void {
    for (let attempt = 0; attempt < 5; attempt++) {
      let created: boolean;
      try {
        created = tryCreateLock(target, this.journal, index);
      } catch (e) {
        throw asFileError(e, CANNOT_WRITE, target, NOTHING_WRITTEN);
      }
      if (created) {
        this.held[index] = true;
        crashPoint(`locked-${index}`);
        return;
      }
      const found = readLock(lockPathOf(target));
      if (found === undefined) continue;
      const other = journalOrThrow(lockPathOf(target), found);
      const alive = ownerAlive(other);
      if (alive !== false) throw inUse(target, other, alive);
      recover(other, lockPathOf(target), notice);
    }
    throw inUse(target, undefined, true);
  }

  /** Writes every output, all or none (steps 2 to 6); the paths are those claimed, in order. */
  write(files: readonly OutputFile[]): void {
    const j = this.journal;
    if (
      files.length !== j.pairs.length ||
      files.some((f, i) => resolve(f.path) !== j.pairs[i]!.target)
    )
      throw new Error("Outputs.write: the files differ from the claimed outputs");
    const data = files.map((f): readonly Uint8Array[] =>
      typeof f.data === "string"
        ? [Buffer.from(f.data, "utf8")]
        : f.data instanceof Uint8Array
          ? [f.data]
          : f.data,
    );
    let pairs: Pair[] = [...j.pairs];
    let doing = pairs[0]!.target;
    try {
      this.checkSpace(data);
      pairs.forEach((p, i) => {
        doing = p.target;
        writeNewFile(p.temp, data[i]!, `temp-partial-${i}`);
        crashPoint(`temp-${i}`);
      });
      pairs = pairs.map((p, i) => {
        doing = p.target;
        const existed = this.keepOld(p, i);
        return { ...p, existed };
      });
      doing = j.primary;
      this.journal = { ...j, state: "commit", pairs };
      rewriteLock(this.journal, j.spares[0]!, "commit");
    } catch (e) {
      removeScratch(this.journal);
      throw asFileError(e, CANNOT_WRITE, doing, NOTHING_WRITTEN);
    }
    try {
      rollForward(pairs);
    } catch (e) {
      this.undo(e);
    }
    // The outputs are in place: a second name that cannot be removed now is only a leftover,
    // which the next run on these outputs removes (removeLeftovers), not a failure of this one.
    for (const p of pairs) {
      try {
        removeIfThere(p.backup);
      } catch {
        // See above.
      }
    }
    crashPoint("cleaned");
  }

  /** Before writing: a disk that cannot hold the outputs is said so, and nothing is written. */
  private checkSpace(data: readonly (readonly Uint8Array[])[]): void {
    const byFolder = new Map<string, number>();
    this.journal.pairs.forEach((p, i) => {
      const dir = dirname(p.target);
      const size = data[i]!.reduce((n, piece) => n + piece.length, 0);
      byFolder.set(dir, (byFolder.get(dir) ?? 0) + size);
    });
    for (const [dir, bytes] of byFolder) {
      const free = filePort().freeBytes(dir);
      if (free !== undefined && free < bytes)
        throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC", path: dir });
    }
  }

  /** Gives the old output a second name (step 3); false when there was none. */
  private keepOld(p: Pair, i: number): boolean {
    const port = filePort();
    let st;
    try {
      st = port.lstatSync(p.target);
    } catch (e) {
      if (errnoOf(e)?.code === "ENOENT") return false;
      throw e;
    }
    if (!st.isFile()) checkTarget(p.target);
    try {
      port.linkSync(p.target, p.backup);
    } catch (e) {
      if (errnoOf(e)?.code === "EEXIST") throw e;
      port.copyFileSync(p.target, p.backup, constants.COPYFILE_EXCL);
    }
    crashPoint(`backup-${i}`);
    return true;
  }

  /** A rename failed after the commit: the old files are put back, or the user is told which are new. */
  private undo(cause: unknown): never {
    const j: Journal = { ...this.journal, state: "rollback" };
    const failed = errnoOf(cause)?.path ?? j.primary;
    try {
      try {
        rewriteLock(j, j.spares[1]!, "rollback");
        this.journal = j;
      } catch {
        // The rollback is done in any case; the journal only matters if this run dies now.
      }
      rollBack(j.pairs);
      removeScratch(j);
    } catch (e) {
      // The next run will finish this one from its journal (the locks are left for it).
      this.keepLocks = true;
      throw asFileError(
        e,
        CANNOT_WRITE,
        failed,
        say(
          `Các tệp đầu ra có thể không cùng một lần chạy: hãy chạy lại ishc trên cùng các tệp, lần chạy đó sẽ hoàn tất (${listOf(j)}).`,
          `The outputs may not come from the same run: run ishc again on the same files, which completes it (${listOf(j)}).`,
        ),
      );
    }
    throw asFileError(cause, CANNOT_WRITE, failed, NOTHING_WRITTEN);
  }

  /**
   * Removes this run's locks (step 6): the secondaries first, the primary last. Never throws (it
   * runs in `finally`, where it would hide the error that stopped the run): a lock it cannot remove
   * is left with this run's process number, and the next run takes it over as a dead run's.
   */
  release(): void {
    // Kept locks (see undo) are a dead run's for the next run, in this process too.
    holdHere(this.journal.nonce, false);
    if (this.keepLocks) return;
    for (let i = this.held.length - 1; i >= 0; i--) {
      if (!this.held[i]) continue;
      try {
        removeLockOf(this.journal.pairs[i]!.target, this.journal.nonce);
      } catch {
        // Left for the next run, as said above.
      }
      this.held[i] = false;
      crashPoint(`unlocked-${i}`);
    }
  }
}

/** Claims, writes and releases in one call, for outputs produced before the claim. */
export function writeAllOrNothing(files: readonly OutputFile[], notice: Notice = () => {}): void {
  const outputs = Outputs.claim(
    files.map((f) => f.path),
    notice,
  );
  try {
    outputs.write(files);
  } finally {
    outputs.release();
  }
}
