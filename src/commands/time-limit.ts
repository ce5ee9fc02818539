/**
 * The time Office gives a ribbon command, and how the "Kiểm tra CLB" button shares it out. Kept
 * free of the checking engine: the commands page reads it at start, the engine's chunk too.
 *
 * Office closes an ExecuteFunction command's runtime about 5 minutes after the click, whether the
 * command has completed or not: a check cut off while writing would leave half-written sheets, and
 * a dialog cut off would say nothing. So, counted from the click:
 *
 *   0 ─ reading ─ checking ─┬─ writing ─┐ 3.5 min (CHECK_DEADLINE_MS)         4.5 min    5 min
 *                           │           │                                    (dialog    (Office
 *                    writing starts only if it can end by the deadline        closed)    closes)
 *
 * Writing cannot be stopped half-way (the host writes all or nothing), so the decision is taken
 * before it starts: writing is expected to take as long as reading did, and at least
 * MIN_WRITE_MS. The check is cancelled through the check's own cancel token (src/hosts/workbook/
 * progress.ts), polled between read blocks, sheets and before writing: a check that would overrun
 * stops there, with the workbook unchanged, and the dialog sends the user to the task pane, which
 * has no such limit.
 */

/** When Office closes the command's runtime, from the click. */
export const COMMAND_LIMIT_MS = 5 * 60_000;
/** When reading, checking and writing must be over, from the click. */
export const CHECK_DEADLINE_MS = 3.5 * 60_000;
/** The least time writing is given: the result sheets, the highlights and the chart. */
export const MIN_WRITE_MS = 60_000;
/** When the command stops waiting for its dialog to be closed, from the click. */
export const DIALOG_CLOSE_BY_MS = 4.5 * 60_000;
/** The least time the dialog stays up when the check itself took long. */
export const MIN_DIALOG_MS = 30_000;

/** Milliseconds, as Date.now(); tests pass a fake one. */
export type Clock = () => number;

/** When the button was clicked, and the clock to measure from it. */
export interface CommandTime {
  readonly clickedAt: number;
  readonly now: Clock;
}

export const commandTime = (now: Clock = Date.now): CommandTime => ({ clickedAt: now(), now });

/** How long the command may still wait for its dialog: until DIALOG_CLOSE_BY_MS after the click. */
export function dialogWaitMs(time: CommandTime): number {
  return Math.max(MIN_DIALOG_MS, time.clickedAt + DIALOG_CLOSE_BY_MS - time.now());
}
