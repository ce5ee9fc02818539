/**
 * The auditor's review from the pane: mark one finding of the generated findings sheet ("Danh sách
 * lỗi") with a status and a note, dated. The same cells a reviewer can type into by hand, found by
 * the finding id (never by row: the reviewer may have sorted or filtered the sheet), so a re-run
 * carries the mark like any other.
 */
import { rangeA1, toA1 } from "../core/model/address";
import {
  findingRow,
  holdsFinding,
  isComplete,
  layoutForMark,
  markEdits,
  noFindingsSheet,
  ReviewMarkInput,
  reviewDay,
  trailLayout,
  unknownFinding,
} from "../core/review/mark";
import { TRAIL_HEADER_SCAN } from "../core/review/columns";
import { ExcelBatch } from "../hosts/office";
import { LIMITS, RESPONSE_FRAME_BYTES, isLimitError, rowBytes } from "../hosts/office/batch";
import { loadInventory } from "../hosts/office/inventory";

export type { ReviewMarkInput } from "../core/review/mark";

/** How a reviewed-on day shows, as the generated sheet writes its dates. */
const DAY_FORMAT = "dd/mm/yyyy";

/** Where the mark went: the sheet and the row (1-based) of the finding. */
export interface ReviewMarkWritten {
  readonly sheet: string;
  readonly row: number;
}

/**
 * The first read of the findings sheet: its top rows over the columns the generated sheet uses
 * (14) with room for a reviewer's own. A findings row is about 1 KB of JSON, so 1,000 rows answer
 * in about 1 MB: a sheet of up to 1,000 findings is read in this one block.
 */
const HEAD_ROWS = 1000;
const HEAD_COLUMNS = 32;
/** What a top row's cell is reckoned at to size the first read under a smaller budget. */
const HEAD_CELL_BYTES = 32;
/** An id cell before any is seen: ids are some tens of characters. */
const FIRST_GUESS_ID_BYTES = 64;

type Cell = string | number | boolean | null;

/** Excel's values as the core reads rows: "" is empty. */
const cellsOf = (values: unknown[][]): Cell[][] =>
  values.map((r) => r.map((v) => (v === "" ? null : (v as Cell))));

/**
 * Loads one range's values, or null when Excel answers that the response would be too large
 * (the caller then reads a smaller block).
 */
async function valuesOrNull(
  context: Excel.RequestContext,
  range: Excel.Range,
): Promise<unknown[][] | null> {
  range.load("values");
  try {
    await context.sync();
  } catch (e) {
    if (isLimitError(e)) return null;
    throw e;
  }
  return range.values as unknown[][] | null;
}

/**
 * Writes the status and/or note of `findingId` and dates the review `today` (ISO "YYYY-MM-DD", the
 * user's local day). Four syncs for a sheet of up to 1,000 findings: the sheets, their tags, the
 * sheet's extent with its top rows, the write. A larger sheet's id column is then read in blocks
 * that fit a response (as read-sheet.ts sizes them), until the finding is found.
 */
export async function setReviewMark(
  run: ExcelBatch,
  findingId: string,
  mark: ReviewMarkInput,
  today: string,
  options: { readonly payloadBytes?: number } = {},
): Promise<ReviewMarkWritten> {
  reviewDay(today); // a bad day is refused before anything is read
  const room = Math.max(1, (options.payloadBytes ?? LIMITS.payloadBytes) - RESPONSE_FRAME_BYTES);
  return run(async (context) => {
    const { sheets } = await loadInventory(context, false);
    const findings = sheets.find((s) => s.generated === "findings");
    if (!findings) throw noFindingsSheet();
    const ws = findings.ws;
    const used = ws.getUsedRange(true);
    used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    // The top rows from A1 (the used range may start below row 1 or right of column A), fewer
    // when their text is too long for one answer.
    let headRows = Math.min(
      HEAD_ROWS,
      Math.max(TRAIL_HEADER_SCAN, Math.floor(room / (HEAD_COLUMNS * HEAD_CELL_BYTES))),
    );
    let head: Cell[][] | null = null;
    while (head === null) {
      const values = await valuesOrNull(
        context,
        ws.getRange(rangeA1(0, 0, headRows - 1, HEAD_COLUMNS - 1)),
      );
      if (values) head = cellsOf(values);
      else if (headRows <= TRAIL_HEADER_SCAN)
        throw new Error("The findings sheet's top rows are too large to read.");
      else headRows = Math.max(TRAIL_HEADER_SCAN, Math.floor(headRows / 2));
    }
    const bottom = used.rowIndex + used.rowCount;
    const lastColumn = used.columnIndex + used.columnCount - 1;
    let found = trailLayout(head);
    if ((!found || !isComplete(found)) && lastColumn >= HEAD_COLUMNS) {
      // A header, or some of its columns, moved right of the columns read: its rows over the
      // whole used width.
      const rows = Math.min(TRAIL_HEADER_SCAN, bottom);
      const values = await valuesOrNull(context, ws.getRange(rangeA1(0, 0, rows - 1, lastColumn)));
      found = (values && trailLayout(cellsOf(values))) || found;
    }
    const layout = layoutForMark(found, mark, findings.name);
    const idCol = layout.id;
    const inHead = idCol < HEAD_COLUMNS;
    let row0 = inHead ? findingRow(head, layout, findingId) : -1;
    let perRow = FIRST_GUESS_ID_BYTES;
    if (inHead)
      for (let r = layout.headerRow0 + 1; r < head.length; r++)
        perRow = Math.max(perRow, rowBytes([head[r]?.[idCol] ?? ""]));
    // The rest of the id column in blocks that fit one answer, sized by the longest id seen.
    let from = inHead ? Math.max(head.length, layout.headerRow0 + 1) : layout.headerRow0 + 1;
    let cap = LIMITS.cells;
    while (row0 < 0 && from < bottom) {
      const n = Math.min(bottom - from, cap, Math.max(1, Math.floor(room / perRow)));
      const values = await valuesOrNull(
        context,
        ws.getRange(rangeA1(from, idCol, from + n - 1, idCol)),
      );
      if (!values) {
        if (n === 1) throw new Error(`Row ${from + 1} of "${findings.name}" is too large to read.`);
        cap = Math.max(1, Math.floor(n / 2));
        continue;
      }
      values.forEach((r, i) => {
        perRow = Math.max(perRow, rowBytes(r));
        if (row0 < 0 && holdsFinding(r[0] === "" ? null : (r[0] as Cell), findingId))
          row0 = from + i;
      });
      from += n;
    }
    if (row0 < 0) throw unknownFinding(findingId, findings.name);
    for (const edit of markEdits(layout, row0, mark, today)) {
      const target = ws.getRange(toA1(edit.row0, edit.col));
      if (edit.kind === "day") target.numberFormat = [[DAY_FORMAT]];
      target.values = [[edit.value]];
    }
    await context.sync();
    return { sheet: findings.name, row: row0 + 1 };
  });
}
