import { RawRow, rowArray, RowList } from "../../src/core/model/cells";

/**
 * A sheet's rows as an array, for a test to look at: the xlsx host keeps a sheet's rows in typed
 * arrays (RowList), and a row from it is made anew at each look.
 */
export const rowsOf = (sheet: { readonly rows: RowList }): (RawRow | undefined)[] =>
  rowArray(sheet.rows);
