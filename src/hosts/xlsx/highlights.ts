import { chunkAreas, coalesceAreas } from "../../core/model/areas";
import { Severity } from "../../core/model/finding";
import { Highlight } from "../../core/model/write-plan";
import { XmlElement, XmlSyntaxError, childElements, splice, textOf } from "./xml";

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

const SHEET_DATA = [..."sheetData"].map((c) => c.charCodeAt(0));

/**
 * Index just after </sheetData> (or <sheetData/>) in a worksheet part, found from the end: what
 * follows is short, so a 150 MB part is never decoded to change its tail. -1 when there is none.
 */
export function sheetDataEnd(b: Uint8Array): number {
  if (b.length < SHEET_DATA.length + 2) return -1;
  for (
    let i = b.lastIndexOf(0x73, b.length - SHEET_DATA.length);
    i > 0;
    i = b.lastIndexOf(0x73, i - 1)
  ) {
    if (!SHEET_DATA.every((c, k) => b[i + k] === c)) continue;
    let s = i - 1;
    if (b[s] === 0x3a) while (s > 0 && b[s] !== 0x3c && b[s] !== 0x2f && b[s] !== 0x20) s--; // a prefix
    const closing = b[s] === 0x2f && b[s - 1] === 0x3c;
    if (!closing && b[s] !== 0x3c) continue;
    const gt = b.indexOf(0x3e, i + SHEET_DATA.length);
    if (gt < 0) return -1;
    if (closing || b[gt - 1] === 0x2f) return gt + 1;
    return -1; // an open <sheetData> last: the part is cut short
  }
  return -1;
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
  const rootClose = (t: string): number => {
    const at = t.lastIndexOf("</");
    if (at < 0) throw new XmlSyntaxError("worksheet not closed");
    return at;
  };
  const clean = withoutOurs(tail, rootClose(tail));
  if (highlights.length === 0) return clean;
  const close = rootClose(clean);
  const p = /^<\/([^\s>:]+:)?/.exec(clean.slice(close))?.[1] ?? "";
  const kids = childElements(clean, 0, close);
  const last = kids.filter((el) => BEFORE_CF.has(el.local)).pop();
  const at = last ? last.end : 0;
  let priority = 0;
  for (const m of clean.matchAll(/<(?:[\w.-]+:)?cfRule\b[^>]*?\spriority\s*=\s*["'](\d+)["']/g))
    priority = Math.max(priority, Number(m[1]));
  const blocks = SEVERITIES.flatMap((severity) => {
    const cells = highlights.filter((h) => h.severity === severity).map((h) => h.cell);
    return sqrefs(cells).map((ref) => {
      const rule = `<${p}cfRule type="expression" dxfId="${dxf(severity)}" priority="${++priority}"><${p}formula>ISTEXT("ishc:${severity}")</${p}formula></${p}cfRule>`;
      return `<${p}conditionalFormatting sqref="${ref}">${rule}</${p}conditionalFormatting>`;
    });
  });
  return splice(clean, [{ start: at, end: at, text: blocks.join("") }]);
}
