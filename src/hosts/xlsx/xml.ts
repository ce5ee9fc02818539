import { corrupt } from "./errors";
import { CLOSE, NEED_MORE, TAG_END, TagCursor } from "./xml-tokens";

/**
 * String-level XML for the small parts (workbook, relationships, content types, styles and the
 * tail of a worksheet). Not a general parser: it finds elements with the tokenizer of the byte
 * parsers (xml-tokens.ts, reading the string's code units), which is all the edits need, and it
 * never expands anything but the predefined and numeric entities (OOXML forbids DTDs, so
 * entity-expansion bombs cannot get in this way).
 */
export interface XmlElement {
  /** Qualified name as written, e.g. "x:sheet". */
  readonly qname: string;
  readonly local: string;
  /** Index of "<" of the start tag. */
  readonly start: number;
  /** Index just after the start tag's ">". */
  readonly openEnd: number;
  /** Index of "</" of the end tag (equals openEnd when self-closing). */
  readonly closeStart: number;
  /** Index just after the element. */
  readonly end: number;
}

export class XmlSyntaxError extends Error {}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function codePoint(n: number): string {
  const ok =
    n === 9 ||
    n === 10 ||
    n === 13 ||
    (n >= 0x20 && n <= 0xd7ff) ||
    (n >= 0xe000 && n <= 0x10ffff && n !== 0xfffe && n !== 0xffff);
  return ok ? String.fromCodePoint(n) : "\ufffd";
}

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] !== "#") return ENTITIES[e] ?? m;
    return codePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/**
 * A cell or string value, decoded in XML's order: literal line ends normalised, then entities (so
 * "&#13;" stays a CR), then Excel's `_xHHHH_` escapes ("_x000D_" is a CR too).
 */
