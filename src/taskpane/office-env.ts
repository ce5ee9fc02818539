/** The pane's connection to the workbook open in Excel: the add-in's Office deps and the template. */
import { officeDeps } from "../addin/office-deps";
import { officeSupports } from "../hosts/office/batch";
import { createTemplate } from "../hosts/office/template";
import type { PaneEnv } from "./excel/use-excel-pane";

export function officeEnv(): PaneEnv {
  const deps = officeDeps();
  return {
    ...deps,
    createTemplate: () => createTemplate(deps.run, officeSupports),
    // A check's pure step runs in a Worker where the webview has them (WebView2, Safari, Excel on
    // the web all do), fetched with the first check; Office.js stays on the page's thread.
    compute: async (request) => {
      const { computeInWorker } = await import(
        /* webpackChunkName: "excel-compute" */ "./worker/file-engine"
      );
      return computeInWorker(request);
    },
  };
}
