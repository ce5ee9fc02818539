/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Range formats (font, fill, alignment, widths) over one area or several (RangeAreas). Reads
 * report the first cell, as Excel does for a uniform range.
 */
import { ClientObject } from "./client-object";
import { FakeContext } from "./context";
import { Bounds, CellFormat, SheetModel, accessDenied, cellKey, forEachCell } from "./model";

export interface Areas {
  readonly sheet: SheetModel;
  readonly areas: readonly Bounds[];
}

export function writable(t: Areas): Areas {
  if (t.sheet.protected) throw accessDenied(t.sheet.name);
  return t;
}

abstract class CellFormatPart extends ClientObject {
  constructor(
    context: FakeContext,
    protected readonly target: () => Areas,
  ) {
    super(context);
  }

  protected first(): CellFormat {
    const { sheet, areas } = this.target();
    return sheet.formats.get(cellKey(areas[0]!.r0, areas[0]!.c0)) ?? {};
  }

  protected setAll(prop: string, value: unknown, patch: CellFormat): void {
    this.put(prop, value, () => {
      const { sheet, areas } = writable(this.target());
      for (const b of areas)
        forEachCell(b, (r, c) => {
          const key = cellKey(r, c);
          sheet.formats.set(key, { ...sheet.formats.get(key), ...patch });
        });
    });
  }
}

export class FakeRangeFont extends CellFormatPart {
  protected readonly scalars = ["bold", "italic", "underline", "color", "size"];
  protected current(prop: string): unknown {
    const f = this.first();
    return {
      bold: f.bold ?? false,
      italic: f.italic ?? false,
      underline: f.underline ?? "None",
      color: f.fontColor ?? "#000000",
      size: f.fontSize ?? 11,
    }[prop];
  }
  get bold(): boolean {
    return this.loaded("bold");
  }
  set bold(v: boolean) {
    this.setAll("bold", v, { bold: v });
  }
  get italic(): boolean {
    return this.loaded("italic");
  }
  set italic(v: boolean) {
    this.setAll("italic", v, { italic: v });
  }
  get underline(): string {
    return this.loaded("underline");
  }
  set underline(v: string) {
    this.setAll("underline", v, { underline: v });
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(v: string) {
    this.setAll("color", v, { fontColor: v });
  }
  get size(): number {
    return this.loaded("size");
  }
  set size(v: number) {
    this.setAll("size", v, { fontSize: v });
  }
}

export class FakeRangeFill extends CellFormatPart {
  protected readonly scalars = ["color"];
  protected current(): unknown {
    return this.first().fill ?? "#FFFFFF";
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(v: string) {
    this.setAll("color", v, { fill: v });
  }
  clear(): void {
    this.setAll("fill", null, { fill: undefined });
  }
}

export class FakeRangeFormat extends CellFormatPart {
  protected readonly scalars = [
    "columnWidth",
    "rowHeight",
    "horizontalAlignment",
    "verticalAlignment",
    "wrapText",
  ];
  readonly font = new FakeRangeFont(this.context, this.target);
  readonly fill = new FakeRangeFill(this.context, this.target);

  protected current(prop: string): unknown {
    const { sheet, areas } = this.target();
    const f = this.first();
    if (prop === "columnWidth") return sheet.columnWidths.get(areas[0]!.c0) ?? 48;
    if (prop === "rowHeight") return sheet.rowHeights.get(areas[0]!.r0) ?? 15;
    if (prop === "horizontalAlignment") return f.horizontalAlignment ?? "General";
    if (prop === "verticalAlignment") return f.verticalAlignment ?? "Bottom";
    return f.wrapText ?? false;
  }
  get horizontalAlignment(): string {
    return this.loaded("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.setAll("horizontalAlignment", v, { horizontalAlignment: v });
  }
  get verticalAlignment(): string {
    return this.loaded("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.setAll("verticalAlignment", v, { verticalAlignment: v });
  }
  get wrapText(): boolean {
    return this.loaded("wrapText");
  }
  set wrapText(v: boolean) {
    this.setAll("wrapText", v, { wrapText: v });
  }
  get columnWidth(): number {
    return this.loaded("columnWidth");
  }
  set columnWidth(v: number) {
    this.put("columnWidth", v, () => {
      const { sheet, areas } = writable(this.target());
      for (const b of areas) for (let c = b.c0; c <= b.c1; c++) sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this.loaded("rowHeight");
  }
  set rowHeight(v: number) {
    this.put("rowHeight", v, () => {
      const { sheet, areas } = writable(this.target());
      for (const b of areas) for (let r = b.r0; r <= b.r1; r++) sheet.rowHeights.set(r, v);
    });
  }
}
