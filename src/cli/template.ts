import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import {
  listAddress,
  noteText,
  TEMPLATE_HEADER_FILL,
  TEMPLATE_ROWS,
  TEMPLATE_SHEETS,
  TemplateList,
  TemplateSheet,
} from "../core/report/template-sheets";

/**
 * `ishc template`: the template described in src/core/report/template-sheets.ts (shared with the
 * add-in's "Tạo mẫu / Create template"), written as a new .xlsx with ExcelJS. Small, so the
 * in-memory workbook is fine here.
 */
export { TEMPLATE_ROWS };

function validation(list: TemplateList): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${list.values.join(",")}"`],
    showErrorMessage: true,
    errorStyle: list.style,
    errorTitle: list.errorTitle,
    error: list.errorMessage,
  };
}

/** ExcelJS 4.4 has ws.dataValidations.add(range, …) at run time but leaves it out of its types. */
interface RangeValidations {
  add(address: string, validation: ExcelJS.DataValidation): unknown;
}

function hasRangeValidations(ws: ExcelJS.Worksheet): ws is ExcelJS.Worksheet & {
  dataValidations: RangeValidations;
} {
  const dv = (ws as { dataValidations?: Partial<RangeValidations> }).dataValidations;
  return typeof dv?.add === "function";
}

/** ExcelJS colours are ARGB without "#". */
const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

function addSheet(wb: ExcelJS.Workbook, sheet: TemplateSheet): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  const header = ws.getRow(1);
  sheet.columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = col.header;
    cell.note = noteText(col.note);
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(TEMPLATE_HEADER_FILL) },
    };
    if (!col.list) return;
    const dv = validation(col.list);
    if (hasRangeValidations(ws)) {
      // One range rule instead of 1,999 cell rules: a smaller file and a faster open in Excel.
      ws.dataValidations.add(listAddress(i), dv);
    } else {
      for (let r = 2; r <= TEMPLATE_ROWS; r++) ws.getCell(r, i + 1).dataValidation = dv;
    }
  });
  for (const row of sheet.rows) {
    const added = ws.addRow(
      row.cells.map((c): ExcelJS.CellValue => (typeof c === "object" ? { ...c } : c)),
    );
    if (row.bold) added.font = { bold: true };
  }
}

export async function writeTemplate(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ISHC Check";
  for (const sheet of TEMPLATE_SHEETS) addSheet(wb, sheet);
  await mkdir(dirname(path), { recursive: true });
  await wb.xlsx.writeFile(path);
}
