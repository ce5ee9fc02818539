import { columnLetters } from "../model/address";
import { RawSheet } from "../model/cells";
import { SheetRole, SheetSpec } from "../sheets/specs";
import { cleanText } from "../text/normalize";
import { HeaderMatch } from "./header";

/**
 * What the reader understood of one sheet, for the report ("layout") and the pane: which role,
 * which rows are the header, which column is which field, and which rows it skipped and why.
 */
export interface SheetLayout {
  readonly sheet: string;
  readonly role: SheetRole;
  /** One-based header rows. */
  readonly headerRows: readonly number[];
  readonly columns: readonly {
    readonly column: string;
    readonly header: string;
    readonly field: string;
  }[];
  /** Rows read as records. */
  readonly dataRows: number;
  readonly blankRows: number;
  /** One-based rows skipped as totals ("Tổng cộng"). */
  readonly totalRows: readonly number[];
}

export function describeLayout(
  sheet: RawSheet,
  spec: SheetSpec,
  header: HeaderMatch,
  counts: { dataRows: number; blankRows: number; totalRows: readonly number[] },
): SheetLayout {
  const columns = [...header.columns.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([field, col]) => ({
      column: columnLetters(col),
      // The lowest header row naming the column is what the user sees above the data.
      header:
        [...header.headerRows0]
          .reverse()
          .map((r) => cleanText(sheet.rows[r]?.[col]))
          .find((t) => t !== "") ?? "",
      field,
    }));
  return {
    sheet: sheet.name,
    role: spec.role,
    headerRows: header.headerRows0.map((r) => r + 1),
    columns,
    dataRows: counts.dataRows,
    blankRows: counts.blankRows,
    totalRows: counts.totalRows.map((r) => r + 1),
  };
}
