import { toA1 } from "../model/address";
import {
  copyRow,
  forEachCell,
  fontKey,
  rowArray,
  RawRow,
  RawSheet,
  RawValue,
  withRows,
} from "../model/cells";
import { say } from "../model/i18n";
import { countOf, formatCount } from "../text/numbers";
import { FindingSink } from "../findings/sink";
import { detectLegacy, encodingOfFont, LegacyEncoding, toUnicode } from "../text/legacy";

/** Only text with Latin-1 letters can be legacy-encoded; plain ASCII and most Unicode are skipped. */
const CANDIDATE = /[\u0080-\u00ff]/;
/** A font of each encoding, to make toUnicode use the encoding found for the whole sheet. */
const FONT_OF: Record<LegacyEncoding, string> = { tcvn3: ".VnTime", vni: "VNI-Times" };
/** Enough text to recognise a sheet's encoding without reading all of a big one twice. */
const SAMPLE = 2000;

/** The encoding of a sheet's text taken together, or null when it reads as Unicode. */
function encodingOfSheet(sheet: RawSheet): LegacyEncoding | null {
  const sample: string[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    forEachCell(sheet.rows.at(r), (v) => {
      if (typeof v === "string" && CANDIDATE.test(v)) sample.push(v);
    });
    if (sample.length >= SAMPLE) break;
  }
  return sample.length === 0 ? null : detectLegacy(sample.join(" "));
}

type Converted = ReturnType<typeof toUnicode>;

/** Bounds the per-sheet memo of judged spellings. */
const MEMO_MAX = 20_000;
/** How many converted cells a finding names before it only counts them. */
const LISTED = 10;

/**
 * Reads text typed in the legacy TCVN3 or VNI encodings as Unicode, so that "NguyÔn" counts as
 * "Nguyễn" and "N÷" as "Nữ". A cell's legacy font, when the host gives it (RawSheet.fonts), decides
 * its encoding, and a capital font (".VnTimeH") makes it upper case, even plain ASCII: that is how
 * the sheet shows it. Other cells are judged by their characters, and short words by the sheet's
 * text as a whole. The workbook itself is not changed; each sheet with converted cells gets one
 * finding that names the encoding and the cells.
 */
export function convertLegacyText(sheet: RawSheet, sink: FindingSink): RawSheet {
  const converted = new Map<LegacyEncoding, string[]>();
  const sheetEncoding = encodingOfSheet(sheet);
  const fonts = sheet.fonts;
  // Registers repeat a few words ("Không", "Có") in every row: each spelling is judged once.
  const memo = new Map<string, Converted>();
  const convert = (v: string): Converted => {
    let result = memo.get(v);
    if (result) return result;
    result = toUnicode(v, sheetEncoding ? { around: sheetEncoding } : undefined);
    // A short word alone ("Cã" for "Có") is too little evidence; the whole sheet is enough.
    if (result.converted === null && sheetEncoding) {
      result = toUnicode(v, { font: FONT_OF[sheetEncoding] });
    }
    if (memo.size < MEMO_MAX) memo.set(v, result);
    return result;
  };
  // Cells in a legacy font: the font decides. One memo per font (a sheet has a few).
  const fontMemos = new Map<string, Map<string, Converted>>();
  const convertIn = (v: string, font: string): Converted => {
    let memoOf = fontMemos.get(font);
    if (!memoOf) fontMemos.set(font, (memoOf = new Map()));
    let result = memoOf.get(v);
    if (result) return result;
    result = toUnicode(v, { font });
    if (memoOf.size < MEMO_MAX) memoOf.set(v, result);
    return result;
  };
  const capitals = new Map<string, boolean>();
  const isCapitalFont = (font: string): boolean => {
    let upper = capitals.get(font);
    if (upper === undefined) capitals.set(font, (upper = encodingOfFont(font)?.upper === true));
    return upper;
  };
  /** The rows converted, by row. */
  const copies = new Map<number, RawRow>();
  // One visitor for every cell of the sheet, over the row being walked (no closure per row).
  let r = 0;
  let row: RawRow = [];
  let copy: RawRow[number][] | null = null;
  const visit = (v: RawValue, c: number): void => {
    if (typeof v !== "string") return;
    const font = fonts?.get(fontKey(r, c));
    // ASCII reads the same in every encoding, but a capital font shows it in capitals.
    if (!CANDIDATE.test(v) && (font === undefined || !isCapitalFont(font))) return;
    const { text, converted: encoding } = font === undefined ? convert(v) : convertIn(v, font);
    if (encoding === null) return;
    copy ??= copyRow(row);
    copy[c] = text;
    const cells = converted.get(encoding) ?? [];
    cells.push(toA1(r, c));
    converted.set(encoding, cells);
  };
  for (; r < sheet.rows.length; r++) {
    const next = sheet.rows.at(r);
    if (!next) continue;
    row = next;
    copy = null;
    forEachCell(row, visit);
    if (copy) copies.set(r, copy);
  }
  for (const [encoding, cells] of converted) {
    const name = encoding === "vni" ? "VNI" : "TCVN3 (ABC)";
    const shown = cells.slice(0, LISTED).join(", ") + (cells.length > LISTED ? ", …" : "");
    sink.add(
      "text.legacy",
      "info",
      `${sheet.name}:${encoding}`,
      say(
        `Sheet "${sheet.name}": ${formatCount(cells.length, "vi")} ô gõ bằng bảng mã cũ ${name} đã được đọc thành Unicode (${shown}); tệp không bị sửa.`,
        `Sheet "${sheet.name}": ${countOf(cells.length, "cell")} typed in the legacy ${name} encoding ${cells.length === 1 ? "was" : "were"} read as Unicode (${shown}); the file is not changed.`,
      ),
      { sheet: sheet.name, cell: undefined },
    );
  }
  return copies.size > 0 ? { name: sheet.name, rows: withRows(sheet.rows, copies) } : sheet;
}

/**
 * A sheet's first rows as the reader will see them, legacy text converted and nothing reported:
 * for looking at a sheet (the column picker's preview, which role a sheet has), not reading it.
 */
export function convertedHead(
  sheet: RawSheet,
  rows: number,
): RawSheet & { readonly rows: readonly (RawRow | undefined)[] } {
  const head = convertLegacyText({ ...sheet, rows: rowArray(sheet.rows, rows) }, new FindingSink());
  return { ...head, rows: rowArray(head.rows, rows) };
}
