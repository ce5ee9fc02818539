import { sheetInfoOf } from "../../core/model/cells";
import { columnLetters, rangeA1 } from "../../core/model/address";
import { InputError } from "../../core/model/errors";
import { say } from "../../core/model/i18n";
import {
  listAddress,
  noteText,
  TEMPLATE_HEADER_FILL,
  TEMPLATE_SHEETS,
  TemplateCell,
  TemplateColumn,
  TemplateSheet,
} from "../../core/report/template-sheets";
import { pickSheets } from "../../core/check/pick-sheets";
import { headerKey } from "../../core/text/normalize";
import { ExcelBatch, Supports, WriteQueue } from "./batch";
import { SheetState, loadInventory } from "./inventory";
import {
  ValidationParts,
  columnWidthCost,
  freezeCost,
  lookCost,
  methodCallCost,
  sheetAddCost,
  validationCost,
  valuesCost,
} from "./request-costs";
import { widthInPoints } from "./styles";

/**
 * "Tạo mẫu / Create template" in the open workbook: the sheets of src/core/report/template-sheets.ts
 * (the same as `ishc template`) that the workbook lacks. A sheet the user already has is never
 * touched. Three round trips whatever the size: the inventory (two), then every write at once.
 *
 * All or nothing as far as Office allows: Excel runs a request's operations in order and does not
 * undo the earlier ones when one fails, so everything that can be known beforehand (protection,
 * names taken) is checked before anything is queued. What remains is outside the add-in's hands: a
 * sheet the user adds between the two steps, a lost connection.
 */

/** What "Create template" did, for the pane to say. */
export interface TemplateOutcome {
  /** Sheets added, in the template's order. */
  created: string[];
  /** Sheets already there (their names as the workbook spells them), left exactly as they were. */
  skipped: string[];
  /**
   * The workbook keeps its members one sheet per club (these sheets): no "Thành viên" was added,
   * since the check would read an empty one instead of them.
   */
  perClub: string[];
}

/** The sheets the check would read as one member list per club, if any. */
function perClubSheets(sheets: readonly SheetState[]): string[] {
  try {
    return [...pickSheets(sheets.map(sheetInfoOf)).perClub];
  } catch {
    // No club list yet: nothing is read per club.
    return [];
  }
}

/** Excel's limits on a validation's input prompt. */
const PROMPT_TITLE_CHARS = 32;
const PROMPT_MESSAGE_CHARS = 255;

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * The user's sheet that stands for a template sheet: one of that name (Excel compares names without
 * case), or one the check would read for the same role ("Members" for "Thành viên"), since an
 * empty canonical sheet beside it would then be read instead of the user's data. Sheets this tool
 * generated do not count: the generated appendix "Phụ lục" is not a roadmap.
 */
function existing(sheets: readonly SheetState[], t: TemplateSheet): SheetState | undefined {
  const keys = new Set(t.names.map(headerKey));
  return (
    sheets.find((s) => s.name.toLowerCase() === t.name.toLowerCase()) ??
    sheets.find((s) => !s.generated && keys.has(headerKey(s.name)))
  );
}

const formulaOf = (c: TemplateCell): string | number =>
  typeof c === "object" ? `=${c.formula}` : c;

/** A dropdown over rows 2..TEMPLATE_ROWS, its error alert, and the header's note as its prompt. */
function listParts(col: TemplateColumn): ValidationParts | undefined {
  if (!col.list) return undefined;
  return {
    rule: { list: { inCellDropDown: true, source: col.list.values.join(",") } },
    ignoreBlanks: true,
    errorAlert: {
      showAlert: true,
      style: col.list.style === "stop" ? "Stop" : "Warning",
      title: col.list.errorTitle,
      message: col.list.errorMessage,
    },
    prompt: {
      showPrompt: true,
      title: clip(col.header, PROMPT_TITLE_CHARS),
      message: clip(noteText(col.note), PROMPT_MESSAGE_CHARS),
    },
  };
}

function queueList(ws: Excel.Worksheet, i: number, list: ValidationParts): void {
  const dv = ws.getRange(listAddress(i)).dataValidation;
  dv.rule = list.rule as Excel.DataValidationRule;
  dv.ignoreBlanks = list.ignoreBlanks;
  dv.errorAlert = list.errorAlert as Excel.DataValidationErrorAlert;
  dv.prompt = list.prompt as Excel.DataValidationPrompt;
}

