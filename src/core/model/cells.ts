/**
 * The workbook as plain data, the only shape in which cells reach the core. Hosts convert their own
 * cell objects to these values: dates become Excel serial numbers (days since 1899-12-30), errors
 * become their text ("#N/A"), rich text becomes its plain text.
 */
export type RawValue = string | number | boolean | null;

/**
 * A row of cells; index 0 is column A. Missing entries are empty cells. A row may be sparse (one
 * cell in column XFD is an array of length 16,384 holding one entry): walk its cells with
 * forEachCell / someCell, which cost what the row holds, never with a loop up to its length or
 * Array methods (some, forEach, map, spread), which visit every column.
 */
export type RawRow = ReadonlyArray<RawValue | undefined>;

/**
 * Up to this length a row is walked index by index (a register's row is a few dozen columns); a
 * longer one by its keys, which V8 lists from a sparse array's dictionary without visiting the
 * holes: 30,000 rows with one cell in XFD take milliseconds instead of ten seconds.
 */
export const DENSE_WIDTH = 64;

/**
 * The column of the first cell of the row that has a value (not undefined) for which `f` holds,
 * left to right; -1 when none does. Costs the cells present, not the row's length.
 */
export function cellIndex(
  row: RawRow | undefined,
  f: (v: RawValue, col0: number) => boolean,
): number {
  if (!row) return -1;
  const n = row.length;
  if (n <= DENSE_WIDTH) {
    for (let c = 0; c < n; c++) {
      const v = row[c];
      if (v !== undefined && f(v, c)) return c;
    }
    return -1;
  }
  // Own keys list array indices first, in ascending order (ECMAScript's OrdinaryOwnPropertyKeys).
  for (const k of Object.keys(row)) {
    const c = Number(k);
    if (!Number.isInteger(c)) break;
    const v = row[c];
    if (v !== undefined && f(v, c)) return c;
  }
  return -1;
}

/** Whether `f` holds for some cell of the row that has a value, stopping at the first. */
export function someCell(
  row: RawRow | undefined,
  f: (v: RawValue, col0: number) => boolean,
): boolean {
  return cellIndex(row, f) >= 0;
}

/**
 * Calls `f` on each cell of the row that has a value, left to right (see someCell). Walks the row
 * itself rather than through someCell: no closure per row, and readers call it on every row.
 */
export function forEachCell(row: RawRow | undefined, f: (v: RawValue, col0: number) => void): void {
  if (!row) return;
  const n = row.length;
  if (n <= DENSE_WIDTH) {
    for (let c = 0; c < n; c++) {
      const v = row[c];
      if (v !== undefined) f(v, c);
    }
    return;
  }
  for (const k of Object.keys(row)) {
    const c = Number(k);
    if (!Number.isInteger(c)) break;
    const v = row[c];
    if (v !== undefined) f(v, c);
  }
}

/** The first value of the row (left to right) for which `f` holds; undefined when none does. */
export function findCell(
  row: RawRow | undefined,
  f: (v: RawValue) => boolean,
): RawValue | undefined {
  const c = cellIndex(row, f);
  return c < 0 ? undefined : row![c];
}

/** The values of the row's cells that have one, left to right (see someCell). */
export function cellValues(row: RawRow | undefined): RawValue[] {
  const out: RawValue[] = [];
  forEachCell(row, (v) => out.push(v));
  return out;
}

/** A writable copy of a row, as sparse as the row: spreading a sparse row would fill its holes. */
export function copyRow(row: RawRow | undefined): (RawValue | undefined)[] {
  if (!row) return [];
  if (row.length <= DENSE_WIDTH) return row.slice();
  const out: (RawValue | undefined)[] = [];
  forEachCell(row, (v, c) => (out[c] = v));
  return out;
}

/**
 * A sheet's rows: at(0) is sheet row 1, undefined an empty row. A plain array is one (as every
 * host but the xlsx one gives them); the xlsx host keeps a big sheet's cells in typed arrays and
 * makes each row as it is asked for (a country's member sheet: 30 MB instead of 80 MB of arrays
 * the garbage collector must walk; issue 15). So a row from at() may be a new array on each call:
 * compare values, never rows. Row indices are never negative (Array.prototype.at would count
 * them from the end).
 */
