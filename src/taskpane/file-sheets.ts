/**
 * A picked .xlsx file as the column picker sees it: its sheets and each sheet's first rows. Used
 * by the merge (run-merge.ts) and by the file mode's check (run-file-check.ts), both chunks that
 * already carry the xlsx host; never by the Office path.
 */
import type { RawValue } from "../core/model/cells";
import { HEADER_SCAN_ROWS } from "../core/read/header";
import { convertedHead } from "../core/read/legacy-text";
import type { WorkbookPort } from "../hosts/workbook/port";
import { openXlsx } from "../hosts/xlsx";
import { fileModeEngine } from "./worker/helper-deflater";
import type { InputFile } from "./run-file-check";

/** Each picked file opened once for the column picker (its sheet list, then its previews). */
const opened = new WeakMap<InputFile, Promise<WorkbookPort>>();
function openFile(file: InputFile): Promise<WorkbookPort> {
  let port = opened.get(file);
  if (!port) {
    port = file
      .arrayBuffer()
      .then((b) => openXlsx(new Uint8Array(b), undefined, undefined, fileModeEngine()));
    opened.set(file, port);
    // A failed open is not kept: the next try reads the file again.
    port.catch(() => opened.delete(file));
  }
  return port;
}

/** The file's sheets a column picker can offer: all but those this tool generated. */
export async function fileSheets(file: InputFile): Promise<string[]> {
  const sheets = await (await openFile(file)).listSheets();
  return sheets.filter((s) => !s.generated).map((s) => s.name);
}

/** Columns shown in a preview, as in Excel's (src/addin/excel-actions.ts). */
const PREVIEW_COLUMNS = 52;

/**
 * A sheet's first rows as the column picker shows them: the rows the reader looks for a header
 * in, legacy text as Unicode, as the Excel pane's preview of an open sheet.
 */
export async function previewFileSheet(file: InputFile, sheet: string): Promise<RawValue[][]> {
  const raw = await (await openFile(file)).readSheet(sheet);
  const shown = convertedHead(raw, HEADER_SCAN_ROWS).rows;
  return Array.from({ length: shown.length }, (_, r) =>
    Array.from(shown[r] ?? [])
      .slice(0, PREVIEW_COLUMNS)
      .map((v): RawValue => v ?? null),
  );
}
