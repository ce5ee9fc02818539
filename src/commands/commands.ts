/**
 * Ribbon commands (ExecuteFunction). Office loads commands.html without showing it and calls the
 * function registered under the name in the manifest's <FunctionName>. This file only adapts
 * Office's globals; the work is in ribbon-check.ts and the message in ribbon-message.ts.
 */
import { officeDeps } from "../addin/office-deps";
import type { Lang } from "../core/model/i18n";
import { dialogUrl } from "../dialog/message-url";
import { languageFor } from "../taskpane/strings";
import { engineLoadMessage, failureMessage, RibbonMessage } from "./ribbon-message";
import { showDialog } from "./show-dialog";
import { commandTime, CommandTime, dialogWaitMs } from "./time-limit";

/** The manifest's <FunctionName> for the "Kiểm tra CLB" / "Check club" button. */
export const CHECK_CLUB = "checkClub";

/**
 * The "Kiểm tra CLB" button: checks the open workbook, then shows the outcome in a dialog.
 * Completing the event tells Office the command is over; it happens exactly once, after the
 * check and its message, whatever went wrong on the way.
 */
export async function checkClub(event: Office.AddinCommands.Event): Promise<void> {
  // Office closes the command about 5 minutes after the click: the check and the dialog share
  // that time (time-limit.ts).
  const time = commandTime();
  try {
    const lang = languageFor(Office.context.displayLanguage);
    const message = await checkResult(lang, time);
    await showDialog(
      Office.context.ui,
      dialogUrl(window.location.href, { lang, ...message }),
      {
        message: Office.EventType.DialogMessageReceived,
        closed: Office.EventType.DialogEventReceived,
      },
      dialogWaitMs(time),
    );
  } catch {
    // Office itself is missing a part (no context, no dialog API): no way is left to tell the
    // user, and the sheets the check wrote still say what it found.
  } finally {
    event.completed();
  }
}

/**
 * The engine is fetched on the first click, in a chunk of its own: if it cannot load (offline, or
 * a webview too old to parse it), this page has still registered the button and says why.
 */
async function checkResult(lang: Lang, time: CommandTime): Promise<RibbonMessage> {
  let engine: typeof import("./ribbon-check");
  try {
    engine = await import(/* webpackChunkName: "ribbon-check" */ "./ribbon-check");
  } catch (error) {
    return engineLoadMessage(error);
  }
  try {
    return await engine.runRibbonCheck(officeDeps(), lang, time);
  } catch (error) {
    return failureMessage(error);
  }
}

// Office's documented start-up for a page of function commands: on Windows and Mac, office.js
// waits for Office.onReady (or Office.initialize) before it listens for the ribbon's
// ExecuteFunction, so without this call the button does nothing there. It comes before anything
// else uses Office; associating at once, at load, is what Excel on the web needs.
void Office.onReady();
Office.actions.associate(CHECK_CLUB, checkClub);
