/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Worksheet.charts: charts float over the cells, so clearing the sheet's ranges leaves them (and
 * their references) in place, as in Excel. Chart names need not be unique (getItem returns the
 * first). A chart made by add() gets one series per column (or row) of its source, named
 * "Series1"...; Excel's guess of a header row or column is not modelled: a host that needs exact
 * ranges sets them on each series (ChartSeries.setValues / setXAxisValues, ExcelApi 1.7).
 */
import { ClientObject, LoadOption, NullState, loadNames, notFound } from "./client-object";
import { FakeContext, jsonBytes } from "./context";
import { FakeExcelError, invalid, notLoaded } from "./errors";
import { SheetModel, accessDenied, parseArea, qualified } from "./model";
import { FakeChartSeriesCollection, FakeChartTitle, text } from "./chart-parts";
import type { FakeRange } from "./range";

export interface SeriesModel {
  name: string;
  /** Qualified addresses ("'Phụ lục'!P5:P17"), as the series formula holds them. */
  values: string | undefined;
  categories: string | undefined;
}

export interface ChartModel {
  readonly id: string;
  name: string;
  readonly type: string;
  title: string;
  titleVisible: boolean;
  readonly series: SeriesModel[];
  /** The cells the chart covers, after setPosition: its top-left and bottom-right cells. */
  from: string | undefined;
  to: string | undefined;
}

const CHARTS = new WeakMap<SheetModel, ChartModel[]>();

export function chartsOf(sheet: SheetModel): ChartModel[] {
  let list = CHARTS.get(sheet);
  if (!list) CHARTS.set(sheet, (list = []));
  return list;
}

/** The types the fake draws; others are refused rather than drawn wrong. */
const TYPES = ["ColumnClustered", "ColumnStacked", "BarClustered", "Line", "Pie"];

const unsupported = (what: string) =>
  new FakeExcelError("InvalidOperation", `${what} (not modelled by the fake)`);

function writable(sheet: SheetModel): SheetModel {
  if (sheet.protected) throw accessDenied(sheet.name);
  return sheet;
}

export class FakeChart extends ClientObject {
  protected readonly scalars = ["name", "id", "chartType"];
  private readonly nullState: NullState;
  readonly title: FakeChartTitle;
  readonly series: FakeChartSeriesCollection;

  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
    private readonly find: () => ChartModel | undefined,
  ) {
    super(context);
    this.nullState = new NullState(context, () => find() !== undefined);
    this.title = new FakeChartTitle(context, () => this.model());
    this.series = new FakeChartSeriesCollection(context, () => this.model());
  }
  private model(): ChartModel {
    const m = this.find();
    if (!m || !chartsOf(this.sheet()).includes(m)) throw notFound("chart");
    return m;
  }
  protected override exists(): boolean {
    return this.find() !== undefined;
  }
  protected current(prop: string): unknown {
    const m = this.model();
    return prop === "chartType" ? m.type : m[prop as "name" | "id"];
  }
  get isNullObject(): boolean {
    return this.nullState.isNullObject;
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(v: string) {
    this.put("name", v, () => {
      writable(this.sheet());
      this.model().name = text(v, "chart name");
    });
  }
  /** The chart covers the cells from the top-left of `start` to the bottom-right of `end`. */
  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    this.context.enqueue(40, () => {
      const sheet = writable(this.sheet());
      const cell = (r: FakeRange | string) => {
        if (typeof r === "string") return { sheet, bounds: parseArea(r) };
        const t = r.target();
        if (t.sheet !== sheet) throw invalid("a chart is placed over cells of its own sheet");
        return t;
      };
      const from = cell(start).bounds;
      const to = end === undefined ? from : cell(end).bounds;
      if (to.r1 < from.r0 || to.c1 < from.c0) throw invalid("the end cell is before the start");
      const m = this.model();
      m.from = qualified(sheet.name, { r0: from.r0, c0: from.c0, r1: from.r0, c1: from.c0 });
      m.to = qualified(sheet.name, { r0: to.r1, c0: to.c1, r1: to.r1, c1: to.c1 });
    });
  }
  delete(): void {
    this.context.enqueue(8, () => {
      const sheet = writable(this.sheet());
      const m = this.model();
      const list = chartsOf(sheet);
      list.splice(list.indexOf(m), 1);
    });
  }
}

