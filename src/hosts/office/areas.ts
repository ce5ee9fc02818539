import { columnIndex, parseA1 } from "../../core/model/address";
import { MergedArea } from "../../core/model/cells";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** "'Thành viên'!B3:F20" -> its top-left corner, zero-based ({ row0: 2, col0: 1 }). */
export function topLeft(address: string): { row0: number; col0: number } {
  const local = address.slice(address.lastIndexOf("!") + 1).split(":")[0]!;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(local);
  if (!m) throw new Error(`Unexpected address from Excel: "${address}"`);
  return { row0: Number(m[2]) - 1, col0: columnIndex(m[1]!) };
}

/** One end of an area: a cell ("B3"), a whole column ("B") or a whole row ("3"). */
function end(text: string): { row0?: number; col0?: number } | null {
  const cell = parseA1(text);
  if (cell) return cell;
  const col = /^\$?([A-Za-z]{1,3})$/.exec(text);
  if (col) return { col0: columnIndex(col[1]!) };
  const row = /^\$?([1-9]\d{0,6})$/.exec(text);
  return row ? { row0: Number(row[1]) - 1 } : null;
}

/**
 * One area's address as Excel gives it ("'My sheet'!A4:A9", "Sheet1!B2:C2", "Sheet1!A:B" for whole
 * columns, "Sheet1!3:5" for whole rows) -> zero-based, inclusive bounds; undefined when it is not
 * one area of Excel's grid or covers a single cell. The sheet's name, quoted or not, is whatever
 * precedes the last "!" (a sheet name may hold "!", an A1 reference may not).
 */
export function areaOf(address: string): MergedArea | undefined {
  const ends = address
    .slice(address.lastIndexOf("!") + 1)
    .trim()
    .split(":");
  // A single cell ("Sheet1!B2") is no merged area.
  if (ends.length !== 2) return undefined;
  const a = end(ends[0]!);
  const b = end(ends[1]!);
  // Both ends of one kind: "A1:B2", "A:B" or "3:5" (Excel writes no "A1:B" or "A:3").
  if (!a || !b || (a.row0 === undefined) !== (b.row0 === undefined)) return undefined;
  if ((a.col0 === undefined) !== (b.col0 === undefined)) return undefined;
  const row0 = Math.min(a.row0 ?? 0, b.row0 ?? 0);
  const row1 = Math.max(a.row0 ?? MAX_ROW - 1, b.row0 ?? MAX_ROW - 1);
  const col0 = Math.min(a.col0 ?? 0, b.col0 ?? 0);
  const col1 = Math.max(a.col0 ?? MAX_COL - 1, b.col0 ?? MAX_COL - 1);
  if (row1 >= MAX_ROW || col1 >= MAX_COL || (row0 === row1 && col0 === col1)) return undefined;
  return { row0, col0, row1, col1 };
}
