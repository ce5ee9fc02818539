import { parseA1 } from "../../core/model/address";
import { MergedArea } from "../../core/model/cells";
import { InputError } from "../../core/model/errors";
import { bytesOf } from "./bytes";
import { CLOSE, NEED_MORE, TAG_END, TagCursor, localIs } from "./xml-tokens";

const MERGE_CELLS = bytesOf("mergeCells");
const MERGE_CELL = bytesOf("mergeCell");
const REF = bytesOf("ref");

/**
 * What the schema (CT_Worksheet) allows between <sheetData> and <mergeCells>. Any other element
 * after the cells comes after <mergeCells> in a valid sheet (conditional formats, links, page
 * setup…): the sheet then has no merged areas, and the rest of it is not looked at.
 */
const BEFORE_MERGES = [
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
].map(bytesOf);

/**
 * Merged areas read from one sheet at most (<mergeCell> elements, valid or not): a register has a
 * few per club, and a sheet made to be hostile cannot make the reader keep millions. Those beyond
 * are ignored, as if not merged.
 */
export const MAX_MERGES = 100_000;

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** "AB12" (or "$AB$12") -> a cell within Excel's grid, or null. */
function cellAt(ref: string): { row0: number; col0: number } | null {
  const cell = parseA1(ref);
  return cell && cell.row0 < MAX_ROW && cell.col0 < MAX_COL ? cell : null;
}

/**
 * A <mergeCell> ref ("A4:A9") as a merged area, or undefined when it is malformed or covers one
 * cell only (nothing to give to other cells). The ends may come in any order.
 */
export function mergedArea(ref: string): MergedArea | undefined {
  const ends = ref.split(":");
  if (ends.length !== 2) return undefined;
  const a = cellAt(ends[0]!);
  const b = cellAt(ends[1]!);
  if (!a || !b) return undefined;
  const area = {
    row0: Math.min(a.row0, b.row0),
    col0: Math.min(a.col0, b.col0),
    row1: Math.max(a.row0, b.row0),
    col1: Math.max(a.col0, b.col0),
  };
  return area.row0 === area.row1 && area.col0 === area.col1 ? undefined : area;
}

/**
 * The end of a worksheet part for SheetParser: the worksheet's children after <sheetData>, up to
 * the end of <mergeCells>, element by element as the tokenizer finds them. Areas of more than one
 * cell are kept, in the order of the part.
 */
export class MergeCellsReader {
  readonly merges: MergedArea[] = [];
  /** Nothing more to read: the merged areas' end, the worksheet's, or the bound. */
  done = false;
  private inside = false;
  private count = 0;

  constructor(private readonly tag: TagCursor) {}

  /**
   * Handles the tag whose name the cursor just read (`ne` is its end): the position after it or
   * NEED_MORE. Markup that cannot be read ends the reading of merged areas, not the sheet's: its
   * cells are all read, and before merged areas were read nothing after the cells was looked at
   * (a sheet that opened then opens now).
   */
  element(b: Uint8Array, ne: number, n: number): number {
    try {
      return this.inside ? this.mergeCell(b, ne, n) : this.afterCells(b, ne, n);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.done = true;
      return n;
    }
  }

  /** A child of the worksheet after <sheetData>, or the worksheet's end tag. */
  private afterCells(b: Uint8Array, ne: number, n: number): number {
    const tag = this.tag;
    const ns = tag.nameStart;
    const open = tag.kind !== CLOSE;
    if (open && localIs(b, ns, ne, MERGE_CELLS)) {
      const end = tag.skip(b, ne, n);
      if (end !== NEED_MORE) {
        this.inside = !tag.selfClosing;
        this.done = tag.selfClosing;
      }
      return end;
    }
    if (open && BEFORE_MERGES.some((name) => localIs(b, ns, ne, name)))
      return tag.skipElement(b, ne, n);
    // The worksheet's end, or an element that comes after <mergeCells>: there are none.
    this.done = true;
    return n;
  }

  /** A child of <mergeCells>, or its end tag. */
  private mergeCell(b: Uint8Array, ne: number, n: number): number {
    const tag = this.tag;
    if (tag.kind === CLOSE) {
      this.done = true;
      return n;
    }
    if (!localIs(b, tag.nameStart, ne, MERGE_CELL)) return tag.skipElement(b, ne, n);
    let ref: string | undefined;
    let p = ne;
    for (;;) {
      p = tag.next(b, p, n);
      if (p === NEED_MORE) return NEED_MORE;
      if (p === TAG_END) break;
      const s = tag.valueStart;
      const e = tag.valueEnd;
      // A ref is a few ASCII characters; anything longer is not one.
      if (tag.attrEnd - tag.attrStart === REF.length && localIs(b, tag.attrStart, tag.attrEnd, REF))
        ref =
          e - s <= 32
            ? String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[])
            : "";
    }
    // The schema gives <mergeCell> no children; a hand-made one's are stepped over.
    p = tag.end;
    for (let depth = tag.selfClosing ? 0 : 1; depth > 0;) {
      const e = tag.find(b, p, n);
      if (e === NEED_MORE) return NEED_MORE;
      const closing = tag.kind === CLOSE;
      p = tag.skip(b, e, n);
      if (p === NEED_MORE) return NEED_MORE;
      if (closing) depth--;
      else if (!tag.selfClosing) depth++;
    }
    // Counted once the element is whole: a chunk that ends inside it reads it again.
    const area = ref === undefined ? undefined : mergedArea(ref);
    if (area) this.merges.push(area);
    if (++this.count >= MAX_MERGES) this.done = true;
    return p;
  }
}
