import { Severity } from "../../core/model/finding";
import { StyleKey } from "../../core/model/write-plan";
import {
  Edit,
  XmlElement,
  attributes,
  children,
  escapeAttr,
  prefixOf,
  rootElement,
  splice,
} from "./xml";

/** CT_Stylesheet order: a missing collection is created before the first later one. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** What a freshly created collection must hold first: Excel expects these defaults at index 0 (and 1). */
const DEFAULTS: Record<string, string[]> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'],
  fills: [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
  cellStyles: ['<cellStyle name="Normal" xfId="0" builtinId="0"/>'],
};

export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>';

interface Look {
  bold?: boolean;
  size?: number;
  color?: string;
  underline?: boolean;
  fill?: string;
  border?: boolean;
  numFmt?: number | string;
  header?: boolean;
}

const FAIL: Look = { fill: "FFFFC7CE", color: "FF9C0006" };
const LOOKS: Record<StyleKey, Look> = {
  title: { bold: true, size: 14 },
  header: { bold: true, fill: "FFD9D9D9", border: true, header: true },
  text: {},
  integer: { numFmt: 3 },
  percent: { numFmt: "0.0%" },
  fail: FAIL,
  failPercent: { ...FAIL, numFmt: "0.0%" },
  failInteger: { ...FAIL, numFmt: 3 },
  pass: { fill: "FFC6EFCE", color: "FF006100" },
  warn: { fill: "FFFFEB9C", color: "FF9C5700" },
  total: { bold: true, numFmt: 3 },
  totalPercent: { bold: true, numFmt: "0.0%" },
  link: { underline: true, color: "FF0563C1" },
  date: { numFmt: "dd/mm/yyyy" },
  muted: { color: "FF808080" },
};

const HIGHLIGHT: Record<Severity, string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

interface Collection {
  el: XmlElement | undefined;
  items: string[];
  added: string[];
}

/**
 * Maps style keys to cellXfs indexes and severities to dxf indexes in styles.xml, reusing any entry
 * whose XML is exactly the one we would add: a re-run finds its own entries and adds nothing.
 */
export class StylesEditor {
  private readonly root: XmlElement;
  private readonly p: string;
  private readonly cols = new Map<string, Collection>();
  private readonly fontBase: string;
  private readonly fontTail: string;
  private readonly xfs = new Map<StyleKey, number>();

  constructor(private readonly xml: string) {
    this.root = rootElement(xml);
    this.p = prefixOf(this.root);
    const kids = children(xml, this.root);
    for (const name of ORDER) {
      const el = kids.find((k) => k.local === name);
      const items = el ? children(xml, el).map((c) => xml.slice(c.start, c.end)) : [];
      this.cols.set(name, { el, items, added: [] });
    }
    // Our fonts take the workbook's default font (often Times New Roman in Vietnamese offices).
    const font0 = this.cols.get("fonts")!.items[0] ?? DEFAULTS.fonts![0]!;
    const props = children(font0, rootElement(font0));
    const val = (tag: string): string | undefined => {
      const el = props.find((k) => k.local === tag);
      return el && attributes(font0, el).get("val");
    };
    this.fontBase = val("sz") ?? "11";
    const opt = (tag: string): string =>
      val(tag) === undefined ? "" : `<${this.p}${tag} val="${escapeAttr(val(tag)!)}"/>`;
    this.fontTail = `<${this.p}name val="${escapeAttr(val("name") ?? "Calibri")}"/>${opt("family")}${opt("charset")}${opt("scheme")}`;
  }

  private collection(name: string): Collection {
    const c = this.cols.get(name)!;
    if (c.items.length === 0 && c.added.length === 0)
      c.added.push(...(DEFAULTS[name] ?? []).map((x) => x.replace(/<(\/?)/g, `<$1${this.p}`)));
    return c;
  }

  private index(name: string, item: string): number {
    const c = this.collection(name);
    const at = [...c.items, ...c.added].indexOf(item);
    if (at >= 0) return at;
    c.added.push(item);
    return c.items.length + c.added.length - 1;
  }

