/**
 * @jest-environment jsdom
 *
 * The ribbon buttons in manifest.xml against the code behind them: the pages they open and the
 * function names src/commands/commands.ts registers.
 */
import { enUsOverrides, loadManifest } from "./addin-manifest";
import { NS, attr, child, descendants, xsiType } from "./xml";

const { app, overrides, resource } = loadManifest();

describe("manifest.xml commands", () => {
  const controls = descendants(overrides, NS.ov, "Control");
  const actionOf = (control: Element) => child(control, NS.ov, "Action");
  const labelOf = (control: Element) =>
    resource("ShortStrings", attr(child(control, NS.ov, "Label"), "resid"));
  const urlOf = (element: Element) =>
    attr(resource("Urls", attr(element, "resid")), "DefaultValue");

  test("the Home tab has the check button and the open-pane button", () => {
    const tab = descendants(overrides, NS.ov, "OfficeTab");
    expect(tab.map((t) => attr(t, "id"))).toEqual(["TabHome"]);
    const buttons = controls.map((c) => ({
      type: xsiType(actionOf(c)),
      vi: attr(labelOf(c), "DefaultValue"),
      en: attr(enUsOverrides(labelOf(c))[0], "Value"),
    }));
    expect(buttons).toEqual([
      { type: "ExecuteFunction", vi: "Kiểm tra CLB", en: "Check club" },
      { type: "ShowTaskpane", vi: "Mở bảng", en: "Open pane" },
    ]);
  });

  test("pages: the pane is taskpane.html, the function file commands.html", () => {
    const paneUrls = controls
      .map(actionOf)
      .filter((a) => xsiType(a) === "ShowTaskpane")
      .map((a) => urlOf(child(a, NS.ov, "SourceLocation")));
    const defaultPane = attr(
      child(child(app, NS.app, "DefaultSettings"), NS.app, "SourceLocation"),
      "DefaultValue",
    );
    for (const url of [...paneUrls, defaultPane])
      expect(new URL(url).pathname).toBe("/taskpane.html");
    const functionFile = child(
      descendants(overrides, NS.ov, "DesktopFormFactor")[0],
      NS.ov,
      "FunctionFile",
    );
    expect(new URL(urlOf(functionFile)).pathname).toBe("/commands.html");
  });

  describe("against src/commands/commands.ts", () => {
    const registered = new Map<string, (event: unknown) => unknown>();

    beforeAll(async () => {
      // commands.ts only calls Office.onReady and Office.actions.associate when it loads.
      Object.assign(globalThis, {
        Office: {
          onReady: () => Promise.resolve({}),
          actions: {
            associate: (id: string, fn: (event: unknown) => unknown) => registered.set(id, fn),
          },
        },
      });
      await import("../../src/commands/commands");
    });

    afterAll(() => {
      delete (globalThis as { Office?: unknown }).Office;
    });

    test("every ExecuteFunction's FunctionName is registered with Office.actions.associate", () => {
      const names = controls
        .map(actionOf)
        .filter((a) => xsiType(a) === "ExecuteFunction")
        .map((a) => child(a, NS.ov, "FunctionName").textContent?.trim() ?? "");
      expect(names).toEqual(["checkClub"]);
      for (const name of names) expect(registered.has(name)).toBe(true);
    });

    test("the handler completes the event, so Office does not wait for its time-out", async () => {
      const completed = jest.fn();
      await registered.get("checkClub")?.({ completed });
      expect(completed).toHaveBeenCalledTimes(1);
    });
  });
});
