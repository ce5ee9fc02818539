/**
 * What the "Kiểm tra CLB" button tells the user, in both languages. Kept free of the checking
 * engine so that the commands page can still word a failure when the engine's code cannot load.
 */
import { errorText } from "../core/model/error-text";
import { LocalText, say } from "../core/model/i18n";
import { MessageKind } from "../dialog/message-url";

export interface RibbonMessage {
  readonly kind: MessageKind;
  /** One paragraph per line. */
  readonly text: LocalText;
}

export interface SummaryFigures {
  readonly clubs: number;
  readonly compliant: number;
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "x/y CLB đạt; n lỗi, m cảnh báo, k thông tin", where to look, and why the stored settings were
 * set aside when they were: a check run with the defaults must not pass for one with the user's.
 */
export function ribbonMessage(
  summary: SummaryFigures,
  sheets: readonly string[],
  problem?: LocalText,
): RibbonMessage {
  const { error, warning, info } = summary.findings;
  const lines = [
    say(
      `${summary.compliant}/${summary.clubs} CLB đạt; ${error} lỗi, ${warning} cảnh báo, ${info} thông tin.`,
      `${summary.compliant}/${summary.clubs} clubs pass; ${plural(error, "error", "errors")}, ` +
        `${plural(warning, "warning", "warnings")}, ${info} info.`,
    ),
    say(`Xem các trang: ${sheets.join(", ")}.`, `See the sheets: ${sheets.join(", ")}.`),
  ];
  if (problem) lines.push(problem);
  return {
    kind: "done",
    text: say(lines.map((l) => l.vi).join("\n"), lines.map((l) => l.en).join("\n")),
  };
}

/** The message for a check that did not run to its end. */
export function failureMessage(error: unknown): RibbonMessage {
  if (codeOf(error) === CELL_EDIT_CODE) return { kind: "failed", text: CELL_EDIT_TEXT };
  return { kind: "failed", text: errorText(error, say("Không kiểm tra được", "The check failed")) };
}

/**
 * The message when the engine's chunk could not be loaded (only the import's own failure: a
 * SyntaxError from inside the check, such as a bad JSON, is the check's failure).
 */
export function engineLoadMessage(error: unknown): RibbonMessage {
  if (needsNewerExcel(error)) return { kind: "failed", text: NEWER_EXCEL_TEXT };
  // webpack's error when the engine's chunk could not be fetched (offline, a proxy, a timeout).
  if (error instanceof Error && error.name === "ChunkLoadError") {
    return {
      kind: "failed",
      text: say(
        "Không tải được phần kiểm tra của ISHC Check. Hãy kiểm tra kết nối mạng rồi bấm lại; lệnh " +
          "này cũng cần Microsoft 365 hoặc Office 2021 trở lên, Excel trên web hoặc Excel cho Mac.",
        "The checking part of ISHC Check could not be loaded. Check the network connection and " +
          "click again; this command also needs Microsoft 365 or Office 2021 or later, Excel on " +
          "the web or Excel for Mac.",
      ),
    };
  }
  return failureMessage(error);
}

/**
 * Excel.ErrorCodes.invalidOperationInCellEditMode: a batch ran while a cell was being edited.
 * office-deps.ts asks Excel to wait instead (delayForCellEdit); builds without the
 * DelayForCellEdit requirement set still answer with this.
 */
const CELL_EDIT_CODE = "InvalidOperationInCellEditMode";

const CELL_EDIT_TEXT = say(
  "Excel đang sửa một ô nên chưa kiểm tra được. Hãy nhấn Enter hoặc Esc để xong việc sửa ô, rồi " +
    "bấm lại Kiểm tra CLB. Sổ làm việc không thay đổi.",
  "Excel is editing a cell, so the check could not run. Press Enter or Esc to finish editing the " +
    "cell, then click Check club again. The workbook was not changed.",
);

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

const NEWER_EXCEL_TEXT = say(
  "Nút Kiểm tra CLB cần phiên bản Excel mới hơn: Microsoft 365 hoặc Office 2021 trở lên, Excel " +
    "trên web hoặc Excel cho Mac. Phiên bản Excel này (như Office 2019) không chạy được phần " +
    "kiểm tra của ISHC Check. Sổ làm việc không thay đổi.",
  "The Check club button needs a newer Excel: Microsoft 365 or Office 2021 or later, Excel on " +
    "the web or Excel for Mac. This version of Excel (such as Office 2019) cannot run the checking " +
    "part of ISHC Check. The workbook was not changed.",
);

/**
 * The ribbon's check stopped before writing because it would not have finished within the time
 * Office gives a ribbon command (ribbon-check.ts); the pane has no such limit.
 */
export function timeLimitMessage(): RibbonMessage {
  return {
    kind: "failed",
    text: say(
      "Sổ làm việc này lớn, nút trên thanh công cụ không kiểm tra xong được trong thời gian Office " +
        "cho phép một lệnh (khoảng 5 phút), nên đã dừng trước khi ghi: sổ làm việc không thay " +
        "đổi.\nHãy bấm Mở bảng (nhóm ISHC Check trên thẻ Trang đầu) rồi bấm Kiểm tra CLB trong " +
        "bảng: bảng không bị giới hạn thời gian này.",
      "This workbook is large: the ribbon button cannot finish checking it within the time Office " +
        "gives a command (about 5 minutes), so it stopped before writing: the workbook was not " +
        "changed.\nClick Open pane (ISHC Check group on the Home tab), then Check club in the " +
        "pane: the pane has no such limit.",
    ),
  };
}

const codeOf = (error: unknown): unknown =>
  typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
