import { A1 } from "./brand";
import { GeneratedKind } from "./cells";
import { Severity } from "./finding";

/**
 * The core's whole output as plain data. A host applies it: writes the generated sheets (its own,
 * tagged, rewritten in place) and highlights cells of the user's sheets without touching their
 * formats. Style keys are semantic; each host maps them to its own formatting.
 */
export type StyleKey =
  | "title"
  | "header"
  | "text"
  | "integer"
  | "percent"
  | "fail"
  | "failPercent"
  | "failInteger"
  | "pass"
  | "warn"
  | "total"
  | "totalPercent"
  | "link"
  /** A date: `v` is an Excel serial number (days since 1899-12-30), shown as dd/mm/yyyy. */
  | "date"
  /** Grey text: a row kept for the record (a resolved finding), no longer current. */
  | "muted";

export interface PlanCell {
  readonly v: string | number | boolean | null;
  readonly style?: StyleKey;
  /** An internal link: clicking the cell selects this cell. */
  readonly link?: { readonly sheet: string; readonly cell: A1 };
}

export interface GeneratedSheet {
  readonly kind: GeneratedKind;
  readonly name: string;
  /** rows[0] is row 1. */
  readonly rows: ReadonlyArray<ReadonlyArray<PlanCell>>;
  /** Ranges to merge, "A1:C1". */
  readonly merges: readonly A1[];
  /** Column widths in characters, index 0 = column A. */
  readonly columnWidths: readonly number[];
  /** Rows to keep visible at the top when scrolling. */
  readonly freezeRows: number;
  /** Dropdowns on cells of this sheet (the reviewer's status column). */
  readonly validations?: readonly ListValidation[];
  /** Native charts placed on this sheet (the roadmap chart beside the appendix). */
  readonly charts?: readonly ColumnChart[];
  /** How the sheet prints; absent: the host's defaults. */
  readonly print?: PrintSetup;
  /**
   * The workbook's sheet of this name is ours by its content but lost its tag (a copy saved by a
   * program that drops hidden names): the host rewrites it in place and tags it again.
   */
  readonly retag?: true;
}

/** A dropdown: the cells of `range` accept one of `values` (other text is warned about, not refused). */
export interface ListValidation {
  /** "H3:H500" on this sheet. */
  readonly range: A1;
  readonly values: readonly string[];
  /** Shown when a cell of the range is selected. */
  readonly prompt?: string;
}

export interface ChartSeries {
  /** The legend entry. */
  readonly name: string;
  /** A one-column range of this sheet holding the values, one per category: "P5:P17". */
  readonly values: A1;
}

/**
 * A clustered column chart whose data are cells of the same sheet, so that the chart follows the
 * table when the user edits it. `name` marks the chart as ours: a re-run replaces it, and a chart
 * of the user's is never touched.
 */
export interface ColumnChart {
  readonly name: string;
  readonly title: string;
  /** A one-column range of this sheet with the category labels (unit names). */
  readonly categories: A1;
  readonly series: readonly ChartSeries[];
  /** The cells the chart covers: its top-left and bottom-right cells. */
  readonly from: A1;
  readonly to: A1;
}

/**
 * Page setup. A table that must print on one page gets a scale chosen for it and a manual break
 * before the next table: Excel ignores manual breaks under "fit to", so fit-to is used only for
 * sheets that may run over several pages (fit to one page wide, as many tall as needed).
 */
export interface PrintSetup {
  readonly orientation: "landscape" | "portrait";
  readonly paper: "A4";
  /** Percent (10-400). Absent: fit to one page wide. */
  readonly scale?: number;
  /** 1-based rows repeated at the top of every printed page: [first, last]. */
  readonly titleRows?: readonly [number, number];
  /** The range printed: "A1:N30"; absent, the used range. */
  readonly area?: A1;
  /** 1-based rows after which a new page starts. */
  readonly rowBreaks?: readonly number[];
  readonly centerHorizontally?: boolean;
  /** Page footer text (Excel header/footer codes allowed, e.g. "Trang &P/&N"). */
  readonly footer?: string;
}

export interface Highlight {
  readonly sheet: string;
  readonly cell: A1;
  readonly rule: string;
  readonly severity: Severity;
  /** Why, in the report's language. */
  readonly reason: string;
}

export interface WritePlan {
  readonly sheets: readonly GeneratedSheet[];
  readonly highlights: readonly Highlight[];
  /**
   * Leave the highlights already in the workbook as they are (and add none): "Lập phụ lục" writes
   * only the appendix, so an auditor's highlighted gaps survive it.
   */
  readonly keepHighlights?: boolean;
}
