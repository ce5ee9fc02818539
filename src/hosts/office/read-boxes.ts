import { toA1 } from "../../core/model/address";
import { RawValue } from "../../core/model/cells";
import { InputError } from "../../core/model/errors";
import { say } from "../../core/model/i18n";
import { CancelToken, throwIfCancelled } from "../workbook/progress";
import { LIMITS, RESPONSE_FRAME_BYTES, isLimitError, rowBytes } from "./batch";
import { BlockFonts } from "./read-fonts";
import { rangeCost } from "./request-costs";
import { Box, boxA1, boxCells } from "./sheet-boxes";

/** Before the first answer is measured: a register cell is rarely over 30 bytes of JSON. */
const FIRST_GUESS_BYTES_PER_CELL = 32;
/** The least a cell costs in an answer: `"",`. */
const MIN_CELL_BYTES = 3;
/** What one range adds to an answer besides its rows: {"ActionId":…,"Value":{"Values":[…]}}, */
const RANGE_ANSWER_BYTES = 80;
/** What reading one range adds to a request: getRange(address), its load, kept reference. */
const RANGE_REQUEST_BYTES = rangeCost("XFD1048575:XFD1048576") + 200;

/** Excel gives numbers, strings (errors as their text: "#N/A") and booleans; "" is empty. */
const rawOf = (v: unknown): RawValue | undefined =>
  typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && v !== "")
    ? v
    : undefined;

/**
 * A sheet's rows, filled box by box. A row's array is given only the cells that hold a value, at
 * their columns: a row with one cell in column XFD is one entry (a sparse array), not 16,384, as
 * the xlsx host stores it.
 */
export class SheetRows {
  private readonly rows = new Map<number, (RawValue | undefined)[]>();
  private last = -1;

  put(box: Box, values: readonly (readonly unknown[])[]): void {
    values.forEach((line, i) => {
      const r = box.row0 + i;
      let row = this.rows.get(r);
      line.forEach((v, j) => {
        const raw = rawOf(v);
        if (raw === undefined) return;
        if (!row) this.rows.set(r, (row = []));
        row[box.col0 + j] = raw;
      });
      if (row) this.last = Math.max(this.last, r);
    });
  }

  /** rows[0] is row 1, undefined for an empty row; none after the last row with a value. */
  result(): ((RawValue | undefined)[] | undefined)[] {
    return Array.from({ length: this.last + 1 }, (_, r) => this.rows.get(r));
  }
}

export interface BoxReadOptions {
  /** The sheet's name, for messages. */
  readonly sheet: string;
  /** Bytes an answer may carry. */
  readonly budget: number;
  readonly cancel?: CancelToken | undefined;
  /** With ExcelApi 1.9: the fonts of text that may be legacy-encoded (read-fonts.ts). */
  readonly fonts: BlockFonts | null;
}

/**
 * Reads boxes of a sheet in requests whose answers fit the byte budget: small boxes several to a
 * request, a large one in blocks of rows, a row too long for one answer in parts of columns. Each
 * request is sized on the bytes a cell took in the one before (a first guess before any); when
 * Excel still refuses an answer as too large, the guess is raised so that the same cells are asked
 * again in halves. A cell that alone is over Excel's limit (a value from another program, beyond
 * Excel's own 32,767 characters) is said, with its address, rather than retried for ever.
 */
