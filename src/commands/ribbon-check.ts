/**
 * The "Kiểm tra CLB" button's work: check the open workbook with the settings stored in it, write
 * the result sheets and highlights, and say how it went. Never throws: every outcome is a message.
 * Loaded by commands.ts on first use, in a chunk of its own (see there).
 */
import { readConfig, refreshConfig } from "../addin/document-config";
import { checkOpenWorkbook, ExcelDeps } from "../addin/excel-actions";
import { Lang } from "../core/model/i18n";
import { failureMessage, RibbonMessage, ribbonMessage } from "./ribbon-message";

export async function runRibbonCheck(deps: ExcelDeps, lang: Lang): Promise<RibbonMessage> {
  try {
    // Read here rather than inside checkOpenWorkbook so that a configuration set aside can be said.
    await refreshConfig(deps.documentSettings);
    const { config, problem } = readConfig(deps.documentSettings);
    const outcome = await checkOpenWorkbook(deps, { lang, config });
    return ribbonMessage(
      outcome.report.summary,
      outcome.plan.sheets.map((s) => s.name),
      problem,
    );
  } catch (error) {
    return failureMessage(error);
  }
}
