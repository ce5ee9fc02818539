/**
 * The commands page's start-up through office.js's real start-up as on Excel for Windows
 * (desktop-start-up.ts): only the host is simulated. The engine's check itself is replaced here,
 * since what is under test is whether Excel's ExecuteFunction reaches `checkClub` at all; the
 * check is tested over the strict fake Excel in commands.test.ts and ribbon-check.test.ts.
 */
import type { RibbonMessage } from "../../src/commands/ribbon-message";
import { parseMessage } from "../../src/dialog/message-url";
import { DesktopPage, DISPID, openDesktopPage, runCommandsPage, waitFor } from "./desktop-start-up";

const DONE: RibbonMessage = { kind: "done", text: { vi: "1/3 CLB đạt", en: "1/3 clubs pass" } };
const runRibbonCheck = jest.fn(async (_deps: unknown, _lang: string) => DONE);
jest.mock("../../src/commands/ribbon-check", () => ({
  runRibbonCheck: (deps: unknown, lang: string) => runRibbonCheck(deps, lang),
}));

/** The manifest's <FunctionName> for the button. */
const CHECK_CLUB = "checkClub";
/** How long office.js may take to start here (it polls for onReady every 50 ms): ~0.1 s. */
const START_UP_MS = 5000;
/** How long the control waits for a start-up that must not happen: 30 of those polls. */
const NEVER_MS = 1500;

const pages: DesktopPage[] = [];
afterEach(() => {
  for (const page of pages.splice(0)) page.close();
  for (const name of ["Office", "Excel", "window"])
    delete (globalThis as Record<string, unknown>)[name];
});

function open(): DesktopPage {
  const page = openDesktopPage("vi-VN");
  pages.push(page);
  return page;
}

describe("the commands page in Excel for Windows", () => {
  it("registers for ExecuteFunction, runs checkClub on a click and completes its event", async () => {
    const page = open();
    await runCommandsPage(page);
    await waitFor(() => page.host.listensForCommands(), START_UP_MS, "AppCommandInvoked");
    // office.js fetched Excel's script for this host and the Vietnamese strings.
    expect(page.host.scripts).toEqual(
      expect.arrayContaining(["excel-win32-16.01.debug.js", "vi-vn/office_strings.debug.js"]),
    );
    expect(page.host.completions()).toEqual([]);

    page.host.executeFunction("cmd-1", CHECK_CLUB, "CheckClubButton");
    await waitFor(() => page.host.completions().length > 0, START_UP_MS, "the event's completion");

    expect(runRibbonCheck).toHaveBeenCalledTimes(1);
    expect(runRibbonCheck.mock.calls[0]![1]).toBe("vi");
    // The message went to Office's dialog API (the host answered "a dialog is already open").
    const dialog = page.host.registrations.find(
      (r) => r.dispId === DISPID.dialogMessageReceivedEvent,
    );
    const { url } = JSON.parse(dialog!.targetId) as { url: string };
    expect(url.startsWith("https://localhost:3000/message.html?")).toBe(true);
    expect(parseMessage(new URL(url).search)).toMatchObject({ lang: "vi", kind: "done" });
    // Completed once, with the event Excel passed in.
    expect(page.host.completions()).toHaveLength(1);
    const [[id, status, data]] = page.host.completions() as [[string, number, string]];
    expect(id).toBe("cmd-1");
    expect(status).toBe(0);
    expect(JSON.parse(data)).toMatchObject({ source: { id: "CheckClubButton" } });
  });

  it("(control) a page that only associates its function is never asked to run it", async () => {
    const page = open();
    // The commands page as it was: Office.actions.associate without Office.onReady.
    (page.window as unknown as { eval(code: string): unknown }).eval(
      `Office.actions.associate(${JSON.stringify(CHECK_CLUB)}, function (event) { event.completed(); });`,
    );
    await expect(
      waitFor(() => page.host.listensForCommands(), NEVER_MS, "AppCommandInvoked"),
    ).rejects.toThrow(/timed out/);
    // office.js got as far as the host's context and then waited for onReady.
    expect(page.host.scripts).toContain("excel-win32-16.01.debug.js");
    expect(page.host.contextRequests).toBeGreaterThan(0);
    expect(() => page.host.executeFunction("cmd-1", CHECK_CLUB, "CheckClubButton")).toThrow(
      /does not listen/,
    );
  });
});

describe("Excel.run from the commands page in Excel for Windows", () => {
  it("asks Excel to wait out cell editing (the DelayForCellEdit request flag)", async () => {
    const page = open();
    await runCommandsPage(page);
    await waitFor(() => page.host.listensForCommands(), START_UP_MS, "AppCommandInvoked");
    let officeDeps!: typeof import("../../src/addin/office-deps").officeDeps;
    await jest.isolateModulesAsync(async () => {
      ({ officeDeps } = await import("../../src/addin/office-deps"));
    });
    const before = page.host.richApiRequests().length;
    await officeDeps()
      .run(async (context) => {
        context.workbook.worksheets.load("items/name");
        await context.sync();
      })
      // The simulated host answers with no results; only the request matters here.
      .catch(() => undefined);
    const requests = page.host.richApiRequests().slice(before);
    const batch = requests.find((r) => r.body.includes("Worksheets"));
    expect(batch).toBeDefined();
    // Office's RequestFlags.DelayForCellEdit (Excel's onBeforeExcelRun sets it from the option).
    expect(batch!.flags & 64).toBe(64);
  });
});
