import { RawValue, fontKey } from "../../core/model/cells";
import {
  NEED_MORE,
  SLASH,
  Tag,
  badXml,
  bytesOf,
  isSpecial,
  localIs,
  nameEnd,
  nextLt,
  skipElement,
  skipSpecial,
  startsAt,
  uint,
} from "./bytes";
import { CellType, CellValues, cellType } from "./cell-values";
import { XfFonts } from "./cell-fonts";
import { corrupt, tooManyRows } from "./errors";
import { RichText, readRich } from "./shared-strings";
import { ChunkParser } from "./stream";

const SHEET_DATA = bytesOf("sheetData");
const ROW = bytesOf("row");
const C = bytesOf("c");
const V = bytesOf("v");
const IS = bytesOf("is");
const V_OPEN = bytesOf("<v>");
const V_CLOSE = bytesOf("</v></c>");

type Row = (RawValue | undefined)[];

/**
 * Streams one worksheet part into rows of plain values. Works on bytes: tags are found by scanning
 * for "<" and compared by local name (any namespace prefix); only values are decoded to strings.
 */
export class SheetParser implements ChunkParser {
  readonly rows: (Row | undefined)[] = [];
  /** Text cells in a legacy font (RawSheet.fonts): filled only when some style has one. */
  readonly fonts = new Map<number, string>();
  private state: "before" | "inside" | "done" = "before";
  private lastRow = -1;
  private readonly tag = new Tag();
  private readonly rich = new RichText();
  private readonly values: CellValues;
  /** The value of the cell just read by value(); undefined for an empty one. */
  private cell: RawValue | undefined;

  constructor(
    private readonly sheet: string,
    private readonly part: string,
    private readonly maxRows: number,
    sst: readonly string[],
    private readonly xfFonts: XfFonts = null,
  ) {
    this.values = new CellValues(sst, part, sheet);
  }

  feed(b: Uint8Array, final: boolean): number {
    const n = b.length;
    let p = 0;
    while (this.state !== "done") {
      const lt = nextLt(b, p);
      if (lt < 0) {
        // A part that stops inside <sheetData> lost rows: say so rather than return some of them.
        if (final && this.state === "inside") throw badXml(this.part);
        return n;
      }
      const next = this.element(b, lt, n);
      if (next === NEED_MORE) {
        if (final) throw badXml(this.part);
        return lt;
      }
      p = next;
    }
    return n;
  }

  /** Handles the markup at `lt`; returns the position after it or NEED_MORE. */
  private element(b: Uint8Array, lt: number, n: number): number {
    if (lt + 1 >= n) return NEED_MORE;
    if (isSpecial(b, lt)) return skipSpecial(b, lt, n);
    const closing = b[lt + 1] === SLASH;
    const ns = closing ? lt + 2 : lt + 1;
    const ne = nameEnd(b, ns, n);
    if (ne >= n) return NEED_MORE;
    const isSheetData = localIs(b, ns, ne, SHEET_DATA);
    if (this.state === "before" || closing) {
      const end = this.tag.skip(b, ne, n, this.part);
      if (end !== NEED_MORE && isSheetData)
        this.state = closing || this.tag.selfClosing ? "done" : "inside";
      return end;
    }
    return localIs(b, ns, ne, ROW)
      ? this.row(b, ne, n)
      : skipElement(b, lt, n, this.tag, this.part);
  }

  private row(b: Uint8Array, p: number, n: number): number {
    const tag = this.tag;
    let index = this.lastRow + 1;
    for (;;) {
      p = tag.next(b, p, n, this.part);
      if (p === NEED_MORE) return NEED_MORE;
      if (p === -2) break;
      if (tag.nameEnd - tag.nameStart === 1 && b[tag.nameStart] === 0x72) {
        const r = uint(b, tag.valueStart, tag.valueEnd);
        if (r < 1)
          throw corrupt(
            this.part,
            "số dòng không hợp lệ.",
            "a row number is not valid.",
            this.sheet,
          );
        index = r - 1;
      }
    }
    if (index >= this.maxRows) throw tooManyRows(this.sheet, this.maxRows);
    p = tag.gt + 1;
    const cells: Row = [];
    if (!tag.selfClosing) {
      p = this.cells(b, p, n, cells, index);
      if (p === NEED_MORE) return NEED_MORE;
    }
    this.lastRow = index;
    let last = cells.length - 1;
    while (last >= 0 && cells[last] === undefined) last--;
    if (last >= 0) {
      cells.length = last + 1;
      while (this.rows.length < index) this.rows.push(undefined);
      this.rows[index] = cells;
    }
    return p;
  }

