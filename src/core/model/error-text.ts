import { LocalText, say } from "./i18n";

/**
 * The one way a thrown value becomes a message, for the pane, the ribbon, the dialog and the
 * command line. Duck-typed rather than `instanceof`: an error made in another realm (office.js in
 * a frame, a Worker's error passed back) still has its text, message and code.
 */

/** The bilingual text an error carries: an InputError, a cancellation, one rebuilt from a Worker. */
export function carriedText(error: unknown): LocalText | undefined {
  const t = typeof error === "object" && error !== null ? (error as { text?: unknown }).text : null;
  if (typeof t !== "object" || t === null) return undefined;
  const { vi, en } = t as { vi?: unknown; en?: unknown };
  return typeof vi === "string" && typeof en === "string" ? { vi, en } : undefined;
}

/** An error's message, with the code Office's errors carry ("AccessDenied", …) when it has one. */
export function reasonOf(error: unknown): string {
  const { message, code } = (typeof error === "object" && error !== null ? error : {}) as {
    message?: unknown;
    code?: unknown;
  };
  if (typeof message !== "string") return String(error);
  return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
}

/**
 * What went wrong, in both languages: the error's own text when it carries one, otherwise an
 * unexpected error with its reason, said of the action that failed (`failed`: "Không kiểm tra
 * được" / "The check failed") when given.
 */
export function errorText(error: unknown, failed?: LocalText): LocalText {
  const own = carriedText(error);
  if (own) return own;
  const reason = reasonOf(error);
  return failed
    ? say(
        `${failed.vi} do một lỗi ngoài dự kiến: ${reason}`,
        `${failed.en} with an unexpected error: ${reason}`,
      )
    : say(`Lỗi ngoài dự kiến: ${reason}`, `Unexpected error: ${reason}`);
}
