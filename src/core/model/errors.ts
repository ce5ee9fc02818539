import { LocalText } from "./i18n";

/**
 * Input that cannot be checked at all (the second error channel; bad cells are findings instead).
 * One code per condition so that the command line and the pane can react to it.
 */
export type InputErrorCode =
  | "not-xlsx"
  | "encrypted"
  | "corrupt"
  | "too-large"
  | "too-many-rows"
  | "missing-sheet"
  | "no-header"
  | "missing-column"
  | "bad-setting"
  | "protected"
  /** A finding id the findings sheet does not hold (an auditor's mark on a stale finding). */
  | "unknown-finding"
  /** Writing into Excel failed half-way; the message says whether the workbook is as before. */
  | "interrupted"
  /** The input file changed while it was checked (the command line reads it again to write). */
  | "changed";

export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly text: LocalText;
  readonly sheet: string | undefined;

  constructor(code: InputErrorCode, text: LocalText, sheet?: string) {
    super(`${text.vi} / ${text.en}`);
    this.name = "InputError";
    this.code = code;
    this.text = text;
    this.sheet = sheet;
  }
}
