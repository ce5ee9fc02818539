import ExcelJS from "exceljs";

export type SheetRows = Record<string, (string | number | boolean | null)[][]>;

/** Writes a workbook of plain rows with ExcelJS (a real .xlsx as Excel or LibreOffice would read it). */
export async function writeWorkbook(path: string, sheets: SheetRows): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      });
    });
  }
  await wb.xlsx.writeFile(path);
}
