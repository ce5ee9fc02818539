import { GeneratedSheet, ListValidation, PrintSetup } from "../../core/model/write-plan";
import { Supports, WriteQueue } from "./batch";
import { queueCharts } from "./charts";
import { PrintParts, ValidationParts, printCost, validationCost } from "./request-costs";

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

/** What a dropdown sets on its range's dataValidation. */
function validationParts(v: ListValidation): ValidationParts {
  return {
    rule: { list: { inCellDropDown: true, source: v.values.join(",") } },
    ignoreBlanks: true,
    // A warning lets the reviewer keep other text; with no text of ours Excel shows its own, in
    // the user's language.
    errorAlert: { showAlert: true, style: "Warning", title: "", message: "" },
    ...(v.prompt !== undefined
      ? { prompt: { showPrompt: true, title: "", message: clip(v.prompt, PROMPT_MESSAGE_CHARS) } }
      : {}),
  };
}

export async function queueValidations(
  queue: WriteQueue,
  ws: Excel.Worksheet,
  validations: readonly ListValidation[],
): Promise<void> {
  for (const v of validations) {
    const parts = validationParts(v);
    await queue.add(
      validationCost(v.range, parts),
      () => {
        const dv = ws.getRange(v.range).untrack().dataValidation;
        dv.rule = parts.rule as Excel.DataValidationRule;
        dv.ignoreBlanks = parts.ignoreBlanks;
        dv.errorAlert = parts.errorAlert as Excel.DataValidationErrorAlert;
        if (parts.prompt) dv.prompt = parts.prompt as Excel.DataValidationPrompt;
      },
      ws,
    );
  }
}

/**
 * What page setup sets. A scale keeps the manual breaks (Excel ignores them under fit-to);
 * without one the sheet fits one page wide and as many tall as needed (0: automatic). A break
 * "after row r" is added at row r + 1: Excel breaks before the range's top row.
 */
function printParts(print: PrintSetup): PrintParts {
  return {
    orientation: print.orientation === "landscape" ? "Landscape" : "Portrait",
    paperSize: print.paper,
    zoom:
      print.scale !== undefined
        ? { scale: Math.round(Math.min(400, Math.max(10, print.scale))) }
        : { horizontalFitToPages: 1, verticalFitToPages: 0 },
    ...(print.centerHorizontally !== undefined
      ? { centerHorizontally: print.centerHorizontally }
      : {}),
    ...(print.titleRows ? { titleRows: `$${print.titleRows[0]}:$${print.titleRows[1]}` } : {}),
    ...(print.area ? { area: print.area } : {}),
    ...(print.footer !== undefined ? { footer: clip(print.footer, FOOTER_CHARS) } : {}),
    breaks: [...new Set(print.rowBreaks ?? [])].filter((r) => r >= 1).map((r) => `A${r + 1}`),
  };
}

/** Page setup in one job (its page breaks are a few dozen at most). */
export async function queuePrint(
  queue: WriteQueue,
  ws: Excel.Worksheet,
  print: PrintSetup,
): Promise<void> {
  const p = printParts(print);
  await queue.add(
    printCost(p),
    () => {
      const layout = ws.pageLayout;
      layout.orientation = p.orientation as Excel.PageOrientation;
      layout.paperSize = p.paperSize as Excel.PaperType;
      layout.zoom = p.zoom as Excel.PageLayoutZoomOptions;
      if (p.centerHorizontally !== undefined) layout.centerHorizontally = p.centerHorizontally;
      if (p.titleRows !== undefined) layout.setPrintTitleRows(p.titleRows);
      if (p.area !== undefined) layout.setPrintArea(p.area);
      if (p.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = p.footer;
      for (const cell of p.breaks) ws.horizontalPageBreaks.add(cell);
    },
    ws,
  );
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
