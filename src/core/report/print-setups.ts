import { parseA1, rangeA1 } from "../model/address";
import { Lang } from "../model/i18n";
import { GeneratedSheet, PrintSetup } from "../model/write-plan";

/**
 * Page setups of the generated sheets, and the arithmetic that chooses a scale for a table that
 * must print on one page.
 *
 * Geometry, in points (1 pt = 1/72 in; at 96 px an inch, 1 px = 0.75 pt):
 * - A4 is 210 × 297 mm = 595.28 × 841.89 pt; landscape: 841.89 wide, 595.28 high.
 * - Margins are the ones the hosts write (the spreadsheet's "Normal" margins): 0.7 in = 50.4 pt
 *   left and right, 0.75 in = 54 pt top and bottom; the footer sits inside the bottom margin
 *   (0.3 in from the edge), so it takes nothing from the printable area.
 * - Printable area, landscape: 841.89 − 2 × 50.4 = 741.09 pt wide, 595.28 − 2 × 54 = 487.28 pt
 *   high.
 * - A column `w` characters wide is 7w + 5 px in the default font (Calibri 11: 7 px for the
 *   widest digit, plus 5 px of cell padding), so 0.75 × (7w + 5) pt; a column without a width is
 *   the default 8.43 characters (64 px = 48 pt).
 * - A row is 15 pt (20 px, Calibri 11); a title row is 24 pt (the hosts give the 14 pt title font
 *   that height); a header row wraps its text, so it is 15 pt a line, the lines counted by
 *   wrapping its words into the column's width (bold letters taken 10% wider). Merged cells do
 *   not make a row taller (the spreadsheet sizes rows on unmerged cells only).
 * - These are estimates (a workbook whose default font is Times New Roman 13 has wider
 *   characters and taller rows, roughly in proportion), so the scale keeps 5% headroom.
 * A scale s prints everything at s%: the table fits when s × its width ≤ the printable width and
 * s × its height ≤ the printable height; the margins do not scale.
 */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;
export const MARGINS = { left: 50.4, right: 50.4, top: 54, bottom: 54 } as const;
export const PRINTABLE = {
  width: A4_LANDSCAPE.width - MARGINS.left - MARGINS.right,
  height: A4_LANDSCAPE.height - MARGINS.top - MARGINS.bottom,
} as const;

const DEFAULT_COLUMN_CHARS = 8.43;
/** The default column: 64 px. */
const DEFAULT_COLUMN_POINTS = 48;
const ROW_POINTS = 15;
const TITLE_ROW_POINTS = 24;
const BOLD_WIDTH = 1.1;
const HEADROOM = 0.95;
export const MIN_SCALE = 10;
export const MAX_SCALE = 100;

/** The parts of a generated sheet its print setup depends on. */
export type SheetShape = Pick<GeneratedSheet, "rows" | "merges" | "columnWidths">;

/** A table of a sheet: 1-based rows `first`..`last`, columns A up to `columns` columns. */
export interface TableBlock {
  readonly first: number;
  readonly last: number;
  readonly columns: number;
}

export const pageFooter = (lang: Lang): string => (lang === "vi" ? "Trang &P/&N" : "Page &P/&N");

/** Points of a column `chars` characters wide: 0.75 × (7 × chars + 5). */
export const columnPoints = (chars: number): number => 0.75 * (7 * chars + 5);

/** Points of columns A.. up to `columns` columns. */
export function tableWidthPoints(columnWidths: readonly number[], columns: number): number {
  let sum = 0;
  for (let c = 0; c < columns; c++) {
    const chars = columnWidths[c];
    sum += chars === undefined || chars <= 0 ? DEFAULT_COLUMN_POINTS : columnPoints(chars);
  }
  return sum;
}

/** Lines a text takes wrapped by words into a column `chars` characters wide. */
export function wrappedLines(text: string, chars: number): number {
  const room = Math.max(1, chars);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const len = word.length * BOLD_WIDTH;
    if (used === 0) used = len;
    else if (used + 1 + len <= room) used += 1 + len;
    else {
      lines++;
      used = len;
    }
    // A word longer than the column breaks inside it.
    while (used > room) {
      lines++;
      used -= room;
    }
  }
  return lines;
}

