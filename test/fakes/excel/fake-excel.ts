/**
 * TEST-ONLY: the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Stands in for Excel.run and the workbook behind it, for the subset of the Excel JavaScript API
 * the Office host uses. Tests build a workbook from plain grids, run the host through `run`, then
 * read back sheets, formats, conditional formats and names, and the round-trip statistics.
 */
import { RawSheet, RawValue } from "../../../src/core/model/cells";
import { activeSheet } from "./activation";
import { selection } from "./selection";
import { ChartModel, chartsOf } from "./charts";
import { EXCEL_LIMITS, FakeContext, LATEST_API_MINOR, Limits, SyncStats } from "./context";
import { ValidationModel, validationsOf } from "./data-validation";
import { formulaAt } from "./formulas";
import {
  Bounds,
  CfModel,
  SheetModel,
  WorkbookModel,
  a1,
  cellKey,
  forEachCell,
  forEachPresent,
  intersects,
  parseArea,
  qualified,
} from "./model";
import { PageLayoutModel, layoutOf } from "./page-layout";
import { FakeWorkbook } from "./worksheet";
import { rowsOf } from "../../helpers/rows";

export class FakeRequestContext extends FakeContext {
  readonly workbook: FakeWorkbook = new FakeWorkbook(this);
}

const fresh = (): SyncStats => ({
  syncs: 0,
  largestRequest: 0,
  largestResponse: 0,
  operations: 0,
  sheetDeletes: 0,
  failedSyncs: 0,
});

export class FakeExcel {
  readonly model = new WorkbookModel();
  stats: SyncStats = fresh();
  limits: Limits;
  /**
   * The newest ExcelApi 1.x this Excel has (Office 2019: 7, Office 2021: 14): a call from a newer
   * set fails its sync with ApiNotFound, as in that Excel.
   */
  apiMinor = LATEST_API_MINOR;

  constructor(sheets: readonly RawSheet[] = [], limits: Partial<Limits> = {}) {
    this.limits = { ...EXCEL_LIMITS, ...limits };
    for (const s of sheets) this.addSheet(s);
  }

  /**
   * A sheet of the given values; its `merges` are merged cells, whose value must stand in their
   * top-left cell only (Excel keeps no other: a test that gives one is wrong, and is told so).
   */
  addSheet(raw: RawSheet): SheetModel {
    const sheet = new SheetModel(raw.name);
    // By present keys: a sparse row (one cell in column XFD) is one step, not 16,384.
    rowsOf(raw).forEach((row, r) =>
      forEachPresent(row, (c, v) => {
        if (v !== null && v !== undefined && v !== "") sheet.set(r, c, v);
      }),
    );
    for (const m of raw.merges ?? []) {
      const area: Bounds = { r0: m.row0, c0: m.col0, r1: m.row1, c1: m.col1 };
      if (sheet.merges.some((other) => intersects(other, area)))
        throw new Error(`Merged areas overlap at ${a1(area)} of "${raw.name}"`);
      forEachCell(area, (r, c) => {
        if ((r !== area.r0 || c !== area.c0) && sheet.get(r, c) !== undefined)
          throw new Error(`A merged cell other than the top-left has a value: ${a1(area)}`);
      });
      sheet.merges.push(area);
    }
    this.model.sheets.push(sheet);
    return sheet;
  }

  /** The sheet's merged areas in A1 form ("A4:A9"), in the order merged. */
  merges(name: string): string[] {
    return this.sheet(name).merges.map(a1);
  }

