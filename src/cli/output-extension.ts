import { basename, extname } from "node:path";
import { LocalText, say } from "../core/model/i18n";
import { WORKBOOK_KIND, WorkbookExtension } from "../hosts/xlsx/content-types";
import { FileError } from "./file-errors";

/** Extensions Excel opens only when the content is of their kind. */
const EXCEL_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xltx", ".xltm", ".xlam", ".xlsb", ".xls"]);

/**
 * Refuses, before the check, a checked copy whose name Excel would refuse for its content: a
 * macro-enabled workbook written to "X.xlsx" keeps its macros under a name Excel will not open,
 * and dropping them instead would lose the user's work without a word. An output name with no
 * extension, or one Excel does not claim, is the user's own business (a script's temporary).
 */
export function checkOutputExtension(
  out: string,
  input: string,
  extension: WorkbookExtension,
): void {
  const kind = WORKBOOK_KIND[extension];
  refuseMismatch(
    out,
    extension,
    say(`"${basename(input)}" là ${kind.vi}`, `"${basename(input)}" is ${kind.en}`),
  );
}

/**
 * The same for `ishc merge`: the provincial workbook is always a new plain workbook (.xlsx), so
 * "--out TỈNH.xlsm" would be a file Excel refuses to open; said before any district is read.
 */
export function checkMergedOutputExtension(out: string): void {
  const kind = WORKBOOK_KIND[".xlsx"];
  refuseMismatch(out, ".xlsx", say(`Tệp gộp là ${kind.vi}`, `The merged workbook is ${kind.en}`));
}

function refuseMismatch(out: string, extension: WorkbookExtension, content: LocalText): void {
  const given = extname(out).toLowerCase();
  if (!EXCEL_EXTENSIONS.has(given) || given === extension) return;
  const suggested = `${out.slice(0, out.length - given.length)}${extension}`;
  const known = WORKBOOK_KIND[given as WorkbookExtension];
  throw new FileError(
    say(
      `${content.vi}, nhưng tệp ra "${out}" mang đuôi ${given}${known ? ` (của ${known.vi})` : ""}: Excel sẽ không mở tệp đó. Hãy đặt tên tệp ra với đuôi ${extension}, ví dụ --out "${suggested}".`,
      `${content.en}, but the output "${out}" ends in ${given}${known ? ` (for ${known.en})` : ""}: Excel would not open it. Name the output with ${extension}, e.g. --out "${suggested}".`,
    ),
  );
}
