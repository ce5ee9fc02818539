import { GeneratedSheet, ListValidation, PrintSetup } from "../../core/model/write-plan";
import { Supports, WriteQueue } from "./batch";
import { queueCharts } from "./charts";

/**
 * The optional parts of a generated sheet, each behind the requirement set it needs, so that an
 * older Excel still gets the sheets without them: dropdowns (Range.dataValidation, ExcelApi 1.8),
 * charts built series by series (ChartSeriesCollection.add, ExcelApi 1.7) and page setup
 * (Worksheet.pageLayout and horizontalPageBreaks, ExcelApi 1.9).
 */
export interface ExtrasSupport {
  readonly lists: boolean;
  readonly charts: boolean;
  readonly print: boolean;
}

export const extrasSupport = (supports: Supports): ExtrasSupport => ({
  lists: supports("ExcelApi", "1.8"),
  charts: supports("ExcelApi", "1.7"),
  print: supports("ExcelApi", "1.9"),
});

/** Excel's limits for a literal list (its source), an input prompt's message, a footer. */
const LIST_SOURCE_CHARS = 255;
const PROMPT_MESSAGE_CHARS = 255;
/** One header or footer section. */
const FOOTER_CHARS = 255;

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * A literal list is one comma-separated string: a value holding a comma would become two entries,
 * and Excel refuses a source over 255 characters. Checked before anything is written.
 */
export function checkExtras(sheet: GeneratedSheet): void {
  for (const v of sheet.validations ?? []) {
    const bad = v.values.find((x) => x.includes(",") || x.trim() === "");
    const source = v.values.join(",");
    if (bad !== undefined || v.values.length === 0 || source.length > LIST_SOURCE_CHARS)
      throw new Error(
        `Dropdown ${v.range} on "${sheet.name}": its values must be non-empty, without commas, and ${LIST_SOURCE_CHARS} characters at most together.`,
      );
  }
}

/**
 * Before a sheet of ours is rewritten: its dropdowns and manual page breaks go (Range.clear keeps
 * both, and Excel refuses a rule over a range that has one). Its charts go by name (charts.ts).
 */
export function clearExtras(ws: Excel.Worksheet, support: ExtrasSupport): void {
  if (support.lists) ws.getRange().dataValidation.clear();
  if (support.print) ws.horizontalPageBreaks.removePageBreaks();
}

export async function queueValidations(
  queue: WriteQueue,
  ws: Excel.Worksheet,
  validations: readonly ListValidation[],
): Promise<void> {
  for (const v of validations)
    await queue.add(v.values.join(",").length * 3 + (v.prompt?.length ?? 0) * 3 + 300, () => {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
      dv.ignoreBlanks = true;
      // A warning lets the reviewer keep other text; with no text of ours Excel shows its own,
      // in the user's language.
      dv.errorAlert = { showAlert: true, style: "Warning", title: "", message: "" };
      if (v.prompt !== undefined)
        dv.prompt = {
          showPrompt: true,
          title: "",
          message: clip(v.prompt, PROMPT_MESSAGE_CHARS),
        };
    });
}

/**
 * Page setup in one job. A scale keeps the manual breaks (Excel ignores them under fit-to);
 * without one the sheet fits one page wide and as many tall as needed (0: automatic).
 */
export async function queuePrint(
  queue: WriteQueue,
  ws: Excel.Worksheet,
  print: PrintSetup,
): Promise<void> {
  const breaks = print.rowBreaks ?? [];
  await queue.add(400 + (print.footer?.length ?? 0) * 3 + breaks.length * 60, () => {
    const layout = ws.pageLayout;
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = print.paper;
    layout.zoom =
      print.scale !== undefined
        ? { scale: Math.round(Math.min(400, Math.max(10, print.scale))) }
        : { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (print.centerHorizontally !== undefined)
      layout.centerHorizontally = print.centerHorizontally;
    if (print.titleRows) {
      const [first, last] = print.titleRows;
      layout.setPrintTitleRows(`$${first}:$${last}`);
    }
    if (print.area) layout.setPrintArea(print.area);
    if (print.footer !== undefined)
      layout.headersFooters.defaultForAllPages.centerFooter = clip(print.footer, FOOTER_CHARS);
    // A break "after row r" is added at row r + 1: Excel breaks before the range's top row.
    for (const r of new Set(breaks)) if (r >= 1) ws.horizontalPageBreaks.add(`A${r + 1}`);
  });
}

/** The sheet's dropdowns, charts and page setup, as far as this Excel supports them. */
export async function queueExtras(
  queue: WriteQueue,
  ws: Excel.Worksheet,
  sheet: GeneratedSheet,
  support: ExtrasSupport,
): Promise<void> {
  if (support.lists && sheet.validations) await queueValidations(queue, ws, sheet.validations);
  if (support.charts && sheet.charts) await queueCharts(queue, ws, sheet.charts);
  if (support.print && sheet.print) await queuePrint(queue, ws, sheet.print);
}
