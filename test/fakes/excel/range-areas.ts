/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * RangeAreas (ExcelApi 1.9): several areas of one sheet from getRanges("A1:A3,C5"), with formats
 * and conditional formats but no values, as in Excel; or the merged areas of a range
 * (Range.getMergedAreasOrNullObject, ExcelApi 1.13), a null object when there are none. Its
 * `areas` are a collection of ranges, one per area.
 */
import { ClientObject, LoadOption, NullState, loadNames } from "./client-object";
import { FakeConditionalFormatCollection } from "./conditional-formats";
import { FakeContext, jsonBytes } from "./context";
import { notLoaded } from "./errors";
import { Areas, FakeRangeFormat } from "./format";
import { cellCount, qualified } from "./model";
import { FakeRange } from "./range";

/** Several areas of one sheet (ExcelApi 1.9): formats and conditional formats, no values. */
export class FakeRangeAreas extends ClientObject {
  protected readonly scalars = ["address", "areaCount", "cellCount"];
  private resolved: Areas | undefined;
  /** Set for an `…OrNullObject` result: null when it has no areas. */
  private readonly nullState: NullState | undefined;

  /** Excel keeps no reference to it across requests: nothing to do in the fake. */
  untrack(): this {
    return this;
  }
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly areas: FakeRangeCollection;

  constructor(
    context: FakeContext,
    private readonly resolve: () => Areas,
    orNull = false,
  ) {
    super(context);
    this.format = new FakeRangeFormat(context, () => this.target());
    this.conditionalFormats = new FakeConditionalFormatCollection(context, () => this.target());
    this.areas = new FakeRangeCollection(context, () => (this.exists() ? this.target() : null));
    this.nullState = orNull
      ? new NullState(context, () => this.target().areas.length > 0)
      : undefined;
  }

  target(): Areas {
    return (this.resolved ??= this.resolve());
  }

  /**
   * As office.js's load: "areas/items/address" (or "areas/address") loads the areas' addresses
   * through the `areas` collection, the other names this object's own properties.
   */
  override load(option?: LoadOption): this {
    const names = loadNames(option);
    const areas = names.filter((n) => n.startsWith("areas/"));
    const own = names.filter((n) => !n.startsWith("areas/"));
    if (areas.length > 0) this.areas.load(areas.map((n) => n.slice("areas/".length)));
    if (own.length > 0 || areas.length === 0) super.load(own);
    return this;
  }

  protected override exists(): boolean {
    return this.nullState === undefined || this.target().areas.length > 0;
  }

  protected current(prop: string): unknown {
    const { sheet, areas } = this.target();
    if (prop === "address") return areas.map((b) => qualified(sheet.name, b)).join(",");
    if (prop === "areaCount") return areas.length;
    return areas.reduce((n, b) => n + cellCount(b), 0);
  }

  /** Known after the sync that resolved it (always false for getRanges). */
  get isNullObject(): boolean {
    return this.nullState?.isNullObject ?? false;
  }
  get address(): string {
    return this.loaded("address");
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }
}

/** RangeAreas.areas: one range per area, in the RangeAreas' order. */
export class FakeRangeCollection {
  private snapshot: FakeRange[] | undefined;

  constructor(
    private readonly context: FakeContext,
    /** null for the areas of a null object: nothing to load. */
    private readonly owner: () => Areas | null,
  ) {}

  load(option?: LoadOption): this {
    const names = loadNames(option).map((n) => n.replace(/^items\//, ""));
    this.context.enqueue(jsonBytes(names), () => {
      const owner = this.owner();
      const items = (owner?.areas ?? []).map(
        (bounds) => new FakeRange(this.context, () => ({ sheet: owner!.sheet, bounds })),
      );
      this.snapshot = items;
      return items.reduce((n, r) => n + r.capture(names.length ? names : ["address"]), 0);
    });
    return this;
  }

  get items(): FakeRange[] {
    if (!this.snapshot) throw notLoaded("items", "RangeCollection");
    return this.snapshot;
  }
}
