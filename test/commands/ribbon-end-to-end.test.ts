/**
 * The ribbon's "Kiểm tra CLB" end to end, as Excel for Windows runs it, with nothing of ours
 * replaced: office.js's real Win32 start-up (desktop-start-up.ts), the commands page's real
 * module, the real check (runRibbonCheck, loaded as the page loads it), office.js's real Excel.run
 * client, and the settings stored in the document. Only Excel is simulated, where office.js meets
 * it: window.external. Each Rich API request office.js passes to Execute is decoded as Excel
 * receives it and run on the strict in-memory workbook (ribbon-e2e-excel.ts); the answer goes back
 * in the shape office.js reads.
 *
 * What the click leaves is compared with what checkWorkbook over the fake's own proxies leaves
 * (the engine's tests' reference), with the same reference date (stored in the document) and the
 * same day of checking (the clock is fixed).
 */
import { CONFIG_KEY, writeConfig } from "../../src/addin/document-config";
import { OfficeWorkbook } from "../../src/hosts/office";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { failureMessage, ribbonMessage } from "../../src/commands/ribbon-message";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { parseMessage } from "../../src/dialog/message-url";
import { MemoryDocumentSettings } from "../fakes/document-settings";
import { FakeExcel } from "../fakes/excel";
import { smallRegister } from "../helpers/small-register";
import { SETTINGS } from "../hosts/office/scenario";
import { workbookState } from "../office-js/workbook-state";
import {
  DELAY_FOR_CELL_EDIT,
  DesktopPage,
  DISPID,
  openDesktopPage,
  REQUIREMENT_SETS,
  runCommandsPage,
  waitFor,
} from "./desktop-start-up";
import { Win32Excel } from "./ribbon-e2e-excel";

/** The manifest's <FunctionName> for the button. */
const CHECK_CLUB = "checkClub";
/** The reference date stored in the document; the day of the click (the clock is fixed). */
const AS_OF = "2025-12-31";
const TODAY = "2026-03-15";
const NOON = new Date(2026, 2, 15, 12, 0, 0);
/** The host's ExcelApi, as it reports it (REQUIREMENT_SETS): 1.17. */
const API_MINOR = Number(REQUIREMENT_SETS.ExcelApi.split(".")[1]);
/** Start-up takes ~0.1 s and the check a few seconds at most here. */
const START_UP_MS = 5000;
const CHECK_MS = 60_000;
const MEMBERS = "Thành viên";
const GENERATED = Object.values(GENERATED_NAMES);

/** The document's settings as Excel for Windows keeps them: office.js's JSON text per name. */
async function storedSettings(): Promise<Record<string, string>> {
  const document = new MemoryDocumentSettings();
  await writeConfig(document, { settings: { asOf: AS_OF }, mapping: {} });
  // Office.Settings serialises every value with JSON.stringify (OSF.OUtil.serializeSettings).
  return { [CONFIG_KEY]: JSON.stringify(document.get(CONFIG_KEY)) };
}

/** The reference: the same check over the fake's own proxies, with the same settings and day. */
async function reference() {
  const excel = new FakeExcel(smallRegister());
  excel.apiMinor = API_MINOR;
  const outcome = await checkWorkbook(
    new OfficeWorkbook(excel.run, { supports: excel.supports }),
    { ...SETTINGS, asOf: AS_OF, lang: "vi" },
    {},
    { scope: "all", checkedOn: TODAY },
  );
  const message = ribbonMessage(
    outcome.report.summary,
    outcome.plan.sheets.map((s) => s.name),
  );
  return { excel, message };
}

