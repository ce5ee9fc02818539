import { Highlight, WritePlan } from "../../core/model/write-plan";
import { corrupt } from "./errors";
import { editTail, sheetDataEnd } from "./highlights";
import { Changes, samePieces } from "./package-changes";
import { Package, asUtf8, dirOf, encodeXml } from "./package";
import { PRINT_NAMES, printNames } from "./print-setup";
import { CHARTS_NAME, chartRecord, placeCharts, recordedCharts } from "./sheet-drawing";
import { WorksheetPieces, worksheetPieces } from "./sheet-writer";
import { DeflatingPieces } from "./deflating-pieces";
import { EMPTY_STYLES, StylesEditor } from "./styles";
import { planTargets, worksheetPart } from "./targets";
import { WorkbookEditor, WorkbookInfo } from "./workbook-parts";
import { parsePart, splice } from "./xml";
import { KeptCut, PlannedEntry, RewriteEntry } from "./rewrite";

/**
 * Whether applyPlan reads the user's worksheets that get no highlight: yes, unless it keeps their
 * highlights on a package of ours. Then such a sheet is copied as stored, unread; in any other
 * package it would be verified before it is copied, and the host's codec reads a part whole
 * faster than that, so it is read.
 */
/** A generated sheet as applyPlan made it: its pieces, or its start taken by a deflater. */
type Generated = WorksheetPieces & { readonly deflating: DeflatingPieces | undefined };

export const readsUserSheets = (pkg: Package, plan: WritePlan): boolean =>
  !(plan.keepHighlights && pkg.verified);

/**
 * Builds the new package for a plan, entirely in memory: nothing is visible until it is complete,
 * so a failure leaves the workbook as it was. Parts nobody had to change are copied as stored.
 * A big worksheet whose cut is known from the tail kept as it was read (`cuts`, by part) is
 * planned from that tail, not inflated: it becomes a RewriteEntry (see resolveRewrites).
 */