export interface RowList {
  readonly length: number;
  at(row0: number): RawRow | undefined;
  /** Lets go of a row (see releaseRow); a list that has no such method keeps its rows. */
  release?(row0: number): void;
}

export interface RawSheet {
  readonly name: string;
  readonly rows: RowList;
  /**
   * The legacy fonts of text cells (".VnTime", ".VnTimeH", "VNI-Times"), by fontKey(row0, col0);
   * absent or sparse. Only legacy fonts are listed (see encodingOfFont): they are what the reader
   * needs, as evidence of TCVN3 or VNI text and because the capital fonts (".VnTimeH") show
   * lower-case codes as capitals. Any other font says nothing detection does not (legacy text
   * pasted into a Unicode-font cell is common), so listing it would only cost memory: a Unicode
   * register gets no map at all. A host that cannot read fonts cheaply lists only the cells it
   * could; cells not listed are judged by their characters alone.
   */
  readonly fonts?: ReadonlyMap<number, string>;
  /**
   * Merged areas (zero-based, inclusive), as the host read them; absent when the sheet has none or
   * the host cannot tell. In Excel a merged area's value stands in its top-left cell only: a club
   * code merged down a club's rows is blank in every row but the first unless the reader fills it.
   */
  readonly merges?: readonly MergedArea[];
}

/** A merged area of cells, zero-based and inclusive at both ends. */
export interface MergedArea {
  readonly row0: number;
  readonly col0: number;
  readonly row1: number;
  readonly col1: number;
}

/** Excel's column count: fontKey is unique per cell and needs no string per lookup. */
const COLUMNS = 16_384;

/** The key of a cell in RawSheet.fonts (zero-based row and column). */
export const fontKey = (row0: number, col0: number): number => row0 * COLUMNS + col0;

/**
 * Lets go of a row of a sheet the caller owns and has done with: a check handed its input lets go
 * of each member row once its record is made (a country's member sheet is 80 MB of rows; see
 * readInput's `handedOver`). The one place rows are ever emptied.
 */
export function releaseRow(sheet: RawSheet, row0: number): void {
  if (!Array.isArray(sheet.rows)) sheet.rows.release?.(row0);
  else if (row0 < sheet.rows.length) (sheet.rows as (RawRow | undefined)[])[row0] = undefined;
}

/** The rows of `base`, but those in `changed` (an undefined entry empties the row). */
export function withRows(base: RowList, changed: ReadonlyMap<number, RawRow | undefined>): RowList {
  if (changed.size === 0) return base;
  return {
    length: base.length,
    at: (row0) => (changed.has(row0) ? changed.get(row0) : base.at(row0)),
  };
}

/** The first `count` rows (all by default) as an array: a sheet's head, a small sheet's copy. */
export function rowArray(rows: RowList, count = rows.length): (RawRow | undefined)[] {
  const n = Math.min(count, rows.length);
  const out: (RawRow | undefined)[] = [];
  for (let r = 0; r < n; r++) out.push(rows.at(r));
  return out;
}

/** Kinds of sheet this tool generates. A host tags such sheets so that a re-run rewrites them. */
export type GeneratedKind = "results" | "appendix" | "findings";

export interface SheetInfo {
  readonly name: string;
  /** Set when the host found this tool's tag on the sheet: the sheet is ours to rewrite. */
  readonly generated?: GeneratedKind;
  /**
   * Set when the sheet is hidden or very hidden (last year's lists are often kept so): of two
   * sheets that could be the same list, the visible one is the one in use. Absent when visible.
   */
  readonly hidden?: true;
}

/**
 * A host's record of a sheet as SheetInfo: `generated` only where the sheet carries the tag,
 * `hidden` only where the sheet is hidden, so a visible untagged sheet is just its name.
 */
export const sheetInfoOf = (s: {
  readonly name: string;
  readonly generated?: GeneratedKind | undefined;
  readonly hidden?: boolean | undefined;
}): SheetInfo => ({
  name: s.name,
  ...(s.generated ? { generated: s.generated } : {}),
  ...(s.hidden ? { hidden: true as const } : {}),
});
