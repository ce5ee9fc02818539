/**
 * What the "Kiểm tra CLB" button tells the user, in both languages. Kept free of the checking
 * engine so that the commands page can still word a failure when the engine's code cannot load.
 */
import { errorText } from "../core/model/error-text";
import { LocalText } from "../core/model/i18n";
import { MessageKind } from "../dialog/message-url";
import type { RibbonStrings, RibbonSummary } from "../taskpane/strings";
import { ribbonEn } from "../taskpane/strings-en";
import { ribbonVi } from "../taskpane/strings-vi";

/** One text of the ribbon's, in both languages (strings-vi.ts, strings-en.ts). */
const both = (pick: (t: RibbonStrings) => string): LocalText => ({
  vi: pick(ribbonVi),
  en: pick(ribbonEn),
});

export interface RibbonMessage {
  readonly kind: MessageKind;
  /** One paragraph per line. */
  readonly text: LocalText;
}

/**
 * "x/y CLB đạt; n lỗi, m cảnh báo, k thông tin", where to look, and why the stored settings were
 * set aside when they were: a check run with the defaults must not pass for one with the user's.
 */
export function ribbonMessage(
  summary: RibbonSummary,
  sheets: readonly string[],
  problem?: LocalText,
): RibbonMessage {
  const lines = [both((t) => t.summary(summary)), both((t) => t.seeSheets(sheets))];
  if (problem) lines.push(problem);
  return {
    kind: "done",
    text: { vi: lines.map((l) => l.vi).join("\n"), en: lines.map((l) => l.en).join("\n") },
  };
}

/** The message for a check that did not run to its end. */
export function failureMessage(error: unknown): RibbonMessage {
  if (codeOf(error) === CELL_EDIT_CODE) return { kind: "failed", text: CELL_EDIT_TEXT };
  return {
    kind: "failed",
    text: errorText(
      error,
      both((t) => t.checkFailed),
    ),
  };
}

/**
 * The message when the engine's chunk could not be loaded (only the import's own failure: a
 * SyntaxError from inside the check, such as a bad JSON, is the check's failure).
 */
export function engineLoadMessage(error: unknown): RibbonMessage {
  if (needsNewerExcel(error)) return { kind: "failed", text: NEWER_EXCEL_TEXT };
  // webpack's error when the engine's chunk could not be fetched (offline, a proxy, a timeout).
  if (error instanceof Error && error.name === "ChunkLoadError") {
    return { kind: "failed", text: both((t) => t.engineNotLoaded) };
  }
  return failureMessage(error);
}

/**
 * Excel.ErrorCodes.invalidOperationInCellEditMode: a batch ran while a cell was being edited.
 * office-deps.ts asks Excel to wait instead (delayForCellEdit); builds without the
 * DelayForCellEdit requirement set still answer with this.
 */
const CELL_EDIT_CODE = "InvalidOperationInCellEditMode";

const CELL_EDIT_TEXT = both((t) => t.cellEditing);

/**
 * The engine's chunk was fetched but did not run: the webview cannot parse it. webpack says so
 * with a ChunkLoadError of type "missing" (the script loaded, yet defined no chunk); a module
 * that parses but builds a regular expression the engine lacks throws a SyntaxError. Office
 * 2019's EdgeHTML is the case in point (README, "Office 2019").
 */
function needsNewerExcel(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "SyntaxError") return true;
  return error.name === "ChunkLoadError" && (error as { type?: unknown }).type === "missing";
}

const NEWER_EXCEL_TEXT = both((t) => t.newerExcel);

/**
 * The ribbon's check stopped before writing because it would not have finished within the time
 * Office gives a ribbon command (ribbon-check.ts); the pane has no such limit.
 */
export function timeLimitMessage(): RibbonMessage {
  return { kind: "failed", text: both((t) => t.timeLimit) };
}

const codeOf = (error: unknown): unknown =>
  typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
