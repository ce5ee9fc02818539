import { MergedArea, RawValue, RowList, fontKey } from "../../core/model/cells";
import { RowBuilder } from "./compact-rows";
import { bytesOf, uint } from "./bytes";
import { CellType, CellValues, cellRunBytes, cellType } from "./cell-values";
import { XfFonts } from "./cell-fonts";
import { badXml, corrupt, tooManyRows } from "./errors";
import { RichText, readRich } from "./shared-strings";
import { MergeCellsReader } from "./merge-cells";
import { ChunkParser } from "./stream";
import { CLOSE, NEED_MORE, TAG_END, TagCursor, localIs, nextLt, startsAt } from "./xml-tokens";

const SHEET_DATA = bytesOf("sheetData");
const ROW = bytesOf("row");
const C = bytesOf("c");
const V = bytesOf("v");
const IS = bytesOf("is");
const V_OPEN = bytesOf("<v>");
const V_CLOSE = bytesOf("</v></c>");

/**
 * Streams one worksheet part into rows of plain values, and then its merged areas (<mergeCells>
 * comes after <sheetData>). Works on bytes: tags are read by the tokenizer and compared by local
 * name (any namespace prefix); only values are decoded to strings.
 */
export class SheetParser implements ChunkParser {
  /** The rows read so far. */
  private readonly out: RowBuilder;
  /** Text cells in a legacy font (RawSheet.fonts): filled only when some style has one. */
  readonly fonts = new Map<number, string>();
  /** Before <sheetData>, inside it, after it (its merged areas), done. */
  private state: "before" | "inside" | "after" | "done" = "before";
  private lastRow = -1;
  private readonly tag: TagCursor;
  /** What follows <sheetData>: its merged areas. */
  private readonly tail: MergeCellsReader;
  private readonly rich = new RichText();
  private readonly values: CellValues;
  /** The value of the cell just read by value(); undefined for an empty one. */
  private cell: RawValue | undefined;
  /** Where the chunk being parsed starts in the part. */
  private base = 0;
  /**
   * Where the tag that ends <sheetData> (</sheetData>, or <sheetData/>) starts in the part; -1
   * until it is read. What follows it is all that applying highlights rewrites (KeptTail).
   */
  endTagAt = -1;

  constructor(
    private readonly sheet: string,
    private readonly part: string,
    private readonly maxRows: number,
    sst: readonly string[],
    private readonly xfFonts: XfFonts = null,
  ) {
    this.values = new CellValues(sst, part, sheet);
    this.out = new RowBuilder(sst);
    this.tag = new TagCursor(() => badXml(part));
    this.tail = new MergeCellsReader(this.tag);
  }

  /** The rows read (RawSheet.rows): kept in typed arrays when they came in order (CompactRows). */
  get rows(): RowList {
    return this.out.rows();
  }

  /** Areas of more than one cell, in the order of the part (at most MAX_MERGES read). */
  get merges(): readonly MergedArea[] {
    return this.tail.merges;
  }

  feed(b: Uint8Array, final: boolean, at = 0): number {
    const n = b.length;
    const tag = this.tag;
    let p = 0;
    this.base = at;
    while (this.state !== "done") {
      const ne = tag.find(b, p, n);
      // Where to start again when this chunk ends inside the markup.
      const lt = tag.lt;
      if (ne === NEED_MORE && lt < 0) {
        // A part that stops inside <sheetData> lost rows: say so rather than return some of them.
        if (final && this.state === "inside") throw badXml(this.part);
        return n;
      }
      const next = ne === NEED_MORE ? NEED_MORE : this.element(b, ne, n);
      if (next === NEED_MORE) {
        // After the cells, a part cut short loses merged areas at most: those read stand.
        if (final && this.state === "after") return n;
        if (final) throw badXml(this.part);
        return lt;
      }
      p = next;
    }
    return n;
  }

  /** Handles the tag whose name the cursor just read (`ne` is its end); returns the position after it or NEED_MORE. */
  private element(b: Uint8Array, ne: number, n: number): number {
    const tag = this.tag;
    if (this.state === "after") {
      const end = this.tail.element(b, ne, n);
      if (this.tail.done) this.state = "done";
      return end;
    }
    const closing = tag.kind === CLOSE;
    const isSheetData = localIs(b, tag.nameStart, ne, SHEET_DATA);
    if (this.state === "before" || closing) {
      const end = tag.skip(b, ne, n);
      if (end !== NEED_MORE && isSheetData) {
        const ends = closing || tag.selfClosing;
        this.state = ends ? "after" : "inside";
        if (ends) this.endTagAt = this.base + tag.lt;
      }
      return end;
    }
    return localIs(b, tag.nameStart, ne, ROW) ? this.row(b, ne, n) : tag.skipElement(b, ne, n);
  }

