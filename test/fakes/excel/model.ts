/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * The workbook's state as plain data: what Excel would hold behind its proxies. The proxies read
 * and change it only inside context.sync(), as Excel does.
 */
import { FakeExcelError, invalid } from "./errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export type CellValue = string | number | boolean;

/** Zero-based, inclusive. */
export interface Bounds {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
  /** "A:A" or "3:3": Excel refuses values over these. */
  readonly whole?: boolean;
}

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fontColor?: string;
  fontSize?: number;
  /** Read back by getCellProperties; set by tests (FakeExcel.setFont). */
  fontName?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
}

export interface CfModel {
  readonly id: string;
  readonly type: "Custom";
  readonly areas: Bounds[];
  formula: string;
  fill: string | undefined;
  deleted: boolean;
}

export interface NameModel {
  readonly name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface HyperlinkModel {
  readonly documentReference?: string;
  readonly address?: string;
  readonly textToDisplay?: string;
}

let sheetIds = 0;

export class SheetModel {
  /** Excel's worksheet id: a GUID that stays when the sheet is renamed or moved. */
  readonly id = `{00000000-0001-0000-0000-${String(++sheetIds).padStart(12, "0")}}`;
  readonly cells: (CellValue | undefined)[][] = [];
  readonly numberFormats = new Map<string, string>();
  readonly formats = new Map<string, CellFormat>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hyperlinks = new Map<string, HyperlinkModel>();
  merges: Bounds[] = [];
  conditionalFormats: CfModel[] = [];
  readonly names: NameModel[] = [];
  frozenRows = 0;
  protected = false;
  deleted = false;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";

  constructor(public name: string) {}

  get(r: number, c: number): CellValue | undefined {
    return this.cells[r]?.[c];
  }

  set(r: number, c: number, v: CellValue | undefined): void {
    const row = this.cells[r] ?? (this.cells[r] = []);
    row[c] = v === "" ? undefined : v;
  }

  /** The cells with a value (or, unless valuesOnly, a format): what getUsedRange returns. */
  used(valuesOnly: boolean): Bounds | undefined {
    return this.usedIn(undefined, valuesOnly);
  }

  /**
   * The smallest area holding every cell of `within` (the whole sheet when undefined) with a value
   * (or, unless valuesOnly, a format): Range.getUsedRange. Rows are walked by their present keys, so
   * a row holding one cell in column XFD costs one step, not 16,384.
   */
  usedIn(within: Bounds | undefined, valuesOnly: boolean): Bounds | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const see = (r: number, c: number) => {
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    };
    const inside = (r: number, c: number) =>
      !within || (r >= within.r0 && r <= within.r1 && c >= within.c0 && c <= within.c1);
    const last = Math.min(this.cells.length - 1, within?.r1 ?? Infinity);
    for (let r = within?.r0 ?? 0; r <= last; r++)
      forEachPresent(this.cells[r], (c, v) => v !== undefined && inside(r, c) && see(r, c));
    if (!valuesOnly)
      for (const key of [...this.formats.keys(), ...this.numberFormats.keys()]) {
        const [r, c] = key.split(",").map(Number);
        if (inside(r!, c!)) see(r!, c!);
      }
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }
}

/**
 * The cells present in a row, in column order: by its keys, which for a row with a few cells far
 * apart (one in column XFD) are those few, where forEach would visit every index up to the last.
 */
export function forEachPresent<T>(
  row: readonly (T | undefined)[] | undefined,
  fn: (c: number, v: T | undefined) => void,
): void {
  if (!row) return;
  for (const key of Object.keys(row)) fn(Number(key), row[Number(key)]);
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  protected = false;
  nextId = 1;
  /** Workbooks opened in a new window by Application.createWorkbook(base64).open(), as base64. */
  readonly opened: string[] = [];

  /** By name (any case) or by id, as Worksheets.getItem takes either. */
  find(key: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase() || s.id === key);
  }
}

export const cellKey = (r: number, c: number): string => `${r},${c}`;

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function colLetters(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const a1 = (b: Bounds): string =>
  b.r0 === b.r1 && b.c0 === b.c1
    ? `${colLetters(b.c0)}${b.r0 + 1}`
    : `${colLetters(b.c0)}${b.r0 + 1}:${colLetters(b.c1)}${b.r1 + 1}`;

/** One area: "B3", "B3:D9", "$B$3", "A:C", "3:5". Excel does the same parsing server-side. */
export function parseArea(text: string): Bounds {
  const t = text.trim().replace(/\$/g, "").toUpperCase();
  const cell = /^([A-Z]{1,3})([1-9]\d{0,6})$/;
  const parts = t.split(":");
  if (parts.length > 2 || !parts[0]) throw invalid(`address "${text}"`);
  const ends = parts.length === 2 ? parts : [parts[0], parts[0]];
  const cells = ends.map((p) => cell.exec(p!));
  if (cells[0] && cells[1]) {
    const [a, b] = cells.map((m) => ({ r: Number(m![2]) - 1, c: colIndex(m![1]!) }));
    return check({ r0: a!.r, c0: a!.c, r1: b!.r, c1: b!.c }, text);
  }
  if (parts.length === 2 && ends.every((p) => /^[A-Z]{1,3}$/.test(p!)))
    return check(
      { r0: 0, c0: colIndex(ends[0]!), r1: MAX_ROWS - 1, c1: colIndex(ends[1]!), whole: true },
      text,
    );
  if (parts.length === 2 && ends.every((p) => /^[1-9]\d{0,6}$/.test(p!)))
    return check(
      { r0: Number(ends[0]) - 1, c0: 0, r1: Number(ends[1]) - 1, c1: MAX_COLS - 1, whole: true },
      text,
    );
  throw invalid(`address "${text}"`);
}

function check(b: Bounds, text: string): Bounds {
  if (b.r0 > b.r1 || b.c0 > b.c1 || b.r1 >= MAX_ROWS || b.c1 >= MAX_COLS)
    throw invalid(`address "${text}"`);
  return b;
}

export const cellCount = (b: Bounds): number => (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);

export const intersects = (a: Bounds, b: Bounds): boolean =>
  a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

export function forEachCell(b: Bounds, fn: (r: number, c: number) => void): void {
  for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) fn(r, c);
}

/** Excel names a sheet in an address with quotes when it is not a plain identifier. */
export const qualified = (sheet: string, b: Bounds): string =>
  `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${a1(b)}`;

export const accessDenied = (sheet: string): FakeExcelError =>
  new FakeExcelError("AccessDenied", `The sheet "${sheet}" is protected.`);
