import { parseA1, toA1 } from "./address";

/**
 * Cells coalesced into column areas (D17 D18 D19 E2 -> D17:D19, E2), so that thousands of
 * scattered cells become few areas; ranges given as such ("B2:C4") are kept. Both hosts highlight
 * through these areas, so Excel and the xlsx file get the same conditional formats.
 */
export function coalesceAreas(cells: readonly string[]): string[] {
  const byCol = new Map<number, Set<number>>();
  const ranges = new Set<string>();
  for (const cell of cells) {
    const a = parseA1(cell);
    if (a) {
      const rows = byCol.get(a.col0) ?? new Set<number>();
      byCol.set(a.col0, rows.add(a.row0));
    } else if (/^\$?[A-Za-z]{1,3}\$?\d{1,7}:\$?[A-Za-z]{1,3}\$?\d{1,7}$/.test(cell))
      ranges.add(cell.replace(/\$/g, "").toUpperCase());
    else throw new Error(`Not a cell address: "${cell}"`);
  }
  const out: string[] = [];
  for (const col of [...byCol.keys()].sort((x, y) => x - y)) {
    const rows = [...byCol.get(col)!].sort((x, y) => x - y);
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
      out.push(i === j ? toA1(rows[i]!, col) : `${toA1(rows[i]!, col)}:${toA1(rows[j]!, col)}`);
      i = j + 1;
    }
  }
  return [...out, ...[...ranges].sort()];
}

/**
 * Areas grouped into comma-separated address strings under Excel's 8,192-character cap, for
 * getRanges and conditional formats.
 */
export function chunkAreas(areas: readonly string[], limit: number): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const area of areas) {
    if (current.length > 0 && length + 1 + area.length > limit) {
      out.push(current);
      current = [];
      length = 0;
    }
    current.push(area);
    length += (current.length > 1 ? 1 : 0) + area.length;
  }
  return current.length ? [...out, current] : out;
}
