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
/** The five Vietnamese tone marks: huyền, sắc, ngã, hỏi, nặng (in this fixed order in keys). */
const TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** A run of letters with their combining marks: one syllable of a Vietnamese name. */
const WORD = /[\p{L}\p{M}]+/gu;

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
const unEth = (s: string): string => s.replace(/\u00D0/g, "\u0110").replace(/\u00F0/g, "\u0111");

/** Moves a syllable's tone marks to its end, so that where a keyboard put them stops mattering. */
function moveTones(word: string): string {
  const found: string[] = [];
  const bare = word.replace(TONE_MARK, (m) => {
    found.push(m);
    return "";
  });
  found.sort((a, b) => TONES.indexOf(a) - TONES.indexOf(b));
  return bare + found.join("");
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
  return nfd.replace(WORD, moveTones).normalize("NFC");
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
