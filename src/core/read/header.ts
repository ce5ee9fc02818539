import { RawSheet } from "../model/cells";
import { InputError } from "../model/errors";
import { say } from "../model/i18n";
import { parseSexCode, SexCode } from "../parse/values";
import { FieldSpec, SheetSpec } from "../sheets/specs";
import { cleanText, headerKey } from "../text/normalize";

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

/** Header key -> the fields it names: one, or one per layout when layouts share a header. */
type Lookup = Map<string, readonly FieldSpec[]>;

const lookups = new WeakMap<SheetSpec, Lookup>();

function lookupFor(spec: SheetSpec): Lookup {
  const known = lookups.get(spec);
  if (known) return known;
  const m = new Map<string, { field: FieldSpec; group: number }[]>();
  // Group 0 is the canonical fields, then one group per layout.
  const groups = [spec.fields, ...(spec.layouts ?? []).map((l) => l.fields)];
  groups.forEach((fields, group) => {
    for (const field of fields) {
      for (const h of [field.header, ...field.synonyms]) {
        const k = headerKey(h);
        const list = m.get(k) ?? [];
        // The first field wins within a group, and a canonical field wins outright. Layouts that
        // share a header ("Nam": a birth year or a sex mark) both keep it: the canonical fields
        // found beside them decide later which one the sheet uses.
        if (list.some((e) => e.group === group || e.group === 0)) continue;
        m.set(k, [...list, { field, group }]);
      }
    }
  });
  const lookup: Lookup = new Map([...m].map(([k, list]) => [k, list.map((e) => e.field)]));
  lookups.set(spec, lookup);
  return lookup;
}

/** "Giới tính (1: Nam, 2: Nữ)": a header, then a parenthetical, then maybe "*" or ":". */
const WITH_NOTE = /^(.*[^ (]) ?\(([^()]*)\)[ :*]*$/;

/**
 * A sex header followed by its number code ("Giới tính (1=Nam; 0=Nữ)"): the field, and the code.
 * Other parentheticals are not read: only this one changes how the column's values read.
 */
function codedHeader(
  spec: SheetSpec,
  text: string,
): { field: FieldSpec; code: SexCode } | undefined {
  const m = WITH_NOTE.exec(text);
  if (m === null) return undefined;
  const field = lookupFor(spec)
    .get(headerKey(m[1]!))
    ?.find((f) => f.kind === "sex");
  const code = field ? parseSexCode(m[2]!) : null;
  return field && code ? { field, code } : undefined;
}

/** The sex field a coded header names, if the text is one (for the column mapping). */
export function codedHeaderField(spec: SheetSpec, text: string): FieldSpec | undefined {
  return codedHeader(spec, text)?.field;
}

/** The fields a header cell's text names. */
function fieldsNamed(spec: SheetSpec, lookup: Lookup, text: string): readonly FieldSpec[] {
  const fields = lookup.get(headerKey(text));
  if (fields) return fields;
  const coded = codedHeader(spec, text);
  return coded ? [coded.field] : [];
}

/**
 * The number code in the header of the sex column ("Giới tính (1: Nam, 2: Nữ)"), or null: without
 * one, numbers in the column are not read.
 */
export function sexCodeOf(sheet: RawSheet, spec: SheetSpec, header: HeaderMatch): SexCode | null {
  const c = header.columns.get("sex");
  if (c === undefined) return null;
  for (const r of [...header.headerRows0].reverse()) {
    const coded = codedHeader(spec, cleanText(sheet.rows[r]?.[c]));
    if (coded) return coded.code;
  }
  return null;
}

interface Matched {
  readonly columns: Map<string, number>;
  readonly others: Map<string, number[]>;
}

function match(
  sheet: RawSheet,
  spec: SheetSpec,
  rows0: readonly number[],
  lookup: Lookup,
): Matched {
  const columns = new Map<string, number>();
  const others = new Map<string, number[]>();
  const width = Math.max(0, ...rows0.map((r) => sheet.rows[r]?.length ?? 0));
  for (let c = 0; c < width; c++) {
    // A column that names a field already taken is another candidate for it, unless a higher
    // header row gives it a field of its own.
    let taken: readonly string[] | null = null;
    // In a two-row header the lower row names the sub-column ("Năm 2021" under "Trong đó").
    for (const r of [...rows0].reverse()) {
      const fields = fieldsNamed(spec, lookup, cleanText(sheet.rows[r]?.[c]));
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
  return match(sheet, spec, [row0], lookupFor(spec)).columns.size;
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
 * Finds the header row anywhere in the first rows: the row (or pair of rows) that names the most
 * fields of the spec. Columns may stand in any order; columns that name no field are ignored.
 */
export function findHeader(
  sheet: RawSheet,
  spec: SheetSpec,
  /** Required fields that the context supplies (a per-club sheet needs no club column). */
  supplied: ReadonlySet<string> = new Set(),
): HeaderMatch {
  const lookup = lookupFor(spec);
  let best: HeaderMatch | null = null;
  let bestScore = 0;
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  // Each row and each pair of rows is matched once: the scores decide, the matches are kept.
  const single = Array.from({ length: last + 1 }, (_, r) => match(sheet, spec, [r], lookup));
  for (let r = 0; r < last; r++) {
    // A pair of rows is a two-row header only if the upper row adds a field of its own: a title
    // row above a one-row header must stay a title (it may name the club).
    const candidates: { rows0: number[]; matched: Matched }[] = [
      { rows0: [r], matched: single[r]! },
    ];
    const pair = match(sheet, spec, [r, r + 1], lookup);
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
  const required = spec.fields.filter((f) => f.required && !supplied.has(f.key));
  if (!best || bestScore < Math.min(2, required.length)) {
    throw new InputError(
      "no-header",
      say(
        `Sheet "${sheet.name}": không tìm thấy dòng tiêu đề trong ${HEADER_SCAN_ROWS} dòng đầu (cần các cột như ${required.map((f) => `"${f.header}"`).join(", ")}).`,
        `Sheet "${sheet.name}": no header row found in the first ${HEADER_SCAN_ROWS} rows (expected columns such as ${required.map((f) => `"${f.header}"`).join(", ")}).`,
      ),
      sheet.name,
    );
  }
  const missing = required.filter(
    (f) => !best.columns.has(f.key) && !replaced(spec, f.key, best.columns),
  );
  if (missing.length > 0) {
    const names = missing.map((f) => `"${f.header}"`).join(", ");
    throw new InputError(
      "missing-column",
      say(
        `Sheet "${sheet.name}": thiếu cột bắt buộc ${names} (dòng tiêu đề ${best.headerRows0[0]! + 1}).`,
        `Sheet "${sheet.name}": required column ${names} is missing (header row ${best.headerRows0[0]! + 1}).`,
      ),
      sheet.name,
    );
  }
  return best;
}
