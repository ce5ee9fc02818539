import { MergedArea, RawSheet } from "../../core/model/cells";
import { InputError } from "../../core/model/errors";
import { say } from "../../core/model/i18n";
import { areaOf } from "./areas";
import { CancelToken } from "../workbook/progress";
import { LIMITS, Supports, isLimitError } from "./batch";
import { BlockFonts } from "./read-fonts";
import { BoxReader, SheetRows } from "./read-boxes";
import { boxCells, boxOf, valueBoxes } from "./sheet-boxes";

/**
 * A used range of at most this many cells is read whole, as it always was: at worst (every cell
 * empty) 6 MB of answers, two requests. Beyond it the reader first finds where the values are
 * (sheet-boxes.ts), so that a register with one stray cell in column XFD is not read as 491
 * million cells.
 */
export const WHOLE_USED_RANGE_CELLS = 2_000_000;

export interface ReadOptions {
  /** Bytes a response may carry; tests lower it to watch the block shrink. */
  readonly payloadBytes?: number;
  /** Polled before each block, so that a cancel during a long read takes effect within a block. */
  readonly cancel?: CancelToken;
  /**
   * Requirement-set detection. With ExcelApi 1.9 the fonts of cells that may hold legacy text are
   * read too (see read-fonts.ts), and a large sparse used range is searched by counting its filled
   * cells; with ExcelApi 1.13 the merged areas; without them, or without this, they are not.
   */
  readonly supports?: Supports;
  /**
   * Boxes a large used range may be cut into before the sheet is called too scattered
   * (sheet-boxes.ts's MAX_BOXES by default); tests lower it.
   */
  readonly maxBoxes?: number;
}

/**
 * Reads a sheet's values: one sync for the used range's extent (and its merged areas), then the
 * boxes that hold the values (the used range itself unless it is large: sheet-boxes.ts), in
 * requests that fit Excel's limits (read-boxes.ts): row blocks sized on the bytes a cell took in
 * the block before, halved when Excel still refuses an answer. A block with text that may be
 * legacy-encoded takes one sync more, for its fonts (ExcelApi 1.9). Rows come back sparse: a row's
 * array holds its filled cells only, as the xlsx host gives them.
 */
export async function readSheetValues(
  context: Excel.RequestContext,
  name: string,
  options: ReadOptions = {},
): Promise<RawSheet> {
  const budget = options.payloadBytes ?? LIMITS.payloadBytes;
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  ws.load("name");
  await context.sync();
  if (ws.isNullObject)
    throw new InputError(
      "missing-sheet",
      say(`Không có sheet "${name}".`, `No sheet "${name}".`),
      name,
    );
  const { used, merges } = await usedRange(context, ws, options.supports);
  const extent = boxOf(used);
  const counts = options.supports?.("ExcelApi", "1.9") === true;
  const boxes =
    boxCells(extent) <= WHOLE_USED_RANGE_CELLS
      ? [extent]
      : await valueBoxes(context, ws, extent, {
          sheet: name,
          counts,
          budget,
          cancel: options.cancel,
          maxBoxes: options.maxBoxes,
        });
  const fonts = counts ? new BlockFonts(budget) : null;
  const rows = new SheetRows();
  await new BoxReader(context, ws, rows, {
    sheet: name,
    budget,
    cancel: options.cancel,
    fonts,
  }).read(boxes);
  return {
    name: ws.name,
    rows: rows.result(),
    ...(fonts && fonts.fonts.size > 0 ? { fonts: fonts.fonts } : {}),
    ...(merges.length > 0 ? { merges } : {}),
  };
}

/**
 * The used range's extent and, with ExcelApi 1.13, its merged areas, in one request: the areas
 * cost no round trip of their own. Excel gives the merged areas whose top-left cell is in the
 * range, which is where a merged area's value stands, so every area with a value is there. Each
 * area's own address is read (`areas/items/address`) rather than the RangeAreas' address, which
 * Excel has been seen to give as the areas' top-left cells only (office-js issue 1590).
 *
 * Without ExcelApi 1.13 there are no merged areas: the reader then sees the other cells of a
 * merged area blank, as it did before merged areas were read. The same if the areas would make
 * the answer too large for Excel (a sheet with a hundred thousand of them): the extent is then
 * read again alone, one sync more in that case only.
 */
async function usedRange(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  supports: ReadOptions["supports"],
): Promise<{ used: Excel.Range; merges: MergedArea[] }> {
  const used = ws.getUsedRange(true);
  used.load("address,rowCount,columnCount");
  const merged = supports?.("ExcelApi", "1.13") ? used.getMergedAreasOrNullObject() : null;
  if (!merged) {
    await context.sync();
    return { used, merges: [] };
  }
  merged.load("areas/items/address");
  try {
    await context.sync();
  } catch (e) {
    if (!isLimitError(e)) throw e;
    return usedRange(context, ws, undefined);
  }
  if (merged.isNullObject) return { used, merges: [] };
  const merges: MergedArea[] = [];
  for (const area of merged.areas.items) {
    const m = areaOf(area.address);
    if (m) merges.push(m);
  }
  return { used, merges };
}
