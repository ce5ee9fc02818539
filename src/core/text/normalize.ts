import type { RawValue } from "../model/cells";

/**
 * Vietnamese text as it arrives from registers: two Unicode forms (NFC from most keyboards, NFD
 * from the Windows keyboard and some Macs), non-breaking and other exotic spaces pasted from Word
 * or the web, and two tone-placement conventions ("Hòa" old style, "Hoà" new style). Everything is
 * compared only after going through one of the keys below.
 */

/** Invisible characters that split a letter from its marks or a word in two; they carry no text. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060]/g;
/** `\s` covers NBSP, U+2000-U+200A, U+202F, U+205F, U+3000, U+FEFF and line breaks (Alt+Enter). */
const SPACES = /[\s\u180E]+/g;
/** Anything cleanText would change besides the Unicode form: invisible characters, odd spaces. */
const NEEDS_CLEANING = /[\u00AD\u200B-\u200D\u2060\u180E]|[^\S ]|  |^ | $/;
/** The five Vietnamese tone marks: huyền, sắc, ngã, hỏi, nặng (in this fixed order in keys). */
const TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
const TONE_CODES = new Set(TONES.map((t) => t.charCodeAt(0)));
/** A letter or a combining mark: the characters of a syllable of a Vietnamese name. */
const WORD_CHAR = /^[\p{L}\p{M}]$/u;

/**
 * A cell value as clean display text. Numbers print the way Excel shows them (15 significant
 * digits, so 0.1 + 0.2 prints "0.3", and 5 prints "5", never "5.0").
 */
export function cleanText(v: RawValue | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    if (!Number.isFinite(v) || Number.isInteger(v)) return String(v);
    return String(Number(v.toPrecision(15)));
  }
  // Most cells are already clean: one test instead of three replacements (half a million names).
  if (!NEEDS_CLEANING.test(v)) return v.normalize("NFC");
  return v.replace(INVISIBLE, "").normalize("NFC").replace(SPACES, " ").trim();
}

/**
 * The key under which headers are matched: "Họ và tên *:", "HỌ VÀ TÊN" and "họ và tên" agree, as do
 * "Huyện / Thị xã" and "Huyện/Thị xã", or "Văn hóa – thể thao" (en dash) and "Văn hóa - thể thao".
 * It stays readable NFC text (no tone reordering): header synonyms list both spellings instead.
 */
export function headerKey(s: string): string {
  return cleanText(s)
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/ ?([/-]) ?/g, "$1")
    .replace(/\( /g, "(")
    .replace(/ \)/g, ")")
    .replace(/(?: ?(?:[:*]|\(\*\)))+$/, "");
}

/**
 * "Ð" (U+00D0, Icelandic eth) looks exactly like "Đ" (U+0110) and turns up in names converted from
 * legacy fonts; for matching, it is the Vietnamese letter.
 */
const unEth = (s: string): string =>
  ETH.test(s) ? s.replace(/\u00D0/g, "\u0110").replace(/\u00F0/g, "\u0111") : s;
const ETH = /[\u00D0\u00F0]/;

/** Whether a UTF-16 unit belongs to a word (a letter or a combining mark), cached past ASCII. */
const wordChars = new Map<number, boolean>();
function isWordChar(code: number, ch: string): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  let known = wordChars.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(ch);
    wordChars.set(code, known);
  }
  return known;
}

/**
 * Moves each syllable's tone marks to its end (in the fixed order of TONES), so that where a
 * keyboard put them stops mattering. One pass over the characters: this runs once per member.
 */
function moveTones(nfd: string): string {
  let out = "";
  let word = "";
  let tones = "";
  const flush = (): void => {
    out +=
      word +
      (tones.length > 1
        ? [...tones].sort((a, b) => TONES.indexOf(a) - TONES.indexOf(b)).join("")
        : tones);
    word = "";
    tones = "";
  };
  for (let i = 0; i < nfd.length; i++) {
    const ch = nfd[i]!;
    const code = nfd.charCodeAt(i);
    if (TONE_CODES.has(code)) tones += ch;
    else if (isWordChar(code, ch)) word += ch;
    else {
      flush();
      out += ch;
    }
  }
  flush();
  return out;
}

/**
 * A matching key for person, club and unit names. It ignores case, spacing, Unicode form and tone
 * placement ("Hòa" = "Hoà", "Thủy" = "Thuỷ", "Khỏa" = "Khoả") but keeps everything that makes a
 * different name: the tone itself ("Hòa" ≠ "Hóa"), the vowel marks ˆ ˘ and the horn ("Hoa" ≠
 * "Hơa"), and đ ≠ d. The key is opaque (tones sit at the end of each syllable): compare it, do not
 * show it.
 */
export function nameKey(s: string): string {
  const nfd = unEth(cleanText(s)).toLowerCase().normalize("NFD");
  // Recomposed: the key goes into finding ids, which are written to the findings sheet and read
  // back (as NFC) on the next run.
  return moveTones(nfd).normalize("NFC");
}

/**
 * Lower-case text without any diacritics ("Không" -> "khong", "Đạt" -> "dat"), for loose matching of
 * short vocabularies (yes/no, sex, status) where people often type without a Vietnamese keyboard.
 * Too loose for names: "Hòa", "Hóa" and "Hoa" all fold to "hoa".
 */
export function foldDiacritics(s: string): string {
  return unEth(cleanText(s))
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}
