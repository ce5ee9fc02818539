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

/** Whether a plan's cell is written: an empty one with no style is left out. */
const isWritten = (cell: PlanCell): boolean => cell.v !== null || Boolean(cell.style);

/** Points: room for the 14 pt title font with its stacked diacritics. */
const TITLE_ROW_HEIGHT = 24;

/**
 * Text is encoded to UTF-8 this many characters at a time (see Utf8Pieces): pieces of at most
 * 96 KiB, under glibc's mmap threshold (see the command line's inflated pieces, node-codec.ts).
 */
const PIECE_CHARS = 32 * 1024;

/**
 * A part's text gathered as UTF-8 a piece at a time. A country's findings sheet is 22,000 rows
 * of Vietnamese text: joined into one string (two bytes a character once any is not Latin-1),
 * then joined again with the rest of the part and encoded, it took 200 MB of heap while the
 * checked copy was written (issue 15); as UTF-8 pieces it takes its own size, outside the heap.
 */
class Utf8Pieces {
  private readonly encoder = new TextEncoder();
  private readonly pieces: Uint8Array[] = [];
  private pending: string[] = [];
  private pendingChars = 0;

  /** `sink`: takes each piece as it is made, and none is kept (see WorksheetSink). */
  constructor(private readonly sink?: WorksheetSink) {}

  add(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= PIECE_CHARS) this.flush();
  }

  /** Everything added, as UTF-8 pieces in order. */
  take(): Uint8Array[] {
    this.flush();
    return this.pieces;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const piece = this.encoder.encode(this.pending.join(""));
    if (this.sink) this.sink.add(piece);
    else this.pieces.push(piece);
    this.pending = [];
    this.pendingChars = 0;
  }
}

/** Takes a generated sheet's start a piece at a time, in order (DeflatingPieces). */
export interface WorksheetSink {
  add(piece: Uint8Array): void;
}

/**
 * A generated sheet's part as UTF-8, cut where highlights would go (sheetDataEnd's cut): a
 * country's findings sheet is 26 MB, and joining its pieces held it twice over (issue 15).
 */
export interface WorksheetPieces {
  /** The part up to the end of its <sheetData> element, in pieces; none when a sink took them. */
  readonly start: readonly Uint8Array[];
  /** What follows the <sheetData> element, to </worksheet>. */
  readonly tail: Uint8Array;
}

/**
 * A complete worksheet part for a generated sheet, as UTF-8, its elements in CT_Worksheet order:
 * sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, mergeCells, (our conditional
 * formats go here), dataValidations, hyperlinks, printOptions, pageMargins, pageSetup,
 * headerFooter, rowBreaks, drawing. `drawingId` is the sheet's relationship to its drawing (the
 * charts).
 */
export function worksheetPieces(
  sheet: GeneratedSheet,
  xf: (key: StyleKey) => number,
  drawingId?: string,
  /** Takes the start's pieces as they are made (then `start` is empty); kept without one. */
  sink?: WorksheetSink,
): WorksheetPieces {
  // What the part's head says of the rows (their dimension) first, so that the head can go first.
  let lastRow = 0;
  let lastCol = 0;
  let hasRows = false;
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isWritten(cell)) return;
      hasRows = true;
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c);
    }),
  );
  const encoder = new TextEncoder();
  const pieces = new Utf8Pieces(sink);
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
  const print = printXml(sheet.print);
  pieces.add(
    [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>`,
      print.sheetPr,
      `<dimension ref="${lastRow || lastCol ? rangeA1(0, 0, lastRow, lastCol) : "A1"}"/>`,
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`,
      `<sheetFormatPr defaultRowHeight="15"/>`,
      cols ? `<cols>${cols}</cols>` : "",
      hasRows ? "<sheetData>" : "<sheetData/>",
    ].join(""),
  );
  const links: string[] = [];
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (!isWritten(cell)) return;
      const ref = toA1(r, c);
      cells.push(cellXml(ref, cell, cell.style ? xf(cell.style) : undefined));
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
    if (cells.length) pieces.add(`<row r="${r + 1}"${height}>${cells.join("")}</row>`);
  });
  if (hasRows) pieces.add("</sheetData>");
  const start = pieces.take();
  const merges = sheet.merges.map((m) => `<mergeCell ref="${escapeAttr(m)}"/>`).join("");
  const tail = encoder.encode(
    [
      merges ? `<mergeCells count="${sheet.merges.length}">${merges}</mergeCells>` : "",
      dataValidationsXml(sheet.validations),
      links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "",
      print.page,
      print.rowBreaks,
      drawingId ? `<drawing r:id="${escapeAttr(drawingId)}"/>` : "",
      `</worksheet>`,
    ].join(""),
  );
  return { start, tail };
}
