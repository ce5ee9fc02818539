/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * The user's selection (Range.select): like Excel, selecting a range makes its sheet the active
 * one, and a range of a sheet that is not the active one cannot be selected.
 */
import { activeSheet } from "./activation";
import { FakeExcelError } from "./errors";
import { Bounds, SheetModel, WorkbookModel, a1 } from "./model";

const SELECTED = new WeakMap<WorkbookModel, { sheet: SheetModel; bounds: Bounds }>();

export function select(workbook: WorkbookModel, sheet: SheetModel, bounds: Bounds): void {
  if (activeSheet(workbook) !== sheet)
    throw new FakeExcelError(
      "InvalidOperation",
      `Cannot select ${a1(bounds)} of "${sheet.name}": activate the sheet first.`,
    );
  SELECTED.set(workbook, { sheet, bounds });
}

/** "Sheet!A1", or undefined before any selection. */
export function selection(workbook: WorkbookModel): string | undefined {
  const s = SELECTED.get(workbook);
  return s && `${s.sheet.name}!${a1(s.bounds)}`;
}
