import type { RawValue } from "../model/cells";
import { cutText, textHash } from "./short-text";

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
 * More combining marks in a row than any writing uses (Unicode's stream-safe limit is 30, UAX #15):
 * normalization reorders such a run by insertion, in time quadratic in its length (32,767 marks
 * under one letter take a quarter of a second, every time the text is cleaned). The combining
 * grapheme joiner (U+034F), invisible and of class 0, is left out of the count: it is what breaks
 * the runs, so that doing it twice changes nothing.
 */
const LONG_MARK_RUN = /(?:(?!\u034F)\p{M}){31}/u;
const MARK_RUN_OF_30 = /((?:(?!\u034F)\p{M}){30})(?=(?!\u034F)\p{M})/gu;

/**
 * Text safe to normalize in linear time: a combining grapheme joiner after every 30 marks in a row
 * (UAX #15's Stream-Safe Text Format). Text of real words has no such run and comes back as it is.
 */
export function streamSafe(s: string): string {
  return s.length > 30 && LONG_MARK_RUN.test(s) ? s.replace(MARK_RUN_OF_30, "$1\u034F") : s;
}

/** NFC in time linear in the text's length (see streamSafe). */
export const nfc = (s: string): string => streamSafe(s).normalize("NFC");

/**
 * How many short texts cleanText and nameKey remember, each; a full memo is emptied: bounded
 * memory, no per-entry bookkeeping, and a register's many distinct names only cycle through it.
 */
const MEMO_MAX = 20_000;
/** Clean texts of short texts lately seen. */
const cleaned = new Map<string, string>();

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
  if (v.length <= LONG_TEXT) return remembered(cleaned, v, clean);
  // A long text is usually one shared string that many cells name and each reader cleans again:
  // cleaned once, it costs a comparison per use instead of its length.
  if (v !== lastRaw) {
    lastClean = clean(v);
    lastRaw = v;
  }
  return lastClean;
}
let lastRaw: string | undefined;

/**
 * Whether cleanText(v) is "", without making the clean text: blank-row tests ask it of every cell
 * of every row, and most cells answer by their type or first character. A number or a boolean is
 * never blank; nor is a text starting with a visible character that cleaning keeps: printable
 * ASCII, or a letter or mark of U+00C0-U+167F or U+1E00-U+1FFF (Vietnamese letters among them;
 * the only spaces and invisible characters below U+2000, U+1680 and U+180E, are outside both).
 */
export function isBlank(v: RawValue | undefined): boolean {
  if (v === undefined || v === null || v === "") return true;
  if (typeof v !== "string") return false;
  const c = v.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0xc0 && c < 0x1680) || (c >= 0x1e00 && c < 0x2000))
    return false;
  return cleanText(v) === "";
}
let lastClean = "";

/**
 * `make(s)`, remembered in `memo` (only ever for short texts, so a memo holds at most MEMO_MAX x
 * LONG_TEXT characters). A register's cells are cleaned and keyed again and again (blank-row
 * tests, fields, finding contents), and most repeat ("Nữ", "Có", a club's id or commune).
 */
function remembered(memo: Map<string, string>, s: string, make: (s: string) => string): string {
  let out = memo.get(s);
  if (out === undefined) {
    out = make(s);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(s, out);
  }
  return out;
}

function clean(v: string): string {
  // Most cells are already clean: one test instead of three replacements (half a million names).
  if (!NEEDS_CLEANING.test(v)) return nfc(v);
  return nfc(v.replace(INVISIBLE, "")).replace(SPACES, " ").trim();
}

/**
 * The key under which headers are matched: "Họ và tên *:", "HỌ VÀ TÊN" and "họ và tên" agree, as do
 * "Huyện / Thị xã" and "Huyện/Thị xã", or "Văn hóa – thể thao" (en dash) and "Văn hóa - thể thao".
 * It stays readable NFC text (no tone reordering): header synonyms list both spellings instead.
 */
