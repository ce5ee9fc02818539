/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://localhost:3000/commands.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0"}
 *
 * src/commands/commands.ts, the adapter over Office's globals, with a minimal Office (the settings,
 * the dialog API, the display language) and Excel.run delegating to the strict fake.
 */
import { MemoryDocumentSettings } from "../fakes/document-settings";
import { DIALOG_CLOSE_BY_MS } from "../../src/commands/time-limit";
import { writeConfig } from "../../src/addin/document-config";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { DialogMessage, parseMessage } from "../../src/dialog/message-url";
import { FakeExcel } from "../fakes/excel";
import { register, fiftyFiveRegister, FakeDialog, FakeUi } from "./office-doubles";

type Handler = (event: { completed: () => void }) => Promise<void>;

const EVENTS = {
  DialogMessageReceived: "dialogMessageReceived",
  DialogEventReceived: "dialogEventReceived",
};

let handler: Handler;
/** The options of every Excel.run the command made. */
const runOptions: Excel.RunOptions[] = [];
let excel: FakeExcel;
let ui: FakeUi;
let settings: MemoryDocumentSettings;
const onReady = jest.fn(() => Promise.resolve({ host: "Excel", platform: "PC" }));
const office = {
  onReady,
  actions: { associate: (name: string, fn: Handler) => name === "checkClub" && (handler = fn) },
  context: {
    displayLanguage: "vi-VN",
    document: { settings: undefined as MemoryDocumentSettings | undefined },
    ui: undefined as FakeUi | undefined,
    requirements: { isSetSupported: (set: string) => set === "ExcelApi" },
  },
  EventType: EVENTS,
};

beforeAll(async () => {
  Object.assign(globalThis, {
    Office: office,
    Excel: {
      run: (options: Excel.RunOptions, batch: Parameters<FakeExcel["run"]>[0]) => {
        runOptions.push(options);
        return excel.run(batch);
      },
    },
  });
  await import("../../src/commands/commands");
});

afterAll(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
});

beforeEach(() => {
  excel = new FakeExcel(register());
  ui = new FakeUi();
  settings = new MemoryDocumentSettings();
  office.context.displayLanguage = "vi-VN";
  office.context.document.settings = settings;
  office.context.ui = ui;
  // Fixes "today" for the check: the stored settings hold no reference date.
  jest.useFakeTimers({
    now: new Date(2025, 11, 31, 9, 0),
    doNotFake: ["nextTick", "setImmediate"],
  });
});

afterEach(() => jest.useRealTimers());

const messageOf = (dialog: FakeDialog): DialogMessage => parseMessage(new URL(dialog.url).search);

/** Clicks the button; returns the run, its event's completed() and the dialog it opens. */
async function click() {
  const completed = jest.fn();
  const run = handler({ completed });
  const dialog = await ui.next();
  return { run, completed, dialog };
}

