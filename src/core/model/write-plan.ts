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
  | "link";

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
