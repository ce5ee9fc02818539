import { cellValues, DENSE_WIDTH, findCell, RawRow, RawSheet, RawValue } from "../model/cells";
import { SheetSpec } from "../sheets/specs";
import { cleanText, foldDiacritics, isBlank } from "../text/normalize";
import { HeaderMatch } from "./header";
import { fieldsNamedBy } from "./header-lookup";

/**
 * Rows inside a register's table that hold no record: totals, the row of column numbers printed
 * under a form's header ("(1)", "(2)", …), the header typed again for page 2, group labels inside a
 * club ("Tổ 2 - thôn 1", "Nhóm 3"), and the signature block under the table ("Vũ Quang, ngày 31
 * tháng 12 năm 2025", "NGƯỜI LẬP BIỂU"), after which nothing is data.
 */
export type RowKind = "total" | "numbering" | "header" | "group" | "footer";

/**
 * A total's words, folded, then perhaps what it totals: "Cộng", "Cộng I", "Cộng (II)", "Cộng CLB
 * xã Đức Giang" (a section's subtotal), "Tổng cộng:", "Cộng: 57 người", "Tổng số: 346 người",
 * "Tổng cộng: 06 CLB".
 */
const TOTAL_TEXT =
  /^(?:tong cong|cong|tong|tong so|total|sum)(?: (?:[ivxlc]{1,6}|\d{1,6}(?: (?:nguoi|thanh vien|hoi vien|clb|cau lac bo|ho))?|clb .*|cau lac bo .*))?$/;
const TOTAL_INITIALS = new Set(["t", "c", "s"]);
/** A second letter that is plain and neither o nor u: no total word ("Trần", "Thị", "Chu"). */
const PLAIN_NOT_O_OR_U = /^.[a-np-tv-z]/i;
/** "Tổ 2", "Tổ số 3 - thôn 1", "Nhóm 3", "Chi hội II": a group inside a club, numbered. */
const GROUP_LABEL = /^(?:to|nhom|chi hoi|doi)(?: so)? (?:\d{1,3}|[ivxlc]{1,6})(?:$| |[-:.,])/;
/** A numbering cell before a label ("2", "II", "a"). */
const NUMBERING_CELL = /^(?:[ivxlc]{1,6}|\d{1,3}|[a-z])[.)]?$/;
/** The place and date above the signatures, and the signature block's own words. */
const FOOTER =
  /(?:^|, )ngay \d{1,2} thang \d{1,2} nam \d{4}|^(?:nguoi lap(?: bieu| danh sach)?|(?:ky|ky ten),? ghi ro ho ten|xac nhan cua|t ?\/ ?m |tm |thu truong|chu tich|chu nhiem clb|truong ban|ke toan)\b/;

/** A row holding a label alone, after a numbering cell at most: a section, a group, a footer. */
export interface LabelRow {
  /** The row's one or two non-empty cells, as text. */
  readonly cells: readonly { readonly text: string; readonly number: boolean }[];
  /** Two cells, the first a numbering cell ("2", "II.", "a)"). */
  readonly numbered: boolean;
}

/**
 * The row's cells when it has one or two non-empty cells, else undefined. Runs on every row: a
 * record has more than two cells, counted before any text is cleaned.
 */
export function labelRow(row: RawRow | undefined): LabelRow | undefined {
  const filled = fewCells(row);
  if (filled === undefined) return undefined;
  const cells = filled.map((v) => ({ text: cleanText(v), number: typeof v === "number" }));
  const numbered = cells.length === 2 && NUMBERING_CELL.test(foldDiacritics(cells[0]!.text));
  return { cells, numbered };
}

/**
 * The row's cells to walk in a plain loop, left to right: a register's row as it is (its holes are
 * undefined), a sparse row's values alone (see DENSE_WIDTH). The row kinds run on every row, and a
 * closure per row to walk it with (someCell) was garbage per row.
 */
const walked = (row: RawRow): ReadonlyArray<RawValue | undefined> =>
  row.length > DENSE_WIDTH ? cellValues(row) : row;

const notEmpty = (v: RawValue | undefined): v is RawValue =>
  v !== undefined && v !== null && v !== "";

/**
 * The row's one or two non-empty cells, else undefined. Counted as they are met: a record is no
 * label, and stops at its third cell.
 */
function fewCells(row: RawRow | undefined): RawValue[] | undefined {
  if (!row) return undefined;
  const cells = walked(row);
  let first: RawValue | undefined;
  let second: RawValue | undefined;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (!notEmpty(v)) continue;
    if (first === undefined) first = v;
    else if (second === undefined) second = v;
    else return undefined;
  }
  return first === undefined ? undefined : second === undefined ? [first] : [first, second];
}

/**
 * The cell that tells a total: the first text cell (numbers are skipped, as are blanks); a long
 * text decides too (it is no total: cleaning it would cost its length on every row).
 */
