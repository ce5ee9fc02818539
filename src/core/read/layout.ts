import { columnLetters, toA1 } from "../model/address";
import { RawSheet } from "../model/cells";
import { LocalText, say } from "../model/i18n";
import { FindingSink } from "../findings/sink";
import { SheetRole, SheetSpec } from "../sheets/specs";
import { headerCell, HeaderMatch, unreadColumns } from "./header";
import { shortText } from "../text/short-text";

/**
 * What the reader understood of one sheet, for the report ("layout") and the pane: which role,
 * which rows are the header, which column is which field, and which rows it skipped and why.
 */
export interface SheetLayout {
  readonly sheet: string;
  readonly role: SheetRole;
  /** One-based header rows. */
  readonly headerRows: readonly number[];
  readonly columns: readonly {
    readonly column: string;
    readonly header: string;
    readonly field: string;
  }[];
  /** Rows read as records. */
  readonly dataRows: number;
  readonly blankRows: number;
  /** One-based rows skipped as totals ("Tổng cộng"). */
  readonly totalRows: readonly number[];
  /**
   * Fields that several columns could be, with their column letters, the one used first. Present
   * only when some field is ambiguous, so that reports of plain registers stay as they were.
   */
  readonly ambiguous?: readonly { readonly field: string; readonly columns: readonly string[] }[];
  /**
   * Why the sheet has its role: the fields its header names, the name only a hint, or the user's
   * mapping. Shown in the pane's "how the workbook was read" and written to the JSON report.
   */
  readonly reason?: LocalText;
  /**
   * Columns whose header holds text but that no field reads (a "Ghi chú", a "Dân tộc"): listed so
   * that nothing is dropped without a word. Absent when every headed column is read.
   */
  readonly unread?: readonly { readonly column: string; readonly header: string }[];
  /**
   * One-based rows read as section rows ("I. CLB … xã Đức Giang") that give the members below
   * them their club, each with the club it names (null: no known club, its members not counted).
   */
  readonly sections?: readonly { readonly row: number; readonly clubId: string | null }[];
  /**
   * One-based rows inside the table that hold no record and were not read: the row of column
   * numbers under a form's header, the header typed again, group labels ("Tổ 2"), and the
   * signature block and everything below it.
   */
  readonly skipped?: readonly {
    readonly row: number;
    readonly why: "numbering" | "header" | "group" | "footer";
  }[];
}

export function describeLayout(
  sheet: RawSheet,
  spec: SheetSpec,
  header: HeaderMatch,
  counts: {
    dataRows: number;
    blankRows: number;
    totalRows: readonly number[];
    sections?: readonly { row: number; clubId: string | null }[];
    skipped?: readonly { row: number; why: "numbering" | "header" | "group" | "footer" }[];
    reason?: LocalText | undefined;
  },
): SheetLayout {
  const columns = [...header.columns.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([field, col]) => ({
      column: columnLetters(col),
      // The lowest header row naming the column is what the user sees above the data.
      header: shortText(headerCell(sheet, header, col).text),
      field,
    }));
  const ambiguous = ambiguities(header).map(({ field, columns: cols }) => ({
    field,
    columns: cols.map(columnLetters),
  }));
  const unread = unreadColumns(sheet, header);
  // Each section row names its club: a long id is quoted, not copied once per row.
  const sections = (counts.sections ?? []).map((x) => ({
    row: x.row,
    clubId: x.clubId === null ? null : shortText(x.clubId),
  }));
  const skipped = counts.skipped ?? [];
  return {
    sheet: sheet.name,
    role: spec.role,
    headerRows: header.headerRows0.map((r) => r + 1),
    columns,
    dataRows: counts.dataRows,
    blankRows: counts.blankRows,
    totalRows: counts.totalRows.map((r) => r + 1),
    ...(ambiguous.length > 0 ? { ambiguous } : {}),
    ...(counts.reason ? { reason: counts.reason } : {}),
    ...(unread.length > 0 ? { unread } : {}),
    ...(sections.length > 0 ? { sections } : {}),
    ...(skipped.length > 0 ? { skipped } : {}),
  };
}

/** Ambiguous fields in column order of the column used: each with that column, then the others. */
function ambiguities(header: HeaderMatch): { field: string; columns: number[] }[] {
  return [...header.others]
    .flatMap(([field, others]) => {
      const chosen = header.columns.get(field);
      return chosen === undefined || others.length === 0
        ? []
        : [{ field, columns: [chosen, ...others] }];
    })
    .sort((a, b) => a.columns[0]! - b.columns[0]!);
}

/**
 * One warning per ambiguous field, at the header cell of the column used: the reader took the
 * leftmost column, and only the user knows whether that is the right one. A field the user's
 * mapping places has no other candidate left (applyMapping clears them), so it is never reported.
 */
export function reportAmbiguousColumns(
  sheet: RawSheet,
  spec: SheetSpec,
  header: HeaderMatch,
  sink: FindingSink,
): void {
  const fields = [...spec.fields, ...(spec.layouts ?? []).flatMap((l) => l.fields)];
  for (const { field, columns } of ambiguities(header)) {
    const name = fields.find((f) => f.key === field)?.header ?? field;
    const chosen = headerCell(sheet, header, columns[0]!);
    const shown = (c: number) => {
      const text = headerCell(sheet, header, c).text;
      return text === "" ? columnLetters(c) : `${columnLetters(c)} ("${shortText(text)}")`;
    };
    const list = columns.map(shown).join(", ");
    const used = columnLetters(columns[0]!);
    sink.add(
      "layout.ambiguous",
      "warning",
      `${sheet.name}:${field}`,
      say(
        `Sheet "${sheet.name}": các cột ${list} đều có thể là "${name}"; đã dùng cột ${used}. Nếu sai, hãy chọn cột khác trong ngăn tác vụ hoặc bằng --mapping.`,
        `Sheet "${sheet.name}": columns ${list} could each be "${name}"; column ${used} was used. If that is wrong, pick another column in the task pane or with --mapping.`,
      ),
      { sheet: sheet.name, cell: toA1(chosen.row0, columns[0]!) },
    );
  }
}
