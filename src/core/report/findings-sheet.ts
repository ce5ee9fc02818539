import { parseA1, rangeA1 } from "../model/address";
import { asA1 } from "../model/brand";
import { RawSheet } from "../model/cells";
import { Lang, say } from "../model/i18n";
import { formatCount } from "../text/numbers";
import { GeneratedSheet, PlanCell, StyleKey } from "../model/write-plan";
import { CheckResult } from "../check/run-check";
import { COLUMN_HEADER, TRAIL_COLUMNS, TrailColumn } from "../review/columns";
import { isoToSerial } from "../review/days";
import { REVIEW_STATUSES, STATE_LABEL, STATUS_LABEL, statusText } from "../review/status";
import { markCells, ReviewMarkInput } from "../review/mark";
import { readPreviousTrail, ReviewTrail, TrailRow } from "../review/trail";
import { listPrintSetup } from "./print-setups";
import { cell, SheetBuilder } from "./sheet-builder";

/**
 * "Danh sách lỗi": the findings of this run, then those earlier runs found and this one no longer
 * does, each with the auditor's review (status, note, day) carried by finding id.
 *
 * Columns, Vietnamese headers (English when the report is in English):
 *   A STT · B Tình trạng (Mới / Vẫn còn / Đã hết / Xuất hiện lại) · C Quy tắc · D Mức độ · E Sheet ·
 *   F Ô (a link) · G Nội dung · H Trạng thái xem xét (a dropdown) · I Ghi chú · J Ngày xem xét ·
 *   K Phát hiện lần đầu · L Ngày hết · M Mã lỗi
 * Row 1 is the title with the counts, row 2 the header, data from row 3.
 */
const WIDTH: Readonly<Record<TrailColumn, number>> = {
  no: 6,
  state: 13,
  rule: 20,
  severity: 10,
  sheet: 14,
  cell: 8,
  message: 80,
  status: 16,
  note: 30,
  reviewedOn: 12,
  firstSeen: 12,
  resolvedOn: 12,
  id: 36,
};
export const FINDINGS_HEADER_ROW0 = 1;
/** Excel keeps at most 65,530 hyperlinks per sheet; past this the cell address is plain text. */
export const MAX_LINKS = 65_000;

const col = (c: TrailColumn): number => TRAIL_COLUMNS.indexOf(c);

export interface ReviewMark {
  readonly status: string;
  readonly note: string;
}

/**
 * The reviewers' status and note of an earlier findings sheet, by finding id (the sheet's own
 * text). Kept for callers of the first layout; the write plan reads the whole trail instead.
 */
export function readReviewMarks(sheet: RawSheet): Map<string, ReviewMark> {
  const marks = new Map<string, ReviewMark>();
  for (const [id, e] of readPreviousTrail(sheet)) {
    const status =
      e.marks.status.kind === "known"
        ? STATUS_LABEL[e.marks.status.status].vi
        : e.marks.status.kind === "other"
          ? e.marks.status.text
          : "";
    if (status !== "" || e.marks.note !== "") marks.set(id, { status, note: e.marks.note });
  }
  return marks;
}

const dayCell = (day: string | null): PlanCell => {
  const serial = day === null ? null : isoToSerial(day);
  return serial === null ? cell("") : cell(serial, "date");
};

function rowCells(row: TrailRow, n: number, linkable: boolean, lang: Lang): PlanCell[] {
  const resolved = row.state === "resolved";
  const target =
    !resolved && linkable && row.sheet !== "" && row.cell !== "" && parseA1(row.cell)
      ? { sheet: row.sheet, cell: asA1(row.cell) }
      : undefined;
  const where: PlanCell = target ? { v: row.cell, style: "link", link: target } : cell(row.cell);
  const severityStyle: StyleKey = resolved
    ? "muted"
    : row.severity === "error"
      ? "fail"
      : row.severity === "warning"
        ? "warn"
        : "text";
  // A resolved row stays for the record, greyed: what the auditor wrote is kept, not current.
  const text: StyleKey = resolved ? "muted" : "text";
  const byColumn: Record<TrailColumn, PlanCell> = {
    no: cell(n, "integer"),
    state: cell(STATE_LABEL[row.state][lang], row.state === "new" ? "warn" : text),
    rule: cell(row.rule, text),
    severity: cell(row.severityText, severityStyle),
    sheet: cell(row.sheet, text),
    cell: target ? where : cell(row.cell, text),
    message: cell(row.message, text),
    status: cell(statusText(row.marks.status, lang), text),
    note: cell(row.marks.note, text),
    reviewedOn: dayCell(row.marks.reviewedOn),
    firstSeen: dayCell(row.firstSeen),
    resolvedOn: dayCell(row.resolvedOn),
    id: cell(row.id, text),
  };
  return TRAIL_COLUMNS.map((c) => byColumn[c]);
}

