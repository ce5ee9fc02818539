import { rangeA1 } from "../../core/model/address";
import { InputError } from "../../core/model/errors";
import { say } from "../../core/model/i18n";
import { formatCount } from "../../core/text/numbers";
import { CancelToken, throwIfCancelled } from "../workbook/progress";
import { topLeft } from "./areas";

/**
 * Where a sheet's values are, when its used range is too large to read whole. Excel's used range
 * is one rectangle: a register in A1:H30000 with one stray cell per row in column XFD has the used
 * range A1:XFD30000, 491 million cells, of which 270,000 hold anything. Reading that rectangle
 * would move gigabytes through 5 MB answers. Instead the rectangle is cut in halves, and each half
 * is asked for its own used range (Range.getUsedRangeOrNullObject, ExcelApi 1.4), which drops the
 * empty halves and shrinks the others to their cells; with ExcelApi 1.9 each is also asked how many
 * cells hold a constant or a formula (getSpecialCellsOrNullObject(...).cellCount), so that a part
 * at least a quarter full is read whole rather than cut further. The parts (boxes) end small or
 * full enough to read: the register and the column of strays, in two steps, for the sheet above.
 *
 * Columns are cut before rows: strays are typically far to the right of the data (a column pasted
 * at the end, a cell typed in XFD), and a cut between the columns separates them in a few steps,
 * where cuts between rows would leave every part as wide as the sheet.
 */

/** A rectangle of a sheet, zero-based. */
export interface Box {
  readonly row0: number;
  readonly col0: number;
  readonly rows: number;
  readonly cols: number;
}

export const boxCells = (b: Box): number => b.rows * b.cols;

export const boxA1 = (b: Box): string =>
  rangeA1(b.row0, b.col0, b.row0 + b.rows - 1, b.col0 + b.cols - 1);

/** A range's address, rows and columns as Excel gives them -> its box. */
export function boxOf(range: {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
}): Box {
  return { ...topLeft(range.address), rows: range.rowCount, cols: range.columnCount };
}

/** A box of this many cells or fewer is read whole, however empty: 12 KB of answer at most. */
export const SMALL_BOX_CELLS = 4_096;
/** A box with at least 1 cell in this many holding a value is read whole. */
const FULL_ENOUGH = 4;
/**
 * Boxes at most at any step: each is one probe, then at least one range read. A sheet whose
 * values are scattered more finely than this is refused with a message rather than read.
 */
const MAX_BOXES = 100_000;
/**
 * Cells that the boxes may hold in all, empty ones included. Without ExcelApi 1.9 the reader
 * cannot tell a full box from a sparse one until it is small; this bounds what it may then read.
 */
const MAX_BOX_CELLS = 40_000_000;
/**
 * Request bytes of one probe as office.js sends it (the range by address, its used range, two
 * special-cell queries and their loads, with their object paths; measured on the real client in
 * test/office-js/sparse-read-budget.test.ts), with room to spare.
 */
export const PROBE_BYTES = 2_500;

export interface FindOptions {
  /** The sheet's name, for the message when the cells are too scattered. */
  readonly sheet: string;
  /** ExcelApi 1.9: count the cells holding something (getSpecialCellsOrNullObject). */
  readonly counts: boolean;
  readonly budget: number;
  readonly cancel?: CancelToken | undefined;
  /** Boxes at most (MAX_BOXES unless given): tests lower it. */
  readonly maxBoxes?: number | undefined;
}

interface Found {
  readonly box: Box;
  /** Cells holding a constant or a formula; undefined without ExcelApi 1.9. */
  readonly filled: number | undefined;
}

/** Two halves: by columns while the box is more than one column wide, else by rows. */
function halves(b: Box): [Box, Box] {
  if (b.cols > 1) {
    const left = Math.floor(b.cols / 2);
    return [
      { ...b, cols: left },
      { ...b, col0: b.col0 + left, cols: b.cols - left },
    ];
  }
  const top = Math.floor(b.rows / 2);
  return [
    { ...b, rows: top },
    { ...b, row0: b.row0 + top, rows: b.rows - top },
  ];
}

