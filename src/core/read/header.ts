import { columnLetters } from "../model/address";
import { RawSheet } from "../model/cells";
import { InputError } from "../model/errors";
import { say } from "../model/i18n";
import { parseSexCode, SexCode } from "../parse/values";
import { FieldSpec, SheetSpec } from "../sheets/specs";
import { cleanText, headerKey } from "../text/normalize";
import { foldedKey, splitHeader, unitScale } from "./header-text";

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

/** Header key -> the fields it names: one, or one per layout when layouts share a header. */
interface Lookup {
  /** By headerKey: the header as written, accents and all. */
  readonly exact: ReadonlyMap<string, readonly FieldSpec[]>;
  /** By foldedKey: typed without accents. Keys where two different spellings meet are left out. */
  readonly folded: ReadonlyMap<string, readonly FieldSpec[]>;
  /** Folded headers of two words or more, longest first: "Họ và tên thành viên" starts with one. */
  readonly prefixes: readonly { readonly key: string; readonly fields: readonly FieldSpec[] }[];
}

const lookups = new WeakMap<SheetSpec, Lookup>();

/** Every header and synonym of a spec, by group: 0 is the canonical fields, then each layout's. */
function namesOf(spec: SheetSpec): { field: FieldSpec; group: number; name: string }[] {
  const groups = [spec.fields, ...(spec.layouts ?? []).map((l) => l.fields)];
  return groups.flatMap((fields, group) =>
    fields.flatMap((field) =>
      [field.header, ...field.synonyms].map((name) => ({ field, group, name })),
    ),
  );
}

/**
 * Keys -> fields. The first field wins within a group, and a canonical field wins outright. Layouts
 * that share a header ("Nam": a birth year or a sex mark) both keep it: the canonical fields found
 * beside them decide later which one the sheet uses.
 */
function keyed(
  entries: readonly { field: FieldSpec; group: number; key: string }[],
): Map<string, readonly FieldSpec[]> {
  const m = new Map<string, { field: FieldSpec; group: number }[]>();
  for (const { field, group, key } of entries) {
    const list = m.get(key) ?? [];
    if (list.some((e) => e.group === group || e.group === 0)) continue;
    m.set(key, [...list, { field, group }]);
  }
  return new Map([...m].map(([k, list]) => [k, list.map((e) => e.field)]));
}

function lookupFor(spec: SheetSpec): Lookup {
  const known = lookups.get(spec);
  if (known) return known;
  const names = namesOf(spec);
  const exact = keyed(names.map((n) => ({ ...n, key: headerKey(n.name) })));
  // Folding must not make two fields meet: a folded key that two different fields' spellings share
  // is matched only with its accents.
  const owners = new Map<string, Set<string>>();
  for (const n of names) {
    const k = foldedKey(n.name);
    owners.set(k, (owners.get(k) ?? new Set()).add(n.field.key));
  }
  const folded = keyed(names.map((n) => ({ ...n, key: foldedKey(n.name) })));
  for (const [k, fields] of owners)
    if (fields.size > 1 && !sharedByLayouts(spec, fields)) folded.delete(k);
  // Extra words after a header ("Họ và tên thành viên", "Năm sinh của thành viên"): only headers of
  // two words or more, since a one-word one ("Nam", "Tuổi") begins too many other headers.
  const prefixes = [...folded]
    .filter(([k]) => k.includes(" "))
    .map(([key, fields]) => ({ key, fields }))
    .sort((a, b) => b.key.length - a.key.length);
  const lookup: Lookup = { exact, folded, prefixes };
  lookups.set(spec, lookup);
  return lookup;
}

/** Whether fields that share a folded key are layouts' own fields sharing a header by design. */
function sharedByLayouts(spec: SheetSpec, keys: ReadonlySet<string>): boolean {
  const layoutKeys = new Set((spec.layouts ?? []).flatMap((l) => l.fields.map((f) => f.key)));
  return [...keys].every((k) => layoutKeys.has(k));
}

/**
 * The fields a header cell's text names: as written; then without its bracketed notes; then typed
 * without accents; then followed by extra words.
 */
export function fieldsNamedBy(spec: SheetSpec, text: string): readonly FieldSpec[] {
  if (text === "") return [];
  const lookup = lookupFor(spec);
  const exact = lookup.exact.get(headerKey(text));
  if (exact) return exact;
  const { base } = splitHeader(text);
  if (base === "") return [];
  const fields = lookup.exact.get(headerKey(base)) ?? lookup.folded.get(foldedKey(base));
  if (fields) return fields;
  const key = foldedKey(base);
  return lookup.prefixes.find((p) => key.startsWith(`${p.key} `))?.fields ?? [];
}

/** The notes of the header cells above a field's column, lowest header row first. */
export function columnNotes(sheet: RawSheet, header: HeaderMatch, field: string): string[] {
  const c = header.columns.get(field);
  if (c === undefined) return [];
  return [...header.headerRows0]
    .reverse()
    .flatMap((r) => splitHeader(cleanText(sheet.rows[r]?.[c])).notes);
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

interface Matched {
  readonly columns: Map<string, number>;
  readonly others: Map<string, number[]>;
}

function match(sheet: RawSheet, spec: SheetSpec, rows0: readonly number[]): Matched {
  const columns = new Map<string, number>();
  const others = new Map<string, number[]>();
  const width = Math.max(0, ...rows0.map((r) => sheet.rows[r]?.length ?? 0));
  for (let c = 0; c < width; c++) {
    // A column that names a field already taken is another candidate for it, unless a higher
    // header row gives it a field of its own.
    let taken: readonly string[] | null = null;
    // In a two-row header the lower row names the sub-column ("Năm 2021" under "Trong đó").
    for (const r of [...rows0].reverse()) {
      const fields = fieldsNamedBy(spec, cleanText(sheet.rows[r]?.[c]));
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

/** Header cells of the header rows that name no field: what the user may have meant instead. */
export function unnamedHeaders(sheet: RawSheet, header: HeaderMatch): string[] {
  const read = new Set([...header.columns.values(), ...[...header.others.values()].flat()]);
  const out: string[] = [];
  const width = Math.max(0, ...header.headerRows0.map((r) => sheet.rows[r]?.length ?? 0));
  for (let c = 0; c < width && out.length < 8; c++) {
    if (read.has(c)) continue;
    const text = header.headerRows0
      .map((r) => cleanText(sheet.rows[r]?.[c]))
      .filter((t) => t !== "")
      .at(-1);
    if (text !== undefined) out.push(`${columnLetters(c)} "${text}"`);
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
    const unknown = unnamedHeaders(sheet, best);
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
