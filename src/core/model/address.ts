import { A1, asA1 } from "./brand";

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(col0: number): string {
  let n = col0 + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" -> 0, "AA" -> 26; -1 when not letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) return -1;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Zero-based row and column to "D17". */
export function toA1(row0: number, col0: number): A1 {
  return asA1(`${columnLetters(col0)}${row0 + 1}`);
}

export function rangeA1(row0: number, col0: number, row1: number, col1: number): A1 {
  return asA1(`${toA1(row0, col0)}:${toA1(row1, col1)}`);
}

/** "D17" -> { row0: 16, col0: 3 }; null when it is not a single-cell address. */
export function parseA1(a1: string): { row0: number; col0: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(a1.trim());
  if (!m) return null;
  return { row0: Number(m[2]) - 1, col0: columnIndex(m[1]!) };
}

/** A sheet-qualified reference for links and formulas: 'Thành viên'!D17. */
export function sheetRef(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}
