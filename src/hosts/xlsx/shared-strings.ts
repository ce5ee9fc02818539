import {
  Decoder,
  GT,
  LT,
  NEED_MORE,
  SLASH,
  Tag,
  badXml,
  bytesOf,
  isSpecial,
  localIs,
  nameEnd,
  nextLt,
  skipSpecial,
  text,
} from "./bytes";
import { ChunkParser } from "./stream";

const T = bytesOf("t");
const RPH = bytesOf("rPh");
const SI = bytesOf("si");
const IS = bytesOf("is");

/** Reusable holder for the text of the last rich-text element read. */
export class RichText {
  text = "";
}

/**
 * Reads an <si> or <is> element starting at `lt`: the text of its <t> runs concatenated, leaving
 * out phonetic guides (<rPh>, whose <t> holds a reading, not the cell's text). Returns the position
 * after the element or NEED_MORE.
 */
export function readRich(
  b: Uint8Array,
  lt: number,
  n: number,
  tag: Tag,
  out: RichText,
  part: string,
  decoder: Decoder,
): number {
  let p = tag.skip(b, nameEnd(b, lt + 1, n), n, part);
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
        out.text = text(b, p + 3, e, decoder);
        return e + 9;
      }
    }
  }
  let value = "";
  for (;;) {
    const at = nextLt(b, p);
    if (at < 0 || at + 1 >= n) return NEED_MORE;
    if (isSpecial(b, at)) {
      p = skipSpecial(b, at, n);
      if (p === NEED_MORE) return NEED_MORE;
      continue;
    }
    const closing = b[at + 1] === SLASH;
    const ns = closing ? at + 2 : at + 1;
    const ne = nameEnd(b, ns, n);
    p = tag.skip(b, ne, n, part);
    if (p === NEED_MORE) return NEED_MORE;
    if (closing) {
      // </si> or </is> ends the element we started in (neither name occurs inside it).
      if (localIs(b, ns, ne, SI) || localIs(b, ns, ne, IS)) {
        out.text = value;
        return p;
      }
      continue;
    }
    if (tag.selfClosing) continue;
    if (localIs(b, ns, ne, T)) {
      const end = nextLt(b, p);
      if (end < 0) return NEED_MORE;
      value += text(b, p, end, decoder);
      p = end;
    } else if (localIs(b, ns, ne, RPH)) {
      for (;;) {
        const c = nextLt(b, p);
        if (c < 0 || c + 1 >= n) return NEED_MORE;
        if (isSpecial(b, c)) {
          p = skipSpecial(b, c, n);
          if (p === NEED_MORE) return NEED_MORE;
          continue;
        }
        const cn = nameEnd(b, c + 2, n);
        p = tag.skip(b, b[c + 1] === SLASH ? cn : nameEnd(b, c + 1, n), n, part);
        if (p === NEED_MORE) return NEED_MORE;
        if (b[c + 1] === SLASH && localIs(b, c + 2, cn, RPH)) break;
      }
    }
  }
}

/** Streams sharedStrings.xml into an array indexed like the cells' t="s" values. */
export class SharedStringsParser implements ChunkParser {
  readonly strings: string[] = [];
  private readonly tag = new Tag();
  private readonly rich = new RichText();
  private readonly decoder = new TextDecoder();

  constructor(private readonly part: string) {}

  feed(b: Uint8Array, final: boolean): number {
    const n = b.length;
    let p = 0;
    for (;;) {
      const lt = nextLt(b, p);
      if (lt < 0) return n;
      let next: number;
      if (lt + 1 >= n) next = NEED_MORE;
      else if (isSpecial(b, lt)) next = skipSpecial(b, lt, n);
      else {
        const ne = nameEnd(b, b[lt + 1] === SLASH ? lt + 2 : lt + 1, n);
        if (b[lt + 1] !== SLASH && localIs(b, lt + 1, ne, SI)) {
          next = readRich(b, lt, n, this.tag, this.rich, this.part, this.decoder);
          if (next !== NEED_MORE) this.strings.push(this.rich.text);
        } else next = ne >= n ? NEED_MORE : this.tag.skip(b, ne, n, this.part);
      }
      if (next === NEED_MORE) {
        if (final) throw badXml(this.part);
        return lt;
      }
      p = next;
    }
  }
}
