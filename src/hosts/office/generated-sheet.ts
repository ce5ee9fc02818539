import { columnLetters, rangeA1, sheetRef, toA1 } from "../../core/model/address";
import { GeneratedSheet, PlanCell, StyleKey } from "../../core/model/write-plan";
import { chunkAreas, coalesceAreas } from "../../core/model/areas";
import { LIMITS, WriteQueue } from "./batch";
import {
  bulkOverhead,
  columnWidthCost,
  freezeCost,
  gridRowBytes,
  hyperlinkCost,
  lookCost,
  mergeCost,
  rowHeightCost,
  valuesBlockCost,
} from "./request-costs";
import { LOOKS, TITLE_ROW_HEIGHT, applyLook, hasFormat, widthInPoints } from "./styles";

/** Excel refuses a cell holding more characters than this. */
const MAX_CELL_CHARS = 32767;

const valueOf = (c: PlanCell | undefined): string | number | boolean => {
  const v = c?.v ?? "";
  if (typeof v === "string") return v.slice(0, MAX_CELL_CHARS);
  // NaN and infinities cannot be sent; the xlsx host shows them as #NUM! too.
  return typeof v === "number" && !Number.isFinite(v) ? "#NUM!" : v;
};

/**
 * Text cells get the text format first so that Excel keeps "01", "1/2" or "=x" as typed rather
 * than turning them into numbers, dates or formulas; numbers get their style's format.
 */
const numberFormatOf = (c: PlanCell | undefined): string => {
  if (typeof c?.v === "string") return "@";
  return (c?.style && LOOKS[c.style].numberFormat) || "General";
};

/**
 * Queues one generated sheet: values and number formats in row blocks that fit a request, then
 * formats grouped by style key over coalesced areas, merges, widths, frozen rows and links.
 */
export async function queueGeneratedSheet(
  queue: WriteQueue,
  ws: Excel.Worksheet,
  sheet: GeneratedSheet,
  rangeAreas: boolean,
): Promise<void> {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const perBlock = Math.max(1, Math.floor(LIMITS.cells / width));
  const pad = (row: readonly PlanCell[]) => Array.from({ length: width }, (_, c) => row[c]);
  for (let r0 = 0; r0 < sheet.rows.length;) {
    let bytes = 0;
    let r1 = r0;
    // Rows while the block fits half a request (values and formats travel together). A single
    // row always fits: at most 16,384 cells of 32,767 characters is not a plan's row, and a
    // plan's widest row (the findings sheet's 14 columns) stays far below the budget.
    while (r1 < sheet.rows.length && r1 - r0 < perBlock) {
      const row = pad(sheet.rows[r1]!);
      const rowBytes = gridRowBytes(row.map(valueOf)) + gridRowBytes(row.map(numberFormatOf));
      const chunks = 2 * bulkOverhead(r1 - r0 + 1, width);
      if (r1 > r0 && bytes + rowBytes + chunks > LIMITS.payloadBytes / 2) break;
      bytes += rowBytes;
      r1++;
    }
    const rows = sheet.rows.slice(r0, r1);
    const address = rangeA1(r0, 0, r1 - 1, width - 1);
    await queue.add(
      valuesBlockCost(address, bytes, r1 - r0, width),
      () => {
        const range = ws.getRange(address).untrack();
        range.numberFormat = rows.map((row) => pad(row).map(numberFormatOf));
        range.values = rows.map((row) => pad(row).map(valueOf));
      },
      ws,
    );
    r0 = r1;
  }
  await queueStyles(queue, ws, sheet, rangeAreas);
  await queueLayout(queue, ws, sheet);
}

async function queueStyles(
  queue: WriteQueue,
  ws: Excel.Worksheet,
  sheet: GeneratedSheet,
  rangeAreas: boolean,
): Promise<void> {
  const byStyle = new Map<StyleKey, string[]>();
  const titleRows = new Set<number>();
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell.style || !hasFormat(LOOKS[cell.style])) return;
      const list = byStyle.get(cell.style);
      if (list) list.push(toA1(r, c));
      else byStyle.set(cell.style, [toA1(r, c)]);
      if (cell.style === "title") titleRows.add(r);
    }),
  );
  for (const [key, cells] of byStyle) {
    const chunks = chunkAreas(coalesceAreas(cells), LIMITS.addressChars);
    const targets = rangeAreas ? chunks.map((c) => c.join(",")) : chunks.flat();
    for (const address of targets)
      await queue.add(
        lookCost(address, LOOKS[key], rangeAreas),
        () =>
          applyLook(
            rangeAreas
              ? ws.getRanges(address).untrack().format
              : ws.getRange(address).untrack().format,
            LOOKS[key],
          ),
        ws,
      );
  }
  for (const r of titleRows) {
    const rows = `${r + 1}:${r + 1}`;
    await queue.add(
      rowHeightCost(rows, TITLE_ROW_HEIGHT),
      () => {
        ws.getRange(rows).untrack().format.rowHeight = TITLE_ROW_HEIGHT;
      },
      ws,
    );
  }
}

async function queueLayout(
  queue: WriteQueue,
  ws: Excel.Worksheet,
  sheet: GeneratedSheet,
): Promise<void> {
  for (const m of sheet.merges)
    await queue.add(mergeCost(m), () => ws.getRange(m).untrack().merge(), ws);
  for (const [c, w] of sheet.columnWidths.entries())
    if (w > 0) {
      const col = columnLetters(c);
      const points = widthInPoints(w);
      await queue.add(
        columnWidthCost(`${col}:${col}`, points),
        () => {
          ws.getRange(`${col}:${col}`).untrack().format.columnWidth = points;
        },
        ws,
      );
    }
  const freeze = Math.max(0, Math.floor(sheet.freezeRows));
  await queue.add(
    freezeCost(freeze),
    () => {
      if (freeze > 0) ws.freezePanes.freezeRows(freeze);
      else ws.freezePanes.unfreeze();
    },
    ws,
  );
  // An internal link: clicking the cell selects the finding's cell (Range.hyperlink, ExcelApi 1.7).
  for (const [r, row] of sheet.rows.entries())
    for (const [c, cell] of row.entries()) {
      if (!cell.link) continue;
      const reference = sheetRef(cell.link.sheet, cell.link.cell);
      const at = toA1(r, c);
      // The display text is the cell's own text; without it Excel may show the reference instead.
      const text = typeof cell.v === "string" ? cell.v.slice(0, MAX_CELL_CHARS) : undefined;
      await queue.add(
        hyperlinkCost(at, reference, text),
        () => {
          ws.getRange(at).untrack().hyperlink = {
            documentReference: reference,
            ...(text !== undefined ? { textToDisplay: text } : {}),
          };
        },
        ws,
      );
    }
}
