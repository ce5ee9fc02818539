import { constants, Stats } from "node:fs";
import { resolve } from "node:path";
import { InputError } from "../core/model/errors";
import { say } from "../core/model/i18n";
import { formatDecimal } from "../core/text/numbers";
import { errnoOf, reasonOf } from "./file-errors";
import { filePort } from "./fs-port";
import { PackageSource } from "../hosts/xlsx";

/**
 * The input side of the command line's files. An input is read whole into memory, so it is first
 * made sure to be a regular file of bounded size: a device (/dev/zero), a pipe or a folder would be
 * read without end or hang. The size cap is the unpacked-size limit (`--max-unpacked-mb`, 1 GB by
 * default): every byte of a package is a part's compressed data or a header, and a part is never
 * stored larger than it unpacks beyond a few bytes of framing, so a workbook within the limit is
 * always smaller than the limit itself (a real one is 5-10 times smaller); a bigger file would be
 * refused by the reader anyway, after its reading had cost its whole size in memory.
 */

export const samePath = (a: string, b: string): boolean => resolve(a) === resolve(b);

/** Whether two paths name one file, by identity (a second name through a link or `..` counts). */
export function sameFile(a: string, b: string): boolean {
  if (samePath(a, b)) return true;
  try {
    const x = filePort().statSync(a);
    const y = filePort().statSync(b);
    return x.dev === y.dev && x.ino === y.ino && x.ino !== 0;
  } catch {
    return false;
  }
}

const MiB = 2 ** 20;
const mb = (bytes: number, lang: "vi" | "en") => `${formatDecimal(bytes / MiB, lang)} MB`;

function cannotOpen(path: string, e: unknown): InputError {
  const errno = errnoOf(e);
  const reason = errno === undefined ? say(String(e), String(e)) : reasonOf(errno.code);
  return new InputError(
    "not-xlsx",
    say(
      `Không mở được tệp "${path}": ${reason.vi}.`,
      `Cannot open the file "${path}": ${reason.en}.`,
    ),
  );
}

/** What a file that is not a regular file is, in both languages. */
function kindOf(st: Stats): readonly [vi: string, en: string] {
  if (st.isDirectory()) return ["một thư mục", "a folder"];
  if (st.isFIFO()) return ["một ống dẫn (FIFO)", "a named pipe (FIFO)"];
  if (st.isSocket()) return ["một socket", "a socket"];
  if (st.isCharacterDevice() || st.isBlockDevice()) return ["một thiết bị", "a device"];
  return ["không phải tệp thường", "not a regular file"];
}

/** What an input is for, in messages: a workbook, or the JSON file of an option. */
type What = "workbook" | "json";

/** Refuses what is not a regular file of at most `maxBytes`, before anything is read. */
function checkInputStats(path: string, st: Stats, maxBytes: number, what: What): void {
  if (!st.isFile()) {
    const [vi, en] = kindOf(st);
    throw new InputError(
      "not-xlsx",
      what === "workbook"
        ? say(
            `"${path}" là ${vi}, không phải tệp sổ làm việc: ishc chỉ đọc tệp thường. Hãy chọn tệp .xlsx.`,
            `"${path}" is ${en}, not a workbook file: ishc reads regular files only. Choose the .xlsx file.`,
          )
        : say(
            `"${path}" là ${vi}, không phải tệp JSON: ishc chỉ đọc tệp thường.`,
            `"${path}" is ${en}, not a JSON file: ishc reads regular files only.`,
          ),
    );
  }
  if (st.size > maxBytes) {
    throw new InputError(
      "too-large",
      say(
        `Tệp "${path}" nặng ${mb(st.size, "vi")}, vượt giới hạn ${mb(maxBytes, "vi")} (--max-unpacked-mb): một sổ làm việc không thể lớn hơn dữ liệu nó giải nén ra. Nếu tệp đúng là sổ theo dõi, hãy nâng giới hạn.`,
        `The file "${path}" is ${mb(st.size, "en")}, over the limit of ${mb(maxBytes, "en")} (--max-unpacked-mb): a workbook is never larger than what it unpacks to. If it is the register indeed, raise the limit.`,
      ),
    );
  }
}

/**
 * Checks an input without opening it (merge checks all its files before reading the first):
 * there, a regular file, within the size limit. Throws InputError (exit 2).
 */
