/**
 * The Excel pane over the strict fake Excel and in-memory document settings, rendered with
 * React Testing Library: the same component tree the add-in shows, with Excel.run replaced.
 */
import { fireEvent, render, RenderResult, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { RawSheet } from "../../src/core/model/cells";
import { ExcelBatch } from "../../src/hosts/office";
import { createTemplate } from "../../src/hosts/office/template";
import { App } from "../../src/taskpane/App";
import type { PaneEnv } from "../../src/taskpane/excel/use-excel-pane";
import { Language, strings } from "../../src/taskpane/strings";
import { FakeExcel } from "../fakes/excel";
import { MemoryDocumentSettings } from "../fakes/document-settings";
import { SimulatedHost } from "../office-js/simulated-host";

/**
 * Which Excel client the pane talks through: "fake" is the strict fake's own proxies (fast);
 * "office-js" is Microsoft's office.js client library with only the host simulated (see
 * test/office-js/simulated-host.ts), so that requests, proxies and limits are office.js's own.
 * Both stand on the same in-memory workbook, which the tests inspect.
 */
export type PaneClient = "fake" | "office-js";
export const PANE_CLIENTS: readonly PaneClient[] = ["fake", "office-js"];

let client: PaneClient = "fake";
/** For a describe block: the client the following renderPane calls use. */
export function usePaneClient(which: PaneClient): void {
  beforeAll(() => (client = which));
  afterAll(() => (client = "fake"));
}

// jsdom has no layout, so no ResizeObserver; Fluent's table and field components ask for one.
// Nothing ever resizes here, so an observer that never calls back is exact.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== "undefined" && !("ResizeObserver" in window))
  Object.assign(window, { ResizeObserver: NoResizeObserver });

export interface PaneHarness {
  readonly excel: FakeExcel;
  /** With the office-js client: the simulated Excel, with the requests office.js sent it. */
  readonly host: SimulatedHost | undefined;
  readonly settings: MemoryDocumentSettings;
  readonly env: PaneEnv;
  readonly view: RenderResult;
}

export const AS_OF = "2025-12-31";

export { smallRegister as register } from "../helpers/small-register";

/** Every requirement set up to ExcelApi 1.12, like current Excel on the web. */
export const modernExcel = (set: string, version: string): boolean =>
  set === "ExcelApi" && Number(version) <= 1.12;

/**
 * Renders the pane and waits for its settings form, a chunk of its own, so that no chunk arrives
 * after the test has moved on (React would warn that it was not wrapped in act).
 */
export async function renderPane(
  sheets: readonly RawSheet[],
  options: {
    lang?: Language;
    settings?: MemoryDocumentSettings;
    /** Wraps every Excel batch, e.g. to hold one back while the test cancels. */
    wrap?: (run: ExcelBatch) => ExcelBatch;
  } = {},
): Promise<PaneHarness> {
  const host = client === "office-js" ? new SimulatedHost(sheets) : undefined;
  const excel = host?.excel ?? new FakeExcel(sheets);
  const settings = options.settings ?? new MemoryDocumentSettings();
  const base = host?.run ?? excel.run;
  const run = options.wrap ? options.wrap(base) : base;
  const env: PaneEnv = {
    run,
    supports: modernExcel,
    documentSettings: settings,
    today: () => AS_OF,
    createTemplate: () => createTemplate(run, modernExcel),
  };
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App host={{ kind: "excel", platform: "web" }} initialLang={options.lang ?? "vi"} env={env} />
    </FluentProvider>,
  );
  // Its first load (a transform under jest) can take more than findBy's one second on a busy machine.
  await screen.findByRole(
    "button",
    { name: strings[options.lang ?? "vi"].saveSettings },
    { timeout: 10_000 },
  );
  return { excel, host, settings, env, view };
}

/**
 * "How the workbook was read" for one sheet, as the pane shows it: the section, and its table's
 * body rows as cell texts (column, header in the register, field).
 */
export function layoutOf(sheetName: string): { section: HTMLElement; rows: (string | null)[][] } {
  const section = document.querySelector(`[data-layout-sheet="${sheetName}"]`) as HTMLElement;
  const rows = within(within(section).getByRole("table"))
    .getAllByRole("row")
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    );
  return { section, rows };
}

/** Opens a findings group by its heading ("Giới tính: 1 lỗi"), unless it is open already. */
export function openGroup(name: string | RegExp): HTMLElement {
  const heading = screen.getByRole("button", { name });
  if (heading.getAttribute("aria-expanded") !== "true") fireEvent.click(heading);
  return heading;
}
