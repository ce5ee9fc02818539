import { RawRow, RawValue } from "../model/cells";
import { Lang, LocalText, say } from "../model/i18n";
import { cleanText, headerKey } from "../text/normalize";
import { COLUMN_HEADER, findTrailHeader } from "./columns";
import { isoToSerial } from "./days";
import { parseStatus, ReviewStatus, statusText } from "./status";

/**
 * An auditor's mark on one finding of the findings sheet ("Danh sách lỗi"): a status and a note,
 * dated. The one implementation of the use case: each host reads the sheet's cells (Excel in
 * blocks, file mode from the checked copy's plan), and this decides where the header is, which
 * row holds the finding (by its id, never by row number: the sheet may have been sorted), and
 * which cells get which value; the host only writes them.
 */

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

export const noFindingsSheet = (): ReviewMarkError =>
  new ReviewMarkError(
    "no-findings-sheet",
    say(
      "Chưa có sheet Danh sách lỗi: hãy chạy Kiểm tra CLB trước.",
      "There is no findings sheet yet: run the check first.",
    ),
  );

export const unknownFinding = (id: string, sheet: string): ReviewMarkError =>
  new ReviewMarkError(
    "unknown-finding",
    say(
      `Không tìm thấy lỗi "${id}" trong sheet "${sheet}": hãy chạy lại Kiểm tra CLB.`,
      `Finding "${id}" is not in sheet "${sheet}": run the check again.`,
    ),
  );

/** Where the marks go in one findings sheet, as its header row says (any column order). */
export interface TrailLayout {
  readonly headerRow0: number;
  readonly id: number;
  readonly status: number;
  readonly note: number;
  /** The reviewed-on column, when the reviewer kept it. */
  readonly reviewedOn: number | undefined;
  /** The sheet's language: that of its status header (Vietnamese unless it is English). */
  readonly lang: Lang;
}

/** The layout from the sheet's top rows, or null when its header is not among them. */
export function trailLayout(top: ReadonlyArray<RawRow | undefined>): TrailLayout | null {
  const header = findTrailHeader(top);
  if (!header) return null;
  const [id, status, note] = [
    header.columns.get("id"),
    header.columns.get("status"),
    header.columns.get("note"),
  ];
  if (id === undefined || status === undefined || note === undefined) return null;
  const statusHeader = headerKey(cleanText(top[header.row0]?.[status]));
  return {
    headerRow0: header.row0,
    id,
    status,
    note,
    reviewedOn: header.columns.get("reviewedOn"),
    lang: statusHeader === headerKey(COLUMN_HEADER.status.en) ? "en" : "vi",
  };
}

export const lostHeader = (sheet: string): ReviewMarkError =>
  new ReviewMarkError(
    "no-header",
    say(
      `Sheet "${sheet}" không còn dòng tiêu đề (Mã lỗi, Trạng thái xem xét, Ghi chú): hãy chạy lại Kiểm tra CLB.`,
      `Sheet "${sheet}" has lost its header row (Finding id, Review status, Note): run the check again.`,
    ),
  );

/** Whether an id cell holds this finding's id (as typed or read back: trimmed, NFC). */
export const holdsFinding = (cell: RawValue | undefined, id: string): boolean =>
  cleanText(cell ?? null) === cleanText(id);

/** The row (0-based) of the finding among `rows` (which start at sheet row `from0`), or -1. */
export function findingRow(
  rows: ReadonlyArray<RawRow | undefined>,
  layout: TrailLayout,
  id: string,
  from0 = 0,
): number {
  for (let r = Math.max(0, layout.headerRow0 + 1 - from0); r < rows.length; r++)
    if (holdsFinding(rows[r]?.[layout.id], id)) return from0 + r;
  return -1;
}

/** One cell to write: text, or a day as a date serial shown dd/mm/yyyy. */
export type MarkEdit =
  | { readonly row0: number; readonly col: number; readonly kind: "text"; readonly value: string }
  | { readonly row0: number; readonly col: number; readonly kind: "day"; readonly value: number };

/** The review day as a date serial; a day that is not ISO "YYYY-MM-DD" is a programming error. */
export function reviewDay(today: string): number {
  const serial = isoToSerial(today);
  if (serial === null) throw new RangeError(`Not an ISO day: ${today}`);
  return serial;
}

/** The cells a mark writes on the finding's row, dated `today` (ISO "YYYY-MM-DD", local day). */
export function markEdits(
  layout: TrailLayout,
  row0: number,
  mark: ReviewMarkInput,
  today: string,
): MarkEdit[] {
  const serial = reviewDay(today);
  const edits: MarkEdit[] = [];
  if (mark.status !== undefined)
    edits.push({
      row0,
      col: layout.status,
      kind: "text",
      value: statusText(parseStatus(mark.status), layout.lang),
    });
  if (mark.note !== undefined)
    edits.push({ row0, col: layout.note, kind: "text", value: mark.note });
  if (layout.reviewedOn !== undefined)
    edits.push({ row0, col: layout.reviewedOn, kind: "day", value: serial });
  return edits;
}
