/**
 * The Office side of the add-in's actions, from office.js's globals: Excel.run for every batch,
 * the requirement sets, the document's settings, and the user's today. Shared by the ribbon
 * command and the pane; small on purpose (the commands page loads it at start).
 */
import { localIsoDay } from "../core/model/dates";
import { officeSupports } from "../hosts/office/batch";
import type { ExcelDeps } from "./excel-actions";

export function officeDeps(): ExcelDeps {
  return {
    run: (batch) => Excel.run(batch),
    supports: officeSupports,
    documentSettings: Office.context.document.settings,
    today: () => localIsoDay(new Date()),
  };
}