export class BoxReader {
  private bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
  /** Font cells one answer may carry, lowered when Excel refuses more. */
  private fontCells: number;
  /**
   * The most columns of one box whose fonts were needed: once a box has needed fonts, the next
   * are cut to the rows whose fonts fit one answer, so that no values are read twice.
   */
  private fontColumns = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly ws: Excel.Worksheet,
    private readonly sink: SheetRows,
    private readonly options: BoxReadOptions,
  ) {
    this.fontCells = options.fonts?.rowsFor(1) ?? 0;
  }

  async read(boxes: readonly Box[]): Promise<void> {
    const queue = [...boxes];
    // One request per step; recursion rather than a loop keeps each sync visibly tied to one batch.
    const step = async (): Promise<void> => {
      if (queue.length === 0) return;
      throwIfCancelled(this.options.cancel);
      await this.send(this.take(queue), queue);
      return step();
    };
    await step();
  }

  private get room(): number {
    return Math.max(1, this.options.budget - RESPONSE_FRAME_BYTES);
  }

  private estimate(b: Box): number {
    return RANGE_ANSWER_BYTES + b.rows * 3 + boxCells(b) * this.bytesPerCell;
  }

  /**
   * The boxes of the next request, from the front of the queue (cutting the first if too big). A
   * box's rows put back after a cut are joined again to the rest of that box first, so that the
   * next request is sized on the whole remainder rather than on the few rows put back.
   */
  private take(queue: Box[]): Box[] {
    let first = queue.shift()!;
    while (queue.length > 0 && continues(first, queue[0]!)) {
      const more = queue.shift()!;
      first = { ...first, rows: first.rows + more.rows };
    }
    const fontRows =
      this.fontColumns > 0 ? Math.max(1, Math.floor(this.fontCells / this.fontColumns)) : Infinity;
    const fit = Math.max(
      1,
      Math.min(
        LIMITS.cells,
        fontRows * first.cols,
        Math.floor((this.room - RANGE_ANSWER_BYTES - first.rows * 3) / this.bytesPerCell),
      ),
    );
    if (boxCells(first) > fit) {
      const [head, ...rest] = cut(first, fit);
      queue.unshift(...rest);
      return [head!];
    }
    const batch = [first];
    let bytes = this.estimate(first);
    let cells = boxCells(first);
    const most = Math.max(1, Math.floor(this.options.budget / RANGE_REQUEST_BYTES));
    while (queue.length > 0 && batch.length < most) {
      const b = queue[0]!;
      if (bytes + this.estimate(b) > this.room || cells + boxCells(b) > LIMITS.cells) break;
      batch.push(queue.shift()!);
      bytes += this.estimate(b);
      cells += boxCells(b);
    }
    return batch;
  }

  private async send(batch: Box[], queue: Box[]): Promise<void> {
    const { ws, context } = this;
    const ranges = batch.map((b) => {
      const range = ws.getRange(boxA1(b));
      range.untrack();
      range.load("values");
      return range;
    });
    let answers: unknown[][][] | null;
    try {
      await context.sync();
      // Over 5,000,000 cells Excel may answer null rather than fail.
      const got = ranges.map((r) => r.values as unknown[][] | null);
      answers = got.every((v) => v !== null) ? (got as unknown[][][]) : null;
    } catch (e) {
      if (!isLimitError(e)) throw e;
      answers = null;
    }
    const cells = batch.reduce((n, b) => n + boxCells(b), 0);
    if (answers === null) {
      if (cells === 1) throw tooLargeCell(this.options.sheet, batch[0]!);
      // Asked again at twice the bytes a cell was thought to take: in halves, or fewer boxes.
      this.bytesPerCell = Math.max(this.bytesPerCell * 2, (2 * this.room) / cells);
      queue.unshift(...batch);
      return;
    }
    const kept = this.options.fonts ? await this.readFonts(batch, answers, queue) : batch.length;
    // The answer's JSON as Excel sends it (rowBytes: cells, brackets, commas), so that the next
    // request is sized to fit the budget with its frame.
    let bytes = 0;
    let read = 0;
    for (let i = 0; i < kept; i++) {
      for (const row of answers[i]!) bytes += rowBytes(row);
      read += boxCells(batch[i]!);
      this.sink.put(batch[i]!, answers[i]!);
    }
    if (read > 0) this.bytesPerCell = Math.max(MIN_CELL_BYTES, bytes / read);
  }

  /**
   * The fonts of the batch's cells that may hold legacy text (read-fonts.ts), in one more sync when
   * there are any. Returns how many boxes of the batch (from the first) are done; the others, and
   * the rows of a lone box beyond what one answer of fonts carries, go back to the queue. `batch`
   * and `answers` are cut to what is done.
   */
  private async readFonts(batch: Box[], answers: unknown[][][], queue: Box[]): Promise<number> {
    const fonts = this.options.fonts!;
    const legacy = answers.map((values) => fonts.columns(values));
    if (legacy.every((l) => l.length === 0)) return batch.length;
    let kept = 0;
    let asked = 0;
    for (; kept < batch.length; kept++) {
      const need = batch[kept]!.rows * legacy[kept]!.length;
      if (kept > 0 && asked + need > this.fontCells) break;
      asked += need;
    }
    const back = batch.slice(kept);
    this.fontColumns = Math.max(this.fontColumns, ...legacy.slice(0, kept).map((l) => l.length));
    if (kept === 1 && asked > this.fontCells) {
      // A lone box whose fonts one answer cannot carry: its first rows now, the rest later.
      const b = batch[0]!;
      const rows = Math.max(1, Math.floor(this.fontCells / legacy[0]!.length));
      if (rows < b.rows) {
        back.unshift({ ...b, row0: b.row0 + rows, rows: b.rows - rows });
        batch[0] = { ...b, rows };
        answers[0] = answers[0]!.slice(0, rows);
        asked = rows * legacy[0]!.length;
      }
    }
    const collect = batch
      .slice(0, kept)
      .map((b, i) =>
        legacy[i]!.length > 0
          ? fonts.request(this.ws, b, b.rows, legacy[i]!, answers[i]!)
          : () => undefined,
      );
    try {
      await this.context.sync();
    } catch (e) {
      if (!isLimitError(e) || asked <= 1) throw e;
      this.fontCells = Math.max(1, Math.floor(asked / 2));
      queue.unshift(...batch.slice(0, kept), ...back);
      return 0;
    }
    collect.forEach((c) => c());
    queue.unshift(...back);
    return kept;
  }
}

/** Does `b` go on where `a` ends, down the same columns (the rest of a box that was cut)? */
const continues = (a: Box, b: Box): boolean =>
  b.col0 === a.col0 && b.cols === a.cols && b.row0 === a.row0 + a.rows;

/**
 * The first `cells` cells of a box, as a box (its first rows, or the first columns of its first
 * row), and what remains of it.
 */
function cut(b: Box, cells: number): Box[] {
  if (cells >= b.cols) {
    const rows = Math.min(b.rows, Math.floor(cells / b.cols));
    return rows >= b.rows
      ? [b]
      : [
          { ...b, rows },
          { ...b, row0: b.row0 + rows, rows: b.rows - rows },
        ];
  }
  const head = { ...b, rows: 1, cols: cells };
  const rest: Box[] = [{ ...b, col0: b.col0 + cells, rows: 1, cols: b.cols - cells }];
  if (b.rows > 1) rest.push({ ...b, row0: b.row0 + 1, rows: b.rows - 1 });
  return [head, ...rest];
}

function tooLargeCell(sheet: string, b: Box): InputError {
  const cell = toA1(b.row0, b.col0);
  return new InputError(
    "too-large",
    say(
      `Ô ${cell} của sheet "${sheet}" quá lớn: Excel không gửi được nội dung ô này cho phần bổ trợ (quá 5 MB một lần). Hãy rút ngắn nội dung ô rồi kiểm tra lại.`,
      `Cell ${cell} of sheet "${sheet}" is too large: Excel cannot send its content to the add-in (over 5 MB at once). Shorten it and check again.`,
    ),
    sheet,
  );
}
