/**
 * The auditor's review from the pane: mark one finding of the generated findings sheet ("Danh sách
 * lỗi") with a status and a note, dated. The same cells a reviewer can type into by hand, found by
 * the finding id (never by row: the reviewer may have sorted or filtered the sheet), so a re-run
 * carries the mark like any other.
 */
import { rangeA1, toA1 } from "../core/model/address";
import { Lang, LocalText, say } from "../core/model/i18n";
import { COLUMN_HEADER, TRAIL_HEADER_SCAN, findTrailHeader } from "../core/review/columns";
import { isoToSerial } from "../core/review/days";
import { parseStatus, ReviewStatus, statusText } from "../core/review/status";
import { cleanText, headerKey } from "../core/text/normalize";
import { ExcelBatch } from "../hosts/office";
import { LIMITS, RESPONSE_FRAME_BYTES, isLimitError, rowBytes } from "../hosts/office/batch";
import { loadInventory } from "../hosts/office/inventory";

export interface ReviewMarkInput {
  /** One of ours (written as its label in the sheet's language), or the reviewer's own word. */
  readonly status?: ReviewStatus | string;
  readonly note?: string;
}

export type ReviewMarkErrorCode = "no-findings-sheet" | "no-header" | "unknown-finding";

/** Why a mark could not be written, in both languages. */
export class ReviewMarkError extends Error {
  constructor(
    readonly code: ReviewMarkErrorCode,
    readonly text: LocalText,
  ) {
    super(`${text.vi} / ${text.en}`);
    this.name = "ReviewMarkError";
  }
}

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
  const serial = isoToSerial(today);
  if (serial === null) throw new RangeError(`Not an ISO day: ${today}`);
  const room = Math.max(1, (options.payloadBytes ?? LIMITS.payloadBytes) - RESPONSE_FRAME_BYTES);
  return run(async (context) => {
    const { sheets } = await loadInventory(context, false);
    const findings = sheets.find((s) => s.generated === "findings");
    if (!findings)
      throw new ReviewMarkError(
        "no-findings-sheet",
        say(
          "Chưa có sheet Danh sách lỗi: hãy chạy Kiểm tra CLB trước.",
          "There is no findings sheet yet: run the check first.",
        ),
      );
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
    let header = findTrailHeader(head);
    let headerRow = header ? head[header.row0]! : [];
    if (!header && lastColumn >= HEAD_COLUMNS) {
      // A header moved right of the columns read: its rows over the whole used width.
      const rows = Math.min(TRAIL_HEADER_SCAN, bottom);
      const values = await valuesOrNull(context, ws.getRange(rangeA1(0, 0, rows - 1, lastColumn)));
      const wide = values ? cellsOf(values) : [];
      header = findTrailHeader(wide);
      headerRow = header ? wide[header.row0]! : [];
    }
    const statusCol = header?.columns.get("status");
    const noteCol = header?.columns.get("note");
    const idCol = header?.columns.get("id");
    if (!header || statusCol === undefined || noteCol === undefined || idCol === undefined)
      throw new ReviewMarkError(
        "no-header",
        say(
          `Sheet "${findings.name}" không còn dòng tiêu đề (Mã lỗi, Trạng thái xem xét, Ghi chú): hãy chạy lại Kiểm tra CLB.`,
          `Sheet "${findings.name}" has lost its header row (Finding id, Review status, Note): run the check again.`,
        ),
      );
    const wanted = cleanText(findingId);
    const inHead = idCol < HEAD_COLUMNS;
    let row0 = -1;
    let perRow = FIRST_GUESS_ID_BYTES;
    if (inHead)
      for (let r = header.row0 + 1; r < head.length; r++) {
        const id = head[r]?.[idCol];
        perRow = Math.max(perRow, rowBytes([id ?? ""]));
        if (row0 < 0 && cleanText(id) === wanted) row0 = r;
      }
    // The rest of the id column in blocks that fit one answer, sized by the longest id seen.
    let from = inHead ? Math.max(head.length, header.row0 + 1) : header.row0 + 1;
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
        if (row0 < 0 && cleanText(r[0] === "" ? null : (r[0] as Cell)) === wanted) row0 = from + i;
      });
      from += n;
    }
    if (row0 < 0)
      throw new ReviewMarkError(
        "unknown-finding",
        say(
          `Không tìm thấy lỗi "${findingId}" trong sheet "${findings.name}": hãy chạy lại Kiểm tra CLB.`,
          `Finding "${findingId}" is not in sheet "${findings.name}": run the check again.`,
        ),
      );
    const lang = sheetLang(headerRow, statusCol);
    if (mark.status !== undefined)
      ws.getRange(toA1(row0, statusCol)).values = [[statusText(parseStatus(mark.status), lang)]];
    if (mark.note !== undefined) ws.getRange(toA1(row0, noteCol)).values = [[mark.note]];
    const dayCol = header.columns.get("reviewedOn");
    if (dayCol !== undefined) {
      const day = ws.getRange(toA1(row0, dayCol));
      day.numberFormat = [[DAY_FORMAT]];
      day.values = [[serial]];
    }
    await context.sync();
    return { sheet: findings.name, row: row0 + 1 };
  });
}

/** The findings sheet's language: that of its status header (Vietnamese unless it is English). */
function sheetLang(header: ReadonlyArray<unknown>, statusCol: number): Lang {
  const h = headerKey(cleanText(header[statusCol] as string));
  return h === headerKey(COLUMN_HEADER.status.en) ? "en" : "vi";
}
