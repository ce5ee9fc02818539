/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Which sheet the user sees (Worksheet.activate). A workbook always shows one: the first sheet
 * until another is activated, and again when the active one is gone.
 */
import { SheetModel, WorkbookModel } from "./model";

const ACTIVE = new WeakMap<WorkbookModel, SheetModel>();

export function activate(workbook: WorkbookModel, sheet: SheetModel): void {
  ACTIVE.set(workbook, sheet);
}

export function activeSheet(workbook: WorkbookModel): SheetModel | undefined {
  const active = ACTIVE.get(workbook);
  return active && workbook.sheets.includes(active) ? active : workbook.sheets[0];
}
