import { columnLetters } from "../model/address";
import { forEachCell, RawSheet } from "../model/cells";
import { InputError } from "../model/errors";
import { say } from "../model/i18n";
import { parseSexCode, SexCode } from "../parse/values";
import { FieldSpec, SheetSpec } from "../sheets/specs";
import { cleanText, foldDiacritics } from "../text/normalize";
import { shortText } from "../text/short-text";
import { splitHeader, unitScale } from "./header-text";
import { fieldsNamedBy } from "./header-lookup";

/** How many rows from the top may hold title rows before the header. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderMatch {
  /** Zero-based index of the first data row. */
  readonly dataRow0: number;
  /** Zero-based header rows (one, or two when a group header spans sub-columns). */
  readonly headerRows0: readonly number[];
  /** Field key -> zero-based column. */
  readonly columns: ReadonlyMap<string, number>;
  /**
   * Field key -> the other columns whose header names the same field, left to right (the chosen
   * one, in `columns`, is the leftmost). Only fields with such columns are listed: the reader
   * says which column it used rather than pick one silently.
   */
  readonly others: ReadonlyMap<string, readonly number[]>;
}

/** Whether a member header has a column that gives each member's club (its id or its name). */
export const hasClubColumn = (header: HeaderMatch | null | undefined): boolean =>
  header !== null &&
  header !== undefined &&
  (header.columns.has("clubId") || header.columns.has("clubName"));

/** The notes of the header cells above a field's column, lowest header row first. */
export function columnNotes(sheet: RawSheet, header: HeaderMatch, field: string): string[] {
  const c = header.columns.get(field);
  if (c === undefined) return [];
  return [...header.headerRows0]
    .reverse()
    .flatMap((r) => splitHeader(cleanText(sheet.rows.at(r)?.[c])).notes);
}

/**
 * The number code in the header of the sex column ("Giới tính (1: Nam, 2: Nữ)"), or null: without
 * one, numbers in the column are not read.
 */
export function sexCodeOf(sheet: RawSheet, header: HeaderMatch): SexCode | null {
  for (const note of columnNotes(sheet, header, "sex")) {
    const code = parseSexCode(note);
    if (code) return code;
  }
  return null;
}

/** What a field's unit note ("(triệu đồng)") multiplies its amounts by; 1 without one. */
export function amountScale(sheet: RawSheet, header: HeaderMatch, field: string): number {
  for (const note of columnNotes(sheet, header, field)) {
    const scale = unitScale(note);
    if (scale !== null) return scale;
  }
  return 1;
}

/**
 * The columns where some of the rows has a cell, left to right: a header is looked for in its
 * cells, not up to its last column (a title row with one cell in column XFD is one cell).
 */
function filledColumns(sheet: RawSheet, rows0: readonly number[]): number[] {
  const columns = new Set<number>();
  for (const r of rows0) forEachCell(sheet.rows.at(r), (_, c) => columns.add(c));
  return [...columns].sort((a, b) => a - b);
}

interface Matched {
  readonly columns: Map<string, number>;
  readonly others: Map<string, number[]>;
}

function match(sheet: RawSheet, spec: SheetSpec, rows0: readonly number[]): Matched {
  const columns = new Map<string, number>();
  const others = new Map<string, number[]>();
  for (const c of filledColumns(sheet, rows0)) {
    // A column that names a field already taken is another candidate for it, unless a higher
    // header row gives it a field of its own.
    let taken: readonly string[] | null = null;
    // In a two-row header the lower row names the sub-column ("Năm 2021" under "Trong đó").
    for (const r of [...rows0].reverse()) {
      const fields = fieldsNamedBy(spec, cleanText(sheet.rows.at(r)?.[c]));
      if (fields.length === 0) continue;
      const free = fields.filter((f) => !columns.has(f.key));
      if (free.length > 0) {
        for (const f of free) columns.set(f.key, c);
        taken = null;
        break;
      }
      taken ??= fields.map((f) => f.key);
    }
    for (const k of taken ?? []) others.set(k, [...(others.get(k) ?? []), c]);
  }
  // A layout's fields count only where the canonical ones are missing: otherwise "Nam" in a data
  // row under a "Giới tính" header would pass for a sub-column header. A layout that needs a
  // canonical field counts only beside it: "Nam" / "Nữ" are sex marks only when the birth year
  // has a column of its own, and otherwise hold the birth year themselves.
  for (const layout of spec.layouts ?? []) {
    const partial = layout.fields.some((lf) => !columns.has(lf.key));
    if (
      layout.replaces.some((k) => columns.has(k)) ||
      (layout.needs ?? []).some((k) => !columns.has(k)) ||
      (layout.alone !== undefined && partial && rows0.length > 1)
    )
      for (const lf of layout.fields) {
        columns.delete(lf.key);
        others.delete(lf.key);
      }
  }
  return { columns, others };
}

