import { rangeA1 } from "../../core/model/address";
import { fontKey } from "../../core/model/cells";
import { encodingOfFont, mayBeLegacy } from "../../core/text/legacy";

/**
 * Fonts of the cells that may hold legacy TCVN3 or VNI text, for RawSheet.fonts. In Excel a cell's
 * font takes Range.getCellProperties (ExcelApi 1.9), whose answer is far larger than the values
 * (about 50 bytes a cell): it is asked only for the columns of a block in which some text looks
 * legacy (mayBeLegacy), so that a Unicode register costs nothing more and a legacy one one sync
 * more per block. The whole column of the block is asked, not only the telling cells: a short word
 * in the same column ("Cã" beside "Kh«ng") is settled by its font.
 */

/** An upper bound of one cell in the answer: {"format":{"font":{"name":"…"}}}, a name ≤ 31. */
const FONT_BYTES_PER_CELL = 80;
/** Bounds the memo of judged spellings (registers repeat a few words in every row). */
const MEMO_MAX = 20_000;

export class BlockFonts {
  readonly fonts = new Map<number, string>();
  private readonly memo = new Map<string, boolean>();

  constructor(private readonly budget: number) {}

  private looksLegacy(v: string): boolean {
    let yes = this.memo.get(v);
    if (yes === undefined) {
      yes = mayBeLegacy(v);
      if (this.memo.size < MEMO_MAX) this.memo.set(v, yes);
    }
    return yes;
  }

  /** The columns of a block (zero-based in the block) with text that may be legacy. */
  columns(values: readonly (readonly unknown[])[]): number[] {
    const found = new Set<number>();
    for (const row of values)
      row.forEach((v, c) => {
        if (typeof v === "string" && v !== "" && !found.has(c) && this.looksLegacy(v)) found.add(c);
      });
    return [...found].sort((a, b) => a - b);
  }

  /** How many rows of these columns one answer can carry within the byte budget. */
  rowsFor(columns: number): number {
    return Math.max(1, Math.floor(this.budget / (columns * FONT_BYTES_PER_CELL)));
  }

  /**
   * Queues one getCellProperties per run of adjacent columns, over `rows` rows from the block's
   * first (sheet row0, col0 of the block's first cell); returns what to call after the sync.
   */
  request(
    ws: Excel.Worksheet,
    at: { readonly row0: number; readonly col0: number },
    rows: number,
    columns: readonly number[],
    values: readonly (readonly unknown[])[],
  ): () => void {
    const runs: [number, number][] = [];
    for (const c of columns) {
      const last = runs.at(-1);
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const asked = runs.map(([c0, c1]) => ({
      c0,
      result: ws
        .getRange(rangeA1(at.row0, at.col0 + c0, at.row0 + rows - 1, at.col0 + c1))
        .getCellProperties({ format: { font: { name: true } } }),
    }));
    return () => {
      for (const { c0, result } of asked)
        result.value.forEach((row, i) =>
          row.forEach((cell, j) => {
            const name = cell.format?.font?.name;
            const v = values[i]?.[c0 + j];
            // Only text cells in a legacy font: what RawSheet.fonts lists.
            if (name && typeof v === "string" && v !== "" && encodingOfFont(name))
              this.fonts.set(fontKey(at.row0 + i, at.col0 + c0 + j), name);
          }),
        );
    };
  }
}