describe("the checkClub command", () => {
  it("the page calls Office.onReady at load, as office.js's desktop start-up requires", () => {
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(handler).toBeDefined();
  });

  it("checks, then shows the result beside the commands page, then completes once closed", async () => {
    const { run, completed, dialog } = await click();
    // The check has finished before the message shows, and the command is still running.
    for (const name of Object.values(GENERATED_NAMES)) expect(excel.sheetNames()).toContain(name);
    expect(completed).not.toHaveBeenCalled();
    // Every batch waits out cell editing.
    expect(runOptions.length).toBeGreaterThan(0);
    for (const options of runOptions) expect(options).toEqual({ delayForCellEdit: true });

    const url = new URL(dialog.url);
    expect(url.origin + url.pathname).toBe("https://localhost:3000/message.html");
    expect(url.hash).toBe("");
    expect(dialog.options).toEqual({ height: 35, width: 35, displayInIframe: true });
    const message = messageOf(dialog);
    expect(message.lang).toBe("vi");
    expect(message.kind).toBe("done");
    // One of the warnings: the register has no leave-date column (layout.assumed).
    expect(message.text).toBe(
      "1/3 CLB đạt; 14 lỗi, 2 cảnh báo, 13 thông tin.\n" +
        "Xem các trang: Kết quả CLB, Phụ lục, Danh sách lỗi.",
    );

    dialog.fire(EVENTS.DialogMessageReceived, { message: "close" });
    await run;
    expect(dialog.closes).toBe(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("completes 4.5 minutes after the click when Excel never says the dialog was closed", async () => {
    const { run, completed, dialog } = await click();
    // Before Office closes the command (5 minutes): the check took no time on the fake clock.
    jest.advanceTimersByTime(DIALOG_CLOSE_BY_MS - 1);
    await Promise.resolve();
    expect(completed).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    await run;
    expect(completed).toHaveBeenCalledTimes(1);
    // A late close event changes nothing.
    dialog.fire(EVENTS.DialogEventReceived, { error: 12006 });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("speaks English when Office's display language is English", async () => {
    office.context.displayLanguage = "en-GB";
    const { run, completed, dialog } = await click();
    expect(messageOf(dialog)).toMatchObject({ lang: "en", kind: "done" });
    expect(messageOf(dialog).text).toBe(
      "1/3 clubs pass; 14 errors, 2 warnings, 13 notes.\n" +
        "See the sheets: Kết quả CLB, Phụ lục, Danh sách lỗi.",
    );
    dialog.fire(EVENTS.DialogEventReceived, { error: 12006 });
    await run;
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("uses the thresholds stored in the document", async () => {
    excel = new FakeExcel(fiftyFiveRegister());
    await writeConfig(settings, { settings: { ageLine: 55 }, mapping: {} });
    const { run, dialog } = await click();
    expect(messageOf(dialog).text).toMatch(/^1\/1 CLB đạt;/);
    dialog.fire(EVENTS.DialogMessageReceived, { message: "close" });
    await run;
  });

  it("on a protected sheet shows the protected message, writes nothing and completes once", async () => {
    excel.sheet("Thành viên").protected = true;
    const names = excel.sheetNames();
    const { run, completed, dialog } = await click();
    expect(messageOf(dialog)).toMatchObject({
      kind: "failed",
      text: expect.stringMatching(/bảo vệ/),
    });
    expect(excel.sheetNames()).toEqual(names);
    // The user closes the window itself; a late "close" message changes nothing.
    dialog.fire(EVENTS.DialogEventReceived, { error: 12006 });
    dialog.fire(EVENTS.DialogMessageReceived, { message: "close" });
    await run;
    expect(dialog.closes).toBe(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("shows an unexpected Excel error with its reason and completes once", async () => {
    const failing = jest.spyOn(excel, "run").mockRejectedValue(new Error("Excel is busy"));
    const { run, completed, dialog } = await click();
    expect(messageOf(dialog)).toEqual({
      lang: "vi",
      kind: "failed",
      text: "Không kiểm tra được do một lỗi ngoài dự kiến: Excel is busy",
    });
    dialog.fire(EVENTS.DialogMessageReceived, { message: "close" });
    await run;
    expect(completed).toHaveBeenCalledTimes(1);
    failing.mockRestore();
  });

  it("ignores other messages from the dialog", async () => {
    const { run, completed, dialog } = await click();
    dialog.fire(EVENTS.DialogMessageReceived, { message: "hello" });
    await Promise.resolve();
    expect(completed).not.toHaveBeenCalled();
    dialog.fire(EVENTS.DialogMessageReceived, { message: "close" });
    await run;
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it.each(["fail", "throw"] as const)(
    "completes once, after the check, when the dialog cannot open (%s)",
    async (behaviour) => {
      ui.behaviour = behaviour;
      const completed = jest.fn();
      await handler({ completed });
      expect(ui.urls).toHaveLength(1);
      expect(excel.sheetNames()).toContain(GENERATED_NAMES.results);
      expect(completed).toHaveBeenCalledTimes(1);
    },
  );

  it("builds the dialog's address from where the commands page is served", async () => {
    window.history.pushState({}, "", "/addin/commands.html");
    const { run, dialog } = await click();
    expect(dialog.url.startsWith("https://localhost:3000/addin/message.html?lang=vi&")).toBe(true);
    dialog.fire(EVENTS.DialogMessageReceived, { message: "close" });
    await run;
  });
});