/** How many fields of the spec one row names: how much it looks like a header. */
export function headerScore(sheet: RawSheet, spec: SheetSpec, row0: number): number {
  return match(sheet, spec, [row0]).columns.size;
}

/** Whether a layout's fields stand in for this missing field. */
function replaced(spec: SheetSpec, key: string, columns: ReadonlyMap<string, number>): boolean {
  return (spec.layouts ?? []).some(
    (l) =>
      l.replaces.includes(key) &&
      (l.fields.every((lf) => columns.has(lf.key)) || (l.alone ?? []).some((k) => columns.has(k))),
  );
}

/**
 * The header row anywhere in the first rows: the row (or pair of rows) that names the most fields of
 * the spec, or null when no row names any. Columns may stand in any order; columns that name no
 * field are ignored.
 */
export function bestHeader(sheet: RawSheet, spec: SheetSpec): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestScore = 0;
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  // Each row and each pair of rows is matched once: the scores decide, the matches are kept.
  const single = Array.from({ length: last + 1 }, (_, r) => match(sheet, spec, [r]));
  for (let r = 0; r < last; r++) {
    // A pair of rows is a two-row header only if the upper row adds a field of its own: a title
    // row above a one-row header must stay a title (it may name the club).
    const candidates: { rows0: number[]; matched: Matched }[] = [
      { rows0: [r], matched: single[r]! },
    ];
    const pair = match(sheet, spec, [r, r + 1]);
    const size = pair.columns.size;
    if (size > single[r + 1]!.columns.size && size > single[r]!.columns.size)
      candidates.push({ rows0: [r, r + 1], matched: pair });
    for (const { rows0, matched } of candidates) {
      const { columns, others } = matched;
      if (columns.size > bestScore) {
        bestScore = columns.size;
        best = { dataRow0: rows0[rows0.length - 1]! + 1, headerRows0: rows0, columns, others };
      }
    }
  }
  return best;
}

/** The required fields a header lacks (neither a column of their own nor a layout standing in). */
export function missingFields(
  spec: SheetSpec,
  header: HeaderMatch | null,
  supplied: ReadonlySet<string> = new Set(),
): FieldSpec[] {
  return spec.fields.filter(
    (f) =>
      f.required &&
      !supplied.has(f.key) &&
      !(header?.columns.has(f.key) ?? false) &&
      !(header !== null && replaced(spec, f.key, header.columns)),
  );
}

/** The header cell the user sees above a column: its lowest non-empty header row. */
export function headerCell(
  sheet: RawSheet,
  header: HeaderMatch,
  col: number,
): { row0: number; text: string } {
  for (const r of [...header.headerRows0].reverse()) {
    const text = cleanText(sheet.rows.at(r)?.[col]);
    if (text !== "") return { row0: r, text };
  }
  return { row0: header.headerRows0.at(-1)!, text: "" };
}

/** Headers of the row-number column: never read, and no loss when not read. */
const NUMBERING_HEADERS = new Set(["tt", "stt", "so tt", "no", "#", "so thu tu", "thu tu"]);

