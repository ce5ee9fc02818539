/**
 * The column picker's choices and the stored mapping they become. A choice names, per field, the
 * column holding it; a column the reader had taken for a field the user moved elsewhere is
 * stored as ignored (""), so the reader cannot take it again.
 */
import { columnLetters } from "../../core/model/address";
import { RawValue } from "../../core/model/cells";
import type { SheetMapping } from "../../core/check/mapping";
import type { SheetLayout } from "../../core/read/layout";
import { SHEET_SPECS, SheetRole } from "../../core/sheets/specs";
import { headerScore } from "../../core/read/header";
import { cleanText, headerKey } from "../../core/text/normalize";
import { fieldsOf } from "./fields";

export interface MappingChoice {
  readonly role: SheetRole;
  /** One-based. */
  readonly headerRow: number;
  /** Field key -> column letters, "" for none. */
  readonly columns: Readonly<Record<string, string>>;
  /** Columns the user told the reader to ignore earlier; they stay ignored unless given a field. */
  readonly ignored: readonly string[];
}

/** The starting point: the stored mapping, else what the reader understood, else nothing. */
export function choiceOf(
  stored: SheetMapping | undefined,
  layout: SheetLayout | undefined,
  fallbackRole: SheetRole,
): MappingChoice {
  const columns: Record<string, string> = {};
  for (const c of layout?.columns ?? []) columns[c.field] = c.column;
  const ignored: string[] = [];
  for (const [column, field] of Object.entries(stored?.columns ?? {}))
    if (field !== "") columns[field] = column;
    else ignored.push(column);
  return {
    role: stored?.role ?? layout?.role ?? fallbackRole,
    headerRow: stored?.headerRow ?? layout?.headerRows.at(-1) ?? 1,
    columns,
    ignored,
  };
}

export function mappingOf(choice: MappingChoice, layout: SheetLayout | undefined): SheetMapping {
  const columns: Record<string, string> = {};
  const chosen = new Set(Object.values(choice.columns).filter((c) => c !== ""));
  const dropped = [...(layout?.columns ?? []).map((c) => c.column), ...choice.ignored];
  for (const column of dropped) if (!chosen.has(column)) columns[column] = "";
  for (const [field, column] of Object.entries(choice.columns))
    if (column !== "") columns[column] = field;
  return { role: choice.role, headerRow: choice.headerRow, columns };
}

/** "C — Năm sinh": a column as the user sees it in the chosen header row. */
export function columnOptions(
  preview: readonly (readonly RawValue[])[],
  headerRow: number,
): { readonly value: string; readonly label: string }[] {
  const width = Math.max(0, ...preview.map((r) => r.length));
  const header = preview[headerRow - 1] ?? [];
  return Array.from({ length: width }, (_, c) => {
    const letters = columnLetters(c);
    const title = cleanText(header[c]);
    return { value: letters, label: title === "" ? letters : `${letters} — ${title}` };
  });
}

/**
 * A first guess where nothing is known yet (the check stopped before reading the sheet): each
 * field in the column whose header in the chosen row names it, so the user fixes only the rest.
 */
export function guessColumns(
  preview: readonly (readonly RawValue[])[],
  headerRow: number,
  role: SheetRole,
): Record<string, string> {
  const header = preview[headerRow - 1] ?? [];
  const guess: Record<string, string> = {};
  for (const field of fieldsOf(role)) {
    const names = new Set([field.header, ...field.synonyms].map(headerKey));
    const c = header.findIndex((v) => names.has(headerKey(cleanText(v))));
    if (c >= 0) guess[field.key] = columnLetters(c);
  }
  return guess;
}

/** The preview row that names the most fields of the role: the likely header row, one-based. */
export function guessHeaderRow(preview: readonly (readonly RawValue[])[], role: SheetRole): number {
  const spec = SHEET_SPECS.find((s) => s.role === role);
  if (!spec) return 1;
  const sheet = { name: "", rows: preview.map((r) => [...r]) };
  let best = 0;
  let bestScore = 0;
  preview.forEach((_, r) => {
    const score = headerScore(sheet, spec, r);
    if (score > bestScore) [best, bestScore] = [r, score];
  });
  return best + 1;
}

/** The role whose headers the preview's rows name best: a first guess for a sheet never read. */
export function guessRole(
  preview: readonly (readonly RawValue[])[],
  fallback: SheetRole,
): SheetRole {
  const sheet = { name: "", rows: preview.map((r) => [...r]) };
  let best = fallback;
  let bestScore = 0;
  for (const spec of SHEET_SPECS)
    preview.forEach((_, r) => {
      const score = headerScore(sheet, spec, r);
      if (score > bestScore) [best, bestScore] = [spec.role, score];
    });
  return best;
}
