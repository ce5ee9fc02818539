/**
 * Shows a message from a ribbon command. An ExecuteFunction command has no window of its own; the
 * one UI it may open is an Office dialog.
 */
import { CLOSE_MESSAGE } from "../dialog/message-url";

/** The parts of Office.UI and Office.Dialog used here; tests pass fakes. */
export interface DialogUi {
  displayDialogAsync(
    url: string,
    options: Office.DialogOptions,
    callback: (result: DialogResult) => void,
  ): void;
}

export interface DialogResult {
  /** Office.AsyncResultStatus: "succeeded" or "failed" at run time. */
  readonly status: unknown;
  readonly value: DialogHandle | undefined;
}

export interface DialogHandle {
  addEventHandler(
    type: Office.EventType,
    handler: (arg: { message: string } | { error: number }) => void,
  ): void;
  close(): void;
}

/** Office.EventType's two dialog events, passed in so that this module needs no Office global. */
export interface DialogEvents {
  readonly message: Office.EventType;
  readonly closed: Office.EventType;
}

/** Percent of the screen; the iframe keeps Excel on the web from opening a pop-up window. */
export const DIALOG_OPTIONS: Office.DialogOptions = {
  height: 35,
  width: 35,
  displayInIframe: true,
};

/**
 * How long the command waits for the dialog to be closed. Some Excel builds raise no event when
 * the user closes the dialog with Esc or its window button (office-js #5200, #161); after this
 * the command completes anyway, so Excel never keeps it running for good.
 */
export const DIALOG_WAIT_MS = 5 * 60 * 1000;

/**
 * Opens the dialog and resolves when it is closed: by its button, by the user closing the window,
 * or at once when it cannot open (no dialog API, or a dialog of this add-in already open), and at
 * the latest after DIALOG_WAIT_MS. The command completes only then, because on some platforms
 * completing it closes its dialog.
 */
export function showDialog(
  ui: DialogUi,
  url: string,
  events: DialogEvents,
  waitMs = DIALOG_WAIT_MS,
): Promise<void> {
  return new Promise<void>((done) => {
    const timer = setTimeout(done, waitMs);
    const resolve = () => {
      clearTimeout(timer);
      done();
    };
    try {
      ui.displayDialogAsync(url, DIALOG_OPTIONS, (result) => {
        const dialog = result.value;
        if (String(result.status) !== "succeeded" || !dialog) return resolve();
        let open = true;
        const close = () => {
          if (!open) return;
          open = false;
          try {
            dialog.close();
          } catch {
            // Already closed by the user: nothing left to close.
          }
          resolve();
        };
        dialog.addEventHandler(events.message, (arg) => {
          if ("message" in arg && arg.message === CLOSE_MESSAGE) close();
        });
        dialog.addEventHandler(events.closed, close);
      });
    } catch {
      // An Office build without the dialog API: the result is in the sheets all the same.
      resolve();
    }
  });
}