const pages: DesktopPage[] = [];
beforeEach(() => {
  // Only Date: the check's "today" is the fixed day; every timer stays real.
  jest.useFakeTimers({
    now: NOON,
    advanceTimers: true,
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
});
afterEach(() => {
  jest.useRealTimers();
  for (const page of pages.splice(0)) page.close();
  for (const name of ["Office", "Excel", "window"])
    delete (globalThis as Record<string, unknown>)[name];
});

/** Excel for Windows opens the commands page of a workbook holding the small register. */
async function open(
  requirementSets: Record<string, string> = REQUIREMENT_SETS,
): Promise<{ page: DesktopPage; excel: Win32Excel }> {
  const excel = new Win32Excel(smallRegister(), API_MINOR);
  const page = openDesktopPage("vi-VN", {
    settings: await storedSettings(),
    richApi: excel.handle,
    requirementSets,
  });
  pages.push(page);
  await runCommandsPage(page);
  await waitFor(() => page.host.listensForCommands(), START_UP_MS, "AppCommandInvoked");
  return { page, excel };
}

/** The user clicks "Kiểm tra CLB"; resolves once Excel is told the command completed. */
async function click(page: DesktopPage): Promise<void> {
  page.host.executeFunction("cmd-1", CHECK_CLUB, "CheckClubButton");
  await waitFor(() => page.host.completions().length > 0, CHECK_MS, "the command's completion");
  // A second completion would come right after the first: give it the time to.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The message the command showed, from the address it gave Office's dialog API. */
function shownMessage(page: DesktopPage) {
  const dialogs = page.host.registrations.filter(
    (r) => r.dispId === DISPID.dialogMessageReceivedEvent,
  );
  expect(dialogs).toHaveLength(1);
  const { url } = JSON.parse(dialogs[0]!.targetId) as { url: string };
  expect(url.startsWith("https://localhost:3000/message.html?")).toBe(true);
  return parseMessage(new URL(url).search);
}

function expectCompletedOnce(page: DesktopPage): void {
  expect(page.host.completions()).toHaveLength(1);
  const [[id, status, data]] = page.host.completions() as [[string, number, string]];
  expect(id).toBe("cmd-1");
  expect(status).toBe(0);
  expect(JSON.parse(data)).toMatchObject({ source: { id: "CheckClubButton" } });
}

/** The workbook holds what the reference check wrote: the three sheets and the highlights. */
function expectChecked(excel: FakeExcel, expected: FakeExcel): void {
  for (const name of GENERATED) {
    expect(excel.sheetNames()).toContain(name);
    expect(excel.values(name).length).toBeGreaterThan(1);
    expect(excel.values(name)).toEqual(expected.values(name));
  }
  const highlights = excel.conditionalFormats(MEMBERS);
  expect(highlights.some((cf) => /ishc:/.test(cf.formula))).toBe(true);
  expect(highlights).toEqual(expected.conditionalFormats(MEMBERS));
  // And everything else the user can see: formats, widths, charts, validations, page layout.
  expect(workbookState(excel, "visible")).toEqual(workbookState(expected, "visible"));
}

describe("Kiểm tra CLB in Excel for Windows, end to end", () => {
  it("checks the open workbook with the stored settings, shows the result and completes once", async () => {
    const expected = await reference();
    const { page, excel } = await open();
    // Before the click: only office.js's own "action handler ready", nothing on the workbook.
    expect(excel.handled.map((h) => h.kind)).toEqual(["service"]);
    const before = page.host.richApiRequests().length;

    await click(page);

    expect(page.host.failures).toEqual([]);
    expectChecked(excel.excel, expected.excel);
    // Every request of the click is one of Excel.run's batches, on the workbook, answered
    // without an error, and asks Excel to wait out cell editing: office.js sets the flag only
    // where the host has the DelayForCellEdit requirement set, which this one has.
    const office = page.window.Office;
    expect(office.context.requirements.isSetSupported("DelayForCellEdit", "1.1")).toBe(true);
    const requests = page.host.richApiRequests().slice(before);
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.every((r) => (r.flags & DELAY_FOR_CELL_EDIT) !== 0)).toBe(true);
    expect(requests.every((r) => r.path === "ProcessQuery" && r.method === "POST")).toBe(true);
    expect(excel.workbookRequests()).toHaveLength(requests.length);
    expect(excel.workbookRequests().filter((h) => h.error)).toEqual([]);
    // The dialog was asked for, with the reference check's message.
    expect(shownMessage(page)).toEqual({
      lang: "vi",
      kind: "done",
      text: expected.message.text.vi,
    });
    expectCompletedOnce(page);
  });

  it("waits out a cell the user is editing and completes with the sheets written", async () => {
    const expected = await reference();
    const { page, excel } = await open();
    // The user is typing in a cell when the button is clicked, and presses Enter 0.3 s after the
    // command's first batch reached Excel.
    excel.editCellFor(300);
    await click(page);

    expect(page.host.failures).toEqual([]);
    const handled = excel.handled.slice(1);
    // The first batch waited for the edit to end; none was refused, since each carried the flag.
    expect(handled[0]).toMatchObject({ kind: "workbook", waited: true });
    expect(handled.every((h) => h.kind === "workbook" && !h.error)).toBe(true);
    expectChecked(excel.excel, expected.excel);
    expect(shownMessage(page)).toEqual({
      lang: "vi",
      kind: "done",
      text: expected.message.text.vi,
    });
    expectCompletedOnce(page);
  });

  it("on an Excel without DelayForCellEdit, says a cell is being edited and writes nothing", async () => {
    const { DelayForCellEdit: _, ...older } = REQUIREMENT_SETS;
    const { page, excel } = await open(older);
    expect(page.window.Office.context.requirements.isSetSupported("DelayForCellEdit")).toBe(false);
    const before = workbookState(excel.excel);
    excel.editCellFor(300);
    await click(page);

    // office.js leaves the flag out where the host lacks the set: Excel refuses the first batch.
    expect(
      excel.handled.slice(1).map((h) => [h.kind, h.request.flags & DELAY_FOR_CELL_EDIT]),
    ).toEqual([["refused", 0]]);
    expect(workbookState(excel.excel)).toEqual(before);
    // The message for Excel's cell-edit error, as office.js named it.
    const cellEdit = failureMessage(
      Object.assign(new Error("cell edit"), { code: "InvalidOperationInCellEditMode" }),
    );
    expect(shownMessage(page)).toEqual({ lang: "vi", kind: "failed", text: cellEdit.text.vi });
    expect(cellEdit.text.vi).toMatch(/đang sửa một ô/);
    expectCompletedOnce(page);
  });

  it("(control) the simulated Excel refuses a batch without the flag while a cell is edited", async () => {
    const { page, excel } = await open();
    excel.cellEditing = true;
    const read = (options: { delayForCellEdit?: boolean }) =>
      page.window.Excel.run(options, async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        return sheets.items.map((s) => s.name);
      });
    // office.js turns Excel's ooeInvalidApiCallInContext into its cell-edit error.
    await expect(read({})).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(excel.handled.at(-1)).toMatchObject({ kind: "refused" });
    // With the flag, the same batch waits for the edit to end, then runs.
    const waiting = read({ delayForCellEdit: true });
    setTimeout(() => (excel.cellEditing = false), 50);
    await expect(waiting).resolves.toEqual(excel.excel.sheetNames());
    expect(excel.handled.at(-1)).toMatchObject({ kind: "workbook", waited: true });
  });
});