export function decodeXString(s: string): string {
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") >= 0) s = decodeEntities(s);
  if (s.indexOf("_x") >= 0)
    s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

// Characters XML 1.0 cannot carry at all, and lone surrogates.
const ILLEGAL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const stripIllegal = (s: string): string => s.replace(ILLEGAL, "");

/**
 * Any character that escapeText or escapeXString may change (and some they keep, such as tabs):
 * most cells of a generated sheet have none, and are written without six regex passes.
 */
const MAY_ESCAPE = /[\u0000-\u001f&<>_\ud800-\udfff\ufffe\uffff]/;

/** Text content; a CR is written as a reference because a parser turns a literal one into LF. */
export function escapeText(s: string): string {
  if (!MAY_ESCAPE.test(s)) return s;
  return stripIllegal(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

/** Text for a cell: literal "_x0041_" must itself be escaped or Excel would read it as "A". */
export const escapeXString = (s: string): string =>
  MAY_ESCAPE.test(s) ? escapeText(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")) : s;

let cachedXml: string | undefined;
let cachedUnits = new Uint8Array(0);

/**
 * A string as the tokenizer reads it: one byte per UTF-16 code unit, at the same index, with every
 * non-ASCII unit as 0x80. All of XML's markup is ASCII, so tags, names and attributes are found at
 * the string's own indexes; the text itself is then taken from the string. The last string is
 * kept, since a small part is walked many times (its children, then theirs).
 */
function codeUnits(xml: string): Uint8Array {
  if (xml === cachedXml) return cachedUnits;
  const units = new Uint8Array(xml.length);
  for (let i = 0; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    units[i] = c < 0x80 ? c : 0x80;
  }
  cachedXml = xml;
  cachedUnits = units;
  return units;
}

/** One cursor for the strings: the walks below never nest. */
const cursor = new TagCursor(() => new XmlSyntaxError("malformed tag"));
const localOf = (qname: string): string => qname.slice(qname.indexOf(":") + 1);

interface Open {
  readonly qname: string;
  readonly start: number;
  readonly openEnd: number;
  /** Its place in the output, when it goes there. */
  readonly at: number;
}

/**
 * The elements in [from, to), in document order: only those directly inside (the children of the
 * element whose content that is), or with `all` their descendants too. With `stopAtEnd`, an end
 * tag that closes nothing opened in the span stops the walk (the end tag of the element whose
 * content starts at `from`), and its start is returned as `stop`.
 */
function walk(
  xml: string,
  from: number,
  to: number,
  all: boolean,
  stopAtEnd: boolean,
): { elements: XmlElement[]; stop: number; stopName: string } {
  const b = codeUnits(xml);
  const n = xml.length;
  const tag = cursor;
  const out: (XmlElement | undefined)[] = [];
  const stack: Open[] = [];
  for (let p = from; ;) {
    const ne = tag.find(b, p, n);
    const lt = tag.lt;
    if (lt < 0 || lt >= to) break;
    if (ne === NEED_MORE)
      throw new XmlSyntaxError(tag.kind > CLOSE ? "unterminated comment" : "unterminated tag");
    const qname = xml.slice(tag.nameStart, ne);
    const closing = tag.kind === CLOSE;
    p = tag.skip(b, ne, n);
    if (p === NEED_MORE) throw new XmlSyntaxError("unterminated tag");
    if (p > to) throw new XmlSyntaxError("tag runs past its parent");
    if (closing) {
      const open = stack.pop();
      if (!open) {
        if (stopAtEnd) return { elements: [], stop: lt, stopName: qname };
        throw new XmlSyntaxError("unexpected end tag");
      }
      if (qname !== open.qname) throw new XmlSyntaxError("mismatched end tag");
      if (open.at >= 0)
        out[open.at] = {
          qname,
          local: localOf(qname),
          start: open.start,
          openEnd: open.openEnd,
          closeStart: lt,
          end: p,
        };
      continue;
    }
    if (!qname) throw new XmlSyntaxError("empty tag name");
    const at = all || stack.length === 0 ? out.push(undefined) - 1 : -1;
    if (tag.selfClosing) {
      if (at >= 0)
        out[at] = { qname, local: localOf(qname), start: lt, openEnd: p, closeStart: p, end: p };
    } else stack.push({ qname, start: lt, openEnd: p, at });
  }
  if (stack.length !== 0 || stopAtEnd) throw new XmlSyntaxError("unclosed element");
  return { elements: out as XmlElement[], stop: -1, stopName: "" };
}

/** The elements directly inside [from, to): the children of the element whose content that is. */
export const childElements = (xml: string, from: number, to: number): XmlElement[] =>
  walk(xml, from, to, false, false).elements;

/** Every element in [from, to), nested ones too, in document order. */
export const descendants = (xml: string, from: number, to: number): XmlElement[] =>
  walk(xml, from, to, true, false).elements;

/**
 * The end tag of the element whose content starts at `from` (found after the elements it holds,
 * never inside a comment): its "<" and qualified name.
 */
export function endTagAfter(xml: string, from: number): { start: number; qname: string } {
  const { stop, stopName } = walk(xml, from, xml.length, false, true);
  return { start: stop, qname: stopName };
}

/** The document element. */
export function rootElement(xml: string): XmlElement {
  const roots = childElements(xml, 0, xml.length);
  if (roots.length !== 1) throw new XmlSyntaxError("not exactly one root element");
  return roots[0]!;
}

export const children = (xml: string, el: XmlElement): XmlElement[] =>
  childElements(xml, el.openEnd, el.closeStart);

/** Attributes of an element's start tag, by qualified name, values decoded. */
export function attributes(xml: string, el: XmlElement): Map<string, string> {
  const b = codeUnits(xml);
  const out = new Map<string, string>();
  for (let p = el.start + 1 + el.qname.length; ;) {
    p = cursor.next(b, p, el.openEnd);
    if (p === TAG_END) return out;
    if (p === NEED_MORE) throw new XmlSyntaxError("unterminated tag");
    const value = xml.slice(cursor.valueStart, cursor.valueEnd);
    out.set(
      xml.slice(cursor.attrStart, cursor.attrEnd),
      decodeEntities(value.replace(/[\t\n\r]/g, " ")),
    );
  }
}

/** The text of an element: its character data (CDATA sections as written), comments left out. */
export function textOf(xml: string, el: XmlElement): string {
  let text = "";
  cursor.charData(codeUnits(xml), el.openEnd, el.closeStart, (s, e, cdata) => {
    text += cdata ? xml.slice(s, e) : decodeEntities(xml.slice(s, e));
  });
  return text;
}

/** Runs a parse of a part we rely on, turning syntax errors into the "corrupt" input error. */
export function parsePart<T>(part: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof XmlSyntaxError)
      throw corrupt(
        part,
        "nội dung XML không hợp lệ.",
        `its XML is not well-formed (${e.message}).`,
      );
    throw e;
  }
}

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies non-overlapping edits (each replaces [start, end) of the original). */
export function splice(xml: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** An edit adding `content` as the last children of `el`, opening it up if it is self-closing. */
export function appendTo(xml: string, el: XmlElement, content: string): Edit {
  if (el.end !== el.openEnd) return { start: el.closeStart, end: el.closeStart, text: content };
  const startTag = xml.slice(el.start, el.openEnd).replace(/\s*\/>$/, ">");
  return { start: el.start, end: el.end, text: `${startTag}${content}</${el.qname}>` };
}

/** "x:" for a root written as <x:workbook>, "" for the usual default namespace. */
export const prefixOf = (el: XmlElement): string => el.qname.slice(0, el.qname.indexOf(":") + 1);
