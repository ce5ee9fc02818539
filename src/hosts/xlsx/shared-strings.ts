import { Decoder, bytesOf } from "./bytes";
import { MAX_CELL_TEXT, cellLimited, cellRunText, cellText } from "./cell-values";
import { badXml } from "./errors";
import { ChunkParser } from "./stream";
import { CLOSE, GT, LT, NEED_MORE, OPEN, SLASH, TagCursor, localIs, nextLt } from "./xml-tokens";

const T = bytesOf("t");
const RPH = bytesOf("rPh");
const SI = bytesOf("si");
const IS = bytesOf("is");

/** Reusable holder for the text of the last rich-text element read. */
export class RichText {
  text = "";
}

/**
 * Reads an <si> or <is> element whose start tag's name `tag` just read (`p` is the name's end):
 * the text of its <t> runs concatenated, leaving out phonetic guides (<rPh>, whose <t> holds a
 * reading, not the cell's text). Returns the position after the element or NEED_MORE.
 */
export function readRich(
  b: Uint8Array,
  p: number,
  n: number,
  tag: TagCursor,
  out: RichText,
  decoder: Decoder,
): number {
  p = tag.skip(b, p, n);
  if (p === NEED_MORE) return NEED_MORE;
  out.text = "";
  if (tag.selfClosing) return p;
  // Fast path for the usual plain <t>…</t> followed by the end of the item.
  if (b[p] === LT && b[p + 1] === 0x74 && b[p + 2] === GT) {
    const e = nextLt(b, p + 3);
    if (
      e >= 0 &&
      e + 8 < n &&
      b[e + 1] === SLASH &&
      b[e + 2] === 0x74 &&
      b[e + 3] === GT &&
      b[e + 4] === LT &&
      b[e + 5] === SLASH &&
      b[e + 8] === GT
    ) {
      const a = b[e + 6];
      const c = b[e + 7];
      if ((a === 0x73 && c === 0x69) || (a === 0x69 && c === 0x73)) {
        out.text = cellText(b, p + 3, e, decoder);
        return e + 9;
      }
    }
  }
  let value = "";
  for (;;) {
    const ne = tag.find(b, p, n);
    if (ne === NEED_MORE) return NEED_MORE;
    const ns = tag.nameStart;
    if (tag.kind === CLOSE) {
      p = tag.skip(b, ne, n);
      if (p === NEED_MORE) return NEED_MORE;
      // </si> or </is> ends the element we started in (neither name occurs inside it).
      if (localIs(b, ns, ne, SI) || localIs(b, ns, ne, IS)) {
        out.text = cellLimited(value);
        return p;
      }
      continue;
    }
    if (localIs(b, ns, ne, RPH)) {
      p = tag.skipElement(b, ne, n);
      if (p === NEED_MORE) return NEED_MORE;
      continue;
    }
    const isT = localIs(b, ns, ne, T);
    p = tag.skip(b, ne, n);
    if (p === NEED_MORE) return NEED_MORE;
    if (!isT || tag.selfClosing) continue;
    const end = tag.textRun(b, p, n);
    if (end === NEED_MORE) return NEED_MORE;
    // Runs past Excel's limit on a cell are walked, not kept (see MAX_CELL_TEXT).
    if (value.length < MAX_CELL_TEXT) value += cellRunText(b, p, end, tag, decoder);
    p = end;
  }
}

/** Streams sharedStrings.xml into an array indexed like the cells' t="s" values. */
export class SharedStringsParser implements ChunkParser {
  readonly strings: string[] = [];
  private readonly tag: TagCursor;
  private readonly rich = new RichText();
  private readonly decoder = new TextDecoder();

  constructor(private readonly part: string) {
    this.tag = new TagCursor(() => badXml(part));
  }

  feed(b: Uint8Array, final: boolean): number {
    const n = b.length;
    const tag = this.tag;
    let p = 0;
    for (;;) {
      const ne = tag.find(b, p, n);
      // Where to start again when this chunk ends inside the markup.
      const lt = tag.lt;
      let next: number;
      if (ne === NEED_MORE) {
        if (lt < 0) return n;
        next = NEED_MORE;
      } else if (tag.kind === OPEN && localIs(b, tag.nameStart, ne, SI)) {
        next = readRich(b, ne, n, tag, this.rich, this.decoder);
        if (next !== NEED_MORE) this.strings.push(this.rich.text);
      } else next = tag.skip(b, ne, n);
      if (next === NEED_MORE) {
        if (final) throw badXml(this.part);
        return lt;
      }
      p = next;
    }
  }
}