  private numFmt(code: number | string): number {
    if (typeof code === "number") return code;
    const c = this.collection("numFmts");
    const all = [...c.items, ...c.added];
    const ids = all.map((x) => Number(/numFmtId="(\d+)"/.exec(x)?.[1] ?? 0));
    const found = all.findIndex((x) => x.includes(`formatCode="${escapeAttr(code)}"`));
    if (found >= 0) return ids[found]!;
    const id = Math.max(163, ...ids) + 1;
    c.added.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The cellXfs index for a style key (looked up once per key, not once per cell). */
  xf(key: StyleKey): number {
    let index = this.xfs.get(key);
    if (index === undefined) this.xfs.set(key, (index = this.makeXf(key)));
    return index;
  }

  private makeXf(key: StyleKey): number {
    const l = LOOKS[key];
    const p = this.p;
    const color = l.color ? `<${p}color rgb="${l.color}"/>` : "";
    const font = `<${p}font>${l.bold ? `<${p}b/>` : ""}${l.underline ? `<${p}u/>` : ""}<${p}sz val="${l.size ?? this.fontBase}"/>${color}${this.fontTail}</${p}font>`;
    const fontId = l.bold || l.size || l.color || l.underline ? this.index("fonts", font) : 0;
    const fillId = l.fill
      ? this.index(
          "fills",
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${l.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
        )
      : 0;
    const side = (s: string): string =>
      `<${p}${s} style="thin"><${p}color indexed="64"/></${p}${s}>`;
    const borderId = l.border
      ? this.index(
          "borders",
          `<${p}border>${["left", "right", "top", "bottom"].map(side).join("")}<${p}diagonal/></${p}border>`,
        )
      : 0;
    const numFmtId = this.numFmt(l.numFmt ?? 0);
    for (const name of ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"])
      this.collection(name);
    const applies = [
      numFmtId && "applyNumberFormat",
      fontId && "applyFont",
      fillId && "applyFill",
      borderId && "applyBorder",
      l.header && "applyAlignment",
    ]
      .filter((x): x is string => typeof x === "string")
      .map((a) => ` ${a}="1"`)
      .join("");
    const head = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const align = `<${p}alignment horizontal="center" vertical="center" wrapText="1"/>`;
    return this.index("cellXfs", l.header ? `${head}>${align}</${p}xf>` : `${head}/>`);
  }

  /** A differential format (fill only) for conditional formatting of one severity. */
  dxf(severity: Severity): number {
    const p = this.p;
    return this.index(
      "dxfs",
      `<${p}dxf><${p}fill><${p}patternFill><${p}bgColor rgb="${HIGHLIGHT[severity]}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  /** The new styles.xml, or undefined when every entry was already there. */
  result(): string | undefined {
    const xml = this.xml;
    const edits: Edit[] = [];
    for (const name of ORDER) {
      const c = this.cols.get(name)!;
      if (c.added.length === 0) continue;
      const items = c.added.join("");
      const count = `count="${c.items.length + c.added.length}"`;
      if (!c.el) {
        const next = ORDER.slice(ORDER.indexOf(name) + 1)
          .map((n) => this.cols.get(n)!.el)
          .find((el) => el !== undefined);
        const at = next ? next.start : this.root.closeStart;
        edits.push({
          start: at,
          end: at,
          text: `<${this.p}${name} ${count}>${items}</${this.p}${name}>`,
        });
        continue;
      }
      const tag = xml.slice(c.el.start, c.el.openEnd);
      const counted = /\scount\s*=/.test(tag)
        ? tag.replace(/(\s)count\s*=\s*(["'])[^"']*\2/, `$1${count}`)
        : tag.replace(/^(<[^\s/>]+)/, `$1 ${count}`);
      if (c.el.end === c.el.openEnd) {
        const open = counted.replace(/\s*\/>$/, ">");
        edits.push({ start: c.el.start, end: c.el.end, text: `${open}${items}</${c.el.qname}>` });
      } else {
        edits.push({ start: c.el.start, end: c.el.openEnd, text: counted });
        edits.push({ start: c.el.closeStart, end: c.el.closeStart, text: items });
      }
    }
    if (edits.length === 0) return undefined;
    if (this.root.end !== this.root.openEnd) return splice(xml, edits);
    // <styleSheet/> with nothing in it: open it up (only new collections were added, in order).
    const open = xml.slice(this.root.start, this.root.openEnd).replace(/\s*\/>$/, ">");
    const body = edits.map((e) => e.text).join("");
    return `${xml.slice(0, this.root.start)}${open}${body}</${this.root.qname}>${xml.slice(this.root.end)}`;
  }
}
