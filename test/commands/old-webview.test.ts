/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://localhost:3000/commands.html"}
 *
 * commands.ts when the engine's chunk cannot run in this webview (Office 2019's EdgeHTML): the
 * button still opens its dialog and says that a newer Excel is needed.
 */
import { parseMessage } from "../../src/dialog/message-url";
import { FakeUi } from "./office-doubles";

type Handler = (event: { completed: () => void }) => Promise<void>;

/** What importing the engine's chunk fails with, as webpack's runtime or the engine reports it. */
let mockFailure: Error = new Error("unset");
jest.mock("../../src/commands/ribbon-check", () => {
  throw mockFailure;
});

let handler: Handler | undefined;
const ui = new FakeUi();
const office = {
  onReady: () => Promise.resolve({}),
  actions: { associate: (_name: string, fn: Handler) => (handler = fn) },
  context: { displayLanguage: "en-US", document: { settings: {} }, ui },
  EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
};

beforeAll(async () => {
  Object.assign(globalThis, { Office: office, Excel: { run: jest.fn() } });
  await import("../../src/commands/commands");
});

afterAll(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe("the button in a webview that cannot run the engine", () => {
  it.each([
    [
      "ChunkLoadError (missing)",
      () =>
        Object.assign(new Error("Loading chunk 990 failed."), {
          name: "ChunkLoadError",
          type: "missing",
        }),
    ],
    ["SyntaxError", () => new SyntaxError("Invalid regular expression: /\\p{L}/u")],
  ])("says that a newer Excel is needed on a %s and completes", async (_, failure) => {
    mockFailure = failure();
    const completed = jest.fn();
    const run = handler!({ completed });
    const dialog = await ui.next();
    const message = parseMessage(new URL(dialog.url).search);
    expect(message.lang).toBe("en");
    expect(message.kind).toBe("failed");
    expect(message.text).toMatch(/^The Check club button needs a newer Excel: /);
    dialog.fire("message", { message: "close" });
    await run;
    expect(completed).toHaveBeenCalledTimes(1);
    expect(Excel.run).not.toHaveBeenCalled();
  });
});
