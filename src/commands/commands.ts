/**
 * Ribbon commands (ExecuteFunction). Office loads commands.html without showing it and calls the
 * function registered under the name in the manifest's <FunctionName>.
 */

/** The manifest's <FunctionName> for the "Kiểm tra CLB" / "Check club" button. */
export const CHECK_CLUB = "checkClub";

/**
 * The "Kiểm tra CLB" button. The checking engine is connected to this command by the add-in
 * issue; until then the command has no result to show and shows none. Completing the event
 * tells Office the command is over, so Excel does not keep it running until its time-out.
 */
export function checkClub(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.actions.associate(CHECK_CLUB, checkClub);
