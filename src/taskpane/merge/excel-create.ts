/**
 * Opening the provincial workbook in a new Excel window: `Excel.createWorkbook(base64)`, from
 * ExcelApi 1.8. Feature-detected: where it is missing the pane offers only the download.
 */
export type CreateWorkbook = (base64: string) => Promise<void>;

export function officeCreateWorkbook(
  supports: (set: string, version: string) => boolean,
): CreateWorkbook | undefined {
  if (typeof Excel === "undefined" || typeof Excel.createWorkbook !== "function") return undefined;
  if (!supports("ExcelApi", "1.8")) return undefined;
  return async (base64) => {
    await Excel.createWorkbook(base64);
  };
}
