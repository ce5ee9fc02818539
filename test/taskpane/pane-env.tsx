/**
 * The Excel pane over the strict fake Excel and in-memory document settings, rendered with
 * React Testing Library: the same component tree the add-in shows, with Excel.run replaced.
 */
import { render, RenderResult, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { RawSheet } from "../../src/core/model/cells";
import { ExcelBatch } from "../../src/hosts/office";
import { createTemplate } from "../../src/hosts/office/template";
import { App } from "../../src/taskpane/App";
import type { PaneEnv } from "../../src/taskpane/excel/use-excel-pane";
import { Language, strings } from "../../src/taskpane/strings";
import { FakeExcel } from "../fakes/excel";
import { MemoryDocumentSettings } from "../fakes/document-settings";

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
  const excel = new FakeExcel(sheets);
  const settings = options.settings ?? new MemoryDocumentSettings();
  const run = options.wrap ? options.wrap(excel.run) : excel.run;
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
  await screen.findByRole("button", { name: strings[options.lang ?? "vi"].saveSettings });
  return { excel, settings, env, view };
}
