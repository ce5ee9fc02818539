import { RawSheet } from "../../src/core/model/cells";

/**
 * Every filled cell as "row,column=value", by the rows' present keys: two readings of one sparse
 * sheet compare equal without ever walking 16,384 columns a row.
 */
export function filledCells(rows: RawSheet["rows"]): string[] {
  const out: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows.at(r);
    if (!row) continue;
    for (const key of Object.keys(row)) {
      const v = row[Number(key)];
      if (v !== undefined && v !== null && v !== "") out.push(`${r},${key}=${JSON.stringify(v)}`);
    }
  }
  return out;
}