export function headerKey(s: string): string {
  return withoutTrailingMarks(
    cleanText(s)
      .toLowerCase()
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .replace(/ ?([/-]) ?/g, "$1")
      .replace(/\( /g, "(")
      .replace(/ \)/g, ")"),
  );
}

/**
 * The text without the marks that end a header ("Họ và tên *:", "Giới tính (*)"): ":", "*" or
 * "(*)", each after a space or not, any number of them. Peeled from the end, in time linear in the
 * text: as a regex (/(?: ?(?:[:*]|\(\*\)))+$/) it is tried at every run of marks and fails at
 * the end of each, quadratic in a long run (two seconds for a cell of 32,000 colons).
 */
function withoutTrailingMarks(s: string): string {
  let end = s.length;
  for (;;) {
    const last = s[end - 1];
    if (last === ":" || last === "*") end -= 1;
    else if (last === ")" && s.endsWith("(*)", end)) end -= 3;
    else break;
    if (s[end - 1] === " ") end -= 1;
  }
  return end === s.length ? s : s.slice(0, end);
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
 * The tone marks in the order NFC puts them: the dot below (class 220) before the four above
 * (class 230), which keep their order in TONES. Normalization sorts a run of marks by class
 * stably, so sorting a syllable's tones this way first gives the same key as sorting them in the
 * order of TONES, and leaves NFC nothing to move: it moves a mark past the others one step at a
 * time, which took 21 seconds for 120 names of 32,767 characters whose tones piled up at the end.
 */
const CANONICAL_TONES = ["\u0323", "\u0300", "\u0301", "\u0303", "\u0309"];

/** A syllable's tone marks (any number, any order) in canonical order, in one pass per tone. */
function sortedTones(tones: string): string {
  if (tones.length < 2) return tones;
  let out = "";
  for (const t of CANONICAL_TONES) {
    let n = 0;
    for (let i = tones.indexOf(t); i >= 0; i = tones.indexOf(t, i + 1)) n++;
    out += t.repeat(n);
  }
  return out;
}

/**
 * Moves each syllable's tone marks to its end (see CANONICAL_TONES), so that where a keyboard put
 * them stops mattering. One pass over the characters: this runs once per member.
 */
function moveTones(nfd: string): string {
  let out = "";
  let word = "";
  let tones = "";
  const flush = (): void => {
    out += word + sortedTones(tones);
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
  if (s.length <= LONG_TEXT) return remembered(keys, s, keyOf);
  // A long text is usually one shared string named by many cells: its key is made once.
  if (s !== lastName) {
    const key = keyOf(s);
    lastKey = key.length <= NAME_KEY_MAX ? key : `${cutText(key, NAME_KEY_MAX)}~${textHash(key)}`;
    lastName = s;
  }
  return lastKey;
}

function keyOf(s: string): string {
  const nfd = unEth(cleanText(s)).toLowerCase().normalize("NFD");
  // Recomposed: the key goes into finding ids, which are written to the findings sheet and read
  // back (as NFC) on the next run.
  return moveTones(nfd).normalize("NFC");
}

/**
 * The longest key kept whole. A key is compared whole (two names are the same person's) or looked
 * for inside another (a club's name in a title row); no name, and no title naming a club within
 * its first thousand characters, is longer. Beyond, the key is its start and a hash of all of it:
 * two texts still get one key only when they are the same (but for a chance of one in 2^53), and
 * a member list of 100,000 rows sharing one text of 32,767 characters (Excel's limit) holds keys
 * of a thousand characters, not of 32,767.
 */
const NAME_KEY_MAX = 1000;
/** Texts longer than this are remembered by nameKey and cleanText (see nameKey). */
const LONG_TEXT = 256;
let lastName: string | undefined;
let lastKey = "";
/** Keys of short texts lately seen (see MEMO_MAX). */
const keys = new Map<string, string>();

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
