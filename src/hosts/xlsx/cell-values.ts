import { RawValue } from "../../core/model/cells";
import { number, text, uint } from "./bytes";
import { corrupt } from "./errors";

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

  convert(b: Uint8Array, s: number, e: number, type: CellType): RawValue | undefined {
    switch (type) {
      case CellType.Number: {
        if (s === e) return undefined;
        const v = number(b, s, e);
        // Not a finite number after all (a hand-made file): keep what it says rather than lose it.
        return Number.isFinite(v) ? v : text(b, s, e, this.decoder);
      }
      case CellType.Shared: {
        const v = this.sst[uint(b, s, e)];
        if (v === undefined)
          throw corrupt(
            this.part,
            "ô tham chiếu tới chuỗi dùng chung không tồn tại.",
            "a cell refers to a shared string that does not exist.",
            this.sheet,
          );
        return v;
      }
      case CellType.Bool: {
        const t = text(b, s, e, this.decoder).trim();
        return t === "1" || t === "true";
      }
      case CellType.Date:
        return dateSerial(text(b, s, e, this.decoder));
      default:
        return text(b, s, e, this.decoder);
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
