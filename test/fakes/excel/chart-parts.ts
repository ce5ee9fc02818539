/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * A chart's series (names, values and categories as qualified addresses) and its title.
 */
import { ClientObject, notFound } from "./client-object";
import { FakeContext, jsonBytes } from "./context";
import { FakeExcelError, invalid } from "./errors";
import { qualified } from "./model";
import type { ChartModel, SeriesModel } from "./charts";
import type { FakeRange, Target } from "./range";

const NAME_CHARS = 255;

const unsupported = (what: string) =>
  new FakeExcelError("InvalidOperation", `${what} (not modelled by the fake)`);

/** A one-column or one-row range, as a series' values or categories must be. */
function line(t: Target, what: string): string {
  const b = t.bounds;
  if (b.whole || (b.r0 !== b.r1 && b.c0 !== b.c1))
    throw unsupported(`${what} over a 2-D or whole range`);
  return qualified(t.sheet.name, b);
}

export function text(v: unknown, what: string): string {
  if (typeof v !== "string") throw invalid(`${what} must be text`);
  if (v.length > NAME_CHARS) throw invalid(`${what} has more than ${NAME_CHARS} characters`);
  return v;
}

export class FakeChartSeries extends ClientObject {
  protected readonly scalars = ["name"];
  constructor(
    context: FakeContext,
    private readonly find: () => SeriesModel,
  ) {
    super(context);
  }
  protected current(): unknown {
    return this.find().name;
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(v: string) {
    this.put("name", v, () => (this.find().name = text(v, "series name")));
  }
  /** ExcelApi 1.7. */
  setValues(source: FakeRange): void {
    this.context.enqueue(40, () => {
      this.context.requireApi(7, "ChartSeries.setValues");
      this.find().values = line(source.target(), "series values");
    });
  }
  /** ExcelApi 1.7. */
  setXAxisValues(source: FakeRange): void {
    this.context.enqueue(40, () => {
      this.context.requireApi(7, "ChartSeries.setXAxisValues");
      this.find().categories = line(source.target(), "series categories");
    });
  }
}

export class FakeChartSeriesCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly chart: () => ChartModel,
  ) {}
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => {
      const s = this.chart().series[index];
      if (!s) throw notFound(`chart series ${index}`);
      return s;
    });
  }
  /** ExcelApi 1.7: a new series, invisible until its values are set. */
  add(name?: string, index?: number): FakeChartSeries {
    let added: SeriesModel | undefined;
    this.context.enqueue(jsonBytes(name ?? ""), () => {
      this.context.requireApi(7, "ChartSeriesCollection.add");
      const list = this.chart().series;
      if (index !== undefined && (index < 0 || index > list.length))
        throw invalid(`index ${index}`);
      added = { name: text(name ?? "", "series name"), values: undefined, categories: undefined };
      list.splice(index ?? list.length, 0, added);
    });
    return new FakeChartSeries(this.context, () => {
      if (!added) throw notFound("chart series");
      return added;
    });
  }
}

export class FakeChartTitle extends ClientObject {
  protected readonly scalars = ["text", "visible"];
  constructor(
    context: FakeContext,
    private readonly chart: () => ChartModel,
  ) {
    super(context);
  }
  protected current(prop: string): unknown {
    const c = this.chart();
    return prop === "text" ? c.title : c.titleVisible;
  }
  get text(): string {
    return this.loaded("text");
  }
  set text(v: string) {
    this.put("text", v, () => {
      const c = this.chart();
      c.title = text(v, "chart title");
      c.titleVisible = true;
    });
  }
  set visible(v: boolean) {
    this.put("visible", v, () => (this.chart().titleVisible = v === true));
  }
}
