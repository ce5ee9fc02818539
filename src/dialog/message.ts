/**
 * The message dialog the ribbon command opens (see message-url.ts for its address). Compiled to
 * ES2017 like the commands page, so that it shows wherever the command runs.
 */
import { CLOSE_MESSAGE, parseMessage } from "./message-url";
import { renderMessage } from "./render";

// messageParent works only once office.js is ready; a click before that waits for it.
const ready: Promise<unknown> =
  typeof Office === "undefined" ? Promise.resolve() : Office.onReady();

function close(): void {
  ready.then(
    () => {
      try {
        // Inside Office the command that opened the dialog closes it.
        Office.context.ui.messageParent(CLOSE_MESSAGE);
      } catch {
        // Opened in a plain browser tab (no Office): close the tab instead.
        window.close();
      }
    },
    () => window.close(),
  );
}

renderMessage(document, parseMessage(window.location.search), close);
