/**
 * What the add-in does to the workbook open in Excel, shared by the ribbon command and the task
 * pane: check (or write only the appendix), clear the highlights, go to a finding's cell. Each
 * action takes an ExcelBatch (Excel.run in Excel, the strict fake in tests) and the document's
 * settings, so the ribbon and the pane check with the same stored configuration.
 */
import { rangeA1 } from "../core/model/address";
import { RawValue } from "../core/model/cells";
import { Lang } from "../core/model/i18n";
import { HEADER_SCAN_ROWS } from "../core/read/header";
import { convertedHead } from "../core/read/legacy-text";
import { Settings } from "../core/model/settings";
import { ExcelBatch, OfficeWorkbook, Supports } from "../hosts/office";
import { topLeft } from "../hosts/office/areas";
import { CheckOutcome, CheckScope, checkWorkbook } from "../hosts/workbook/check-workbook";
import { CancelToken, Stage } from "../hosts/workbook/progress";
import type { ComputeStep } from "../hosts/workbook/compute-check";
import { AddinConfig, DocumentSettings, readConfig, settingsOf } from "./document-config";

export interface ExcelDeps {
  readonly run: ExcelBatch;
  readonly supports: Supports;
  readonly documentSettings: DocumentSettings;
  /** Today, "YYYY-MM-DD": the reference date when the document stores none. */
  readonly today: () => string;
}

export interface CheckRequest {
  readonly lang: Lang;
  readonly scope?: CheckScope;
  readonly onStage?: (stage: Stage) => void | Promise<void>;
  readonly cancel?: CancelToken;
  /** The configuration to use; the one stored in the document when absent. */
  readonly config?: AddinConfig;
  /** Where the check's pure step runs: the pane's Worker; in place when absent (the ribbon). */
  readonly compute?: ComputeStep;
}

export interface ExcelCheck extends CheckOutcome {
  readonly settings: Settings;
}

/** Checks the open workbook with the stored settings and mapping, and writes the result into it. */
export async function checkOpenWorkbook(
  deps: ExcelDeps,
  request: CheckRequest,
): Promise<ExcelCheck> {
  const config = request.config ?? readConfig(deps.documentSettings).config;
  const settings = settingsOf(config, deps.today(), request.lang);
  const workbook = new OfficeWorkbook(deps.run, {
    supports: deps.supports,
    ...(request.cancel ? { cancel: request.cancel } : {}),
  });
  const outcome = await checkWorkbook(workbook, settings, config.mapping, {
    ...(request.onStage ? { onStage: request.onStage } : {}),
    ...(request.cancel ? { cancel: request.cancel } : {}),
    scope: request.scope ?? "all",
    checkedOn: deps.today(),
    ...(request.compute ? { compute: request.compute } : {}),
  });
  return { ...outcome, settings };
}

/** "Xóa đánh dấu": removes this tool's highlights, nothing of the user's; returns how many. */
export function clearHighlights(deps: Pick<ExcelDeps, "run" | "supports">): Promise<number> {
  return new OfficeWorkbook(deps.run, { supports: deps.supports }).clearHighlights();
}

/** Shows a finding: activates its sheet and selects its cell. */
export async function selectCell(run: ExcelBatch, sheet: string, cell: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/**
 * Rows and columns a preview shows: every row the reader looks for a header in, and columns to
 * AZ, wider than any register seen.
 */
export const PREVIEW_ROWS = HEADER_SCAN_ROWS;
export const PREVIEW_COLUMNS = 52;

/**
 * The first rows of a sheet from A1, for the column picker: one read of at most
 * PREVIEW_ROWS × PREVIEW_COLUMNS cells however large the sheet, in two syncs. Text typed in
 * TCVN3 or VNI is shown as the check reads it, in Unicode.
 */
export async function previewSheet(run: ExcelBatch, sheet: string): Promise<RawValue[][]> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const used = ws.getUsedRange(true);
    used.load("address,rowCount,columnCount");
    await context.sync();
    const { row0, col0 } = topLeft(used.address);
    const height = Math.min(PREVIEW_ROWS, row0 + used.rowCount);
    const width = Math.min(PREVIEW_COLUMNS, col0 + used.columnCount);
    const block = ws.getRange(rangeA1(0, 0, height - 1, width - 1));
    block.load("values");
    await context.sync();
    const rows = (block.values as unknown[][]).map((row) =>
      row.map((v): RawValue =>
        typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && v !== "")
          ? v
          : null,
      ),
    );
    const shown = convertedHead({ name: sheet, rows }, rows.length).rows;
    return shown.map((row) => (row ?? []).map((v): RawValue => v ?? null));
  });
}

/** The workbook's sheet names in order, for the column picker's sheet list. */
export async function sheetNames(run: ExcelBatch): Promise<string[]> {
  const sheets = await new OfficeWorkbook(run).listSheets();
  return sheets.filter((s) => !s.generated).map((s) => s.name);
}
