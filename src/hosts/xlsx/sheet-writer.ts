import { rangeA1, sheetRef, toA1 } from "../../core/model/address";
import { GeneratedSheet, PlanCell, StyleKey } from "../../core/model/write-plan";
import { dataValidationsXml } from "./data-validations";
import { printXml } from "./print-setup";
import { escapeAttr, escapeXString } from "./xml";

/** Excel refuses (and "repairs") a cell holding more characters than this. */
const MAX_CELL_CHARS = 32767;

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function cellXml(ref: string, cell: PlanCell, style: number | undefined): string {
  const s = style ? ` s="${style}"` : "";
  const v = cell.v;
  if (v === null) return `<c r="${ref}"${s}/>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "number") {
    // NaN and infinities have no lexical form in the file; Excel shows them as #NUM!.
    return Number.isFinite(v)
      ? `<c r="${ref}"${s}><v>${v}</v></c>`
      : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  }
  // Inline strings keep sharedStrings.xml untouched.
  const text = escapeXString(v.slice(0, MAX_CELL_CHARS));
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** Points: room for the 14 pt title font with its stacked diacritics. */
const TITLE_ROW_HEIGHT = 24;

/**
 * A complete worksheet part for a generated sheet, its elements in CT_Worksheet order: sheetPr,
 * dimension, sheetViews, sheetFormatPr, cols, sheetData, mergeCells, (our conditional formats go
 * here), dataValidations, hyperlinks, printOptions, pageMargins, pageSetup, headerFooter,
 * rowBreaks, drawing. `drawingId` is the sheet's relationship to its drawing (the charts).
 */
export function worksheetXml(
  sheet: GeneratedSheet,
  xf: (key: StyleKey) => number,
  drawingId?: string,
): string {
  const rows: string[] = [];
  const links: string[] = [];
  let lastRow = 0;
  let lastCol = 0;
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (cell.v === null && !cell.style) return;
      const ref = toA1(r, c);
      cells.push(cellXml(ref, cell, cell.style ? xf(cell.style) : undefined));
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c);
      if (cell.link) {
        const display = cell.v === null ? "" : ` display="${escapeAttr(String(cell.v))}"`;
        const location = escapeAttr(sheetRef(cell.link.sheet, cell.link.cell));
        links.push(`<hyperlink ref="${ref}" location="${location}"${display}/>`);
      }
    });
    // A title row is given room for its larger font: without an explicit height some readers
    // keep the default and clip the marks above Vietnamese capitals (Ế, Ả, Ể).
    const height = row.some((c) => c.style === "title")
      ? ` ht="${TITLE_ROW_HEIGHT}" customHeight="1"`
      : "";
    if (cells.length) rows.push(`<row r="${r + 1}"${height}>${cells.join("")}</row>`);
  });
  const freeze = Math.max(0, Math.floor(sheet.freezeRows));
  const pane = freeze
    ? `<pane ySplit="${freeze}" topLeftCell="${toA1(freeze, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${toA1(freeze, 0)}" sqref="${toA1(freeze, 0)}"/>`
    : "";
  const cols = sheet.columnWidths
    .map((w, i) =>
      w > 0
        ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(255, w)}" customWidth="1"/>`
        : "",
    )
    .join("");
  const merges = sheet.merges.map((m) => `<mergeCell ref="${escapeAttr(m)}"/>`).join("");
  const print = printXml(sheet.print);
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>`,
    print.sheetPr,
    `<dimension ref="${lastRow || lastCol ? rangeA1(0, 0, lastRow, lastCol) : "A1"}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="15"/>`,
    cols ? `<cols>${cols}</cols>` : "",
    rows.length ? `<sheetData>${rows.join("")}</sheetData>` : "<sheetData/>",
    merges ? `<mergeCells count="${sheet.merges.length}">${merges}</mergeCells>` : "",
    dataValidationsXml(sheet.validations),
    links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "",
    print.page,
    print.rowBreaks,
    drawingId ? `<drawing r:id="${escapeAttr(drawingId)}"/>` : "",
    `</worksheet>`,
  ].join("");
}
