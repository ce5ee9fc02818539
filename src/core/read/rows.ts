import { toA1 } from "../model/address";
import { A1 } from "../model/brand";
import { RawSheet, RawValue, releaseRow, someCell } from "../model/cells";
import { Lang, LocalText, say } from "../model/i18n";
import { Origin } from "../model/records";
import { FindingSink } from "../findings/sink";
import { RuleWithErrors } from "../rules/registry";
import { Parsed } from "../parse/values";
import { FieldSpec, SheetSpec } from "../sheets/specs";
import { TERMS } from "../text/glossary";
import { cleanText, isBlank } from "../text/normalize";
import { HeaderMatch } from "./header";
import { describeLayout, reportAmbiguousColumns } from "./layout";
import { fillMergedDown } from "./merged";
import { RowKind, rowKinds } from "./row-kinds";
import { shortText } from "../text/short-text";

/**
 * A cell's value quoted in a message. A number cell is shown with the language's decimal mark
 * ("12,5" in Vietnamese) but without grouping, as a year or a typed amount reads ("2030"); a long
 * text is cut (shortText).
 */
function typedText(v: RawValue | undefined, lang: Lang): string {
  if (typeof v === "number" && Number.isFinite(v))
    return lang === "vi" ? String(v).replace(".", ",") : String(v);
  return shortText(cleanText(v));
}

/** Words that mark a total row ("Tổng cộng", "Cộng"): such rows are summaries, not records. */

/** One data row, with helpers that parse a field and turn a bad value into a finding at its cell. */
export class RowReader {
  constructor(
    private readonly sheet: RawSheet,
    private readonly spec: SheetSpec,
    private readonly header: HeaderMatch,
    readonly row0: number,
    private readonly sink: FindingSink,
    /**
     * The record's key for stable finding ids, set once the key fields are read. A function: it is
     * needed only when a finding is reported, and a name key costs more than the rest of the row.
     */
    public key: () => string,
  ) {}

  private fieldSpec(field: string): FieldSpec | undefined {
    return (
      this.spec.fields.find((f) => f.key === field) ??
      this.spec.layouts?.flatMap((l) => l.fields).find((f) => f.key === field)
    );
  }

  has(field: string): boolean {
    return this.header.columns.has(field);
  }

  raw(field: string): RawValue | undefined {
    const c = this.header.columns.get(field);
    return c === undefined ? undefined : this.sheet.rows.at(this.row0)?.[c];
  }

  text(field: string): string {
    return cleanText(this.raw(field));
  }

  cell(field: string): A1 | undefined {
    const c = this.header.columns.get(field);
    return c === undefined ? undefined : toA1(this.row0, c);
  }

  /**
   * Parses a field; an unreadable value is reported and read as null. With `blankIsError`, a blank
   * is reported too (a missing sex or birth year makes the member impossible to classify).
   */
  parse<T>(
    field: string,
    parser: (v: RawValue | undefined) => Parsed<T>,
    blankIsError = false,
  ): T | null {
    const v = this.raw(field);
    const result = parser(v);
    if (result.ok && (result.value !== null || !blankIsError)) return result.value;
    // Only a finding needs the header's name (a search of the spec, on every cell otherwise).
    const header = this.fieldSpec(field)?.header ?? field;
    if (result.ok) {
      this.report(field, say(`${header}: để trống.`, `${header}: missing.`));
      return null;
    }
    // A value read but impossible ("2030" as a birth year) is not called unreadable.
    const verdict = result.implausible
      ? say(TERMS.implausible.vi, `is ${TERMS.implausible.en}`)
      : TERMS.unreadable;
    this.report(
      field,
      say(
        `${header}: "${typedText(v, "vi")}" ${verdict.vi}, cần ${result.expected.vi}.`,
        `${header}: "${typedText(v, "en")}" ${verdict.en}, expected ${result.expected.en}.`,
      ),
    );
    return null;
  }

  /**
   * Reports a problem with one field of this row as an error at its cell, under the field's own
   * rule (its spec's) unless another is given.
   */
  report(field: string, message: LocalText, rule?: RuleWithErrors): void {
    rule ??= this.fieldSpec(field)?.rule ?? undefined;
    // A field the spec does not judge has no rule: reporting it is a mistake in the reader.
    if (!rule) throw new Error(`Field "${field}" of ${this.spec.role} has no rule`);
    const cell = this.cell(field);
    const where = cell ? `${this.sheet.name}!${cell}` : this.sheet.name;
    this.sink.add(
      rule,
      "error",
      `${this.key()}:${field}`,
      {
        vi: `${message.vi} (${where})`,
        en: `${message.en} (${where})`,
      },
      { sheet: this.sheet.name, cell },
      this.content(),
    );
  }