export function applyPlan(
  pkg: Package,
  wb: WorkbookInfo,
  plan: WritePlan,
  cuts?: ReadonlyMap<string, KeptCut>,
): PlannedEntry[] {
  const changes = new Changes(pkg, wb);
  const stylesRel = wb.rels.find(
    (r) => r.type.endsWith("/styles") && !r.external && pkg.entry(r.target),
  );
  const stylesPart = stylesRel?.target ?? `${dirOf(wb.part)}styles.xml`;
  const styles = parsePart(
    stylesPart,
    () => new StylesEditor(stylesRel ? pkg.text(stylesPart) : EMPTY_STYLES),
  );
  const editor = new WorkbookEditor(wb);
  const targets = planTargets(pkg, wb, plan);

  // A generated sheet of a package of ours is not read: whether it changed is told by its size
  // and CRC (holds). Anyone else's is compared byte for byte: a CRC can be forged.
  const oldOf = (part: string) => (!pkg.verified && pkg.entry(part) ? pkg.read(part) : undefined);
  // Generated sheets: rewritten in place when they are ours, appended otherwise.
  const generated = new Map<string, Generated>();
  let sheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId));
  for (const sheet of plan.sheets) {
    const target = targets.get(sheet.name)!;
    if (!target.existing) {
      const relId = changes.link(target.part, "worksheet", "worksheet+xml");
      editor.addSheet(sheet.name, ++sheetId, relId, target.index, sheet.kind);
    } else if (target.existing.generated !== sheet.kind || wb.untidyTags.has(target.index))
      editor.retag(target.index, sheet.kind);
    const recorded = target.existing ? editor.sheetName(target.index, CHARTS_NAME) : undefined;
    const drawingId = placeCharts(changes, target.part, sheet, recordedCharts(recorded));
    // With a codec, a big sheet is deflated as it is made (DeflatingPieces), compared with the
    // part it replaces as it goes: a country's generated sheets are never held as UTF-8.
    const deflating = pkg.codec ? new DeflatingPieces(pkg.codec, oldOf(target.part)) : undefined;
    const pieces = worksheetPieces(sheet, (k) => styles.xf(k), drawingId, deflating);
    deflating?.startDone();
    generated.set(target.part, { ...pieces, deflating });
    editor.setSheetNames(
      target.index,
      [...PRINT_NAMES, CHARTS_NAME],
      [...printNames(sheet.name, sheet.print), ...chartRecord(sheet.charts)],
    );
  }

  // Highlights: every worksheet loses our old rules; those with highlights get new ones.
  const byPart = new Map<string, Highlight[]>();
  for (const h of plan.highlights) {
    const part = worksheetPart(wb, targets, h.sheet);
    const listed = wb.sheets.find((s) => s.name.toLowerCase() === h.sheet.toLowerCase());
    // A sheet the workbook lists but whose relationship no longer says "worksheet" is damage in
    // the file (the user's input); a sheet it does not list at all is a bug in the plan.
    if (part === undefined && listed)
      throw corrupt(
        "xl/_rels/workbook.xml.rels",
        `sheet "${listed.name}" không còn là một trang tính.`,
        `sheet "${listed.name}" is no longer a worksheet.`,
        listed.name,
      );
    if (part === undefined)
      throw new Error(`Highlight on "${h.sheet}", which is not a worksheet of this workbook.`);
    const list = byPart.get(part);
    if (list) list.push(h);
    else byPart.set(part, [h]);
  }
  const parts = new Set([
    ...wb.sheets.filter((s) => s.type === "worksheet").map((s) => s.part),
    ...generated.keys(),
  ]);
  const rewrites = new Map<string, Omit<RewriteEntry, "kind" | "name" | "like">>();
  const editedTail = (part: string, tail: string, highlights: readonly Highlight[]): string =>
    !plan.keepHighlights && (highlights.length || tail.includes("ishc:"))
      ? parsePart(part, () => editTail(tail, highlights, (s) => styles.dxf(s)))
      : tail;
  for (const part of parts) {
    const made = generated.get(part);
    if (made === undefined && !byPart.has(part) && !readsUserSheets(pkg, plan)) continue;
    const highlights = byPart.get(part) ?? [];
    const known = made === undefined ? cuts?.get(part) : undefined;
    if (known) {
      const edited = editedTail(part, known.tail, highlights);
      if (edited !== known.tail)
        rewrites.set(known.entry.name, {
          keep: known.cut,
          startCrc: known.startCrc,
          tail: encodeXml(edited),
          before: known.before,
        });
      continue;
    }
    if (made) {
      // Its pieces stay apart (a country's findings sheet is 26 MB), deflated as the one part
      // they make; it is cut where its <sheetData> ends, as sheetDataEnd cuts a part.
      const tail = new TextDecoder().decode(made.tail);
      const edited = editedTail(part, tail, highlights);
      const finished = made.deflating?.finish(edited !== tail ? encodeXml(edited) : made.tail);
      if (finished?.kind === "deflated") {
        const { deflated, same } = finished;
        const kept = pkg.verified ? pkg.holdsSized(part, deflated.size, deflated.crc) : same;
        if (edited !== tail || !kept) changes.setDeflated(part, deflated);
        continue;
      }
      // A small one, deflated with the rest of the package (a deflater held its pieces).
      const { start, old } = finished ?? { start: made.start, old: oldOf(part) };
      const whole = [...start, made.tail];
      // Only rewritten when its content differs (so a re-run leaves the package as it was).
      if (edited !== tail) changes.set(part, [...start, encodeXml(edited)], start.length);
      else if (!(pkg.verified ? pkg.holds(part, whole) : old && samePieces(old, whole)))
        changes.set(part, whole, whole.length);
      continue;
    }
    const old = pkg.entry(part) ? pkg.read(part) : undefined;
    const bytes = old && asUtf8(old);
    if (!bytes) throw corrupt(part, "thiếu thành phần này.", "this part is missing.");
    const cut = sheetDataEnd(bytes);
    if (cut >= 0) {
      const tail = new TextDecoder().decode(bytes.subarray(cut));
      const edited = editedTail(part, tail, highlights);
      // A user's sheet with no highlight change keeps its stored bytes.
      if (edited !== tail) changes.set(part, [bytes.subarray(0, cut), encodeXml(edited)]);
    } else if (highlights.length)
      throw corrupt(part, "trang tính không có phần dữ liệu.", "the worksheet has no sheetData.");
  }

  const stylesXml = styles.result();
  if (stylesXml !== undefined) {
    if (!stylesRel) changes.link(stylesPart, "styles", "styles+xml");
    changes.set(stylesPart, [encodeXml(stylesXml)]);
  }
  const wbEdits = editor.result();
  const wbXml = wbEdits.length ? splice(wb.xml, wbEdits) : wb.xml;
  if (wbXml !== wb.xml) changes.set(wb.part, [encodeXml(wbXml)]);
  changes.finish();

  const out: PlannedEntry[] = pkg.entries
    .filter((entry) => !changes.removed.has(entry.name.toLowerCase()))
    .map((entry): PlannedEntry => {
      const made = changes.replaced.get(entry.name);
      const rewrite = rewrites.get(entry.name);
      if (made?.deflated)
        return { kind: "deflated", name: entry.name, like: entry, ...made.deflated };
      if (made) return { kind: "new", name: entry.name, ...made, like: entry };
      if (rewrite) return { kind: "rewrite", name: entry.name, like: entry, ...rewrite };
      return { kind: "copy", entry, pkg };
    });
  for (const a of changes.added.values())
    out.push(
      a.deflated ? { kind: "deflated", name: a.name, ...a.deflated } : { kind: "new", ...a },
    );
  return out;
}
