/**
 * The Office side of the add-in's actions, from office.js's globals: Excel.run for every batch,
 * the requirement sets, the document's settings, and the user's today. Shared by the ribbon
 * command and the pane; small on purpose (the commands page loads it at start).
 */
import { localIsoDay } from "../core/model/dates";
import { officeSupports } from "../hosts/office/batch";
import type { ExcelDeps } from "./excel-actions";

/**
 * Every batch waits while the user is editing a cell instead of failing at once with
 * InvalidOperationInCellEditMode: a click on the ribbon or in the pane while a cell is being typed
 * into is common. Excel builds without the DelayForCellEdit requirement set ignore the option;
 * there the error can still come, and is worded as such.
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

export function officeDeps(): ExcelDeps {
  return {
    run: (batch) => Excel.run(RUN_OPTIONS, batch),
    supports: officeSupports,
    documentSettings: Office.context.document.settings,
    today: () => localIsoDay(new Date()),
  };
}