/** "Danh sách lỗi": the review trail, one row per finding id, current findings first. */
export function findingsSheet(
  result: CheckResult,
  name: string,
  trail: ReviewTrail,
): GeneratedSheet {
  const lang = result.settings.lang;
  const b = new SheetBuilder("findings", name);
  const { current, resolved } = trail.counts;
  const fresh = trail.counts.new;
  b.row(
    [
      say(
        `DANH SÁCH LỖI: ${formatCount(current, "vi")} phát hiện (${formatCount(fresh, "vi")} mới), ${formatCount(resolved, "vi")} đã hết`,
        `FINDINGS: ${formatCount(current, "en")} found (${formatCount(fresh, "en")} new), ${formatCount(resolved, "en")} resolved`,
      )[lang],
    ],
    "title",
  );
  b.merge(0, 0, 0, TRAIL_COLUMNS.length - 1);
  b.row(
    TRAIL_COLUMNS.map((c) => COLUMN_HEADER[c][lang]),
    "header",
  );
  trail.rows.forEach((row, i) => b.row(rowCells(row, i + 1, i < MAX_LINKS, lang), "text"));
  const first = FINDINGS_HEADER_ROW0 + 1;
  const last = FINDINGS_HEADER_ROW0 + trail.rows.length;
  const status = col("status");
  const built = b.build(
    TRAIL_COLUMNS.map((c) => WIDTH[c]),
    FINDINGS_HEADER_ROW0 + 1,
  );
  // A list of any length: one page wide, the title and header rows repeated on every page.
  const sheet = {
    ...built,
    print: listPrintSetup(built, [1, FINDINGS_HEADER_ROW0 + 1], lang),
  };
  return trail.rows.length === 0
    ? sheet
    : {
        ...sheet,
        validations: [
          {
            range: rangeA1(first, status, last, status),
            values: REVIEW_STATUSES.map((s) => STATUS_LABEL[s][lang]),
            prompt: say(
              "Chọn trạng thái xem xét; ghi chú ở cột bên cạnh. Giữ nguyên qua các lần kiểm tra.",
              "Pick the review status; add a note in the next column. Kept across re-runs.",
            )[lang],
          },
        ],
      };
}

/**
 * The findings sheet with one finding marked as an auditor would type it: how a host that writes
 * whole sheets (the browser's checked copy) takes a mark set in the pane. review/mark.ts decides
 * the header, the row and the cells, as it does for Excel; this only puts its values in. Throws
 * InputError when the header or a column is gone or no row has that finding id.
 */
export function markFinding(
  sheet: GeneratedSheet,
  id: string,
  mark: ReviewMarkInput,
  day: string,
): GeneratedSheet {
  const edits = markCells(
    sheet.rows.map((r) => r.map((c) => c.v)),
    sheet.name,
    id,
    mark,
    day,
  );
  // Only the marked row is new: the sheet's other rows are kept as they are.
  const rows = [...sheet.rows];
  for (const edit of edits) {
    const row = [...rows[edit.row0]!];
    while (row.length <= edit.col) row.push(cell(null));
    row[edit.col] =
      edit.kind === "day" ? cell(edit.value, "date") : { ...row[edit.col]!, v: edit.value };
    rows[edit.row0] = row;
  }
  return { ...sheet, rows };
}
