/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * RangeAreas (ExcelApi 1.9): several areas of one sheet from getRanges("A1:A3,C5"), with formats
 * and conditional formats but no values, as in Excel.
 */
import { ClientObject } from "./client-object";
import { FakeConditionalFormatCollection } from "./conditional-formats";
import { FakeContext } from "./context";
import { Areas, FakeRangeFormat } from "./format";
import { cellCount, qualified } from "./model";

/** Several areas of one sheet (ExcelApi 1.9): formats and conditional formats, no values. */
export class FakeRangeAreas extends ClientObject {
  protected readonly scalars = ["address", "areaCount", "cellCount"];
  private resolved: Areas | undefined;

  /** Excel keeps no reference to it across requests: nothing to do in the fake. */
  untrack(): this {
    return this;
  }
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    context: FakeContext,
    private readonly resolve: () => Areas,
  ) {
    super(context);
    this.format = new FakeRangeFormat(context, () => this.target());
    this.conditionalFormats = new FakeConditionalFormatCollection(context, () => this.target());
  }

  target(): Areas {
    return (this.resolved ??= this.resolve());
  }

  protected current(prop: string): unknown {
    const { sheet, areas } = this.target();
    if (prop === "address") return areas.map((b) => qualified(sheet.name, b)).join(",");
    if (prop === "areaCount") return areas.length;
    return areas.reduce((n, b) => n + cellCount(b), 0);
  }

  get address(): string {
    return this.loaded("address");
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
}
