import { InputError } from "../../core/model/errors";
import { LocalText, say } from "../../core/model/i18n";
import { FileKind, Separator } from "./file-kind";

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

/** The way out for a spreadsheet in another format: Excel, LibreOffice or WPS saves it as .xlsx. */
const saveAs = (vi = "Hãy mở tệp", en = "Open it"): LocalText =>
  say(
    `${vi} bằng Excel, LibreOffice hoặc WPS rồi "Lưu như" (Save As) kiểu Sổ làm việc Excel (.xlsx); với LibreOffice: Tệp > Lưu như (File > Save As), kiểu "Excel 2007-365 (.xlsx)".`,
    `${en} in Excel, LibreOffice or WPS and "Save As" an Excel Workbook (.xlsx); in LibreOffice: File > Save As, type "Excel 2007-365 (.xlsx)".`,
  );
const SAVE_AS = saveAs();

/** For what is no spreadsheet at all. */
const CHOOSE = say(
  "Hãy chọn tệp sổ làm việc Excel (.xlsx) của sổ theo dõi.",
  "Choose the register's Excel workbook (.xlsx) instead.",
);

const SEPARATOR: Record<Separator, LocalText> = {
  ",": say(', phân cách bằng dấu phẩy ","', ', separated by commas ","'),
  ";": say(', phân cách bằng dấu chấm phẩy ";"', ', separated by semicolons ";"'),
  "\t": say(", phân cách bằng dấu tab", ", separated by tabs"),
};

const EXTRACT = say(
  "Hãy giải nén rồi chọn tệp .xlsx bên trong.",
  "Extract it and choose the .xlsx workbook inside.",
);

/** What a file is, in Vietnamese and English, and the way out that follows, if another. */
type Told = readonly [vi: string, en: string, next?: LocalText];
type Kind = Exclude<FileKind["kind"], "encrypted">;

const TOLD: { readonly [K in Kind]: (k: Extract<FileKind, { kind: K }>) => Told } = {
  empty: () => [
    "tệp trống (0 byte). Có thể tệp chưa tải xuống hoặc chưa sao chép xong: hãy chọn lại tệp .xlsx.",
    "it is empty (0 bytes). It may not have finished downloading or copying: choose the .xlsx workbook again.",
  ],
  text: (k) => [
    `đây là tệp văn bản (CSV${k.separator ? SEPARATOR[k.separator].vi : ""}) xuất từ bảng tính. Dạng này chỉ giữ một trang tính và không giữ định dạng, còn công cụ cần cả sổ làm việc lưu dưới dạng .xlsx:`,
    `it is a text (CSV${k.separator ? SEPARATOR[k.separator].en : ""}) export. A CSV keeps only one sheet and no formats, and the tool needs the whole workbook saved as .xlsx:`,
    saveAs(
      "hãy dùng sổ làm việc gốc nếu còn, hoặc mở tệp này",
      "use the original workbook if you still have it, or open this file",
    ),
  ],
  xls: () => [
    "đây là sổ làm việc Excel 97-2003 cũ (.xls).",
    "it is an old Excel 97-2003 workbook (.xls).",
    SAVE_AS,
  ],
  xlsb: () => [
    "đây là sổ làm việc Excel nhị phân (.xlsb), công cụ chỉ đọc được .xlsx.",
    "it is a binary Excel workbook (.xlsb), and the tool reads only .xlsx.",
    SAVE_AS,
  ],
  ods: () => [
    "đây là bảng tính OpenDocument (.ods) của LibreOffice hoặc WPS.",
    "it is an OpenDocument spreadsheet (.ods) from LibreOffice or WPS.",
    SAVE_AS,
  ],
  html: () => [
    "đây là trang web (HTML) mang tên bảng tính, do một chương trình cũ hoặc một phần mềm khác xuất ra.",
    "it is a web page (HTML) named as a spreadsheet, saved by an old program or exported by another application.",
    SAVE_AS,
  ],
  "xml-2003": () => [
    "đây là bảng tính XML 2003 (XML Spreadsheet 2003) do một chương trình cũ lưu.",
    "it is an XML 2003 spreadsheet (XML Spreadsheet 2003) saved by an old program.",
    SAVE_AS,
  ],
  xml: () => [
    "đây là tệp dữ liệu XML, không phải sổ làm việc. Nếu đó là bảng tính:",
    "it is an XML data file, not a workbook. If it holds a spreadsheet:",
    SAVE_AS,
  ],
  pdf: () => [
    "đây là tài liệu PDF, không phải bảng tính (PDF không chuyển lại thành sổ làm việc được).",
    "it is a PDF document, not a spreadsheet (a PDF cannot be turned back into a workbook).",
    CHOOSE,
  ],
  image: (k) => [
    `đây là tệp ảnh (${k.format}), không phải bảng tính.`,
    `it is an image (${k.format}), not a spreadsheet.`,
    CHOOSE,
  ],
  document: (k) => [
    `đây là tài liệu văn bản hoặc trình chiếu (${k.format}), không phải bảng tính.`,
    `it is a text or slides document (${k.format}), not a spreadsheet.`,
    CHOOSE,
  ],
  archive: (k) => [
    `đây là tệp nén (${k.format}).`,
    `it is a compressed archive (${k.format}).`,
    EXTRACT,
  ],
  "zip-archive": (k) => [
    `đây là tệp nén ZIP chứa các tệp khác${k.inside ? ` (có "${k.inside}")` : ""}, không phải sổ làm việc.`,
    `it is a ZIP archive of other files${k.inside ? ` (it holds "${k.inside}")` : ""}, not a workbook.`,
    EXTRACT,
  ],
  zip: () => TOLD.binary({ kind: "binary" }),
  binary: () => [
    "không nhận ra định dạng của tệp; đây không phải bảng tính.",
    "its format is not recognised; it is not a spreadsheet.",
    CHOOSE,
  ],
};

/** Says what a file that is not an .xlsx is (fileKind, packageKind) and how to make one of it. */
export function wrongFormat(kind: FileKind): InputError {
  if (kind.kind === "encrypted") return encrypted();
  const [vi, en, next] = (TOLD[kind.kind] as (k: FileKind) => Told)(kind);
  return notXlsx(next ? `${vi} ${next.vi}` : vi, next ? `${en} ${next.en}` : en);
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
