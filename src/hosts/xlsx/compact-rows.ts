import { DENSE_WIDTH, RawRow, RawValue, RowList } from "../../core/model/cells";

/**
 * A worksheet's rows kept in typed arrays, each row made as it is asked for (RowList). A country's
 * member sheet read into arrays of values is 600,000 small arrays, 80 MB that every full garbage
 * collection walks until the last member is read; here it is about 6 bytes a cell outside the
 * heap, and a row made for the reader dies young (issue 15).
 *
 * A cell is a 16-bit head (its column times four, plus its kind) and a 32-bit value: a shared
 * string's index, a whole number itself, or an index into `others` (any other value: a fraction,
 * a text not shared, true, false, null).
 */
const SHARED = 0;
const WHOLE = 1;
const OTHER = 2;

/** Cells per block: blocks are added, never grown, so no copy doubles the memory for a moment. */
const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
/** What a dropped block is replaced with. */
const EMPTY_HEADS = new Uint16Array(0);
const EMPTY_VALUES = new Int32Array(0);

export class CompactRows implements RowList {
  /** Each row's first cell and its number of cells (0: an empty row). */
  private starts = new Int32Array(1024);
  private sizes = new Uint16Array(1024);
  private count = 0;
  private readonly heads: Uint16Array[] = [];
  private readonly values: Int32Array[] = [];
  /** Each block's rows not yet released: a block is let go of with its last row. */
  private readonly rowsIn: number[] = [];
  private readonly others: RawValue[] = [];
  /** The next free cell: a row never straddles two blocks, so a block may end unused. */
  private next = 0;
  /** The row last made, kept for the reader's several looks at the same row. */
  private lastRow0 = -1;
  private last: RawRow | undefined;

  constructor(private readonly sst: readonly string[]) {}

  get length(): number {
    return this.count;
  }

  /** Blocks of cells still held (release lets go of them). */
  get blocksHeld(): number {
    return this.heads.filter((h) => h.length > 0).length;
  }

  /**
   * Adds row `row0` (below every row added so far): its first `n` cells in `heads` and `values`,
   * left to right, as RowBuilder encodes them (values kept aside already given by `keep`).
   */
  add(row0: number, n: number, heads: Uint16Array, values: Int32Array): void {
    if (n === 0) return;
    let block = this.next >>> BLOCK_BITS;
    let at = this.next & (BLOCK - 1);
    if (block >= this.heads.length || at + n > BLOCK) {
      if (block < this.heads.length) block++;
      at = 0;
      this.heads.push(new Uint16Array(BLOCK));
      this.values.push(new Int32Array(BLOCK));
      this.rowsIn.push(0);
    }
    this.rowsIn[block]!++;
    this.heads[block]!.set(heads.subarray(0, n), at);
    this.values[block]!.set(values.subarray(0, n), at);
    const start = block * BLOCK + at;
    // Rows skipped hold no cell: their sizes are the zeros the arrays were made with.
    this.room(row0 + 1);
    this.starts[row0] = start;
    this.sizes[row0] = n;
    this.count = row0 + 1;
    this.next = start + n;
  }

  /**
   * Lets go of a row, as a check handed its input does once the row's record is made: it reads as
   * empty from now on, and a block whose rows are all let go of is dropped (the reader walks the
   * rows in order, so a country's member sheet is let go of as it is read).
   */
  release(row0: number): void {
    if (!(row0 >= 0 && row0 < this.count) || this.sizes[row0] === 0) return;
    const block = this.starts[row0]! >>> BLOCK_BITS;
    this.sizes[row0] = 0;
    if (row0 === this.lastRow0) this.last = undefined;
    if (--this.rowsIn[block]! > 0) return;
    this.heads[block] = EMPTY_HEADS;
    this.values[block] = EMPTY_VALUES;
  }

  /** Keeps `value` aside (a value that is not a shared string or a whole number); its index. */
  keep(value: RawValue): number {
    this.others.push(value);
    return this.others.length - 1;
  }

  at(row0: number): RawRow | undefined {
    if (row0 === this.lastRow0) return this.last;
    if (!(row0 >= 0 && row0 < this.count)) return undefined;
    const s = this.starts[row0]!;
    const size = this.sizes[row0]!;
    let row: RawRow | undefined;
    if (size > 0) {
      const heads = this.heads[s >>> BLOCK_BITS]!;
      const values = this.values[s >>> BLOCK_BITS]!;
      const out: (RawValue | undefined)[] = [];
      for (let i = s & (BLOCK - 1), end = i + size; i < end; i++) {
        const head = heads[i]!;
        const v = values[i]!;
        const kind = head & 3;
        out[head >>> 2] = kind === SHARED ? this.sst[v]! : kind === WHOLE ? v : this.others[v]!;
      }
      row = out;
    }
    this.lastRow0 = row0;
    this.last = row;
    return row;
  }

