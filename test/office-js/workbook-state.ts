/**
 * TEST-ONLY: a workbook of the fake as comparable plain data, to tell whether a failed write left
 * it exactly as it was. `visible` keeps only what the user can see: very hidden sheets (the Office
 * host's staging and spare sheets) are left out, and so are ids, so that two workbooks can be
 * compared.
 */
import { FakeExcel } from "../fakes/excel";
import { chartsOf } from "../fakes/excel/charts";
import { validationsOf } from "../fakes/excel/data-validation";
import { SheetModel } from "../fakes/excel/model";
import { layoutOf } from "../fakes/excel/page-layout";

const plainMap = (m: Map<unknown, unknown>): unknown[] =>
  [...m.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)));

function sheetState(sheet: SheetModel, withIds: boolean): unknown {
  const copy: Record<string, unknown> = {};
  // Sheet ids come from one counter for every fake workbook: two workbooks are compared without.
  for (const [key, value] of Object.entries(sheet))
    if (key !== "id") copy[key] = value instanceof Map ? plainMap(value) : value;
  // Conditional formats' and charts' ids too count per workbook: kept only to compare a workbook with itself.
  if (!withIds)
    copy.conditionalFormats = sheet.conditionalFormats.map(({ id: _id, ...rest }) => rest);
  // What the fake keeps beside the sheet rather than on it.
  copy.charts = chartsOf(sheet).map((c) => (withIds ? c : { ...c, id: undefined }));
  copy.validations = validationsOf(sheet);
  copy.layout = layoutOf(sheet);
  return JSON.parse(JSON.stringify(copy)) as unknown;
}

export function workbookState(excel: FakeExcel, which: "all" | "visible" = "all"): unknown {
  const sheets = excel.model.sheets.filter((s) => which === "all" || s.visibility !== "VeryHidden");
  return {
    protected: excel.model.protected,
    sheets: sheets.map((s) =>
      s.visibility === "VeryHidden" ? hiddenState(s) : sheetState(s, which === "all"),
    ),
  };
}

/**
 * A very hidden sheet of ours, as far as it matters: its name, its tag and whether it holds
 * anything (a spare must be empty). Leftover page setup or column widths on it are seen by no one.
 */
function hiddenState(sheet: SheetModel): unknown {
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    names: sheet.names.map((n) => ({ ...n })),
    values: sheet.cells.flat().filter((v) => v !== undefined && v !== null).length,
    charts: chartsOf(sheet).length,
    conditionalFormats: sheet.conditionalFormats.length,
  };
}