  /**
   * The row's content (every cell a field was read from), which tells apart two records with the
   * same key without depending on where the row stands: see FindingSink.
   */
  content(): string {
    const row = this.sheet.rows.at(this.row0) ?? [];
    let out = "";
    for (const c of this.header.columns.values()) out += `${cleanText(row[c])}\t`;
    return out;
  }

  origin(): Origin {
    return { sheet: this.sheet.name, row0: this.row0, columns: this.header.columns };
  }
}

/** Whether the row is blank in every read column (`columns`: the header's, as an array). */
function isBlankRow(sheet: RawSheet, row0: number, columns: readonly number[]): boolean {
  const row = sheet.rows.at(row0);
  if (!row) return true;
  for (let i = 0; i < columns.length; i++) if (!isBlank(row[columns[i]!])) return false;
  return true;
}

const filled = (v: RawValue): boolean => !isBlank(v);

/** What a reader may add to the walk over a sheet's rows. */
export interface RowWalk {
  /**
   * Called for each row that is neither a total nor blank, before it is visited: true makes it a
   * section row (listed in the layout, not visited), with the club it names.
   */
  readonly section?: (row0: number, sheet: RawSheet) => { clubId: string | null } | undefined;
  /** Why the sheet has its role, for the layout. */
  readonly reason?: LocalText;
  /**
   * Called once each row below the header has been walked (visited or not), when the sheet is
   * the caller's to empty: nothing of the walk reads a row again once past it.
   */
  readonly release?: (row0: number) => void;
}

/**
 * Visits each data row below the header, skipping blank rows and total rows. Merged areas below
 * the header give their value to every row they cover first (a club code merged down its rows).
 */
export function forEachDataRow(
  raw: RawSheet,
  spec: SheetSpec,
  header: HeaderMatch,
  sink: FindingSink,
  visit: (row: RowReader) => void,
  walk: RowWalk = {},
): { totalRows: number[] } {
  const sheet = fillMergedDown(raw, header.dataRow0);
  const totalRows: number[] = [];
  const sections: { row: number; clubId: string | null }[] = [];
  const skipped: { row: number; why: Exclude<RowKind, "total"> }[] = [];
  let blankRows = 0;
  let dataRows = 0;
  let footer = false;
  const kindOf = rowKinds(sheet, spec, header);
  // Said before the rows' findings: a wrong column explains them.
  reportAmbiguousColumns(sheet, spec, header, sink);
  // Made once for the sheet, not per row: the read columns, and the key of a row not yet keyed.
  const columns = [...header.columns.values()];
  const sheetKey = () => sheet.name;
  // The walk's own copy (merged areas filled) is let go of with the caller's sheet.
  const given = walk.release;
  const release =
    given && sheet !== raw
      ? (r: number) => {
          releaseRow(sheet, r);
          given(r);
        }
      : given;
  // Released in the loop's update, which every `continue` passes through.
  for (let r = header.dataRow0; r < sheet.rows.length; release?.(r), r++) {
    const blank = isBlankRow(sheet, r, columns);
    // An empty row is blank even below the signature block; a row with text only outside the
    // read columns may still be a total, a section or a label.
    if (blank && !someCell(sheet.rows.at(r), filled)) {
      blankRows++;
      continue;
    }
    // Below the signature block nothing is data.
    if (footer) {
      skipped.push({ row: r + 1, why: "footer" });
      continue;
    }
    // Totals first: "Tổng cộng" often stands in a column no field maps (the "TT" column).
    const kind = kindOf(r);
    if (kind === "total") {
      totalRows.push(r);
      continue;
    }
    const section = walk.section?.(r, sheet);
    if (section) {
      sections.push({ row: r + 1, clubId: section.clubId });
      continue;
    }
    if (kind) {
      footer = kind === "footer";
      skipped.push({ row: r + 1, why: kind });
      continue;
    }
    if (blank) {
      blankRows++;
      continue;
    }
    dataRows++;
    // Until a reader sets the record's key (a row whose key fields are blank): the sheet alone,
    // never the row number; the sink tells such rows apart by their content.
    visit(new RowReader(sheet, spec, header, r, sink, sheetKey));
  }
  sink.layouts.push(
    describeLayout(sheet, spec, header, {
      dataRows,
      blankRows,
      totalRows,
      sections,
      skipped,
      reason: walk.reason,
    }),
  );
  return { totalRows };
}
