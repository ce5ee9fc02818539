import { LocalText, say } from "../core/model/i18n";

/**
 * A file the command line cannot read or write, said in both languages with its path and what to
 * do: exit 2, like an input that cannot be read (README, "Exit status"), and never a stack trace.
 */
export class FileError extends Error {
  readonly text: LocalText;

  constructor(text: LocalText) {
    super(`${text.vi} / ${text.en}`);
    this.name = "FileError";
    this.text = text;
  }
}

/** A Node error from a system call: its code ("EACCES") and the path it was about, when known. */
export function errnoOf(e: unknown): { code: string; path?: string } | undefined {
  // Not `instanceof Error`: Node's errors may come from another realm (a vm, jest's sandbox).
  if (typeof e !== "object" || e === null) return undefined;
  const { code, path } = e as NodeJS.ErrnoException;
  if (typeof code !== "string" || !/^E[A-Z0-9]+$/.test(code)) return undefined;
  return path === undefined ? { code } : { code, path };
}

/** What a system error means and what the user can do about it, by code. */
const REASONS: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  EACCES: [
    "không có quyền (hãy chọn thư mục khác hoặc xin quyền ghi/đọc)",
    "permission denied (choose another folder, or ask for the right to read or write it)",
  ],
  EPERM: [
    "không được phép (tệp hoặc thư mục bị khóa, chỉ đọc, hoặc của người dùng khác)",
    "operation not permitted (the file or folder is locked, read-only, or another user's)",
  ],
  EROFS: [
    "ổ đĩa chỉ cho đọc (hãy chọn thư mục trên ổ đĩa khác)",
    "the disk is read-only (choose a folder on another disk)",
  ],
  ENOSPC: [
    "ổ đĩa đã đầy (hãy giải phóng chỗ trống hoặc chọn ổ đĩa khác)",
    "the disk is full (free some space or choose another disk)",
  ],
  EDQUOT: [
    "đã hết hạn mức dung lượng của người dùng (hãy giải phóng chỗ trống hoặc chọn ổ đĩa khác)",
    "the user's disk quota is used up (free some space or choose another disk)",
  ],
  ENOENT: [
    "không có tệp hoặc thư mục này (hãy kiểm tra đường dẫn)",
    "no such file or folder (check the path)",
  ],
  ENOTDIR: [
    "một phần của đường dẫn không phải là thư mục (hãy kiểm tra đường dẫn)",
    "a part of the path is not a folder (check the path)",
  ],
  EISDIR: [
    "đó là một thư mục, không phải tệp (hãy ghi rõ tên tệp)",
    "it is a folder, not a file (give a file name)",
  ],
  EEXIST: [
    "đã có một tệp hoặc thư mục mang tên này (hãy chọn tên khác, hoặc chạy lại nếu đó là tên tạm)",
    "a file or folder of that name is already there (choose another name, or run again if it is a temporary one)",
  ],
  ELOOP: [
    "gặp liên kết tượng trưng (symbolic link) nơi không được phép có (hãy dùng đường dẫn thật)",
    "met a symbolic link where none is allowed (give the real path)",
  ],
  EMFILE: [
    "quá nhiều tệp đang mở (hãy đóng bớt chương trình rồi chạy lại)",
    "too many open files (close some programs and run it again)",
  ],
  ENFILE: [
    "hệ thống đang mở quá nhiều tệp (hãy đóng bớt chương trình rồi chạy lại)",
    "the system has too many open files (close some programs and run it again)",
  ],
  EBUSY: [
    "tệp đang được chương trình khác dùng (hãy đóng tệp, ví dụ trong Excel, rồi chạy lại)",
    "the file is in use by another program (close it, for example in Excel, and run it again)",
  ],
  ETXTBSY: [
    "tệp đang được chương trình khác dùng (hãy đóng tệp rồi chạy lại)",
    "the file is in use by another program (close it and run it again)",
  ],
  ENAMETOOLONG: [
    "đường dẫn quá dài (hãy chọn tên hoặc thư mục ngắn hơn)",
    "the path is too long (choose a shorter name or folder)",
  ],
  EIO: [
    "lỗi đọc/ghi của ổ đĩa (hãy kiểm tra ổ đĩa hoặc chọn ổ đĩa khác)",
    "the disk reported an input/output error (check it or choose another disk)",
  ],
  EXDEV: [
    "tệp tạm và tệp đích nằm trên hai ổ đĩa khác nhau",
    "the temporary file and the target are on different disks",
  ],
  EFBIG: [
    "tệp quá lớn cho ổ đĩa này (hãy chọn ổ đĩa khác)",
    "the file is too large for this disk (choose another disk)",
  ],
};

/** The reason of a system error code, in both languages; an unknown code is named as it is. */
export function reasonOf(code: string, message = ""): LocalText {
  const known = REASONS[code];
  if (known !== undefined) return say(`${known[0]} [${code}]`, `${known[1]} [${code}]`);
  const detail = message === "" ? code : message;
  return say(`lỗi hệ thống: ${detail}`, `system error: ${detail}`);
}

/**
 * A system error met while doing `doing` on `path`, as a FileError saying the reason, and `after`
 * (what the user's files are like now, e.g. "nothing was written"); other errors are returned as
 * they are.
 */
export function asFileError(
  e: unknown,
  doing: LocalText,
  path: string,
  after?: LocalText,
): unknown {
  if (e instanceof FileError) return e;
  const errno = errnoOf(e);
  if (errno === undefined) return e;
  const reason = reasonOf(errno.code, String((e as { message?: unknown }).message ?? ""));
  const other = errno.path !== undefined && errno.path !== path ? errno.path : undefined;
  const at = (lang: "vi" | "en") =>
    other === undefined ? "" : lang === "vi" ? ` (tại "${other}")` : ` (at "${other}")`;
  const tail = (lang: "vi" | "en") => (after === undefined ? "" : ` ${after[lang]}`);
  return new FileError(
    say(
      `${doing.vi} "${path}": ${reason.vi}${at("vi")}.${tail("vi")}`,
      `${doing.en} "${path}": ${reason.en}${at("en")}.${tail("en")}`,
    ),
  );
}

export const CANNOT_WRITE = say("Không ghi được", "Cannot write");
export const CANNOT_READ = say("Không đọc được", "Cannot read");
export const NOTHING_WRITTEN = say(
  "Chưa ghi gì: các tệp cũ vẫn như trước.",
  "Nothing was written: the old files are as they were.",
);
