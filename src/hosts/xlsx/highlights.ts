import { chunkAreas, coalesceAreas } from "../../core/model/areas";
import { Severity } from "../../core/model/finding";
import { Highlight } from "../../core/model/write-plan";
import { bytesOf } from "./bytes";
import {
  XmlElement,
  XmlSyntaxError,
  attributes,
  childElements,
  descendants,
  endTagAfter,
  splice,
  textOf,
} from "./xml";
import { CLOSE, GT, LT, NEED_MORE, SLASH, TagCursor, localIs, nameEnd } from "./xml-tokens";

/**
 * Highlights are conditional formats, so the user's own cell formats are never touched and a re-run
 * (or "clear highlights") can take exactly ours away again. Our rules are recognised by a formula
 * that is always TRUE and names this tool.
 */
const OURS = /^ISTEXT\("ishc:(error|warning|info)"\)$/;
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** CT_Worksheet elements that may come after sheetData and must stay before conditionalFormatting. */
const BEFORE_CF = new Set([
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
]);

const SHEET_DATA = bytesOf("sheetData");

/**
 * Index just after </sheetData> (or <sheetData/>) in a worksheet part, -1 when there is none. It is
 * looked for from the end, since what follows it is short: a 150 MB part is not walked to change its
 * tail. The last sheetData tag is taken when the rest of the part reads as a worksheet's tail from
 * it; otherwise (that tag was inside a comment, say) the part is walked from its start.
 */
export function sheetDataEnd(b: Uint8Array): number {
  const tag = new TagCursor(() => new XmlSyntaxError("malformed tag"));
  const last = lastSheetDataTag(b);
  if (!last) return -1;
  const end = readsAsTail(b, last.ne, last.closing, tag);
  return end >= 0 ? end : fromStart(b, tag);
}

/**
 * sheetDataEnd for a worksheet's tail kept as it was read (KeptTail), which starts with the tag
 * the parser took as the end of <sheetData>: the index after that tag when it is the one
 * sheetDataEnd would take in the whole part (the last sheetData tag, followed by what reads as a
 * worksheet's tail: what follows it decides that, and it is all here); -1 when it is not (the
 * part is then edited whole).
 */
export function keptTailCut(b: Uint8Array): number {
  const last = lastSheetDataTag(b);
  if (!last || last.lt !== 0) return -1;
  return readsAsTail(
    b,
    last.ne,
    last.closing,
    new TagCursor(() => new XmlSyntaxError("malformed tag")),
  );
}

/** The last "<" (from the end) whose name's local part is sheetData: where, its name's end, and whether it closes. */
function lastSheetDataTag(b: Uint8Array): { lt: number; ne: number; closing: boolean } | undefined {
  // Each "<" is looked at up to the one after it (a name has none), so a part with no
  // sheetData is read once, not once per "<".
  for (
    let lt = b.lastIndexOf(LT), next = b.length;
    lt >= 0;
    next = lt, lt = lt > 0 ? b.lastIndexOf(LT, lt - 1) : -1
  ) {
    const closing = b[lt + 1] === SLASH;
    const ns = closing ? lt + 2 : lt + 1;
    const ne = nameEnd(b, ns, next);
    if (ne < next && localIs(b, ns, ne, SHEET_DATA)) return { lt, ne, closing };
  }
  return undefined;
}

/**
 * Whether the part, from the sheetData tag whose name ends at `ne`, is that tag and a tail
 * that closes the worksheet: balanced tags, nothing after the root but comments and PIs, and no
 * "-->", "]]>" or "?>" in any text (there, it would end a comment the tag was in). Returns the
 * index after the tag, or -1.
 */
function readsAsTail(b: Uint8Array, ne: number, closing: boolean, tag: TagCursor): number {
  const n = b.length;
  try {
    const end = tag.skip(b, ne, n);
    if (end === NEED_MORE || (!closing && !tag.selfClosing)) return -1;
    let depth = 1;
    for (let p = end; ;) {
      const r = tag.token(b, p, n);
      const lt = tag.lt;
      if (!plainText(b, p, lt < 0 ? n : lt, depth === 0)) return -1;
      if (lt < 0) return depth === 0 ? end : -1;
      if (r === NEED_MORE) return -1;
      if (tag.kind > CLOSE) {
        p = r;
        continue;
      }
      if (depth === 0) return -1;
      const closes = tag.kind === CLOSE;
      p = tag.skip(b, r, n);
      if (p === NEED_MORE) return -1;
      if (closes) depth--;
      else if (!tag.selfClosing) depth++;
    }
  } catch (e) {
    if (e instanceof XmlSyntaxError) return -1;
    throw e;
  }
}

