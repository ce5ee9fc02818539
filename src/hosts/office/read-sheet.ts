import { rangeA1 } from "../../core/model/address";
import { MergedArea, RawRow, RawSheet, RawValue } from "../../core/model/cells";
import { InputError } from "../../core/model/errors";
import { say } from "../../core/model/i18n";
import { areaOf, topLeft } from "./areas";
import { CancelToken, throwIfCancelled } from "../workbook/progress";
import { LIMITS, RESPONSE_FRAME_BYTES, Supports, isLimitError, rowBytes } from "./batch";
import { BlockFonts } from "./read-fonts";

/** Before the first block is measured: a register cell is rarely over 30 bytes of JSON. */
const FIRST_GUESS_BYTES_PER_CELL = 32;

/** Excel gives numbers, strings (errors as their text: "#N/A") and booleans; "" is empty. */
function toRow(values: readonly unknown[], col0: number): RawRow | undefined {
  let any = false;
  const row: (RawValue | undefined)[] = new Array<RawValue | undefined>(col0).fill(undefined);
  for (const v of values) {
    const raw =
      typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && v !== "")
        ? v
        : undefined;
    if (raw !== undefined) any = true;
    row.push(raw);
  }
  return any ? row : undefined;
}

export interface ReadOptions {
  /** Bytes a response may carry; tests lower it to watch the block shrink. */
  readonly payloadBytes?: number;
  /** Polled before each block, so that a cancel during a long read takes effect within a block. */
  readonly cancel?: CancelToken;
  /**
   * Requirement-set detection. With ExcelApi 1.9 the fonts of cells that may hold legacy text are
   * read too (see read-fonts.ts), with ExcelApi 1.13 the merged areas; without them, or without
   * this, they are not.
   */
  readonly supports?: Supports;
}

/**
 * Reads a sheet's used values in row blocks: one sync for the used range's extent (and its merged
 * areas), then one per block. A block holds as many rows as fit the byte budget (measured on the
 * blocks already read) and the cell limit; when Excel still answers with a limit error the block
 * is halved and retried, and never grows back past a size that failed. A block with text that
 * may be legacy-encoded takes one sync more, for its fonts (ExcelApi 1.9), and is cut to the rows
 * whose fonts fit one answer (the rest is read again as the next block).
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

  const { row0, col0 } = topLeft(used.address);
  const rowCount = used.rowCount;
  const cols = used.columnCount;
  const rows: (RawRow | undefined)[] = new Array<RawRow | undefined>(row0).fill(undefined);
  const cellRows = Math.max(1, Math.floor(LIMITS.cells / cols));
  let cap = cellRows;
  let size = Math.min(cap, Math.max(1, Math.floor(budget / (cols * FIRST_GUESS_BYTES_PER_CELL))));
  let done = 0;
  const fonts = options.supports?.("ExcelApi", "1.9") ? new BlockFonts(budget) : null;
  /** Rows whose fonts fit one answer, once a block has needed fonts. */
  let fontCap = Infinity;

  // One block per step; recursion rather than a loop keeps each sync visibly tied to one block.
  const step = async (): Promise<void> => {
    if (done >= rowCount) return;
    throwIfCancelled(options.cancel);
    const n = Math.min(size, rowCount - done);
    const block = ws.getRange(rangeA1(row0 + done, col0, row0 + done + n - 1, col0 + cols - 1));
    block.load("values");
    let values: unknown[][] | null;
    try {
      await context.sync();
      // Over 5,000,000 cells Excel may answer null rather than fail.
      values = block.values as unknown[][] | null;
    } catch (e) {
      if (!isLimitError(e) || n === 1) throw e;
      values = null;
    }
    if (values === null) {
      if (n === 1)
        throw new Error(`Excel returned no values for row ${row0 + done + 1} of "${name}".`);
      cap = size = Math.max(1, Math.floor(n / 2));
      return step();
    }
    let m = n;
    const legacy = fonts?.columns(values) ?? [];
    if (fonts && legacy.length > 0) {
      fontCap = Math.min(fontCap, fonts.rowsFor(legacy.length));
      m = Math.min(n, fontCap);
      const collect = fonts.request(ws, { row0: row0 + done, col0 }, m, legacy, values);
      try {
        await context.sync();
      } catch (e) {
        if (!isLimitError(e) || m === 1) throw e;
        fontCap = size = Math.max(1, Math.floor(m / 2));
        return step();
      }
      collect();
    }
    // The answer's JSON as Excel sends it (rowBytes: cells, brackets, commas), so that the next
    // block is sized to fit the budget with its frame.
    let bytes = 0;
    for (const r of values.slice(0, m)) {
      bytes += rowBytes(r);
      rows.push(toRow(r, col0));
    }
    done += m;
    const room = Math.max(1, budget - RESPONSE_FRAME_BYTES);
    size = Math.min(cap, fontCap, Math.max(1, Math.floor((room * m) / Math.max(bytes, 1))));
    return step();
  };
  await step();
  return {
    name: ws.name,
    rows: trimTrailing(rows),
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

/** An empty sheet's used range is A1 with "": that is no rows at all. */
function trimTrailing(rows: (RawRow | undefined)[]): (RawRow | undefined)[] {
  let end = rows.length;
  while (end > 0 && rows[end - 1] === undefined) end--;
  return rows.slice(0, end);
}
