/**
 * Doubles for the Office parts the ribbon command uses beside Excel (which is the strict fake):
 * the document's settings and the dialog API.
 */
import { RawSheet } from "../../src/core/model/cells";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";

export const TODAY = "2025-12-31";

export { smallRegister as register } from "../helpers/small-register";

/**
 * One club of 60 whose 39 "older" members were born in 1968: 57 at TODAY, older only with the age
 * line at 55. 39 women (65%), 35 borrowers: compliant with ageLine 55, not with the default 60.
 */
export function fiftyFiveRegister(): RawSheet[] {
  return [
    clubsSheet([club("C1")]),
    membersSheet(
      members("C1", 60, 39, 39, 35).map((m) => (m.birth === 1950 ? { ...m, birth: 1968 } : m)),
    ),
    fundsSheet([fund("C1")]),
  ];
}

type DialogArg = { message: string } | { error: number };

/** An Office.Dialog that records its handlers and closes. */
export class FakeDialog {
  readonly handlers = new Map<string, (arg: DialogArg) => void>();
  closes = 0;

  constructor(
    readonly url: string,
    readonly options: Office.DialogOptions,
  ) {}

  addEventHandler(type: string, handler: (arg: DialogArg) => void): void {
    this.handlers.set(type, handler);
  }
  close(): void {
    this.closes++;
  }
  fire(type: string, arg: DialogArg): void {
    const handler = this.handlers.get(type);
    if (!handler) throw new Error(`no handler for ${type}`);
    handler(arg);
  }
}

/** How the fake dialog API answers: open a dialog, fail like Office does, or throw. */
export type DialogBehaviour = "open" | "fail" | "throw";

/** Office.context.ui: captures each dialog; `next()` resolves with the next one not yet seen. */
export class FakeUi {
  behaviour: DialogBehaviour = "open";
  readonly opened: FakeDialog[] = [];
  readonly urls: string[] = [];
  private waiting: ((dialog: FakeDialog) => void)[] = [];
  private seen = 0;

  displayDialogAsync(
    url: string,
    options: Office.DialogOptions,
    callback: (result: { status: string; value: FakeDialog | undefined }) => void,
  ): void {
    this.urls.push(url);
    if (this.behaviour === "throw") throw new TypeError("displayDialogAsync is not a function");
    if (this.behaviour === "fail") {
      // 12007: "A dialog box is already opened from this host window."
      callback({ status: "failed", value: undefined });
      return;
    }
    const dialog = new FakeDialog(url, options);
    this.opened.push(dialog);
    callback({ status: "succeeded", value: dialog });
    this.waiting.shift()?.(this.opened[this.seen++]!);
  }

  next(): Promise<FakeDialog> {
    if (this.seen < this.opened.length) return Promise.resolve(this.opened[this.seen++]!);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
