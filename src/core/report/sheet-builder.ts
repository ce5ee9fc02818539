import { rangeA1 } from "../model/address";
import { A1 } from "../model/brand";
import { GeneratedKind } from "../model/cells";
import { GeneratedSheet, PlanCell, StyleKey } from "../model/write-plan";

/** The longest text a sheet's cells share (see SheetBuilder.shared): labels and ids, not messages. */
const SHARED_TEXT = 64;

/** Builds a generated sheet row by row; keeps the sheet-building modules short and declarative. */
export class SheetBuilder {
  private readonly rows: PlanCell[][] = [];
  private readonly merges: A1[] = [];
  /** Cells by style and value (see shared). */
  private readonly cells = new Map<StyleKey | undefined, Map<PlanCell["v"], PlanCell>>();

  constructor(
    private readonly kind: GeneratedKind,
    private readonly name: string,
  ) {}

  /** Zero-based index of the next row. */
  get nextRow0(): number {
    return this.rows.length;
  }

  row(cells: ReadonlyArray<PlanCell | string | number | null>, style?: StyleKey): number {
    this.rows.push(
      cells.map((c) => this.shared(c !== null && typeof c === "object" ? c : cell(c, style))),
    );
    return this.rows.length - 1;
  }

  /**
   * Cells a sheet repeats (a finding's state, rule, severity, sheet, an empty note; a club's
   * yes or no) are one object each: a country's findings sheet is 22,000 rows of 13 cells, most of
   * them one of a few values, and its cells were 19 MB of the heap while it was written (issue 15).
   * Plan cells are never changed, so sharing them is safe.
   */
  private shared(c: PlanCell): PlanCell {
    const v = c.v;
    if (c.link || (typeof v === "string" && v.length > SHARED_TEXT) || Object.is(v, -0)) return c;
    let byValue = this.cells.get(c.style);
    if (!byValue) this.cells.set(c.style, (byValue = new Map()));
    const known = byValue.get(v);
    if (known) return known;
    byValue.set(v, c);
    return c;
  }

  blank(): void {
    this.rows.push([]);
  }

  merge(row0: number, col0: number, row1: number, col1: number): void {
    if (row0 === row1 && col0 === col1) return;
    this.merges.push(rangeA1(row0, col0, row1, col1));
  }

  build(columnWidths: readonly number[], freezeRows: number): GeneratedSheet {
    return {
      kind: this.kind,
      name: this.name,
      rows: this.rows,
      merges: this.merges,
      columnWidths,
      freezeRows,
    };
  }
}

export function cell(v: string | number | boolean | null, style?: StyleKey): PlanCell {
  return style ? { v, style } : { v };
}