/**
 * Columns whose header rows hold text that no field reads ("Ghi chú", "Dân tộc"): every header row's
 * cells beyond the mapped columns and the numbering column. A group header above read sub-columns
 * ("Năm sinh" over "Nam" / "Nữ") stands in a read column or beside one it spans, and is not listed.
 */
export function unreadColumns(
  sheet: RawSheet,
  header: HeaderMatch,
): { column: string; header: string }[] {
  const read = new Set(header.columns.values());
  for (const others of header.others.values()) for (const c of others) read.add(c);
  const out: { column: string; header: string }[] = [];
  for (const c of filledColumns(sheet, header.headerRows0)) {
    if (read.has(c)) continue;
    const { text } = headerCell(sheet, header, c);
    if (text === "" || NUMBERING_HEADERS.has(foldDiacritics(text).replace(/[.:]/g, "").trim()))
      continue;
    // A group header spanning read sub-columns to its right ("Hoàn cảnh khó khăn" over E:G).
    const lowest = header.headerRows0.at(-1)!;
    if (
      header.headerRows0.length > 1 &&
      cleanText(sheet.rows.at(lowest)?.[c]) === "" &&
      read.has(c + 1)
    )
      continue;
    // A header is named, not copied: the report and the missing-column message quote it.
    out.push({ column: columnLetters(c), header: shortText(text) });
  }
  return out;
}

/**
 * Finds the header row (see bestHeader), and says exactly what is wrong when it cannot: which
 * sheet, which row was taken for the header, which required columns are missing, which headed
 * columns were not understood, and the way out (Chọn cột in the pane, --mapping on the command
 * line).
 */
export function findHeader(
  sheet: RawSheet,
  spec: SheetSpec,
  /** Required fields that the context supplies (a per-club sheet needs no club column). */
  supplied: ReadonlySet<string> = new Set(),
): HeaderMatch {
  const best = bestHeader(sheet, spec);
  const required = spec.fields.filter((f) => f.required && !supplied.has(f.key));
  const names = (fields: readonly FieldSpec[]) => fields.map((f) => `"${f.header}"`).join(", ");
  if (!best || best.columns.size < Math.min(2, required.length)) {
    throw new InputError(
      "no-header",
      say(
        `Sheet "${sheet.name}": không tìm thấy dòng tiêu đề trong ${HEADER_SCAN_ROWS} dòng đầu (cần các cột như ${names(required)}). ${WAY_OUT.vi}`,
        `Sheet "${sheet.name}": no header row found in the first ${HEADER_SCAN_ROWS} rows (expected columns such as ${names(required)}). ${WAY_OUT.en}`,
      ),
      sheet.name,
    );
  }
  const missing = missingFields(spec, best, supplied);
  if (missing.length > 0) {
    const row = best.headerRows0.at(-1)! + 1;
    const unknown = unreadColumns(sheet, best)
      .slice(0, 8)
      .map((c) => `${c.column} "${c.header}"`);
    const seen =
      unknown.length > 0
        ? say(
            ` Các cột chưa hiểu: ${unknown.join(", ")}.`,
            ` Columns not understood: ${unknown.join(", ")}.`,
          )
        : say("", "");
    throw new InputError(
      "missing-column",
      say(
        `Sheet "${sheet.name}": thiếu cột bắt buộc ${names(missing)} (dòng tiêu đề ${row}).${seen.vi} ${WAY_OUT.vi}`,
        `Sheet "${sheet.name}": required column ${names(missing)} is missing (header row ${row}).${seen.en} ${WAY_OUT.en}`,
      ),
      sheet.name,
    );
  }
  return best;
}

/** What to do when the reader does not understand a sheet. */
const WAY_OUT = say(
  "Hãy sửa tiêu đề cột, hoặc chỉ rõ cột nào là gì: nút Chọn cột trong ngăn tác vụ, hoặc --mapping ở dòng lệnh.",
  "Rename the column headers, or say which column is which: Chọn cột (pick columns) in the task pane, or --mapping on the command line.",
);
