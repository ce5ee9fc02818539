import { corrupt } from "./errors";

/**
 * String-level XML for the small parts (workbook, relationships, content types, styles and the
 * tail of a worksheet). Not a general parser: it finds elements by scanning tags, which is all the
 * edits need, and it never expands anything but the predefined and numeric entities (OOXML forbids
 * DTDs, so entity-expansion bombs cannot get in this way).
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

/** Text content; a CR is written as a reference because a parser turns a literal one into LF. */
export function escapeText(s: string): string {
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
  escapeText(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1"));

/** Index of the ">" ending the tag that starts at `lt`, skipping quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      i = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (i < 0) break;
    }
  }
  throw new XmlSyntaxError("unterminated tag");
}

const nameAt = (xml: string, p: number): string => /^[^\s/>]*/.exec(xml.slice(p, p + 200))![0];
const localOf = (qname: string): string => qname.slice(qname.indexOf(":") + 1);

/** The elements directly inside [from, to): the children of the element whose content that is. */
export function childElements(xml: string, from: number, to: number): XmlElement[] {
  const out: XmlElement[] = [];
  let depth = 0;
  let open: { qname: string; start: number; openEnd: number } | undefined;
  for (let p = from; ;) {
    const lt = xml.indexOf("<", p);
    if (lt < 0 || lt >= to) break;
    if (xml.startsWith("<!--", lt) || xml.startsWith("<![CDATA[", lt) || xml.startsWith("<?", lt)) {
      const endMark = xml.startsWith("<!--", lt) ? "-->" : xml.startsWith("<?", lt) ? "?>" : "]]>";
      const e = xml.indexOf(endMark, lt + 2);
      if (e < 0) throw new XmlSyntaxError("unterminated comment");
      p = e + endMark.length;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt >= to) throw new XmlSyntaxError("tag runs past its parent");
    p = gt + 1;
    if (xml.charCodeAt(lt + 1) === 47) {
      if (--depth < 0) throw new XmlSyntaxError("unexpected end tag");
      if (depth === 0 && open) {
        if (nameAt(xml, lt + 2) !== open.qname) throw new XmlSyntaxError("mismatched end tag");
        out.push({ ...open, local: localOf(open.qname), closeStart: lt, end: p });
      }
      continue;
    }
    if (xml.startsWith("<!", lt)) continue;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const qname = nameAt(xml, lt + 1);
    if (!qname) throw new XmlSyntaxError("empty tag name");
    if (depth === 0) {
      open = { qname, start: lt, openEnd: p };
      if (selfClosing) out.push({ ...open, local: localOf(qname), closeStart: p, end: p });
    }
    if (!selfClosing) depth++;
  }
  if (depth !== 0) throw new XmlSyntaxError("unclosed element");
  return out;
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
  const tag = xml.slice(el.start + 1 + el.qname.length, el.openEnd - 1);
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1]!, decodeEntities((m[2] ?? m[3] ?? "").replace(/[\t\n\r]/g, " ")));
  }
  return out;
}

export const textOf = (xml: string, el: XmlElement): string =>
  decodeEntities(xml.slice(el.openEnd, el.closeStart));

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
