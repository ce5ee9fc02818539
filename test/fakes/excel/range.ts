/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Range and RangeAreas. The target is resolved at the first sync that uses it (getUsedRange is
 * evaluated server-side), values and number formats are 2-D arrays that must match the range, and
 * the 5,000,000-cell and whole-column/row rules are checked when the batch runs.
 */
import { FakeCellProperties, FakeClientResult, getCellProperties } from "./cell-properties";
import { ClientObject, NullState } from "./client-object";
import { FakeConditionalFormatCollection } from "./conditional-formats";
import { FakeContext } from "./context";
import { FakeDataValidation } from "./data-validation";
import { FakeExcelError, invalid } from "./errors";
import { select } from "./selection";
import { cellWritten, clearFormulas, formulaAt, writeFormula } from "./formulas";
import { Areas, FakeRangeFormat, writable } from "./format";
import { FakeRangeAreas } from "./range-areas";
import {
  Bounds,
  CellValue,
  HyperlinkModel,
  SheetModel,
  a1,
  cellCount,
  cellKey,
  forEachCell,
  forEachPresent,
  intersects,
  qualified,
} from "./model";

export interface Target {
  readonly sheet: SheetModel;
  readonly bounds: Bounds;
}

const tooMany = (
  n: number,
  limit: number,
  code: "RequestPayloadSizeLimitExceeded" | "ResponsePayloadSizeLimitExceeded",
) =>
  new FakeExcelError(
    code,
    `The range has ${n} cells; Excel reads or writes at most ${limit} at once.`,
  );