  /** Every row as an array (a sheet whose rows came out of order goes on as one). */
  toArray(): (RawRow | undefined)[] {
    const out: (RawRow | undefined)[] = [];
    for (let r = 0; r < this.count; r++) out.push(this.at(r));
    this.lastRow0 = -1;
    this.last = undefined;
    return out;
  }

  private room(n: number): void {
    if (n <= this.starts.length) return;
    const length = Math.max(n, this.starts.length * 2);
    const starts = new Int32Array(length);
    const sizes = new Uint16Array(length);
    starts.set(this.starts);
    sizes.set(this.sizes);
    this.starts = starts;
    this.sizes = sizes;
  }
}

/** Columns a head can hold: Excel's 16,384. */
const MAX_COLUMN = (1 << 14) - 1;

/**
 * Builds a sheet's rows cell by cell as the parser reads them: into CompactRows while rows come in
 * order with their cells left to right (as every program writes them), and as plain arrays from the
 * first row or cell that does not (a hand-made part), so that what is read never depends on it.
 */
export class RowBuilder {
  private compact: CompactRows | null;
  private arrays: (RawRow | undefined)[] | null = null;
  /** The row being read: its first `n` cells encoded as CompactRows keeps them. */
  private n = 0;
  private heads = new Uint16Array(64);
  private values = new Int32Array(64);
  /** The row's values kept aside (OTHER), until the row ends. */
  private readonly aside: RawValue[] = [];
  private lastCol = -1;
  /** The row as an array instead, once a cell came out of order or the rows went to arrays. */
  private cells: (RawValue | undefined)[] | null = null;
  private lastRow0 = -1;

  constructor(private readonly sst: readonly string[]) {
    this.compact = new CompactRows(sst);
  }

  /**
   * Starts a row: a row cut by the end of a chunk is read again from its start, so what was given
   * of it is forgotten.
   */
  beginRow(): void {
    this.n = 0;
    this.lastCol = -1;
    this.aside.length = 0;
    this.cells = null;
  }

  /** A cell of the row being read; `shared` is the shared string's index, or -1. */
  cell(col: number, value: RawValue, shared: number): void {
    if (this.cells || !this.compact || col <= this.lastCol || col > MAX_COLUMN) {
      this.asArray()[col] = value;
      return;
    }
    this.lastCol = col;
    if (this.n === this.heads.length) this.grow();
    let kind = OTHER;
    let v: number;
    if (shared >= 0) {
      kind = SHARED;
      v = shared;
    } else if (typeof value === "number" && (value | 0) === value && !Object.is(value, -0)) {
      kind = WHOLE;
      v = value;
    } else v = this.aside.push(value) - 1;
    this.heads[this.n] = (col << 2) | kind;
    this.values[this.n] = v;
    this.n++;
  }

  /** Ends row `row0`; a row with no cell adds nothing. */
  endRow(row0: number): void {
    const given = this.cells ? this.cells.length > 0 : this.n > 0;
    if (given && this.compact && (this.cells || row0 <= this.lastRow0)) {
      const cells = this.asArray();
      this.arrays = this.compact.toArray();
      this.compact = null;
      this.cells = cells;
    }
    if (this.compact) {
      const compact = this.compact;
      for (let i = 0; i < this.n; i++)
        if ((this.heads[i]! & 3) === OTHER)
          this.values[i] = compact.keep(this.aside[this.values[i]!]!);
      compact.add(row0, this.n, this.heads, this.values);
    } else if (given) {
      const rows = this.arrays!;
      const cells = this.cells!;
      while (rows.length < row0) rows.push(undefined);
      // An exact-size copy: the array the cells were assigned to grew with room to spare. A
      // sparse row is already a small dictionary, kept as it is.
      rows[row0] = cells.length <= DENSE_WIDTH ? cells.slice() : cells;
    }
    if (given) this.lastRow0 = Math.max(this.lastRow0, row0);
    this.beginRow();
  }

  /** The rows read. */
  rows(): RowList {
    return this.compact ?? this.arrays!;
  }

  /** The row being read as an array, made from its cells encoded so far the first time. */
  private asArray(): (RawValue | undefined)[] {
    if (this.cells) return this.cells;
    const cells: (RawValue | undefined)[] = [];
    for (let i = 0; i < this.n; i++) {
      const head = this.heads[i]!;
      const v = this.values[i]!;
      const kind = head & 3;
      cells[head >>> 2] = kind === SHARED ? this.sst[v]! : kind === WHOLE ? v : this.aside[v]!;
    }
    return (this.cells = cells);
  }

  private grow(): void {
    const heads = new Uint16Array(this.heads.length * 2);
    const values = new Int32Array(this.values.length * 2);
    heads.set(this.heads);
    values.set(this.values);
    this.heads = heads;
    this.values = values;
  }
}