export class FakeChartCollection {
  private snapshot: FakeChart[] | undefined;
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {}

  private byName(name: string): ChartModel | undefined {
    return chartsOf(this.sheet()).find((c) => c.name === name);
  }

  add(type: string, source: FakeRange, seriesBy: string = "Auto"): FakeChart {
    let added: ChartModel | undefined;
    this.context.enqueue(jsonBytes([type, seriesBy]) + 40, () => {
      const sheet = writable(this.sheet());
      if (!TYPES.includes(type)) throw unsupported(`chart type "${type}"`);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw invalid(`seriesBy "${seriesBy}"`);
      const t = source.target();
      const b = t.bounds;
      if (b.whole) throw unsupported("a chart over whole columns or rows");
      const byColumns =
        seriesBy === "Columns" || (seriesBy === "Auto" && b.r1 - b.r0 >= b.c1 - b.c0);
      const count = byColumns ? b.c1 - b.c0 + 1 : b.r1 - b.r0 + 1;
      const series = Array.from({ length: count }, (_, i): SeriesModel => {
        const area = byColumns
          ? { r0: b.r0, c0: b.c0 + i, r1: b.r1, c1: b.c0 + i }
          : { r0: b.r0 + i, c0: b.c0, r1: b.r0 + i, c1: b.c1 };
        return {
          name: `Series${i + 1}`,
          values: qualified(t.sheet.name, area),
          categories: undefined,
        };
      });
      const id = `{chart${++this.context.model.nextId}}`;
      added = {
        id,
        name: `Chart ${this.context.model.nextId}`,
        type,
        title: "",
        titleVisible: false,
        series,
        from: undefined,
        to: undefined,
      };
      chartsOf(sheet).push(added);
    });
    return new FakeChart(this.context, this.sheet, () => added);
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this.context, this.sheet, () => {
      const m = this.byName(name);
      if (!m) throw notFound(`chart "${name}"`);
      return m;
    });
  }

  /**
   * The chart at a position, found when the batch runs: office.js addresses a loaded item this
   * way, so deleting items[0] and then items[1] in one batch would miss one, as in Excel.
   */
  getItemAt(index: number): FakeChart {
    return new FakeChart(this.context, this.sheet, () => {
      const m = chartsOf(this.sheet())[index];
      if (!m) throw notFound(`chart at ${index}`);
      return m;
    });
  }

  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): FakeChart {
    this.context.enqueue(jsonBytes(name), () => this.context.requireApi(4, "getItemOrNullObject"));
    return new FakeChart(this.context, this.sheet, () => this.byName(name));
  }

  load(option?: LoadOption): this {
    const names = loadNames(option).map((n) => n.replace(/^items\//, ""));
    this.context.enqueue(jsonBytes(names), () => {
      const items = chartsOf(this.sheet()).map(
        (m) => new FakeChart(this.context, this.sheet, () => m),
      );
      this.snapshot = items;
      return items.reduce((n, c) => n + c.capture(names.length ? names : ["name"]), 0);
    });
    return this;
  }

  get items(): FakeChart[] {
    if (!this.snapshot) throw notLoaded("items", "ChartCollection");
    return this.snapshot;
  }
}

/**
 * Excel keeps a chart's references on its data when a sheet is renamed: every series, category
 * and placement address naming `before` is made to name `after`.
 */
export function renameInCharts(sheets: readonly SheetModel[], before: string, after: string): void {
  const from = qualified(before, { r0: 0, c0: 0, r1: 0, c1: 0 }).replace(/A1$/, "");
  const to = qualified(after, { r0: 0, c0: 0, r1: 0, c1: 0 }).replace(/A1$/, "");
  const move = (a: string | undefined) => (a?.startsWith(from) ? to + a.slice(from.length) : a);
  for (const sheet of sheets)
    for (const chart of chartsOf(sheet)) {
      chart.from = move(chart.from);
      chart.to = move(chart.to);
      for (const s of chart.series) {
        s.values = move(s.values);
        s.categories = move(s.categories);
      }
    }
}
