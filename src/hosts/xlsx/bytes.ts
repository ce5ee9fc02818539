import { corrupt } from "./errors";
import { decodeXString } from "./xml";

/**
 * Byte-level XML scanning for the big parts (worksheets, shared strings). They are parsed straight
 * from the inflated bytes, chunk by chunk, so a 150 MB sheet is never one JS string, and every value
 * becomes a fresh small string (a substring of a huge string would keep the whole of it alive).
 * Functions return NEED_MORE when the chunk ends before the construct does.
 */
export const NEED_MORE = -1;
export const LT = 60;
export const GT = 62;
export const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const QUOT = 34;
const APOS = 39;
const EQ = 61;
const COLON = 58;

/** What we need of a TextDecoder (the Node and DOM typings differ). */
export interface Decoder {
  decode(input: Uint8Array): string;
}

export const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * The next "<" at or after `p`, or -1. Markup is dense in these parts, so a short manual scan beats
 * the call overhead of Uint8Array.indexOf; long text runs still use it.
 */
export function nextLt(b: Uint8Array, p: number): number {
  const stop = Math.min(b.length, p + 24);
  for (; p < stop; p++) if (b[p] === LT) return p;
  return p >= b.length ? -1 : b.indexOf(LT, p);
}

const isSpace = (c: number | undefined): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** End of an element or attribute name starting at `p`. */
export function nameEnd(b: Uint8Array, p: number, n: number): number {
  while (p < n) {
    const c = b[p]!;
    if (c === GT || c === SLASH || c === EQ || isSpace(c)) return p;
    p++;
  }
  return n;
}

/** Whether `seq` occurs at `at`. */
export function startsAt(b: Uint8Array, at: number, seq: Uint8Array): boolean {
  if (at + seq.length > b.length) return false;
  for (let i = 0; i < seq.length; i++) if (b[at + i] !== seq[i]) return false;
  return true;
}

/** Whether the name in [s, e) has the local part `local`, whatever its namespace prefix. */
export function localIs(b: Uint8Array, s: number, e: number, local: Uint8Array): boolean {
  const start = e - local.length;
  if (start < s || (start > s && b[start - 1] !== COLON)) return false;
  for (let i = 0; i < local.length; i++) if (b[start + i] !== local[i]) return false;
  return true;
}

/** Attribute iteration over one start tag, reusing one object to keep the hot loop allocation-free. */
export class Tag {
  nameStart = 0;
  nameEnd = 0;
  valueStart = 0;
  valueEnd = 0;
  /** Index of the tag's closing ">" once `next` returned -2. */
  gt = 0;
  selfClosing = false;

  /**
   * Reads the attribute at or after `p`. Returns the position after it, NEED_MORE, or -2 when the
   * tag ended instead (then `gt` and `selfClosing` are set).
   */
  next(b: Uint8Array, p: number, n: number, part: string): number {
    // Fast path for ` r="A1"`: the one-letter attributes of rows and cells, as Excel writes them.
    const letter = b[p + 1]! | 0x20;
    if (b[p] === 32 && letter >= 0x61 && letter <= 0x7a && b[p + 2] === EQ && b[p + 3] === QUOT) {
      let end = p + 4;
      while (end < n && b[end] !== QUOT) end++;
      if (end < n) {
        this.nameStart = p + 1;
        this.nameEnd = p + 2;
        this.valueStart = p + 4;
        this.valueEnd = end;
        return end + 1;
      }
    }
    while (p < n && isSpace(b[p])) p++;
    if (p >= n) return NEED_MORE;
    const c = b[p];
    if (c === GT || c === SLASH) {
      const gt = c === GT ? p : p + 1;
      if (gt >= n) return NEED_MORE;
      if (b[gt] !== GT) throw badXml(part);
      this.gt = gt;
      this.selfClosing = c === SLASH;
      return -2;
    }
    this.nameStart = p;
    p = nameEnd(b, p, n);
    this.nameEnd = p;
    while (p < n && isSpace(b[p])) p++;
    if (p >= n) return NEED_MORE;
    if (b[p] !== EQ || p === this.nameStart) throw badXml(part);
    p++;
    while (p < n && isSpace(b[p])) p++;
    if (p >= n) return NEED_MORE;
    const q = b[p];
    if (q !== QUOT && q !== APOS) throw badXml(part);
    const end = b.indexOf(q, p + 1);
    if (end < 0) return NEED_MORE;
    this.valueStart = p + 1;
    this.valueEnd = end;
    return end + 1;
  }

  /** Skips all attributes: returns the position after the tag, or NEED_MORE. */
  skip(b: Uint8Array, p: number, n: number, part: string): number {
    for (;;) {
      p = this.next(b, p, n, part);
      if (p === NEED_MORE) return NEED_MORE;
      if (p === -2) return this.gt + 1;
    }
  }
}

export const badXml = (part: string): Error =>
  corrupt(part, "nội dung XML không hợp lệ.", "its XML is not well-formed.");

/** Index just after the first occurrence of `seq` at or after `from` (before `n`), or NEED_MORE. */
function after(b: Uint8Array, seq: readonly number[], from: number, n: number): number {
  for (
    let i = b.indexOf(seq[0]!, from);
    i >= 0 && i + seq.length <= n;
    i = b.indexOf(seq[0]!, i + 1)
  ) {
    let k = 1;
    while (k < seq.length && b[i + k] === seq[k]) k++;
    if (k === seq.length) return i + k;
  }
  return NEED_MORE;
}

const COMMENT_END = [45, 45, GT];
const CDATA_END = [93, 93, GT];
const PI_END = [QMARK, GT];

/** Skips a comment, processing instruction, CDATA section or DOCTYPE at `lt`. */
export function skipSpecial(b: Uint8Array, lt: number, n: number): number {
  if (b[lt + 1] === QMARK) return after(b, PI_END, lt + 2, n);
  if (b[lt + 2] === 45 && b[lt + 3] === 45) return after(b, COMMENT_END, lt + 4, n);
  if (b[lt + 2] === 91) return after(b, CDATA_END, lt + 3, n);
  return after(b, [GT], lt + 2, n);
}

export const isSpecial = (b: Uint8Array, lt: number): boolean =>
  b[lt + 1] === BANG || b[lt + 1] === QMARK;

/** Skips the element whose start tag begins at `lt`, children included. */
export function skipElement(b: Uint8Array, lt: number, n: number, tag: Tag, part: string): number {
  let depth = 0;
  let p = lt;
  do {
    const at = nextLt(b, p);
    if (at < 0 || at + 1 >= n) return NEED_MORE;
    if (isSpecial(b, at)) {
      p = skipSpecial(b, at, n);
      if (p === NEED_MORE) return NEED_MORE;
      continue;
    }
    const closing = b[at + 1] === SLASH;
    p = tag.skip(b, nameEnd(b, closing ? at + 2 : at + 1, n), n, part);
    if (p === NEED_MORE) return NEED_MORE;
    if (closing) depth--;
    else if (!tag.selfClosing) depth++;
  } while (depth > 0);
  return p;
}

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