const headerLook = { bold: true, fill: TEMPLATE_HEADER_FILL, header: true } as const;

/**
 * The bytes one template sheet adds to the request (request-costs.ts): the sheet, its header
 * row and its format, widths, dropdowns, frozen row and first rows.
 */
export function templateSheetCost(t: TemplateSheet, lists: boolean): number {
  const last = t.columns.length - 1;
  let n = sheetAddCost(t.name);
  n += valuesCost(rangeA1(0, 0, 0, last), [t.columns.map((c) => c.header)]);
  n += lookCost(rangeA1(0, 0, 0, last), headerLook, false);
  t.columns.forEach((col, i) => {
    const letter = columnLetters(i);
    n += columnWidthCost(`${letter}:${letter}`, widthInPoints(col.width));
    const list = lists ? listParts(col) : undefined;
    if (list) n += validationCost(listAddress(i), list);
  });
  n += freezeCost(1);
  if (t.rows.length > 0) {
    n += valuesCost(
      rangeA1(1, 0, t.rows.length, last),
      t.rows.map((r) => r.cells.map(formulaOf)),
    );
    t.rows.forEach((r, i) => {
      if (r.bold) n += lookCost(rangeA1(i + 1, 0, i + 1, last), { bold: true }, false);
    });
  }
  return n;
}

export function queueTemplateSheet(
  context: Excel.RequestContext,
  t: TemplateSheet,
  lists: boolean,
): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(t.name);
  const last = t.columns.length - 1;
  const header = ws.getRange(rangeA1(0, 0, 0, last));
  header.values = [t.columns.map((c) => c.header)];
  header.format.font.bold = true;
  header.format.fill.color = TEMPLATE_HEADER_FILL;
  header.format.verticalAlignment = "Center";
  header.format.wrapText = true;
  t.columns.forEach((col, i) => {
    const letter = columnLetters(i);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(col.width);
    // Without ExcelApi 1.8 (Office 2019) the sheet is still useful; the check reads any value.
    const list = lists ? listParts(col) : undefined;
    if (list) queueList(ws, i, list);
  });
  ws.freezePanes.freezeRows(1);
  if (t.rows.length > 0) {
    // Formulas, not values: the roadmap's "Tổng cộng" stays a live SUM as in the CLI's template.
    ws.getRange(rangeA1(1, 0, t.rows.length, last)).formulas = t.rows.map((r) =>
      r.cells.map(formulaOf),
    );
    t.rows.forEach((r, i) => {
      if (r.bold) ws.getRange(rangeA1(i + 1, 0, i + 1, last)).format.font.bold = true;
    });
  }
  return ws;
}

export async function createTemplate(
  run: ExcelBatch,
  supports: Supports,
): Promise<TemplateOutcome> {
  const lists = supports("ExcelApi", "1.8");
  return run(async (context) => {
    const inv = await loadInventory(context, false);
    const skipped: string[] = [];
    const missing: TemplateSheet[] = [];
    const perClub = perClubSheets(inv.sheets);
    for (const t of TEMPLATE_SHEETS) {
      const found = existing(inv.sheets, t);
      if (found) skipped.push(found.name);
      else if (!(t.role === "members" && perClub.length > 0)) missing.push(t);
    }
    if (missing.length === 0) return { created: [], skipped, perClub };
    // Refused before anything is queued, in words the pane can show, rather than with Excel's
    // AccessDenied from the first add. With nothing to add there is nothing to refuse.
    if (inv.workbookProtected)
      throw new InputError(
        "protected",
        say(
          "Sổ làm việc đang được bảo vệ: hãy bỏ bảo vệ (Review > Protect Workbook) rồi tạo mẫu lại. Chưa thêm sheet nào.",
          "The workbook is protected: unprotect it (Review > Protect Workbook) and create the template again. No sheet was added.",
        ),
      );
    // One request in practice (the whole template is some tens of kilobytes), sized all the same.
    const queue = new WriteQueue(context);
    const added: Excel.Worksheet[] = [];
    for (const t of missing)
      await queue.add(templateSheetCost(t, lists), () =>
        added.push(queueTemplateSheet(context, t, lists)),
      );
    const first = added[0]!;
    await queue.add(methodCallCost("Activate", []), () => first.activate(), first);
    await queue.flush();
    return { created: missing.map((t) => t.name), skipped, perClub };
  });
}
