import {
  GeneratedKind,
  rowArray,
  RawSheet,
  RawValue,
  SheetInfo,
  sheetInfoOf,
} from "../../core/model/cells";
import { InputError } from "../../core/model/errors";
import { say } from "../../core/model/i18n";
import { Highlight, WritePlan } from "../../core/model/write-plan";
import { WorkbookPort } from "../workbook/port";

/** A sheet given to MemoryWorkbook: its cells, and whether the user has hidden it. */
export type MemorySheet = RawSheet & { readonly hidden?: boolean };

/**
 * A workbook held as plain data, for tests and for running the check on cells that are already in
 * memory. apply() keeps what a real host would write so that tests can look at it.
 */
export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets: {
    name: string;
    rows: (RawValue | undefined)[][];
    fonts?: RawSheet["fonts"];
    merges?: RawSheet["merges"];
    generated?: GeneratedKind;
    hidden?: true;
  }[];
  highlights: readonly Highlight[] = [];

  /**
   * A sheet given with `hidden: true` is one the user has hidden (or made very hidden): it is
   * read as any other, and listed as hidden.
   */
  constructor(sheets: readonly MemorySheet[]) {
    // Fonts and merged areas pass through as given, so that tests can give cells legacy fonts
    // and merge them.
    this.sheets = sheets.map((s) => ({
      name: s.name,
      rows: rowArray(s.rows).map((r) => (r ? [...r] : [])),
      ...(s.fonts ? { fonts: s.fonts } : {}),
      ...(s.merges ? { merges: s.merges } : {}),
      ...(s.hidden ? { hidden: true as const } : {}),
    }));
  }

  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.sheets.map(sheetInfoOf);
  }

  async readSheet(name: string): Promise<RawSheet> {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet)
      throw new InputError(
        "missing-sheet",
        say(`Không có sheet "${name}".`, `No sheet "${name}".`),
        name,
      );
    // A list of rows of the caller's own (the rows themselves are never changed).
    return {
      name: sheet.name,
      rows: sheet.rows.slice(),
      ...(sheet.fonts ? { fonts: sheet.fonts } : {}),
      ...(sheet.merges ? { merges: sheet.merges } : {}),
    };
  }

  /**
   * Replaces a sheet's cells as a user editing it would (its tag, if any, stays): tests insert,
   * delete and sort rows between two checks.
   */
  setRows(name: string, rows: readonly (readonly (RawValue | undefined)[])[]): void {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet "${name}"`);
    sheet.rows = rows.map((r) => [...r]);
  }

  async apply(plan: WritePlan): Promise<void> {
    for (const g of plan.sheets) {
      const existing = this.sheets.find((s) => s.name === g.name);
      // `retag`: ours by its content, its tag lost; rewritten and tagged again.
      if (existing && existing.generated !== g.kind && !g.retag)
        throw new Error(`Refusing to overwrite the user's sheet "${g.name}"`);
      const rows = g.rows.map((r) => r.map((c) => c.v));
      if (existing) Object.assign(existing, { rows, generated: g.kind });
      else this.sheets.push({ name: g.name, rows, generated: g.kind });
    }
    if (!plan.keepHighlights) this.highlights = plan.highlights;
  }
}