  private row(b: Uint8Array, p: number, n: number): number {
    const tag = this.tag;
    let index = this.lastRow + 1;
    for (;;) {
      p = tag.next(b, p, n);
      if (p === NEED_MORE) return NEED_MORE;
      if (p === TAG_END) break;
      if (tag.attrEnd - tag.attrStart === 1 && b[tag.attrStart] === 0x72) {
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
    p = tag.end;
    this.out.beginRow();
    if (!tag.selfClosing) {
      p = this.cells(b, p, n, index);
      if (p === NEED_MORE) return NEED_MORE;
    }
    this.lastRow = index;
    // Only cells with a value were given, so a row's length ends at its last value.
    this.out.endRow(index);
    return p;
  }

  /** The <c> elements of a row, up to and including </row>. */
  private cells(b: Uint8Array, p: number, n: number, row0: number): number {
    const tag = this.tag;
    const xfFonts = this.xfFonts;
    let col = -1;
    for (;;) {
      const ne = tag.find(b, p, n);
      if (ne === NEED_MORE) return NEED_MORE;
      if (tag.kind === CLOSE) {
        if (!localIs(b, tag.nameStart, ne, ROW)) throw badXml(this.part);
        return tag.skip(b, ne, n);
      }
      if (!localIs(b, tag.nameStart, ne, C)) {
        p = tag.skipElement(b, ne, n);
        if (p === NEED_MORE) return NEED_MORE;
        continue;
      }
      let type: CellType = CellType.Number;
      let style = 0;
      col++;
      for (p = ne; ;) {
        p = tag.next(b, p, n);
        if (p === NEED_MORE) return NEED_MORE;
        if (p === TAG_END) break;
        if (tag.attrEnd - tag.attrStart !== 1) continue;
        const a = b[tag.attrStart];
        if (a === 0x72) col = this.values.column(b, tag.valueStart, tag.valueEnd);
        else if (a === 0x74) type = cellType(b, tag.valueStart, tag.valueEnd);
        else if (a === 0x73 && xfFonts) style = uint(b, tag.valueStart, tag.valueEnd);
      }
      p = tag.end;
      if (tag.selfClosing) continue;
      p = this.value(b, p, n, type);
      if (p === NEED_MORE) return NEED_MORE;
      if (this.cell === undefined) continue;
      // Given by column, never padded: a row whose one cell is in column XFD stays one entry, and
      // the core walks a row's present cells (forEachCell in core/model/cells.ts), not its length.
      this.out.cell(col, this.cell, this.values.shared);
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
    // Set again by convert(); an inline string (<is>) is no shared one.
    this.values.shared = -1;
    // Fast path for the usual unprefixed <v>…</v></c>.
    if (startsAt(b, p, V_OPEN)) {
      const e = nextLt(b, p + 3);
      if (e >= 0 && startsAt(b, e, V_CLOSE)) {
        this.cell = this.values.convert(b, p + 3, e, type);
        return e + V_CLOSE.length;
      }
    }
    for (;;) {
      const ne = tag.find(b, p, n);
      if (ne === NEED_MORE) return NEED_MORE;
      const ns = tag.nameStart;
      if (tag.kind === CLOSE) {
        if (!localIs(b, ns, ne, C)) throw badXml(this.part);
        return tag.skip(b, ne, n);
      }
      if (localIs(b, ns, ne, V)) {
        p = tag.skip(b, ne, n);
        if (p === NEED_MORE) return NEED_MORE;
        if (tag.selfClosing) continue;
        const end = tag.textRun(b, p, n);
        if (end === NEED_MORE) return NEED_MORE;
        const run = tag.plain ? undefined : cellRunBytes(b, p, end, tag);
        const ve = tag.find(b, end, n);
        if (ve === NEED_MORE) return NEED_MORE;
        if (tag.kind !== CLOSE || !localIs(b, tag.nameStart, ve, V)) throw badXml(this.part);
        this.cell = run
          ? this.values.convert(run, 0, run.length, type)
          : this.values.convert(b, p, end, type);
        p = tag.skip(b, ve, n);
        if (p === NEED_MORE) return NEED_MORE;
      } else if (localIs(b, ns, ne, IS)) {
        p = readRich(b, ne, n, tag, this.rich, this.values.decoder);
        if (p === NEED_MORE) return NEED_MORE;
        this.cell = this.rich.text;
      } else {
        p = tag.skipElement(b, ne, n);
        if (p === NEED_MORE) return NEED_MORE;
      }
    }
  }
}
