import { parseA1 } from "../model/address";
import { asA1 } from "../model/brand";
import { RawSheet } from "../model/cells";
import { inLang, say } from "../model/i18n";
import { GeneratedSheet, PlanCell } from "../model/write-plan";
import { CheckResult } from "../check/run-check";
import { cleanText, headerKey } from "../text/normalize";
import { SEVERITY_LABEL } from "./labels";
import { cell, SheetBuilder } from "./sheet-builder";

const HEADERS = [
  say("STT", "No."),
  say("Quy tắc", "Rule"),
  say("Mức độ", "Severity"),
  say("Sheet", "Sheet"),
  say("Ô", "Cell"),
  say("Nội dung", "Message"),
  say("Trạng thái xem xét", "Review status"),
  say("Ghi chú", "Note"),
  say("Mã lỗi", "Finding id"),
];
const WIDTHS = [6, 20, 10, 14, 8, 80, 16, 30, 36];
const ID_COL = 8;
/** Excel keeps at most 65,530 hyperlinks per sheet; past this the cell address is plain text. */
export const MAX_LINKS = 65_000;
const STATUS_COL = 6;
const NOTE_COL = 7;

export interface ReviewMark {
  readonly status: string;
  readonly note: string;
}

/**
 * The reviewers' marks of an earlier findings sheet, by finding id, so that a re-run keeps them.
 * Columns are found by their header in either language.
 */
export function readReviewMarks(sheet: RawSheet): Map<string, ReviewMark> {
  const marks = new Map<string, ReviewMark>();
  const keys = (i: number) => [headerKey(HEADERS[i]!.vi), headerKey(HEADERS[i]!.en)];
  for (let r = 0; r < Math.min(sheet.rows.length, 10); r++) {
    const row = sheet.rows[r] ?? [];
    const col = (i: number) => row.findIndex((v) => keys(i).includes(headerKey(cleanText(v))));
    const [id, status, note] = [col(ID_COL), col(STATUS_COL), col(NOTE_COL)];
    if (id < 0 || status < 0 || note < 0) continue;
    for (let d = r + 1; d < sheet.rows.length; d++) {
      const data = sheet.rows[d] ?? [];
      const key = cleanText(data[id]);
      const mark = { status: cleanText(data[status]), note: cleanText(data[note]) };
      if (key !== "" && (mark.status !== "" || mark.note !== "")) marks.set(key, mark);
    }
    break;
  }
  return marks;
}

/** "Danh sách lỗi": one row per finding, its cell a link, with the reviewer's status and note. */
export function findingsSheet(
  result: CheckResult,
  name: string,
  marks: ReadonlyMap<string, ReviewMark>,
): GeneratedSheet {
  const lang = result.settings.lang;
  const b = new SheetBuilder("findings", name);
  b.row(
    [
      say(`DANH SÁCH LỖI (${result.findings.length})`, `FINDINGS (${result.findings.length})`)[
        lang
      ],
    ],
    "title",
  );
  b.merge(0, 0, 0, HEADERS.length - 1);
  b.row(
    HEADERS.map((h) => h[lang]),
    "header",
  );
  result.findings.forEach((f, i) => {
    const mark = marks.get(f.id);
    const target =
      i < MAX_LINKS && f.sheet && f.cell && parseA1(f.cell)
        ? { sheet: f.sheet, cell: asA1(f.cell) }
        : undefined;
    const where: PlanCell = target
      ? { v: f.cell ?? "", style: "link", link: target }
      : cell(f.cell ?? "");
    const style = f.severity === "error" ? "fail" : f.severity === "warning" ? "warn" : "text";
    b.row(
      [
        cell(i + 1, "integer"),
        f.rule,
        cell(inLang(SEVERITY_LABEL[f.severity], lang), style),
        f.sheet ?? "",
        where,
        inLang(f.message, lang),
        mark?.status ?? "",
        mark?.note ?? "",
        f.id,
      ],
      "text",
    );
  });
  return b.build(WIDTHS, 2);
}