  /**
   * Excel.run: one request context per batch. Like Office.js, operations still queued when the
   * batch resolves are sent by one last sync.
   */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this.model, this.limits, this.stats, this.apiMinor);
    // The one cast between the fake and the Excel typings: the fake implements only the subset
    // the host uses, so a host call outside it fails at run time as a missing method.
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending > 0) await context.sync();
    return result;
  };

  /** Office.context.requirements.isSetSupported for this Excel (ExcelApi only). */
  supports = (set: string, version: string): boolean => {
    const m = /^1\.(\d+)$/.exec(version);
    return set === "ExcelApi" && m !== null && Number(m[1]) <= this.apiMinor;
  };

  resetStats(): void {
    this.stats = fresh();
  }

  sheet(name: string): SheetModel {
    const s = this.model.find(name);
    if (!s) throw new Error(`No sheet "${name}" in the fake workbook`);
    return s;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** The sheet's values as the core sees them: rows[0] is row 1, trailing empties dropped. */
  values(name: string): RawValue[][] {
    return this.sheet(name).cells.map((row) => {
      const out: RawValue[] = [...(row ?? [])].map((v) => (v === undefined ? null : v));
      while (out.length && out[out.length - 1] === null) out.pop();
      return out;
    });
  }

  conditionalFormats(
    name: string,
  ): { areas: string[]; formula: string; fill: string | undefined }[] {
    return this.sheet(name).conditionalFormats.map((cf: CfModel) => ({
      areas: cf.areas.map(a1),
      formula: cf.formula,
      fill: cf.fill,
    }));
  }

  /** A conditional format of the user's own, as if made in Excel's UI. */
  addUserConditionalFormat(name: string, address: string, formula: string, fill: string): void {
    const areas: Bounds[] = address.split(",").map(parseArea);
    this.sheet(name).conditionalFormats.push({
      id: `user${++this.model.nextId}`,
      type: "Custom",
      areas,
      formula,
      fill,
      deleted: false,
    });
  }

  numberFormat(name: string, cell: string): string | undefined {
    const b = parseArea(cell);
    return this.sheet(name).numberFormats.get(cellKey(b.r0, b.c0));
  }

  format(name: string, cell: string) {
    const b = parseArea(cell);
    return this.sheet(name).formats.get(cellKey(b.r0, b.c0)) ?? {};
  }

  hyperlink(name: string, cell: string) {
    const b = parseArea(cell);
    return this.sheet(name).hyperlinks.get(cellKey(b.r0, b.c0));
  }

  /** Sets the font of a cell or range ("B2", "B2:C9"), as if chosen in Excel's UI. */
  setFont(name: string, address: string, font: string): void {
    const sheet = this.sheet(name);
    const b = parseArea(address);
    for (let r = b.r0; r <= b.r1; r++)
      for (let c = b.c0; c <= b.c1; c++) {
        const key = cellKey(r, c);
        sheet.formats.set(key, { ...sheet.formats.get(key), fontName: font });
      }
  }

  /** The formula of a cell ("=SUM(B2:B14)"), or undefined when it holds a plain value. */
  formula(name: string, cell: string): string | undefined {
    const b = parseArea(cell);
    return formulaAt(this.sheet(name), b.r0, b.c0);
  }

  /** The sheet's data validations, each with its area in A1 form. */
  dataValidations(name: string): (Omit<ValidationModel, "area"> & { address: string })[] {
    return validationsOf(this.sheet(name)).map(({ area, ...v }) => ({ address: a1(area), ...v }));
  }

  /** The sheet's charts, in the order added. */
  charts(name: string): ChartModel[] {
    return chartsOf(this.sheet(name)).map((c) => ({
      ...c,
      series: c.series.map((x) => ({ ...x })),
    }));
  }

  /** A chart of the user's, as if inserted in Excel's UI over `values` with `categories`. */
  addUserChart(name: string, chart: string, values: string, categories?: string): void {
    const sheet = this.sheet(name);
    const q = (a: string) => qualified(sheet.name, parseArea(a));
    chartsOf(sheet).push({
      id: `{user${++this.model.nextId}}`,
      name: chart,
      type: "ColumnClustered",
      title: "",
      titleVisible: false,
      series: [
        {
          name: "Series1",
          values: q(values),
          categories: categories === undefined ? undefined : q(categories),
        },
      ],
      from: undefined,
      to: undefined,
    });
  }

  /** The sheet's page setup (defaults until the host sets it). */
  pageLayout(name: string): PageLayoutModel {
    const m = layoutOf(this.sheet(name));
    return { ...m, headerFooter: { ...m.headerFooter }, rowBreaks: [...m.rowBreaks] };
  }

  /** Every sheet's values and conditional formats, to show that an action changed nothing. */
  snapshot(): {
    name: string;
    values: RawValue[][];
    formats: ReturnType<FakeExcel["conditionalFormats"]>;
  }[] {
    return this.sheetNames().map((name) => ({
      name,
      values: this.values(name),
      formats: this.conditionalFormats(name),
    }));
  }

  /** The selected range as "Sheet!A1", after Range.select. */
  selection(): string | undefined {
    return selection(this.model);
  }

  activeSheet(): string | undefined {
    return activeSheet(this.model)?.name;
  }
}
