import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../core/model/errors";
import { say } from "../core/model/i18n";
import { UsageError } from "./args";

/** Reads the input whole; a missing or unreadable file is an input error (exit 2). */
export function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new InputError(
      "not-xlsx",
      say(
        `Không mở được tệp "${path}" (${reason}).`,
        `Cannot open the file "${path}" (${reason}).`,
      ),
    );
  }
}

export const samePath = (a: string, b: string): boolean => resolve(a) === resolve(b);

/** Refuses targets that cannot be written before any work is done: a folder, a missing folder. */
export function checkTargets(paths: readonly string[]): void {
  paths.forEach((p, i) => {
    if (paths.slice(0, i).some((q) => samePath(p, q))) {
      throw new UsageError(`${p}: hai đầu ra cùng một tệp / two outputs name the same file`);
    }
    if (existsSync(p) && statSync(p).isDirectory()) {
      throw new UsageError(`${p}: là một thư mục / is a folder`);
    }
    if (!existsSync(dirname(resolve(p)))) {
      throw new UsageError(`${p}: thư mục chưa có / the folder does not exist`);
    }
  });
}

/**
 * Writes files so that none is ever left half-written and either all or none take their place:
 * each goes to its own temporary file beside its target; existing targets are moved aside; the
 * temporary files are renamed into place; on any failure the old files come back.
 */
export function writeAllOrNothing(
  files: ReadonlyArray<{ path: string; data: Uint8Array | string }>,
): void {
  checkTargets(files.map((f) => f.path));
  const tag = `${process.pid}.${Date.now()}`;
  const temp = (p: string, i: number, kind: string) =>
    join(dirname(p), `.${basename(p)}.${tag}.${i}.${kind}`);
  const written: string[] = [];
  const asideOf = new Map<string, string>();
  const placed: string[] = [];
  try {
    files.forEach((f, i) => {
      const tmp = temp(f.path, i, "tmp");
      written.push(tmp);
      const fd = openSync(tmp, "w");
      try {
        writeSync(fd, typeof f.data === "string" ? Buffer.from(f.data, "utf8") : f.data);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    });
    files.forEach((f, i) => {
      if (!existsSync(f.path)) return;
      const aside = temp(f.path, i, "old");
      renameSync(f.path, aside);
      asideOf.set(f.path, aside);
    });
    files.forEach((f, i) => {
      renameSync(written[i]!, f.path);
      placed.push(f.path);
    });
  } catch (e) {
    for (const p of placed) rmSync(p, { force: true });
    for (const [p, aside] of asideOf) renameSync(aside, p);
    for (const t of written) rmSync(t, { force: true });
    throw e;
  }
  for (const aside of asideOf.values()) rmSync(aside, { force: true });
}
