/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Worksheets, their scoped names, protection, frozen panes, charts, page layout and page breaks;
 * the workbook and its protection.
 */
import { activate } from "./activation";
import { FakeChartCollection, renameInCharts } from "./charts";
import { ClientObject, LoadOption, NullState, loadNames, notFound } from "./client-object";
import { FakeContext, jsonBytes } from "./context";
import { FakeExcelError, invalid, notLoaded } from "./errors";
import { SheetModel, WorkbookModel, accessDenied, parseArea } from "./model";
import { FakePageBreakCollection, FakePageLayout } from "./page-layout";
import { FakeRange } from "./range";
import { FakeRangeAreas } from "./range-areas";
import { FakeFreezePanes, FakeNamedItemCollection, FakeProtection } from "./sheet-parts";

const SHEET_NAME = /^[^[\]:*?/\\]{1,31}$/;

function checkSheetName(name: string): void {
  if (!SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw invalid(`sheet name "${name}"`);
}

export class FakeWorksheet extends ClientObject {
  protected readonly scalars = ["name", "id", "position", "visibility"];
  private readonly nullState: NullState;
  readonly names: FakeNamedItemCollection;
  readonly protection: FakeProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly charts: FakeChartCollection;
  /** ExcelApi 1.9, checked when the batch runs. */
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: FakePageBreakCollection;

  constructor(
    context: FakeContext,
    private readonly find: () => SheetModel | undefined,
  ) {
    super(context);
    this.nullState = new NullState(context, () => find() !== undefined);
    this.names = new FakeNamedItemCollection(context, () => this.model());
    this.protection = new FakeProtection(context, () => this.model());
    this.freezePanes = new FakeFreezePanes(context, () => this.model());
    this.charts = new FakeChartCollection(context, () => this.model());
    this.pageLayout = new FakePageLayout(context, () => this.model());
    this.horizontalPageBreaks = new FakePageBreakCollection(context, () => this.model());
  }

  model(): SheetModel {
    const m = this.find();
    if (!m || m.deleted) throw notFound("worksheet");
    return m;
  }

  protected override exists(): boolean {
    return this.find() !== undefined;
  }

  protected current(prop: string): unknown {
    const m = this.model();
    if (prop === "name") return m.name;
    if (prop === "position") return this.context.model.sheets.indexOf(m);
    return prop === "id" ? m.id : m.visibility;
  }

  get isNullObject(): boolean {
    return this.nullState.isNullObject;
  }
  get name(): string {
    return this.loaded("name");
  }
  /** A rename: refused as Excel refuses it (bad characters, a name taken, a protected workbook). */
  set name(name: string) {
    this.put("name", name, () => {
      const wb = this.context.model;
      const m = this.model();
      if (wb.protected) throw accessDenied("(workbook structure)");
      checkSheetName(name);
      const other = wb.find(name);
      if (other && other !== m)
        throw new FakeExcelError("ItemAlreadyExists", `A sheet named "${name}" exists.`);
      renameInCharts(wb.sheets, m.name, name);
      m.name = name;
    });
  }
  get visibility(): string {
    return this.loaded("visibility");
  }
  set visibility(v: string) {
    this.put("visibility", v, () => {
      const wb = this.context.model;
      const m = this.model();
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw invalid(`visibility ${v}`);
      if (wb.protected) throw accessDenied("(workbook structure)");
      if (
        v !== "Visible" &&
        wb.sheets.filter((s) => s !== m && s.visibility === "Visible").length === 0
      )
        throw new FakeExcelError("InvalidOperation", "A workbook must keep one visible sheet.");
      m.visibility = v;
    });
  }
  get id(): string {
    return this.loaded("id");
  }
  get position(): number {
    return this.loaded("position");
  }
  set position(p: number) {
    this.put("position", p, () => {
      const sheets = this.context.model.sheets;
      const m = this.model();
      if (this.context.model.protected) throw accessDenied("(workbook structure)");
      if (!Number.isInteger(p) || p < 0 || p >= sheets.length) throw invalid(`position ${p}`);
      sheets.splice(sheets.indexOf(m), 1);
      sheets.splice(p, 0, m);
    });
  }

  /** No address: the whole sheet (allowed for formats and clear, not for values). */
  getRange(address?: string): FakeRange {
    this.checkAddress(address ?? "");
    return new FakeRange(this.context, () => {
      if (address !== undefined && /[,;]/.test(address))
        throw invalid(`getRange takes one area ("${address}")`);
      return {
        sheet: this.model(),
        bounds: address === undefined ? { ...parseArea("A:XFD"), whole: true } : parseArea(address),
      };
    });
  }

  getRanges(address: string): FakeRangeAreas {
    this.checkAddress(address, () => this.context.requireApi(9, "Worksheet.getRanges"));
    return new FakeRangeAreas(this.context, () => ({
      sheet: this.model(),
      areas: address.split(",").map(parseArea),
    }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.model();
      return { sheet, bounds: sheet.used(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  /**
   * Excel refuses an address string longer than 8,192 characters when the batch runs (and a
   * method newer than itself: `api`).
   */
  private checkAddress(address: string, api?: () => void): void {
    this.context.enqueue(address.length, () => {
      api?.();
      if (address.length > this.context.limits.addressChars)
        throw invalid(
          `address of ${address.length} characters (at most ${this.context.limits.addressChars})`,
        );
    });
  }

  /** Shows the sheet to the user. */
  activate(): void {
    this.context.enqueue(8, () => activate(this.context.model, this.model()));
  }

  delete(): void {
    this.context.enqueue(8, () => {
      const m = this.model();
      if (this.context.model.protected) throw accessDenied("(workbook)");
      m.deleted = true;
      this.context.model.sheets.splice(this.context.model.sheets.indexOf(m), 1);
      this.context.stats.sheetDeletes++;
    });
  }
}

export class FakeWorksheetCollection {
  private snapshot: FakeWorksheet[] | undefined;
  constructor(private readonly context: FakeContext) {}

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const m = this.context.model.find(name);
      if (!m) throw notFound(`worksheet "${name}"`);
      return m;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.find(name));
  }

  add(name: string): FakeWorksheet {
    let added: SheetModel | undefined;
    this.context.enqueue(jsonBytes(name), () => {
      const wb: WorkbookModel = this.context.model;
      if (wb.protected) throw accessDenied("(workbook structure)");
      checkSheetName(name);
      if (wb.find(name))
        throw new FakeExcelError("ItemAlreadyExists", `A sheet named "${name}" exists.`);
      wb.sheets.push((added = new SheetModel(name)));
    });
    return new FakeWorksheet(this.context, () => added);
  }

  load(option?: LoadOption): this {
    const names = loadNames(option).map((n) => n.replace(/^items\//, ""));
    this.context.enqueue(jsonBytes(names), () => {
      const items = this.context.model.sheets.map((m) => new FakeWorksheet(this.context, () => m));
      this.snapshot = items;
      return items.reduce((n, ws) => n + ws.capture(names.length ? names : ["name"]), 0);
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.snapshot) throw notLoaded("items", "WorksheetCollection");
    return this.snapshot;
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeProtection;
  readonly application: FakeApplication;
  constructor(context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.protection = new FakeProtection(context, () => context.model);
    this.application = new FakeApplication(context);
  }
}

/** Workbook.application: only what Excel.createWorkbook(base64) uses (ExcelApi 1.8). */
export class FakeApplication {
  constructor(private readonly context: FakeContext) {}

  createWorkbook(base64: string): FakeWorkbookCreated {
    this.context.enqueue(base64.length, () => {
      this.context.requireApi(8, "Application.createWorkbook");
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw invalid("a workbook that is not base64");
    });
    return new FakeWorkbookCreated(this.context, base64);
  }
}

export class FakeWorkbookCreated {
  constructor(
    private readonly context: FakeContext,
    private readonly base64: string,
  ) {}

  open(): void {
    this.context.enqueue(8, () => {
      this.context.model.opened.push(this.base64);
    });
  }
}
