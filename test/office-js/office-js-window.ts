/**
 * TEST-ONLY: the real Office.js client library (the Excel host script shipped in
 * `@microsoft/office-js/dist`), loaded into a jsdom window of its own. Everything that builds,
 * batches, sizes and parses Excel requests is then Microsoft's code, not ours; only the host that
 * answers the requests is simulated (see simulated-host.ts).
 *
 * The Excel host script carries the whole request runtime (OfficeExtension) and the Excel API;
 * office.js's loader is not needed for Excel.run, and leaving it out keeps its start-up (which
 * would try to talk to a host page) out of these tests.
 */
import { readFileSync } from "node:fs";
import { TextDecoder, TextEncoder } from "node:util";

const DIST = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");

export interface OfficeJsWindow {
  readonly window: Window & typeof globalThis;
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension & {
    SessionBase: new () => object;
  };
}

let source: string | undefined;

/** A fresh window with the Excel host script evaluated in it (about 0.3 s). */
export function loadOfficeJs(): OfficeJsWindow {
  source ??= readFileSync(DIST, "utf8");
  // Inside Jest's jsdom environment (the pane's tests) the globals jsdom's URL parser needs are
  // missing; Node's own are the same classes.
  const g = globalThis as { TextEncoder?: unknown; TextDecoder?: unknown };
  g.TextEncoder ??= TextEncoder;
  g.TextDecoder ??= TextDecoder;
  // Loaded here, after the globals: jsdom reads them when it is first required.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require("jsdom") as typeof import("jsdom");
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost:3000/taskpane.html",
  });
  const window = dom.window as unknown as Window & typeof globalThis;
  (window as unknown as { eval(code: string): unknown }).eval(source);
  const scope = window as unknown as {
    Excel?: typeof Excel;
    OfficeExtension?: OfficeJsWindow["OfficeExtension"];
  };
  if (!scope.Excel || !scope.OfficeExtension)
    throw new Error(`${DIST} did not define Excel and OfficeExtension`);
  return { window, Excel: scope.Excel, OfficeExtension: scope.OfficeExtension };
}
