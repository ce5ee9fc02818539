import { RawRow, RawValue } from "../model/cells";
import { InputError } from "../model/errors";
import { Lang, say } from "../model/i18n";
import { GENERATED_NAMES } from "../report/labels";
import { cleanText, headerKey } from "../text/normalize";
import { COLUMN_HEADER, findTrailHeader, TRAIL_HEADER_SCAN } from "./columns";
import { isoToSerial } from "./days";
import { parseStatus, ReviewStatus, statusText } from "./status";

/**
 * An auditor's mark on one finding of the findings sheet ("Danh sách lỗi"): a status and a note,
 * dated. The one implementation of the use case: each host reads the sheet's cells (Excel its top
 * rows then the id column in blocks, file mode the checked copy's sheet) and this decides where the
 * header is, which row holds the finding (by its id, never by row number: the sheet may have been
 * sorted, its columns moved), which cells get which value, and what to say when it cannot; the
 * host only writes the cells it is given.
 */

export interface ReviewMarkInput {
  /** One of ours (written as its label in the sheet's language), or the reviewer's own word. */
  readonly status?: ReviewStatus | string;
  readonly note?: string;
}

/** Where the marks go in one findings sheet, as its header row says (any column order). */
export interface TrailLayout {
  readonly headerRow0: number;
  readonly id: number;
  /** The review status column; undefined when the reviewer deleted it. */
  readonly status: number | undefined;
  /** The note column; undefined when the reviewer deleted it. */
  readonly note: number | undefined;
  /** The reviewed-on column; undefined when the reviewer deleted it (the mark is then undated). */
  readonly reviewedOn: number | undefined;
  /** The sheet's language, as its status header (else its id header) is written: vi unless en. */
  readonly lang: Lang;
}

/**
 * The layout from the sheet's top rows (at most TRAIL_HEADER_SCAN are searched), or null when no
 * row names the finding id with the review status or the note: not the header, or the header is
 * further right than the columns given.
 */
export function trailLayout(top: ReadonlyArray<RawRow | undefined>): TrailLayout | null {
  const header = findTrailHeader(top);
  if (!header) return null;
  const at = (c: "id" | "status" | "note" | "reviewedOn") => header.columns.get(c);
  const id = at("id")!;
  const status = at("status");
  const word = headerKey(cleanText(top[header.row0]?.[status ?? id]));
  const english = headerKey(COLUMN_HEADER[status === undefined ? "id" : "status"].en);
  return {
    headerRow0: header.row0,
    id,
    status,
    note: at("note"),
    reviewedOn: at("reviewedOn"),
    lang: word === english ? "en" : "vi",
  };
}

/** Whether the layout has every column a mark can write (else a host may look further right). */
export const isComplete = (layout: TrailLayout): boolean =>
  layout.status !== undefined && layout.note !== undefined && layout.reviewedOn !== undefined;

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

/**
 * The layout a mark needs, or the reason it cannot be written: no header row in the sheet's top
 * rows, or a column the mark writes (the status, the note) deleted by the reviewer.
 */
export function layoutForMark(
  layout: TrailLayout | null,
  mark: ReviewMarkInput,
  sheet: string,
): TrailLayout {
  if (!layout) throw lostHeader(sheet);
  if (mark.status !== undefined && layout.status === undefined)
    throw missingColumn(sheet, "status", layout);
  if (mark.note !== undefined && layout.note === undefined)
    throw missingColumn(sheet, "note", layout);
  return layout;
}

/**
 * The cells a mark writes on the finding's row `row0`, dated `today` (ISO "YYYY-MM-DD", the user's
 * local day): the status as our label in the sheet's language (or the reviewer's own word), the
 * note, and the day when the sheet has a reviewed-on column.
 */
export function markEdits(
  layout: TrailLayout,
  row0: number,
  mark: ReviewMarkInput,
  today: string,
): MarkEdit[] {
  const serial = reviewDay(today);
  const edits: MarkEdit[] = [];
  const { status, note, reviewedOn } = layout;
  if (mark.status !== undefined && status !== undefined)
    edits.push({
      row0,
      col: status,
      kind: "text",
      value: statusText(parseStatus(mark.status), layout.lang),
    });
  if (mark.note !== undefined && note !== undefined)
    edits.push({ row0, col: note, kind: "text", value: mark.note });
  if (reviewedOn !== undefined) edits.push({ row0, col: reviewedOn, kind: "day", value: serial });
  return edits;
}

/**
 * The whole use case over a sheet held in full (file mode's checked copy): the cells to write for
 * marking `id`. Throws InputError when the header or a column is gone or no row has that id.
 */
export function markCells(
  rows: ReadonlyArray<RawRow | undefined>,
  sheet: string,
  id: string,
  mark: ReviewMarkInput,
  today: string,
): MarkEdit[] {
  reviewDay(today);
  const layout = layoutForMark(trailLayout(rows), mark, sheet);
  const row0 = findingRow(rows, layout, id);
  if (row0 < 0) throw unknownFinding(id, sheet);
  return markEdits(layout, row0, mark, today);
}

// What is said when a mark cannot be written: always the sheet, and what was looked for.

const FINDINGS = GENERATED_NAMES.findings;
const headerWords = (lang: Lang): string =>
  `"${COLUMN_HEADER.id[lang]}", "${COLUMN_HEADER.status[lang]}", "${COLUMN_HEADER.note[lang]}"`;

export const noFindingsSheet = (): InputError =>
  new InputError(
    "missing-sheet",
    say(
      `Không có sheet "${FINDINGS}" (danh sách lỗi mà Kiểm tra CLB ghi ra) để ghi trạng thái xem xét: hãy chạy Kiểm tra CLB trước.`,
      `There is no sheet "${FINDINGS}" (the findings the check writes) to put the review mark in: run the check first.`,
    ),
    FINDINGS,
  );

export const lostHeader = (sheet: string): InputError =>
  new InputError(
    "no-header",
    say(
      `Sheet "${sheet}" không còn dòng tiêu đề có các cột ${headerWords("vi")} trong ${TRAIL_HEADER_SCAN} dòng đầu: hãy chạy lại Kiểm tra CLB.`,
      `Sheet "${sheet}" has lost its header row with the columns ${headerWords("en")} (looked for in its first ${TRAIL_HEADER_SCAN} rows): run the check again.`,
    ),
    sheet,
  );

export const missingColumn = (
  sheet: string,
  column: "status" | "note",
  layout: TrailLayout,
): InputError => {
  const row = layout.headerRow0 + 1;
  const name = COLUMN_HEADER[column];
  return new InputError(
    "missing-column",
    say(
      `Sheet "${sheet}" không còn cột "${name.vi}" ở dòng tiêu đề (dòng ${row}): hãy thêm lại cột đó hoặc chạy lại Kiểm tra CLB.`,
      `Sheet "${sheet}" has no "${name.en}" column in its header row (row ${row}): add the column back or run the check again.`,
    ),
    sheet,
  );
};

export const unknownFinding = (id: string, sheet: string): InputError =>
  new InputError(
    "unknown-finding",
    say(
      `Không tìm thấy lỗi có mã "${id}" ở cột "${COLUMN_HEADER.id.vi}" của sheet "${sheet}": hãy chạy lại Kiểm tra CLB.`,
      `Finding "${id}" is not in the "${COLUMN_HEADER.id.en}" column of sheet "${sheet}": run the check again.`,
    ),
    sheet,
  );
