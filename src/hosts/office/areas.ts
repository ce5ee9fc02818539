import { columnIndex } from "../../core/model/address";

/** "'Thành viên'!B3:F20" -> its top-left corner, zero-based ({ row0: 2, col0: 1 }). */
export function topLeft(address: string): { row0: number; col0: number } {
  const local = address.slice(address.lastIndexOf("!") + 1).split(":")[0]!;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(local);
  if (!m) throw new Error(`Unexpected address from Excel: "${address}"`);
  return { row0: Number(m[2]) - 1, col0: columnIndex(m[1]!) };
}
