import { columnIndex } from "../model/address";
import { copyRow, forEachCell, RawRow, RawSheet, RawValue, withRows } from "../model/cells";
import { InputError } from "../model/errors";
import { say } from "../model/i18n";
import { findHeader, HEADER_SCAN_ROWS, headerScore } from "../read/header";
import { fieldsNamedBy } from "../read/header-lookup";
import { SHEET_SPECS, SheetRole, SheetSpec } from "../sheets/specs";
import { cleanText } from "../text/normalize";

/**
 * The user's correction of what the reader understood, per sheet name: which role the sheet has,
 * which row is its header, and which column is which field ("" to ignore a column). The pane stores
 * it in the document; the command line reads it from `--mapping FILE`.
 */
export interface SheetMapping {
  readonly role?: SheetRole;
  /** One-based. */
  readonly headerRow?: number;
  /** Column letters -> field key, or "" for a column to ignore. */
  readonly columns?: Readonly<Record<string, string>>;
}

export type Mapping = Readonly<Record<string, SheetMapping>>;

/** Column XFD, Excel's last. */
const MAX_COLUMN = 16383;

const badMapping = (vi: string, en: string): InputError =>
  new InputError("bad-setting", say(`Bảng ánh xạ cột: ${vi}`, `Column mapping: ${en}`));

/** Checks a mapping read from JSON: known roles, fields of that role's spec, valid columns. */
export function validateMapping(raw: unknown): Mapping {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw badMapping(
      'cần một đối tượng JSON { "tên sheet": {...} }.',
      'expected a JSON object { "sheet name": {...} }.',
    );
  }
  for (const [sheet, m] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof m !== "object" || m === null || Array.isArray(m)) {
      throw badMapping(
        `sheet "${sheet}": cần một đối tượng { "role", "headerRow", "columns" }.`,
        `sheet "${sheet}": expected an object { "role", "headerRow", "columns" }.`,
      );
    }
    const entry = m as Partial<Record<keyof SheetMapping, unknown>>;
    const spec = SHEET_SPECS.find((s) => s.role === entry.role);
    if (entry.role !== undefined && !spec) {
      throw badMapping(
        `sheet "${sheet}": vai trò "${String(entry.role)}" không có (clubs, members, funds, roadmap).`,
        `sheet "${sheet}": unknown role "${String(entry.role)}" (clubs, members, funds, roadmap).`,
      );
    }
    if (
      entry.headerRow !== undefined &&
      !(
        Number.isInteger(entry.headerRow) &&
        (entry.headerRow as number) >= 1 &&
        (entry.headerRow as number) <= HEADER_SCAN_ROWS
      )
    ) {
      // The reader looks for the header in the first rows only; a mapping cannot move it further.
      throw badMapping(
        `sheet "${sheet}": headerRow phải là số dòng từ 1 đến ${HEADER_SCAN_ROWS}.`,
        `sheet "${sheet}": headerRow must be a row number from 1 to ${HEADER_SCAN_ROWS}.`,
      );
    }
    for (const [col, field] of Object.entries((entry.columns ?? {}) as Record<string, unknown>)) {
      const known = SHEET_SPECS.flatMap((s) => [
        ...s.fields,
        ...(s.layouts ?? []).flatMap((l) => l.fields),
      ]).map((f) => f.key);
      if (
        !/^[A-Za-z]{1,3}$/.test(col) ||
        columnIndex(col) > MAX_COLUMN ||
        typeof field !== "string" ||
        (field !== "" && !known.includes(field))
      ) {
        throw badMapping(
          `sheet "${sheet}": cột "${col}" → "${String(field)}" không hợp lệ.`,
          `sheet "${sheet}": column "${col}" -> "${String(field)}" is not valid.`,
        );
      }
    }
  }
  return raw as Mapping;
}

const fieldsOf = (spec: SheetSpec) => [
  ...spec.fields,
  ...(spec.layouts ?? []).flatMap((l) => l.fields),
];

/**
 * Applies a sheet's mapping by rewriting its header row with the canonical headers of the mapped
 * fields, so that the reader needs no second path. Only the header rows are copied; cell
 * addresses stay as they are.
 */
export function applyMapping(
  sheet: RawSheet,
  spec: SheetSpec,
  m: SheetMapping | undefined,
): RawSheet {
  if (!m || (m.headerRow === undefined && m.columns === undefined)) return sheet;
  // The header row the mapping names, and the row above it that may be the upper row of a
  // two-row header; without a header row, the rows the reader finds.
  const headerRows0 =
    m.headerRow !== undefined
      ? [m.headerRow - 2, m.headerRow - 1].filter((r) => r >= 0)
      : findHeader(sheet, spec).headerRows0;
  const row0 = headerRows0.at(-1)!;
  const changed = new Map<number, RawRow | undefined>();
  const copies = headerRows0.map((r) => copyRow(sheet.rows.at(r)));
  const header = copies.at(-1)!;
  const named = (v: RawValue | undefined) => fieldsNamedBy(spec, cleanText(v));
  for (const [col, field] of Object.entries(m.columns ?? {})) {
    const c = columnIndex(col);
    // Mapped to the field its own header names, the column keeps that header: its notes may give
    // a code ("Giới tính (1=Nam, 0=Nữ)") or a unit ("(triệu đồng)").
    const keep = copies.map((row) => row[c]).find((v) => named(v).some((f) => f.key === field));
    // A mapped or ignored column loses any field its header rows name: a group header above it
    // ("Hoàn cảnh khó khăn") must not give it a field instead. Title text above stays (it may
    // name the club).
    for (const row of copies) if (named(row[c]).length > 0) row[c] = null;
    if (field === "") continue;
    const spec_ = fieldsOf(spec).find((f) => f.key === field);
    if (!spec_) continue;
    // Another column naming the field (by its header or a synonym) would compete, and the reader
    // would report the field as ambiguous: the user's choice wins, and settles it.
    for (const row of copies)
      forEachCell(row, (v, i) => {
        if (i !== c && named(v).some((f) => f.key === field)) row[i] = null;
      });
    header[c] = keep ?? spec_.header;
  }
  headerRows0.forEach((r, i) => changed.set(r, copies[i]!));
  // With a header row given, no other row above it may pass for the header: such rows are hidden
  // from the reader (title rows, which name no field, stay).
  if (m.headerRow !== undefined) {
    for (let r = 0; r < row0; r++) if (headerScore(sheet, spec, r) >= 2) changed.set(r, undefined);
  }
  return { name: sheet.name, rows: withRows(sheet.rows, changed) };
}
