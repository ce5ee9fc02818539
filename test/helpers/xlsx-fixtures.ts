import ExcelJS from "exceljs";
import { MergedArea } from "../../src/core/model/cells";

export type SheetRows = Record<string, (string | number | boolean | null)[][]>;

/** Merged areas by sheet name (zero-based, inclusive, as RawSheet.merges). */
export type SheetMerges = Record<string, readonly MergedArea[]>;

/**
 * Writes a workbook of plain rows with ExcelJS (a real .xlsx as Excel or LibreOffice would read it).
 * `merges` are merged after the values are written: as in Excel, a merged area keeps the value of
 * its top-left cell only.
 */
export async function writeWorkbook(
  path: string,
  sheets: SheetRows,
  merges: SheetMerges = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      });
    });
    for (const m of merges[name] ?? [])
      ws.mergeCells(m.row0 + 1, m.col0 + 1, m.row1 + 1, m.col1 + 1);
  }
  await wb.xlsx.writeFile(path);
}
