/**
 * The workbook as plain data, the only shape in which cells reach the core. Hosts convert their own
 * cell objects to these values: dates become Excel serial numbers (days since 1899-12-30), errors
 * become their text ("#N/A"), rich text becomes its plain text.
 */
export type RawValue = string | number | boolean | null;

/** A row of cells; index 0 is column A. Missing entries are empty cells. */
export type RawRow = ReadonlyArray<RawValue | undefined>;

export interface RawSheet {
  readonly name: string;
  /** rows[0] is sheet row 1; an undefined entry is an empty row. */
  readonly rows: ReadonlyArray<RawRow | undefined>;
}

/** Kinds of sheet this tool generates. A host tags such sheets so that a re-run rewrites them. */
export type GeneratedKind = "results" | "appendix" | "findings";

export interface SheetInfo {
  readonly name: string;
  /** Set when the host found this tool's tag on the sheet: the sheet is ours to rewrite. */
  readonly generated?: GeneratedKind;
}