const decidesTotal = (v: RawValue): boolean =>
  typeof v !== "number" && ((typeof v === "string" && v.length > 200) || !isBlank(v));

function isTotal(row: RawRow | undefined): boolean {
  const v = findCell(row, decidesTotal);
  if (v === undefined || (typeof v === "string" && v.length > 200)) return false;
  const t = cleanText(v);
  // Every total word starts with t, c or s ("Tổng cộng", "Cộng", "Sum"): most rows stop here.
  if (t.length > 80 || !TOTAL_INITIALS.has(t[0]!.toLowerCase())) return false;
  // Then an o or u ("Tổng", "Cộng", "Total", "Sum"): "Trần", "Thị", "Chu" stop here, before
  // folding. Only a plain letter is judged so; an accented one is folded as before.
  if (PLAIN_NOT_O_OR_U.test(t)) return false;
  return TOTAL_TEXT.test(
    foldDiacritics(t)
      .replace(/[:.()]/g, " ")
      .replace(/ +/g, " ")
      .trim(),
  );
}

/**
 * Three or more cells, every one a number in sequence ("1", "2", "3" or "(1)", "(2)", "(3)"). Runs on
 * every row: it stops at the first cell that is not the next number.
 */
function isNumbering(row: RawRow): boolean {
  const cells = walked(row);
  let count = 0;
  let previous = 0;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (!notEmpty(v)) continue;
    const n = numberingOf(v);
    if (!Number.isInteger(n) || (count > 0 && n !== previous + 1)) return false;
    previous = n;
    count++;
  }
  return count >= 3;
}

const NUMBERING = /^\(?(\d{1,3})\)?$/;

/** A cell's number in a numbering row ("3", "(3)", 3); NaN for anything else. */
function numberingOf(v: RawValue): number {
  if (typeof v === "number") return v;
  return typeof v === "string" && v.length <= 5
    ? Number(NUMBERING.exec(v.trim())?.[1] ?? NaN)
    : NaN;
}

/** A label alone (after a numbering cell, at most): a group inside a club, or a footer line. */
function labelKind(row: RawRow): "group" | "footer" | undefined {
  const label = labelRow(row);
  if (!label) return undefined;
  const { cells, numbered } = label;
  if (cells.length === 2 && !numbered) {
    // Two signatures side by side ("NGƯỜI LẬP BIỂU", "CHỦ TỊCH").
    return cells.every((c) => FOOTER.test(foldDiacritics(c.text))) ? "footer" : undefined;
  }
  // "(Ký, ghi rõ họ tên)": the brackets are no part of the words.
  const text = foldDiacritics(cells.at(-1)!.text).replace(/^[([]\s*/, "");
  if (FOOTER.test(text)) return "footer";
  return GROUP_LABEL.test(text) ? "group" : undefined;
}

const plain = (c: number): boolean => c > 0x20 && c < 0x7f;

/**
 * Whether `v` cannot clean to `text`, told by their first characters: both plain (ASCII, no space)
 * and not the same. Cleaning keeps such a character, or joins marks to it, which makes it no plain
 * character: a club id ("C0012") is no header ("Mã CLB") without being cleaned on every row.
 */
function startsApart(v: string, text: string): boolean {
  const a = v.charCodeAt(0);
  const b = text.charCodeAt(0);
  return a !== b && plain(a) && plain(b);
}

/**
 * What a row below the header holds, when it is no record; undefined for a record (or a blank).
 * Built once per sheet: the header's own texts are what a header typed again repeats.
 */
export function rowKinds(
  sheet: RawSheet,
  spec: SheetSpec,
  header: HeaderMatch,
): (row0: number) => RowKind | undefined {
  const headerText = new Map<number, string>();
  for (const [field, c] of header.columns) {
    for (const r of header.headerRows0) {
      const text = cleanText(sheet.rows.at(r)?.[c]);
      if (fieldsNamedBy(spec, text).some((f) => f.key === field)) headerText.set(c, text);
    }
  }
  // As two arrays: walking a Map's entries makes an array per entry, on every row of the sheet.
  const columns = [...headerText.keys()];
  const texts = [...headerText.values()];
  /** Two or more read columns holding their header's text again: the header typed again. */
  const isHeaderAgain = (row: RawRow): boolean => {
    let again = 0;
    for (let i = 0; i < columns.length; i++) {
      const v = row[columns[i]!];
      const text = texts[i]!;
      // The length first (a few spaces may pad it): data cells rarely have their header's
      // length, and cleaning costs.
      if (
        typeof v === "string" &&
        v.length >= text.length &&
        v.length <= text.length + 4 &&
        !startsApart(v, text) &&
        cleanText(v) === text
      )
        if (++again >= 2) return true;
    }
    return false;
  };
  return (row0) => {
    const row = sheet.rows.at(row0);
    if (!row) return undefined;
    if (isTotal(row)) return "total";
    if (isNumbering(row)) return "numbering";
    if (isHeaderAgain(row)) return "header";
    return labelKind(row);
  };
}
