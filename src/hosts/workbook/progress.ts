import { LocalText, say } from "../../core/model/i18n";

/** The stages a long check goes through, in order; the pane shows each one as it starts. */
export type Stage = "reading" | "checking" | "writing";

/**
 * A cancel request from the user. Polled between steps (a sheet, a read block, the start of the
 * write): the check stops at the next one, and since nothing is written before the "writing"
 * stage, a cancelled check leaves the workbook exactly as it was.
 */
export interface CancelToken {
  readonly cancelled: boolean;
}

export class CancelledError extends Error {
  readonly text: LocalText = say(
    "Đã hủy kiểm tra. Sổ làm việc không thay đổi.",
    "Check cancelled. The workbook was not changed.",
  );

  constructor() {
    super("Check cancelled. The workbook was not changed.");
    this.name = "CancelledError";
  }
}

export function throwIfCancelled(token: CancelToken | undefined): void {
  if (token?.cancelled) throw new CancelledError();
}

/** A cancel token the caller sets: `cancel()` from a button, `cancelled` read by the check. */
export class CancelSwitch implements CancelToken {
  cancelled = false;

  cancel(): void {
    this.cancelled = true;
  }
}
