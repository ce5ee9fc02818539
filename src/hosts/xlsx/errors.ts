import { InputError } from "../../core/model/errors";
import { say } from "../../core/model/i18n";

/**
 * Limits that keep a hostile or absurd file from exhausting memory. They are checked against the
 * bytes actually inflated, because a zip's central directory can declare any size it likes.
 */
export interface XlsxLimits {
  /** Total inflated bytes across all parts read from one package. */
  readonly maxUnpackedBytes: number;
  /** Inflated bytes of any single part. */
  readonly maxPartBytes: number;
  /** Entries in the zip's central directory. */
  readonly maxEntries: number;
  /** Rows per sheet (Excel's own limit by default). */
  readonly maxRows: number;
  /** Inflated / compressed size of one entry, checked once it passes `ratioCheckFromBytes`. */
  readonly maxCompressionRatio: number;
  /** Small parts compress very well legitimately; the ratio only matters for large ones. */
  readonly ratioCheckFromBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxUnpackedBytes: 1024 * MiB,
  maxPartBytes: 512 * MiB,
  maxEntries: 10_000,
  maxRows: 1_048_576,
  maxCompressionRatio: 200,
  ratioCheckFromBytes: 10 * MiB,
};

const mb = (n: number): string => `${Math.round((n / MiB) * 10) / 10} MB`;

export function notXlsx(vi: string, en: string): InputError {
  return new InputError(
    "not-xlsx",
    say(
      `Tệp không phải là sổ làm việc Excel .xlsx: ${vi}`,
      `The file is not an Excel .xlsx workbook: ${en}`,
    ),
  );
}

export function oldXls(): InputError {
  return new InputError(
    "not-xlsx",
    say(
      "Tệp này có vẻ là định dạng Excel 97-2003 cũ (.xls). Hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).",
      "This looks like an old Excel 97-2003 file (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx).",
    ),
  );
}

export function encrypted(): InputError {
  return new InputError(
    "encrypted",
    say(
      "Tệp được bảo vệ bằng mật khẩu nên không đọc được. Hãy mở bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu) rồi lưu lại.",
      "The workbook is password-protected and cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again.",
    ),
  );
}

/** `where` names the part or structure; the reasons say what was expected. */
export function corrupt(where: string, vi: string, en: string, sheet?: string): InputError {
  return new InputError(
    "corrupt",
    say(
      `Tệp bị hỏng hoặc không đầy đủ (${where}): ${vi}`,
      `The file is damaged or incomplete (${where}): ${en}`,
    ),
    sheet,
  );
}

/** Markup the tokenizer cannot read in a part we rely on. */
export const badXml = (part: string): InputError =>
  corrupt(part, "nội dung XML không hợp lệ.", "its XML is not well-formed.");

export function tooManyEntries(count: number, limit: number): InputError {
  return new InputError(
    "too-large",
    say(
      `Tệp nén chứa ${count} thành phần, vượt giới hạn ${limit}: có thể là tệp độc hại (zip bomb).`,
      `The package holds ${count} entries, over the limit of ${limit}: it may be a zip bomb.`,
    ),
  );
}

export function tooLargePart(part: string, bytes: number, limit: number): InputError {
  return new InputError(
    "too-large",
    say(
      `Phần "${part}" giải nén ra hơn ${mb(bytes)}, vượt giới hạn ${mb(limit)} cho một phần.`,
      `Part "${part}" unpacks to more than ${mb(bytes)}, over the per-part limit of ${mb(limit)}.`,
    ),
  );
}

export function tooLargeTotal(bytes: number, limit: number): InputError {
  return new InputError(
    "too-large",
    say(
      `Dữ liệu giải nén vượt ${mb(bytes)}, quá giới hạn ${mb(limit)} cho cả tệp: có thể là tệp độc hại (zip bomb).`,
      `Unpacked data exceeds ${mb(bytes)}, over the limit of ${mb(limit)} for the whole file: it may be a zip bomb.`,
    ),
  );
}

export function tooCompressed(part: string, ratio: number, limit: number): InputError {
  return new InputError(
    "too-large",
    say(
      `Phần "${part}" bị nén gấp ${Math.round(ratio)} lần, vượt giới hạn ${limit} lần: có thể là tệp độc hại (zip bomb).`,
      `Part "${part}" expands ${Math.round(ratio)} times, over the limit of ${limit} times: it may be a zip bomb.`,
    ),
  );
}

export function tooManyRows(sheet: string, limit: number): InputError {
  return new InputError(
    "too-many-rows",
    say(
      `Trang tính "${sheet}" có nhiều hơn ${limit} dòng (giới hạn ${limit}).`,
      `Sheet "${sheet}" has more than ${limit} rows (the limit is ${limit}).`,
    ),
    sheet,
  );
}

export function missingSheet(sheet: string, existing: readonly string[]): InputError {
  const list = existing.map((n) => `"${n}"`).join(", ");
  return new InputError(
    "missing-sheet",
    say(
      `Không có trang tính tên "${sheet}". Sổ làm việc có: ${list}.`,
      `There is no sheet named "${sheet}". The workbook has: ${list}.`,
    ),
    sheet,
  );
}

/** An allocation the JS engine refused (a browser tab has far less memory than Node). */
export function outOfMemory(detail: string): InputError {
  return new InputError(
    "too-large",
    say(
      `Không đủ bộ nhớ để xử lý tệp này (${detail}).`,
      `There is not enough memory to process this file (${detail}).`,
    ),
  );
}
