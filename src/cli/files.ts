import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { dirname, basename, join, resolve } from "node:path";
import { InputError } from "../core/model/errors";
import { say } from "../core/model/i18n";

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

/**
 * Writes files so that none is ever left half-written: each goes to a temporary file beside its
 * target, and only when all are written are they renamed into place.
 */
export function writeAllOrNothing(
  files: ReadonlyArray<{ path: string; data: Uint8Array | string }>,
): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      temps.push(tmp);
      const fd = openSync(tmp, "w");
      try {
        writeSync(fd, typeof f.data === "string" ? Buffer.from(f.data, "utf8") : f.data);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    files.forEach((f, i) => renameSync(temps[i]!, f.path));
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e;
  }
}