export function checkInput(path: string, maxBytes: number, what: What = "workbook"): void {
  let st: Stats;
  try {
    st = filePort().statSync(path);
  } catch (e) {
    throw cannotOpen(path, e);
  }
  checkInputStats(path, st, maxBytes, what);
}

/**
 * Reads the input whole, at most `maxBytes`. It is checked before opening (a device or a pipe is
 * never opened) and again through the opened file (the name may have changed meanwhile); a pipe
 * is opened without waiting for a writer. Unreadable input is an InputError (exit 2).
 */
export function readInput(path: string, maxBytes: number, what: What = "workbook"): Uint8Array {
  const file = openInput(path, maxBytes, what);
  try {
    return file.take();
  } finally {
    file.close();
  }
}

/**
 * readInput, the file kept open: its bytes are taken once (InputFile.take), and ranges of it read
 * again until it is closed (the package lets go of its bytes while the check runs, Package.rest).
 */
export function openInput(path: string, maxBytes: number, what: What = "workbook"): InputFile {
  const port = filePort();
  checkInput(path, maxBytes, what);
  let fd: number;
  try {
    fd = port.openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw cannotOpen(path, e);
  }
  try {
    const st = port.fstatSync(fd);
    checkInputStats(path, st, maxBytes, what);
    // Exactly the size the file had when opened: a file that grows meanwhile is read up to it.
    // In shared memory, so that a worker thread reads the package where it lies (nodeRecompress).
    const bytes = readAt(fd, 0, st.size);
    return new InputFile(path, fd, st, bytes);
  } catch (e) {
    port.closeSync(fd);
    if (e instanceof InputError) throw e;
    throw cannotOpen(path, e);
  }
}

/** Up to `length` bytes from `position`, in shared memory; fewer only at the file's end. */
function readAt(fd: number, position: number, length: number): Uint8Array {
  const bytes = Buffer.from(new SharedArrayBuffer(length));
  let got = 0;
  while (got < length) {
    const n = filePort().readSync(fd, bytes, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return bytes.subarray(0, got);
}

/**
 * The input, open from its reading to the writing of its copy. A range is read again only from the
 * file as it was read whole: same file, size and modification time, or an InputError ("changed":
 * exit 2, nothing written) says it changed meanwhile. A file saved over by another name (a rename,
 * as most programs save) is still the one read: it stays open.
 */
export class InputFile implements PackageSource {
  private bytes: Uint8Array | undefined;
  private open = true;

  constructor(
    private readonly path: string,
    private readonly fd: number,
    private readonly stat: Stats,
    bytes: Uint8Array,
  ) {
    this.bytes = bytes;
  }

  /** The bytes read when it was opened, handed over once: this object keeps no hold on them. */
  take(): Uint8Array {
    const bytes = this.bytes;
    if (!bytes) throw new Error(`The bytes of ${this.path} were already taken`);
    this.bytes = undefined;
    return bytes;
  }

  read(begin: number, end: number): Uint8Array {
    if (!this.open) throw new Error(`${this.path} is closed`);
    let now: Stats;
    try {
      now = filePort().fstatSync(this.fd);
    } catch (e) {
      throw cannotOpen(this.path, e);
    }
    const was = this.stat;
    const same =
      now.dev === was.dev &&
      now.ino === was.ino &&
      now.size === was.size &&
      now.mtimeMs === was.mtimeMs &&
      begin >= 0 &&
      end <= was.size;
    const bytes = same ? readAt(this.fd, begin, end - begin) : undefined;
    if (!bytes || bytes.length !== end - begin) throw changed(this.path);
    return bytes;
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    filePort().closeSync(this.fd);
  }
}

function changed(path: string): InputError {
  return new InputError(
    "changed",
    say(
      `Tệp "${path}" đã thay đổi trong khi đang kiểm tra: không ghi gì cả. Hãy chạy lại.`,
      `The file "${path}" changed while it was being checked: nothing was written. Run it again.`,
    ),
  );
}

/** The JSON files of `--settings` and `--mapping` are a few KB; 16 MB is far beyond any. */
const MAX_OPTION_FILE = 16 * MiB;

/** Reads the text of an option's file (`--settings`, `--mapping`) under the same checks. */
export function readOptionFile(path: string): string {
  return Buffer.from(readInput(path, MAX_OPTION_FILE, "json")).toString("utf8");
}