/** Text in [s, e) that ends no comment, CDATA section or PI; only white space after the root. */
function plainText(b: Uint8Array, s: number, e: number, afterRoot: boolean): boolean {
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (afterRoot && c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
    if (c !== GT || i === s) continue;
    const c1 = b[i - 1];
    if (c1 === 63) return false; // ?>
    if (i - 2 >= s && (c1 === 45 || c1 === 93) && b[i - 2] === c1) return false; // --> ]]>
  }
  return true;
}

/** The first </sheetData> or <sheetData/> of the whole part, comments and the like stepped over. */
function fromStart(b: Uint8Array, tag: TagCursor): number {
  const n = b.length;
  try {
    for (let p = 0; ;) {
      const ne = tag.find(b, p, n);
      if (ne === NEED_MORE) return -1;
      const closing = tag.kind === CLOSE;
      const isSheetData = localIs(b, tag.nameStart, ne, SHEET_DATA);
      p = tag.skip(b, ne, n);
      if (p === NEED_MORE) return -1;
      if (isSheetData && (closing || tag.selfClosing)) return p;
    }
  } catch (e) {
    if (e instanceof XmlSyntaxError) return -1;
    throw e;
  }
}

/**
 * Space-separated area lists of at most ~8,000 characters: Excel caps a reference string near
 * 8,192, so thousands of scattered highlights become several conditional formats, not one.
 */
export function sqrefs(cells: readonly string[], limit = 8000): string[] {
  return chunkAreas(coalesceAreas(cells), limit).map((chunk) => chunk.join(" "));
}

function isOurs(xml: string, rule: XmlElement): boolean {
  const formula = childElements(xml, rule.openEnd, rule.closeStart).find(
    (el) => el.local === "formula",
  );
  return formula !== undefined && OURS.test(textOf(xml, formula).trim());
}

/** Removes every rule of ours, and any conditionalFormatting left without rules. */
function withoutOurs(tail: string, end: number): string {
  const edits = [];
  for (const cf of childElements(tail, 0, end).filter(
    (el) => el.local === "conditionalFormatting",
  )) {
    const rules = childElements(tail, cf.openEnd, cf.closeStart).filter(
      (el) => el.local === "cfRule",
    );
    const ours = rules.filter((r) => isOurs(tail, r));
    if (ours.length === 0) continue;
    if (ours.length === rules.length) edits.push({ start: cf.start, end: cf.end, text: "" });
    else edits.push(...ours.map((r) => ({ start: r.start, end: r.end, text: "" })));
  }
  return edits.length ? splice(tail, edits) : tail;
}

/**
 * Rewrites the part of a worksheet after </sheetData>: drops our old rules, then adds one
 * conditionalFormatting per severity at its schema position, with priorities after the sheet's own.
 */
export function editTail(
  tail: string,
  highlights: readonly Highlight[],
  dxf: (s: Severity) => number,
): string {
  const clean = withoutOurs(tail, endTagAfter(tail, 0).start);
  if (highlights.length === 0) return clean;
  const close = endTagAfter(clean, 0);
  const p = close.qname.slice(0, close.qname.indexOf(":") + 1);
  const kids = childElements(clean, 0, close.start);
  const last = kids.filter((el) => BEFORE_CF.has(el.local)).pop();
  const at = last ? last.end : 0;
  // Priorities are shared by every rule of the sheet, the x14 ones in extLst too.
  let priority = 0;
  for (const rule of descendants(clean, 0, close.start)) {
    if (rule.local !== "cfRule") continue;
    const value = attributes(clean, rule).get("priority") ?? "";
    if (/^\d+$/.test(value)) priority = Math.max(priority, Number(value));
  }
  const blocks = SEVERITIES.flatMap((severity) => {
    const cells = highlights.filter((h) => h.severity === severity).map((h) => h.cell);
    return sqrefs(cells).map((ref) => {
      const rule = `<${p}cfRule type="expression" dxfId="${dxf(severity)}" priority="${++priority}"><${p}formula>ISTEXT("ishc:${severity}")</${p}formula></${p}cfRule>`;
      return `<${p}conditionalFormatting sqref="${ref}">${rule}</${p}conditionalFormatting>`;
    });
  });
  return splice(clean, [{ start: at, end: at, text: blocks.join("") }]);
}
