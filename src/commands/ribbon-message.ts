/**
 * What the "Kiểm tra CLB" button tells the user, in both languages. Kept free of the checking
 * engine so that the commands page can still word a failure when the engine's code cannot load.
 */
import { InputError } from "../core/model/errors";
import { LocalText, say } from "../core/model/i18n";
import { MessageKind } from "../dialog/message-url";
import { CancelledError } from "../hosts/workbook/progress";

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
  if (error instanceof InputError || error instanceof CancelledError) {
    return { kind: "failed", text: error.text };
  }
  // webpack's error when the engine's chunk does not load: the network, or a webview too old to
  // parse it (Office 2019's EdgeHTML and Internet Explorer lack the engine's regular expressions).
  if (error instanceof Error && error.name === "ChunkLoadError") {
    return {
      kind: "failed",
      text: say(
        "Không tải được phần kiểm tra của ISHC Check. Hãy kiểm tra kết nối mạng; lệnh này cũng cần " +
          "Microsoft 365 hoặc Office 2021 trở lên, Excel trên web hoặc Excel cho Mac.",
        "The checking part of ISHC Check could not be loaded. Check the network connection; this " +
          "command also needs Microsoft 365 or Office 2021 or later, Excel on the web or Excel for Mac.",
      ),
    };
  }
  const reason = reasonOf(error);
  return {
    kind: "failed",
    text: say(
      `Không kiểm tra được do một lỗi ngoài dự kiến: ${reason}`,
      `The check failed with an unexpected error: ${reason}`,
    ),
  };
}

/** An error's message, with the code Office's errors carry ("AccessDenied", …) when it has one. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && !error.message.includes(code)
    ? `${error.message} (${code})`
    : error.message;
}
