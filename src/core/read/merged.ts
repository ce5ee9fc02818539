import { copyRow, RawRow, RawSheet, RawValue, someCell, withRows } from "../model/cells";

/**
 * A sheet whose merged areas below the header give their value to every row they cover: a club
 * code merged down a club's member rows stands in its top cell only, and read as it is every row
 * but the first would have no club. Only areas that span rows, and start at or below `fromRow0`, are
 * filled, and only down their first column: a section title merged across the table stays one
 * cell, and header rows keep the shape the header search saw. The sheet is returned unchanged when
 * nothing is filled; otherwise only the rows filled are copied.
 */
export function fillMergedDown(sheet: RawSheet, fromRow0: number): RawSheet {
  const areas = (sheet.merges ?? []).filter((a) => a.row1 > a.row0 && a.row0 >= fromRow0);
  if (areas.length === 0) return sheet;
  const changed = new Map<number, RawRow | undefined>();
  for (const a of areas) {
    const value = sheet.rows.at(a.row0)?.[a.col0];
    if (value === undefined || value === null || value === "") continue;
    for (let r = a.row0 + 1; r <= a.row1; r++) {
      // A row with nothing of its own stays blank: rows left empty for new members inside a
      // club's block are common, and are no members.
      if (!hasOwnValue(sheet.rows.at(r), a.col0)) continue;
      let row = changed.get(r) as (RawValue | undefined)[] | undefined;
      if (!row) changed.set(r, (row = copyRow(sheet.rows.at(r))));
      // Excel keeps only the top-left value; anything else a program left in a covered cell is
      // hidden from the user, so the merged value is what they see.
      row[a.col0] = value;
    }
  }
  return { ...sheet, rows: withRows(sheet.rows, changed) };
}

function hasOwnValue(row: RawRow | undefined, except: number): boolean {
  if (!row) return false;
  return someCell(row, (v, c) => c !== except && v !== null && v !== "");
}
