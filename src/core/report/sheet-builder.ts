import { rangeA1 } from "../model/address";
import { A1 } from "../model/brand";
import { GeneratedKind } from "../model/cells";
import { GeneratedSheet, PlanCell, StyleKey } from "../model/write-plan";

/** Builds a generated sheet row by row; keeps the sheet-building modules short and declarative. */
export class SheetBuilder {
  private readonly rows: PlanCell[][] = [];
  private readonly merges: A1[] = [];

  constructor(
    private readonly kind: GeneratedKind,
    private readonly name: string,
  ) {}

  /** Zero-based index of the next row. */
  get nextRow0(): number {
    return this.rows.length;
  }

  row(cells: ReadonlyArray<PlanCell | string | number | null>, style?: StyleKey): number {
    this.rows.push(cells.map((c) => (c !== null && typeof c === "object" ? c : cell(c, style))));
    return this.rows.length - 1;
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