/** The cells (0-based "row,col") covered by a merged range. */
function mergedCells(merges: readonly string[]): Set<string> {
  const cells = new Set<string>();
  for (const m of merges) {
    const [a, b] = m.split(":");
    const p = parseA1(a ?? "");
    const q = parseA1(b ?? a ?? "");
    if (!p || !q) continue;
    for (let r = p.row0; r <= q.row0; r++)
      for (let c = p.col0; c <= q.col0; c++) cells.add(`${r},${c}`);
  }
  return cells;
}

/** The estimated printed height of each row in points (see the geometry above). */
export function rowHeightsPoints(sheet: SheetShape): number[] {
  const merged = mergedCells(sheet.merges);
  return sheet.rows.map((row, r) => {
    if (row.some((c) => c.style === "title")) return TITLE_ROW_POINTS;
    let lines = 1;
    row.forEach((c, col) => {
      if (c.style !== "header" || typeof c.v !== "string" || merged.has(`${r},${col}`)) return;
      const chars = sheet.columnWidths[col] ?? DEFAULT_COLUMN_CHARS;
      lines = Math.max(lines, wrappedLines(c.v, chars));
    });
    return lines * ROW_POINTS;
  });
}

/** The largest whole percent (10-100) at which `width` × `height` points fit the printable area. */
export function scaleToFit(width: number, height: number): number {
  const fit = Math.min(PRINTABLE.width / width, PRINTABLE.height / height);
  const scale = Math.floor(100 * HEADROOM * fit);
  return Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
}

const lastColumn = (sheet: SheetShape): number =>
  Math.max(sheet.columnWidths.length, ...sheet.rows.map((r) => r.length), 1);

/**
 * A list that may run over many pages (the club results, the findings): A4 landscape, fit to one
 * page wide and as many tall as needed (no scale), its header rows repeated on every page, the
 * area its rows and columns.
 */
export function listPrintSetup(
  sheet: SheetShape,
  headerRows: readonly [number, number],
  lang: Lang,
): PrintSetup {
  return {
    orientation: "landscape",
    paper: "A4",
    titleRows: headerRows,
    area: rangeA1(0, 0, Math.max(0, sheet.rows.length - 1), lastColumn(sheet) - 1),
    footer: pageFooter(lang),
  };
}

/**
 * Tables that each print on one page (the appendix): A4 landscape, one scale for the sheet
 * chosen so that the widest table fits the printable width and every page fits the printable
 * height, a manual break before each table after the first (the rows between two tables end the
 * earlier page), `titleRows` repeated at the top of each page, the area from A1 to the last
 * table's last row and the widest table's last column, centred horizontally.
 */
export function tablesPrintSetup(
  sheet: SheetShape,
  tables: readonly TableBlock[],
  titleRows: readonly [number, number] | null,
  lang: Lang,
): PrintSetup {
  const heights = rowHeightsPoints(sheet);
  const rowsHeight = (first: number, last: number) =>
    heights.slice(first - 1, last).reduce((s, h) => s + h, 0);
  const breaks = tables.slice(1).map((t) => t.first - 1);
  const starts = [1, ...breaks.map((b) => b + 1)];
  const ends = [...breaks, tables[tables.length - 1]?.last ?? sheet.rows.length];
  const pageHeights = starts.map((start, i) => {
    // The repeated title rows print above a page's own rows when the page starts below them.
    const repeated = titleRows && start > titleRows[1] ? rowsHeight(titleRows[0], titleRows[1]) : 0;
    return repeated + rowsHeight(start, ends[i]!);
  });
  const columns = Math.max(1, ...tables.map((t) => t.columns));
  const width = Math.max(...tables.map((t) => tableWidthPoints(sheet.columnWidths, t.columns)));
  const scale = scaleToFit(width, Math.max(ROW_POINTS, ...pageHeights));
  return {
    orientation: "landscape",
    paper: "A4",
    scale,
    ...(titleRows ? { titleRows } : {}),
    area: rangeA1(0, 0, ends[ends.length - 1]! - 1, columns - 1),
    rowBreaks: breaks,
    centerHorizontally: true,
    footer: pageFooter(lang),
  };
}