const readWhole = (f: Found): boolean =>
  boxCells(f.box) <= SMALL_BOX_CELLS ||
  (f.filled !== undefined && f.filled * FULL_ENOUGH >= boxCells(f.box));

/** The proxies of one probe, read once their request is synced. */
interface Probe {
  readonly used: Excel.Range;
  readonly special: readonly Excel.RangeAreas[];
}

/**
 * Queues one probe of `box`: its used range (values only) and, with `counts`, how many of its
 * cells hold a constant or a formula. Every object is untracked: office.js would otherwise keep a
 * reference to each for the rest of Excel.run and release them all in one request at its end.
 */
function probe(ws: Excel.Worksheet, box: Box, counts: boolean): Probe {
  const range = ws.getRange(boxA1(box));
  range.untrack();
  const used = range.getUsedRangeOrNullObject(true);
  used.untrack();
  used.load("address,rowCount,columnCount");
  // Never on a single cell, where Excel would search the whole used range: a probed box always
  // has more than SMALL_BOX_CELLS / 2 cells.
  const special = counts
    ? (["Constants", "Formulas"] as const).map((type) => {
        const cells = range.getSpecialCellsOrNullObject(type);
        cells.untrack();
        cells.load("cellCount");
        return cells;
      })
    : [];
  return { used, special };
}

/**
 * The boxes of `used` (the sheet's used range) that hold its values, each to be read whole. Boxes
 * are probed breadth first, as many to a request as one request carries, the halves of a box
 * joining the end of the queue: about log2 of the columns plus log2 of the rows syncs for a few
 * boxes, more when there are many.
 */
export async function valueBoxes(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  used: Box,
  options: FindOptions,
): Promise<Box[]> {
  const perRequest = Math.max(1, Math.floor(options.budget / PROBE_BYTES));
  const maxBoxes = options.maxBoxes ?? MAX_BOXES;
  const boxes: Box[] = [];
  let cells = 0;
  // One request of probes per step; recursive rather than a loop, as each step's probes are the
  // halves the step before found.
  const step = async (pending: readonly Box[]): Promise<void> => {
    if (pending.length === 0) return;
    throwIfCancelled(options.cancel);
    const probes = pending.slice(0, perRequest).map((box) => probe(ws, box, options.counts));
    await context.sync();
    const next = pending.slice(perRequest);
    for (const { used: part, special } of probes) {
      if (part.isNullObject) continue;
      const found: Found = {
        box: boxOf(part),
        filled: options.counts
          ? special.reduce((n, s) => n + (s.isNullObject ? 0 : s.cellCount), 0)
          : undefined,
      };
      if (readWhole(found)) {
        boxes.push(found.box);
        cells += boxCells(found.box);
      } else next.push(...halves(found.box));
    }
    if (boxes.length + next.length > maxBoxes || cells > MAX_BOX_CELLS)
      throw tooScattered(options.sheet, used);
    return step(next);
  };
  await step([used]);
  return boxes.sort((a, b) => a.row0 - b.row0 || a.col0 - b.col0);
}

function tooScattered(sheet: string, used: Box): InputError {
  const area = boxA1(used);
  const vi = formatCount(boxCells(used), "vi");
  const en = formatCount(boxCells(used), "en");
  return new InputError(
    "too-large",
    say(
      `Sheet "${sheet}" có các ô rải rác khắp vùng ${area} (${vi} ô), quá phân tán để phần bổ trợ đọc qua Excel. Hãy xóa các ô thừa ở xa dữ liệu, hoặc dùng "Kiểm tra tệp trên trình duyệt".`,
      `Sheet "${sheet}" has cells scattered all over ${area} (${en} cells), too scattered for the add-in to read through Excel. Delete the stray cells far from the data, or check the file in the browser.`,
    ),
    sheet,
  );
}