  /** The <c> elements of a row, up to and including </row>. */
  private cells(b: Uint8Array, p: number, n: number, cells: Row, row0: number): number {
    const tag = this.tag;
    const xfFonts = this.xfFonts;
    let col = -1;
    for (;;) {
      const lt = nextLt(b, p);
      if (lt < 0 || lt + 1 >= n) return NEED_MORE;
      if (isSpecial(b, lt)) {
        p = skipSpecial(b, lt, n);
        if (p === NEED_MORE) return NEED_MORE;
        continue;
      }
      const closing = b[lt + 1] === SLASH;
      const ne = nameEnd(b, closing ? lt + 2 : lt + 1, n);
      if (ne >= n) return NEED_MORE; // the chunk ends inside a tag name
      if (closing) {
        if (!localIs(b, lt + 2, ne, ROW)) throw badXml(this.part);
        return tag.skip(b, ne, n, this.part);
      }
      if (!localIs(b, lt + 1, ne, C)) {
        p = skipElement(b, lt, n, tag, this.part);
        if (p === NEED_MORE) return NEED_MORE;
        continue;
      }
      let type: CellType = CellType.Number;
      let style = 0;
      col++;
      for (p = ne; ;) {
        p = tag.next(b, p, n, this.part);
        if (p === NEED_MORE) return NEED_MORE;
        if (p === -2) break;
        if (tag.nameEnd - tag.nameStart !== 1) continue;
        const a = b[tag.nameStart];
        if (a === 0x72) col = this.values.column(b, tag.valueStart, tag.valueEnd);
        else if (a === 0x74) type = cellType(b, tag.valueStart, tag.valueEnd);
        else if (a === 0x73 && xfFonts) style = uint(b, tag.valueStart, tag.valueEnd);
      }
      p = tag.gt + 1;
      if (tag.selfClosing) continue;
      p = this.value(b, p, n, type);
      if (p === NEED_MORE) return NEED_MORE;
      if (this.cell === undefined) continue;
      while (cells.length < col) cells.push(undefined);
      cells[col] = this.cell;
      if (xfFonts && typeof this.cell === "string") {
        const font = xfFonts[style];
        if (font) this.fonts.set(fontKey(row0, col), font);
      }
    }
  }

  /** The children of one <c> up to </c>; sets `cell`. */
  private value(b: Uint8Array, p: number, n: number, type: CellType): number {
    const tag = this.tag;
    this.cell = undefined;
    // Fast path for the usual unprefixed <v>…</v></c>.
    if (startsAt(b, p, V_OPEN)) {
      const e = nextLt(b, p + 3);
      if (e >= 0 && startsAt(b, e, V_CLOSE)) {
        this.cell = this.values.convert(b, p + 3, e, type);
        return e + V_CLOSE.length;
      }
    }
    for (;;) {
      const lt = nextLt(b, p);
      if (lt < 0 || lt + 1 >= n) return NEED_MORE;
      if (isSpecial(b, lt)) {
        p = skipSpecial(b, lt, n);
        if (p === NEED_MORE) return NEED_MORE;
        continue;
      }
      if (b[lt + 1] === SLASH) {
        const ce = nameEnd(b, lt + 2, n);
        if (ce < n && !localIs(b, lt + 2, ce, C)) throw badXml(this.part);
        return tag.skip(b, ce, n, this.part);
      }
      const ne = nameEnd(b, lt + 1, n);
      if (ne >= n) return NEED_MORE;
      if (localIs(b, lt + 1, ne, V)) {
        p = tag.skip(b, ne, n, this.part);
        if (p === NEED_MORE) return NEED_MORE;
        if (tag.selfClosing) continue;
        const end = nextLt(b, p);
        if (end < 0 || end + 1 >= n) return NEED_MORE;
        if (b[end + 1] !== SLASH) throw badXml(this.part);
        const ve = nameEnd(b, end + 2, n);
        if (ve < n && !localIs(b, end + 2, ve, V)) throw badXml(this.part);
        this.cell = this.values.convert(b, p, end, type);
        p = tag.skip(b, ve, n, this.part);
        if (p === NEED_MORE) return NEED_MORE;
      } else if (localIs(b, lt + 1, ne, IS)) {
        p = readRich(b, lt, n, tag, this.rich, this.part, this.values.decoder);
        if (p === NEED_MORE) return NEED_MORE;
        this.cell = this.rich.text;
      } else {
        p = skipElement(b, lt, n, tag, this.part);
        if (p === NEED_MORE) return NEED_MORE;
      }
    }
  }
}
