/**
 * The auditor's review from the pane: mark one finding of the generated findings sheet ("Danh sách
 * lỗi") with a status and a note, dated. The same cells a reviewer can type into by hand, found by
 * the finding id (never by row: the reviewer may have sorted or filtered the sheet), so a re-run
 * carries the mark like any other.
 */
import { toA1 } from "../core/model/address";
import { Lang, LocalText, say } from "../core/model/i18n";
import { COLUMN_HEADER, findTrailHeader } from "../core/review/columns";
import { isoToSerial } from "../core/review/days";
import { parseStatus, ReviewStatus, statusText } from "../core/review/status";
import { cleanText, headerKey } from "../core/text/normalize";
import { ExcelBatch } from "../hosts/office";
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
 * Writes the status and/or note of `findingId` and dates the review `today` (ISO "YYYY-MM-DD", the
 * user's local day). Four syncs: the sheets, their tags, the findings sheet's cells, the write.
 */
export async function setReviewMark(
  run: ExcelBatch,
  findingId: string,
  mark: ReviewMarkInput,
  today: string,
): Promise<ReviewMarkWritten> {
  const serial = isoToSerial(today);
  if (serial === null) throw new RangeError(`Not an ISO day: ${today}`);
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
    const used = findings.ws.getUsedRange(true);
    used.load(["values", "rowIndex", "columnIndex"]);
    await context.sync();
    const values = used.values as unknown[][];
    const top = used.rowIndex;
    const left = used.columnIndex;
    // The used range may start below row 1 or right of column A: rebuild the grid from A1.
    const rows = values.map((r) => [
      ...Array.from({ length: left }, () => null),
      ...r.map((v) => (v === "" ? null : (v as string | number | boolean))),
    ]);
    const grid = [...Array.from({ length: top }, () => undefined), ...rows];
    const header = findTrailHeader(grid);
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
    let row0 = -1;
    for (let r = header.row0 + 1; r < grid.length; r++) {
      if (cleanText(grid[r]?.[idCol]) === wanted) {
        row0 = r;
        break;
      }
    }
    if (row0 < 0)
      throw new ReviewMarkError(
        "unknown-finding",
        say(
          `Không tìm thấy lỗi "${findingId}" trong sheet "${findings.name}": hãy chạy lại Kiểm tra CLB.`,
          `Finding "${findingId}" is not in sheet "${findings.name}": run the check again.`,
        ),
      );
    const lang = sheetLang(grid[header.row0] ?? [], statusCol);
    const ws = findings.ws;
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
