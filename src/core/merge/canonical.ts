import { RawValue, RowList } from "../model/cells";
import { Origin } from "../model/records";
import { FieldSpec, SheetSpec } from "../sheets/specs";

/**
 * A sheet as plain rows, for a host to write as a new worksheet: row 0 is the header. Columns
 * listed in `dateColumns` hold dates or years; a host may show their serial numbers as dates.
 */
export interface PlainSheet {
  readonly name: string;
  readonly rows: readonly (readonly RawValue[])[];
  readonly dateColumns?: readonly number[];
  /** Column widths in characters, by column; missing ones are the host's default. */
  readonly widths?: readonly number[];
}

/** The two columns that make every merged row traceable to the district file it came from. */
export const SOURCE_FILE_HEADER = "Tệp nguồn";
export const SOURCE_ROW_HEADER = "Dòng nguồn";

/** A field of another register layout stands in for the canonical field it reports as. */
export const canonicalKey = (spec: SheetSpec, key: string): string =>
  spec.layouts?.flatMap((l) => l.fields).find((f) => f.key === key)?.reportsAs ?? key;

/** One value of a merged row, and the source column it was copied from as typed, if it was. */
export interface MergedValue {
  readonly value: RawValue;
  readonly copiedFrom?: number;
}

/** Where a merged row stands, and which merged column each of its source columns went to. */
export interface RowPlace {
  readonly sheet: string;
  readonly row0: number;
  readonly columns: ReadonlyMap<number, number>;
  /** The "Dòng nguồn" column: where a finding about no particular field points. */
  readonly sourceColumn: number;
  /** Source columns copied as typed: the merged check reads them again, and says what it finds. */
  readonly copied: readonly number[];
}

/**
 * One canonical sheet being filled from the records of several files: the spec's canonical
 * headers (required fields always, optional ones when a file has them), then the source columns.
 */
export class CanonicalSheet {
  readonly fields: readonly FieldSpec[];
  private readonly rows: RawValue[][];
  /** "file\nsheet\nrow0" -> where that source row went. */
  readonly places = new Map<string, RowPlace>();
  /** Source column -> merged column, per source sheet (its records share one column map). */
  private readonly moved = new WeakMap<ReadonlyMap<string, number>, Map<number, number>>();

  constructor(
    readonly spec: SheetSpec,
    present: ReadonlySet<string>,
  ) {
    this.fields = spec.fields.filter((f) => f.required || present.has(f.key));
    this.rows = [[...this.fields.map((f) => f.header), SOURCE_FILE_HEADER, SOURCE_ROW_HEADER]];
  }

  get name(): string {
    return this.spec.names[0]!;
  }

  column(key: string): number {
    return this.fields.findIndex((f) => f.key === key);
  }

  private columnsFor(origin: Origin): Map<number, number> {
    let columns = this.moved.get(origin.columns);
    if (columns) return columns;
    columns = new Map();
    for (const [key, col] of origin.columns) {
      const to = this.column(canonicalKey(this.spec, key));
      if (to >= 0) columns.set(col, to);
    }
    this.moved.set(origin.columns, columns);
    return columns;
  }

  /** Appends a record's row; returns its zero-based row in the merged sheet. */
  add(file: string, origin: Origin, value: (key: string) => MergedValue): number {
    const row0 = this.rows.length;
    const copied: number[] = [];
    const row: RawValue[] = this.fields.map((f) => {
      const v = value(f.key);
      if (v.copiedFrom !== undefined) copied.push(v.copiedFrom);
      return v.value;
    });
    row.push(file, `${origin.sheet}!${origin.row0 + 1}`);
    this.rows.push(row);
    this.places.set(`${file}\n${origin.sheet}\n${origin.row0}`, {
      sheet: this.name,
      row0,
      columns: this.columnsFor(origin),
      sourceColumn: this.fields.length + 1,
      copied,
    });
    return row0;
  }

  get size(): number {
    return this.rows.length - 1;
  }

  toPlain(): PlainSheet {
    const dateColumns = this.fields.flatMap((f, i) => (f.kind === "date" ? [i] : []));
    const widths = [
      ...this.fields.map((f) => Math.min(30, Math.max(10, f.header.length + 2))),
      24,
      18,
    ];
    return { name: this.name, rows: this.rows, dateColumns, widths };
  }
}

/** The cell as the reader saw it (legacy text already Unicode), copied as typed. */
export function rawAt(rows: RowList, origin: Origin, key: string): MergedValue {
  const col = origin.columns.get(key);
  if (col === undefined) return { value: null };
  return { value: rows.at(origin.row0)?.[col] ?? null, copiedFrom: col };
}
