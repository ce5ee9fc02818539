import { decodeXString } from "./xml";

/**
 * Values of the big parts (worksheets, shared strings), read straight from the inflated bytes that
 * xml-tokens.ts walks, so a 150 MB sheet is never one JS string, and every value becomes a fresh
 * small string (a substring of a huge string would keep the whole of it alive).
 */

/** What we need of a TextDecoder (the Node and DOM typings differ). */
export interface Decoder {
  decode(input: Uint8Array): string;
}

export const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);

/** UTF-8 text in [s, e) with XML entities, `_xHHHH_` escapes and line ends decoded. */
export function text(b: Uint8Array, s: number, e: number, decoder: Decoder): string {
  let ascii = e - s <= 32;
  for (let i = s; ascii && i < e; i++) if (b[i]! >= 0x80) ascii = false;
  // Short ASCII values (numbers, codes, most names' parts) skip the decoder's per-call cost.
  const raw = ascii
    ? String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[])
    : decoder.decode(b.subarray(s, e));
  return decodeXString(raw);
}

/** An unsigned decimal integer in [s, e), or -1. */
export function uint(b: Uint8Array, s: number, e: number): number {
  if (s >= e || e - s > 15) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A number as Excel writes it. Plain decimals of up to 15 digits are built exactly from their digits
 * (one correctly rounded division, the same result as Number()); anything else goes through Number().
 * Returns NaN for text that is not a number.
 */
export function number(b: Uint8Array, s: number, e: number): number {
  let i = s;
  const neg = b[i] === 45;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < e; i++) {
    const c = b[i]!;
    if (c === 46 && frac < 0) frac = 0;
    else if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else break;
  }
  if (i === e && digits > 0 && digits <= 15) {
    const v = frac > 0 ? m / POW10[frac]! : m;
    return neg ? -v : v;
  }
  if (e - s > 400) return NaN;
  return Number(
    String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]).trim() || "x",
  );
}
