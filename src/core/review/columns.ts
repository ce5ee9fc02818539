import { LocalText, say } from "../model/i18n";
import { forEachCell, RawRow, RowList } from "../model/cells";
import { cleanText, headerKey } from "../text/normalize";

/** The columns of the findings sheet ("Danh sách lỗi"), in the order they are written. */
export type TrailColumn =
  | "no"
  | "state"
  | "rule"
  | "severity"
  | "sheet"
  | "cell"
  | "message"
  | "status"
  | "note"
  | "reviewedOn"
  | "firstSeen"
  | "resolvedOn"
  | "id";

export const TRAIL_COLUMNS: readonly TrailColumn[] = [
  "no",
  "state",
  "rule",
  "severity",
  "sheet",
  "cell",
  "message",
  "status",
  "note",
  "reviewedOn",
  "firstSeen",
  "resolvedOn",
  "id",
];

export const COLUMN_HEADER: Readonly<Record<TrailColumn, LocalText>> = {
  no: say("STT", "No."),
  state: say("Tình trạng", "State"),
  rule: say("Quy tắc", "Rule"),
  severity: say("Mức độ", "Severity"),
  sheet: say("Sheet", "Sheet"),
  cell: say("Ô", "Cell"),
  message: say("Nội dung", "Message"),
  status: say("Trạng thái xem xét", "Review status"),
  note: say("Ghi chú", "Note"),
  reviewedOn: say("Ngày xem xét", "Reviewed on"),
  firstSeen: say("Phát hiện lần đầu", "First found"),
  resolvedOn: say("Ngày hết", "Resolved on"),
  id: say("Mã lỗi", "Finding id"),
};

/** Other header words read back (older outputs, a reviewer's renaming). */
const SYNONYMS: Partial<Record<TrailColumn, readonly string[]>> = {
  status: ["Trạng thái", "Status", "Xem xét", "Review"],
  note: ["Ghi chú của người kiểm tra", "Notes", "Comment"],
  reviewedOn: ["Ngày kiểm tra", "Review date", "Reviewed"],
  firstSeen: ["Ngày phát hiện", "First seen"],
  resolvedOn: ["Ngày khắc phục", "Resolved"],
  id: ["Mã", "Id", "Finding ID"],
};

const BY_KEY: ReadonlyMap<string, TrailColumn> = new Map(
  TRAIL_COLUMNS.flatMap((c) =>
    [COLUMN_HEADER[c].vi, COLUMN_HEADER[c].en, ...(SYNONYMS[c] ?? [])].map(
      (w) => [headerKey(w), c] as const,
    ),
  ),
);

/** Zero-based column of each field this row names as a header (the first column wins). */
export function trailColumnsOf(row: RawRow): Map<TrailColumn, number> {
  const found = new Map<TrailColumn, number>();
  // By its cells: a header row with one cell in column XFD is one cell, not 16,384.
  forEachCell(row, (v, i) => {
    if (typeof v !== "string") return;
    const c = BY_KEY.get(headerKey(cleanText(v)));
    if (c && !found.has(c)) found.set(c, i);
  });
  return found;
}

/** Rows searched for the header: a reviewer may insert rows above it. */
export const TRAIL_HEADER_SCAN = 30;

/**
 * The header row of a findings sheet and its columns: the first of the top rows that names the
 * finding id and the review status or note. Null when the sheet has none (not ours, or emptied).
 */
export function findTrailHeader(
  rows: RowList,
): { row0: number; columns: Map<TrailColumn, number> } | null {
  for (let r = 0; r < Math.min(rows.length, TRAIL_HEADER_SCAN); r++) {
    const columns = trailColumnsOf(rows.at(r) ?? []);
    if (columns.has("id") && (columns.has("status") || columns.has("note")))
      return { row0: r, columns };
  }
  return null;
}
