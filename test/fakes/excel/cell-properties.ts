/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Range.getCellProperties (ExcelApi 1.9) for the one property the host asks, the font name: the
 * answer is a ClientResult whose value exists only after the sync that runs it, and its size (the
 * JSON of every cell) counts against the response limit. Any other property fails, so that a host
 * asking for more than the fake knows is caught.
 */
import { FakeContext, jsonBytes } from "./context";
import { FakeExcelError, invalid, notLoaded } from "./errors";
import { Bounds, SheetModel, cellCount, cellKey } from "./model";

/** The workbook's default font, which a cell without a font of its own shows. */
export const DEFAULT_FONT = "Calibri";

export interface FakeCellProperties {
  readonly format: { readonly font: { readonly name: string } };
}

export class FakeClientResult<T> {
  private result: { readonly value: T } | undefined;

  resolve(value: T): void {
    this.result = { value };
  }

  get value(): T {
    if (!this.result) throw notLoaded("value", "ClientResult");
    return this.result.value;
  }
}

function onlyFontName(options: unknown): boolean {
  if (typeof options !== "object" || options === null) return false;
  const { format, ...rest } = options as { format?: unknown };
  if (Object.keys(rest).length > 0 || typeof format !== "object" || format === null) return false;
  const { font, ...others } = format as { font?: unknown };
  if (Object.keys(others).length > 0 || typeof font !== "object" || font === null) return false;
  const keys = Object.keys(font);
  return keys.length === 1 && keys[0] === "name" && (font as { name: unknown }).name === true;
}

export function getCellProperties(
  context: FakeContext,
  target: () => { readonly sheet: SheetModel; readonly bounds: Bounds },
  options: unknown,
): FakeClientResult<FakeCellProperties[][]> {
  const result = new FakeClientResult<FakeCellProperties[][]>();
  context.enqueue(jsonBytes(options), () => {
    if (!onlyFontName(options))
      throw invalid(`getCellProperties(${JSON.stringify(options)}): the fake knows font.name only`);
    const { sheet, bounds: b } = target();
    const n = cellCount(b);
    if (b.whole || n > context.limits.cells)
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The range has ${n} cells; Excel reads at most ${context.limits.cells} at once.`,
      );
    const grid: FakeCellProperties[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row: FakeCellProperties[] = [];
      for (let c = b.c0; c <= b.c1; c++) {
        const name = sheet.formats.get(cellKey(r, c))?.fontName ?? DEFAULT_FONT;
        row.push({ format: { font: { name } } });
      }
      grid.push(row);
    }
    result.resolve(grid);
    return jsonBytes(grid);
  });
  return result;
}
