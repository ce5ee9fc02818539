import { columnLetters } from "../model/address";
import { LocalText } from "../model/i18n";
import { HA_TINH_ROADMAP } from "../roadmap/ha-tinh";
import {
  CLUBS_SPEC,
  FUNDS_SPEC,
  HARDSHIP_VALUES,
  MEMBERS_SPEC,
  ROADMAP_SPEC,
  ROADMAP_YEARS,
  SEX_VALUES,
  SheetRole,
  SheetSpec,
  STATUS_VALUES,
  ValueKind,
  YES_NO_VALUES,
} from "../sheets/specs";

/**
 * "Create template" as plain data: what both the command line (a new .xlsx file) and the add-in
 * (the workbook open in Excel) write, so that the two cannot drift. Every header
 * explains itself (a note, Vietnamese then English), closed lists become dropdowns so that "nu" or
 * "x" never get typed, and the roadmap comes prefilled with the Hà Tĩnh appendix because most
 * users report against it.
 */

/** Rows that get a dropdown (2..TEMPLATE_ROWS): a register of 1,999 members is larger than any club's. */
export const TEMPLATE_ROWS = 2000;

/** The header cells' fill, a light green that reads as "fill in below". */
export const TEMPLATE_HEADER_FILL = "#E2EFDA";

export interface TemplateList {
  readonly values: readonly string[];
  /** "stop" refuses other values; "warning" lets them through (an amount where Có/Không is offered). */
  readonly style: "stop" | "warning";
  /** The error alert. Excel caps its title at 32 characters and keeps it on one line. */
  readonly errorTitle: string;
  /** On one line: the xlsx host writes it into an XML attribute, which folds a newline into a space. */
  readonly errorMessage: string;
}

export interface TemplateColumn {
  readonly key: string;
  readonly header: string;
  readonly note: LocalText;
  /** In characters, as .xlsx column widths count them; the Excel host converts to points. */
  readonly width: number;
  /** A dropdown over rows 2..TEMPLATE_ROWS of this column. */
  readonly list?: TemplateList;
}

/** A formula without the leading "=" (as .xlsx stores it), with the result it gives on the prefilled rows. */
export interface TemplateFormula {
  readonly formula: string;
  readonly result: number;
}

export type TemplateCell = string | number | TemplateFormula;

export interface TemplateRow {
  readonly cells: readonly TemplateCell[];
  readonly bold: boolean;
}

export interface TemplateSheet {
  readonly role: SheetRole;
  /** The canonical name, which the template writes. */
  readonly name: string;
  /** Every name the checker reads this role under (the canonical one first). */
  readonly names: readonly string[];
  readonly columns: readonly TemplateColumn[];
  /** The rows below the header (row 2 on); the header row is frozen. */
  readonly rows: readonly TemplateRow[];
}

const list = (values: readonly string[], style: TemplateList["style"]): TemplateList => {
  const shown = values.join(", ");
  return {
    values,
    style,
    errorTitle: "Không hợp lệ / Invalid value",
    errorMessage: `Chọn một trong: ${shown} / Choose one of: ${shown}`,
  };
};

const LISTS: Partial<Record<ValueKind, TemplateList>> = {
  sex: list(SEX_VALUES, "stop"),
  yesno: list(YES_NO_VALUES, "stop"),
  status: list(STATUS_VALUES, "stop"),
  hardship: list(HARDSHIP_VALUES, "stop"),
  // "Được vay vốn" also takes the amount borrowed: offer Có/Không but let a number through.
  yesnoOrAmount: list(YES_NO_VALUES, "warning"),
};

/** The note as one text: Vietnamese, a line break, English. */
export const noteText = (note: LocalText): string => `${note.vi}\n${note.en}`;

/** Rows 2..TEMPLATE_ROWS of a column ("C2:C2000"): a list never covers the header or a whole column. */
export const listAddress = (col0: number): string => {
  const letter = columnLetters(col0);
  return `${letter}2:${letter}${TEMPLATE_ROWS}`;
};

function columnsOf(spec: SheetSpec): TemplateColumn[] {
  return spec.fields.map((f) => {
    const rule = LISTS[f.kind];
    return {
      key: f.key,
      header: f.header,
      note: f.note,
      width: Math.max(12, Math.min(34, f.header.length + 4)),
      ...(rule ? { list: rule } : {}),
    };
  });
}

/** The appendix rows in the spec's column order (no STT: it is not a field), then "Tổng cộng". */
function roadmapRows(): TemplateRow[] {
  const units = HA_TINH_ROADMAP.map((r) => {
    const byKey: Record<string, string | number> = {
      unit: r.unit,
      before: r.before,
      planTotal: r.planTotal,
      total: r.total,
      ...Object.fromEntries(ROADMAP_YEARS.map((y) => [`y${y}`, r.plan[y] ?? 0])),
    };
    return ROADMAP_SPEC.fields.map((f) => byKey[f.key] ?? "");
  });
  const last = units.length + 1;
  const totals = ROADMAP_SPEC.fields.map((_f, i): TemplateCell => {
    if (i === 0) return "Tổng cộng";
    const letter = columnLetters(i);
    const result = units.reduce((sum, row) => {
      const v = row[i];
      return sum + (typeof v === "number" ? v : 0);
    }, 0);
    return { formula: `SUM(${letter}2:${letter}${last})`, result };
  });
  return [...units.map((cells) => ({ cells, bold: false })), { cells: totals, bold: true }];
}

const sheetOf = (spec: SheetSpec, rows: readonly TemplateRow[] = []): TemplateSheet => ({
  role: spec.role,
  name: spec.names[0]!,
  names: spec.names,
  columns: columnsOf(spec),
  rows,
});

/** The four canonical sheets, in the order the template writes them. */
export const TEMPLATE_SHEETS: readonly TemplateSheet[] = [
  sheetOf(CLUBS_SPEC),
  sheetOf(MEMBERS_SPEC),
  sheetOf(FUNDS_SPEC),
  sheetOf(ROADMAP_SPEC, roadmapRows()),
];