export class FakeRange extends ClientObject {
  protected readonly scalars = [
    "values",
    "address",
    "rowCount",
    "columnCount",
    "numberFormat",
    "rowIndex",
    "columnIndex",
    "formulas",
  ];
  private resolved: Target | undefined;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    context: FakeContext,
    private readonly resolve: () => Target,
  ) {
    super(context);
    const areas = (): Areas => ({ sheet: this.target().sheet, areas: [this.target().bounds] });
    this.format = new FakeRangeFormat(context, areas);
    this.conditionalFormats = new FakeConditionalFormatCollection(context, areas);
  }

  target(): Target {
    return (this.resolved ??= this.resolve());
  }

  /** Excel keeps no reference to it across requests: nothing to do in the fake. */
  untrack(): this {
    return this;
  }

  /** One row of the range (office.js cuts large writes into rows this way). */
  getRow(index: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, bounds: b } = this.target();
      if (index < 0 || b.r0 + index > b.r1) throw invalid(`row ${index} of the range`);
      return { sheet, bounds: { r0: b.r0 + index, c0: b.c0, r1: b.r0 + index, c1: b.c1 } };
    });
  }

  /** The smallest range holding this one and `other`, on the same sheet. */
  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.context, () => {
      const a = this.target();
      const o = other.target();
      if (a.sheet !== o.sheet) throw invalid("a bounding rectangle across sheets");
      const [x, y] = [a.bounds, o.bounds];
      return {
        sheet: a.sheet,
        bounds: {
          r0: Math.min(x.r0, y.r0),
          c0: Math.min(x.c0, y.c0),
          r1: Math.max(x.r1, y.r1),
          c1: Math.max(x.c1, y.c1),
        },
      };
    });
  }

  protected current(prop: string): unknown {
    const { sheet, bounds: b } = this.target();
    switch (prop) {
      case "address":
        return qualified(sheet.name, b);
      case "rowCount":
        return b.r1 - b.r0 + 1;
      case "columnCount":
        return b.c1 - b.c0 + 1;
      case "rowIndex":
        return b.r0;
      case "columnIndex":
        return b.c0;
    }
    const n = cellCount(b);
    if (n > this.context.limits.cells)
      throw tooMany(n, this.context.limits.cells, "ResponsePayloadSizeLimitExceeded");
    if (prop === "formulas")
      return this.grid((r, c) => formulaAt(sheet, r, c) ?? sheet.get(r, c) ?? "");
    return this.grid(
      prop === "values"
        ? (r, c) => sheet.get(r, c) ?? ""
        : (r, c) => sheet.numberFormats.get(cellKey(r, c)) ?? "General",
    );
  }

  private grid(cell: (r: number, c: number) => unknown): unknown[][] {
    const b = this.target().bounds;
    const out: unknown[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row: unknown[] = [];
      for (let c = b.c0; c <= b.c1; c++) row.push(cell(r, c));
      out.push(row);
    }
    return out;
  }

  /** Excel's 2-D setters: the array must match the range; null leaves a cell as it is. */
  private write2d(
    prop: string,
    v: unknown[][],
    each: (t: Target, r: number, c: number, x: unknown) => void,
  ): void {
    this.put(prop, v, () => {
      const t = this.target();
      writable({ sheet: t.sheet, areas: [] });
      const b = t.bounds;
      if (b.whole)
        throw new FakeExcelError(
          "InvalidOperation",
          `Cannot set ${prop} of a whole column or row (${a1(b)}).`,
        );
      const n = cellCount(b);
      if (n > this.context.limits.cells)
        throw tooMany(n, this.context.limits.cells, "RequestPayloadSizeLimitExceeded");
      if (
        !Array.isArray(v) ||
        v.length !== b.r1 - b.r0 + 1 ||
        v.some((row) => !Array.isArray(row) || row.length !== b.c1 - b.c0 + 1)
      )
        throw invalid(`${prop}: the array does not match the range ${a1(b)}`);
      v.forEach((row, i) => row.forEach((x, j) => x !== null && each(t, b.r0 + i, b.c0 + j, x)));
    });
  }

  get values(): CellValue[][] {
    return this.loaded("values");
  }
  set values(v: CellValue[][]) {
    this.write2d("values", v, (t, r, c, x) => {
      if (typeof x !== "string" && typeof x !== "number" && typeof x !== "boolean")
        throw invalid(`value ${String(x)}`);
      if (typeof x === "string" && x.length > 32767)
        throw invalid("a cell holds at most 32,767 characters");
      t.sheet.set(r, c, x);
      cellWritten(t.sheet, r, c);
    });
  }
  /** Formulas where a cell has one, else its value, as Excel reads them back. */
  get formulas(): CellValue[][] {
    return this.loaded("formulas");
  }
  set formulas(v: CellValue[][]) {
    this.write2d("formulas", v, (t, r, c, x) => writeFormula(t.sheet, r, c, x));
  }
  /** ExcelApi 1.8. */
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.context, () => this.target());
  }
  /** ExcelApi 1.9; the font name only (cell-properties.ts). */
  getCellProperties(options: unknown): FakeClientResult<FakeCellProperties[][]> {
    return getCellProperties(this.context, () => this.target(), options);
  }
  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.write2d("numberFormat", v, (t, r, c, x) =>
      t.sheet.numberFormats.set(cellKey(r, c), String(x)),
    );
  }
  get address(): string {
    return this.loaded("address");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }

  set hyperlink(h: HyperlinkModel) {
    this.put("hyperlink", h, () => {
      const t = this.target();
      writable({ sheet: t.sheet, areas: [] });
      // Like Excel, the display text becomes the cell's value.
      forEachCell(t.bounds, (r, c) => {
        t.sheet.hyperlinks.set(cellKey(r, c), { ...h });
        if (h.textToDisplay !== undefined) t.sheet.set(r, c, h.textToDisplay);
      });
    });
  }

  /** Range.select: the sheet must be the active one when the batch runs. */
  select(): void {
    this.context.enqueue(8, () => {
      const t = this.target();
      select(this.context.model, t.sheet, t.bounds);
    });
  }

  merge(across = false): void {
    this.context.enqueue(8, () => {
      const t = this.target();
      writable({ sheet: t.sheet, areas: [] });
      if (across) throw invalid("merge(across): the fake merges whole ranges only");
      if (t.sheet.merges.some((m) => intersects(m, t.bounds)))
        throw new FakeExcelError(
          "InvalidOperation",
          `Cells of ${a1(t.bounds)} are already merged.`,
        );
      t.sheet.merges.push(t.bounds);
    });
  }

  /**
   * ExcelApi 1.13: the merged areas whose top-left cell is in this range, whole (Excel leaves out
   * an area that only overlaps the range: office-js issue 3611); a null object when there are none.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const merged = new FakeRangeAreas(
      this.context,
      () => {
        const { sheet, bounds: b } = this.target();
        const inside = (m: Bounds) => m.r0 >= b.r0 && m.r0 <= b.r1 && m.c0 >= b.c0 && m.c0 <= b.c1;
        return { sheet, areas: sheet.merges.filter(inside) };
      },
      true,
    );
    // Resolved when the batch runs, as Excel evaluates it (and refuses it before ExcelApi 1.13).
    this.context.enqueue(8, () => {
      this.context.requireApi(13, "Range.getMergedAreasOrNullObject");
      merged.target();
    });
    return merged;
  }

  /**
   * ExcelApi 1.4: the smallest range holding this range's cells with a value (or, unless
   * valuesOnly, a format), evaluated when the batch runs; a null object when there are none.
   */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRangeOrNull(this.context, () => {
      const { sheet, bounds } = this.target();
      const used = sheet.usedIn(bounds, valuesOnly);
      return used ? { sheet, bounds: used } : undefined;
    });
  }

  /**
   * ExcelApi 1.9: the cells of this range holding a constant ("Constants") or a formula
   * ("Formulas"), as RangeAreas; a null object when there are none. The fake's areas are runs of
   * such cells along a row (Excel also joins runs across rows: the cells are the same). Excel
   * applies getSpecialCells on a single cell to the whole used range instead (as VBA's
   * SpecialCells does): the fake refuses that call rather than guess, so that a host never relies
   * on it.
   */
  getSpecialCellsOrNullObject(cellType: string, valueType?: string | null): FakeRangeAreas {
    const special = new FakeRangeAreas(
      this.context,
      () => {
        const { sheet, bounds } = this.target();
        return { sheet, areas: specialAreas(sheet, bounds, cellType === "Formulas") };
      },
      true,
    );
    this.context.enqueue(cellType.length, () => {
      this.context.requireApi(9, "Range.getSpecialCellsOrNullObject");
      if (cellType !== "Constants" && cellType !== "Formulas")
        throw invalid(`getSpecialCells("${cellType}"): the fake knows Constants and Formulas`);
      if (valueType !== undefined && valueType !== null)
        throw invalid(`getSpecialCells value type "${valueType}": the fake knows none`);
      if (cellCount(this.target().bounds) === 1)
        throw invalid("getSpecialCells on one cell (Excel widens it to the used range)");
      special.target();
    });
    return special;
  }

  unmerge(): void {
    this.context.enqueue(8, () => {
      const t = this.target();
      writable({ sheet: t.sheet, areas: [] });
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.bounds));
    });
  }

  /** "All" | "Contents" | "Formats" | "Hyperlinks"; formats include merges and conditional formats. */
  clear(applyTo: string = "All"): void {
    this.context.enqueue(applyTo.length, () => {
      const { sheet, bounds } = this.target();
      writable({ sheet, areas: [] });
      if (!["All", "Contents", "Formats", "Hyperlinks"].includes(applyTo))
        throw invalid(`clear("${applyTo}")`);
      const inside = (key: string) => {
        const [r, c] = key.split(",").map(Number);
        return intersects({ r0: r!, c0: c!, r1: r!, c1: c! }, bounds);
      };
      const drop = (m: Map<string, unknown>) =>
        [...m.keys()].filter(inside).forEach((k) => m.delete(k));
      if (applyTo === "All" || applyTo === "Contents")
        sheet.cells.forEach((row, r) =>
          row?.forEach(
            (_, c) =>
              intersects({ r0: r, c0: c, r1: r, c1: c }, bounds) && sheet.set(r, c, undefined),
          ),
        );
      if (applyTo === "All" || applyTo === "Contents") clearFormulas(sheet, bounds);
      if (applyTo === "All" || applyTo === "Formats") {
        drop(sheet.formats);
        drop(sheet.numberFormats);
        sheet.merges = sheet.merges.filter((m) => !intersects(m, bounds));
        sheet.conditionalFormats = sheet.conditionalFormats.filter(
          (cf) => !cf.areas.some((a) => intersects(a, bounds)),
        );
      }
      if (applyTo === "All" || applyTo === "Hyperlinks") drop(sheet.hyperlinks);
    });
  }
}

