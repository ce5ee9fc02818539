import { RawValue } from "../../core/model/cells";
import { cutText } from "../../core/text/short-text";
import { Decoder, number, text, uint } from "./bytes";
import { corrupt } from "./errors";
import { TagCursor } from "./xml-tokens";

/**
 * Excel's limit on the text of a cell, in UTF-16 units. A longer text cannot come from Excel (a
 * program writing the XML by hand can write any length): the reader keeps its first 32,767
 * characters, which is all that Excel itself would show. So a value of 100 MB costs what a full
 * Excel cell costs, once, and every cell naming one shared string of 10 MB shares one string of
 * 32,767 characters rather than making every reader of the cell clean and compare 10 MB.
 */
export const MAX_CELL_TEXT = 32_767;

/**
 * The most bytes of XML that can spell MAX_CELL_TEXT characters, however escaped: UTF-8 takes 3
 * bytes for a character, "&quot;" 6 and "_x000D_" 7 for one, "&#x1F600;" 9 for two, and the
 * longest reference the reader decodes, ten decimal digits ("&#0000007877;"), 13 for one. Only
 * this much of a value is decoded, whatever its length in the file.
 */
const MAX_CELL_BYTES = 13 * MAX_CELL_TEXT;

/**
 * The end of the value in [s, e) that is worth decoding: e, or MAX_CELL_BYTES on, stepped back
 * to the start of a UTF-8 character and before a reference ("&amp;") the cut would split.
 */
function decodedEnd(b: Uint8Array, s: number, e: number): number {
  if (e - s <= MAX_CELL_BYTES) return e;
  let end = s + MAX_CELL_BYTES;
  while (end > s && (b[end]! & 0xc0) === 0x80) end--;
  // References are at most a dozen bytes ("&#x0010FFFF;"): a "&" with no ";" after it is cut.
  for (let i = end - 1; i > s && i >= end - 12; i--) {
    if (b[i] === 0x3b) break;
    if (b[i] === 0x26) {
      end = i;
      break;
    }
  }
  return end;
}

/** A text cut to Excel's limit, between whole characters (cutText). */
export const cellLimited = (t: string): string =>
  t.length <= MAX_CELL_TEXT ? t : cutText(t, MAX_CELL_TEXT);

/** The text of a value's bytes [s, e), decoded up to Excel's limit on a cell (MAX_CELL_TEXT). */
export function cellText(b: Uint8Array, s: number, e: number, decoder: Decoder): string {
  return cellLimited(text(b, s, decodedEnd(b, s, e), decoder));
}

/**
 * The character data of [s, e), for text that comments, PIs or CDATA sections interrupt
 * (TagCursor.textRun said it is not plain): those are left out, and a CDATA section's "&" is
 * escaped so that it decodes to itself. At most MAX_CELL_BYTES are kept, in one typed array: a
 * run of 100 MB is walked, never copied whole.
 */
export function cellRunBytes(b: Uint8Array, s: number, e: number, tag: TagCursor): Uint8Array {
  // A CDATA "&" grows to five bytes; the copy stops at MAX_CELL_BYTES, give or take one of them.
  const out = new Uint8Array(Math.min((e - s) * AMP.length, MAX_CELL_BYTES + AMP.length));
  let n = 0;
  tag.charData(b, s, e, (from, to, cdata) => {
    for (let i = from; i < to && n < MAX_CELL_BYTES; i++) {
      if (cdata && b[i] === 0x26) {
        out.set(AMP, n);
        n += AMP.length;
      } else out[n++] = b[i]!;
    }
  });
  return out.subarray(0, Math.min(n, MAX_CELL_BYTES));
}

/** The text TagCursor.textRun just read, from `s` to the "<" it returned (`e`), as cellText. */
export function cellRunText(
  b: Uint8Array,
  s: number,
  e: number,
  tag: TagCursor,
  decoder: Decoder,
): string {
  if (tag.plain) return cellText(b, s, e, decoder);
  const run = cellRunBytes(b, s, e, tag);
  return cellText(run, 0, run.length, decoder);
}

const AMP = new TextEncoder().encode("&amp;");

/** What a cell's t attribute says to do with its <v>; absent or "n" means a number. */
export const CellType = { Number: 0, Shared: 1, Text: 2, Bool: 3, Date: 4 } as const;
export type CellType = (typeof CellType)[keyof typeof CellType];

const MAX_COLUMNS = 16384;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

/** t="s" | "str" | "inlineStr" | "b" | "e" | "d" | "n", from the attribute's bytes. */
export function cellType(b: Uint8Array, s: number, e: number): CellType {
  const c = b[s];
  if (e - s === 1) {
    if (c === 0x73) return CellType.Shared;
    if (c === 0x62) return CellType.Bool;
    if (c === 0x65) return CellType.Text; // an error value, kept as its text ("#N/A")
    if (c === 0x64) return CellType.Date;
    return CellType.Number;
  }
  if ((e - s === 3 && c === 0x73) || (e - s === 9 && c === 0x69)) return CellType.Text; // str, inlineStr
  return CellType.Number;
}

/** An ISO 8601 date (t="d") as an Excel serial number: days since 1899-12-30. */
export function dateSerial(iso: string): RawValue {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?)?/.exec(iso.trim());
  if (!m) return iso;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!) + s! * 1000;
  return (ms - EPOCH_1899_12_30) / 86_400_000;
}

/** Turns the bytes of a <v> into a plain value, the way the core expects it. */
export class CellValues {
  readonly decoder = new TextDecoder();

  constructor(
    private readonly sst: readonly string[],
    private readonly part: string,
    private readonly sheet: string,
  ) {}

  /** The shared string's index when the value last converted is one; -1 otherwise. */
  shared = -1;

  convert(b: Uint8Array, s: number, e: number, type: CellType): RawValue | undefined {
    this.shared = -1;
    switch (type) {
      case CellType.Number: {
        if (s === e) return undefined;
        const v = number(b, s, e);
        // Not a finite number after all (a hand-made file): keep what it says rather than lose it.
        return Number.isFinite(v) ? v : cellText(b, s, e, this.decoder);
      }
      case CellType.Shared: {
        const i = uint(b, s, e);
        const v = this.sst[i];
        if (v === undefined)
          throw corrupt(
            this.part,
            "ô tham chiếu tới chuỗi dùng chung không tồn tại.",
            "a cell refers to a shared string that does not exist.",
            this.sheet,
          );
        this.shared = i;
        return v;
      }
      case CellType.Bool: {
        const t = cellText(b, s, e, this.decoder).trim();
        return t === "1" || t === "true";
      }
      case CellType.Date:
        return dateSerial(cellText(b, s, e, this.decoder));
      default:
        return cellText(b, s, e, this.decoder);
    }
  }

  /** "AB12" -> 27; the digits are the row element's business. */
  column(b: Uint8Array, s: number, e: number): number {
    let col = 0;
    let i = s;
    for (; i < e && col <= MAX_COLUMNS; i++) {
      const c = b[i]! | 0x20;
      if (c < 0x61 || c > 0x7a) break;
      col = col * 26 + (c - 0x60);
    }
    if (i === s || col > MAX_COLUMNS)
      throw corrupt(
        this.part,
        "địa chỉ ô không hợp lệ.",
        "a cell address is not valid.",
        this.sheet,
      );
    return col - 1;
  }
}