/** A range from an `…OrNullObject` method: null when `find` finds no cells. */
class FakeRangeOrNull extends FakeRange {
  private readonly nullState: NullState;
  private readonly find: () => Target | undefined;

  constructor(context: FakeContext, find: () => Target | undefined) {
    // Evaluated once, when the batch first needs it, as Excel evaluates it where the batch runs.
    const memo: { done?: true; target?: Target | undefined } = {};
    const once = (): Target | undefined => {
      if (!memo.done) Object.assign(memo, { done: true, target: find() });
      return memo.target;
    };
    super(context, () => {
      const t = once();
      if (!t) throw new FakeExcelError("ItemNotFound", "The range has no used cells.");
      return t;
    });
    this.find = once;
    this.nullState = new NullState(context, () => once() !== undefined);
  }

  protected override exists(): boolean {
    return this.find() !== undefined;
  }

  get isNullObject(): boolean {
    return this.nullState.isNullObject;
  }
}

/**
 * The cells of `b` with a formula (or with a constant: a value and no formula), as runs along each
 * row, walked by the rows' present keys.
 */
function specialAreas(sheet: SheetModel, b: Bounds, formulas: boolean): Bounds[] {
  const areas: Bounds[] = [];
  const last = Math.min(b.r1, sheet.cells.length - 1);
  for (let r = b.r0; r <= last; r++) {
    let run: { c0: number; c1: number } | undefined;
    forEachPresent(sheet.cells[r], (c, v) => {
      if (c < b.c0 || c > b.c1 || v === undefined) return;
      if ((formulaAt(sheet, r, c) !== undefined) !== formulas) return;
      if (run && run.c1 === c - 1) run.c1 = c;
      else {
        if (run) areas.push({ r0: r, r1: r, ...run });
        run = { c0: c, c1: c };
      }
    });
    if (run) areas.push({ r0: r, r1: r, ...run });
  }
  return areas;
}
