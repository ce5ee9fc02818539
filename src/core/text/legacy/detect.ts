import { fromTcvn3, fromVni } from "./codec";
import { isVietnameseSyllable } from "./syllable";

export type LegacyEncoding = "tcvn3" | "vni";

/**
 * The legacy encoding a font implies. TCVN3 ("ABC") fonts are named ".Vn…" (".VnTime",
 * ".VnArial Narrow"); those whose name ends in "H" (".VnTimeH", ".VnArialH") are the capital fonts,
 * which draw the lower-case codes as capitals. VNI fonts are named "VNI-…" ("VNI-Times",
 * "VNI-Helve"). Case and surrounding spaces are ignored; any other font (Unicode fonts such as
 * "Times New Roman", "Arial") gives null.
 */
export function encodingOfFont(
  fontName: string,
): { encoding: LegacyEncoding; upper: boolean } | null {
  const name = fontName.trim().toLowerCase();
  if (/^\.vn\S/.test(name)) return { encoding: "tcvn3", upper: name.endsWith("h") };
  if (/^vni[- _]\S/.test(name)) return { encoding: "vni", upper: false };
  return null;
}

/**
 * Characters that only Unicode text holds: Latin Extended (ă đ ĩ ơ ũ ư ...; not the eight that
 * Windows-1252 has at 0x80-0x9F, Œ œ Š š Ÿ Ž ž ƒ), combining marks (NFD text), and the Vietnamese
 * block U+1EA0-U+1EF9. Legacy text in Excel is Windows-1252/Latin-1 only.
 */
const UNICODE_ONLY =
  /[\u0100-\u0151\u0154-\u015f\u0162-\u0177\u0179-\u017c\u017f-\u0191\u0193-\u024f\u0300-\u036f\u1e00-\u1eff]/;

/** Whether text certainly is Unicode already (never legacy-encoded). */
export function isCertainlyUnicode(s: string): boolean {
  return UNICODE_ONLY.test(s);
}

/**
 * Words as a legacy font shows them: runs of anything but spaces, ASCII digits and ASCII
 * punctuation. (Legacy letter codes include symbols such as "¸" and "·", so `\p{L}` would not do.)
 */
const WORD = /[^\s\x21-\x40\x5b-\x60\x7b-\x7e]+/g;

/**
 * Decoders as detection uses them. TCVN3 writes most capitals with lower-case codes, so capitals
 * typed in a normal font decode to mixed case ("HO¹CH" → "HOạCH"): its words are judged in lower
 * case. VNI has every capital, so its words are judged as they are.
 */
const DECODERS: ReadonlyArray<readonly [LegacyEncoding, (w: string) => string]> = [
  ["tcvn3", (w) => fromTcvn3(w).toLowerCase()],
  ["vni", fromVni],
];

/** A word of letters only (combining marks included, for NFD input). */
const LETTERS = /^[\p{L}\p{M}]+$/u;

/** A vowel letter, with or without marks: words without one are abbreviations ("LĐ", "QĐ"). */
const VOWEL = /[aăâeêioôơuưy]/;

function hasVowel(word: string): boolean {
  return VOWEL.test(word.normalize("NFD").toLowerCase());
}

/**
 * Guesses, from the characters alone, whether text is TCVN3 or VNI shown as Windows-1252. Only the
 * words with a non-ASCII character can tell, and of those only the ones with a vowel once decoded
 * (abbreviations such as "LĐ" say nothing). An encoding is chosen when decoding makes the text more
 * Vietnamese: at least 80% of those words decode to valid syllables (see isVietnameseSyllable), and
 * more words are valid after decoding than before, strictly. Text whose words all read as valid
 * Vietnamese already (Unicode "Có", "Không"), plain ASCII, text with Unicode-only characters, and
 * foreign words ("Café", "Müller") give null, as does a tie between the two encodings. A single
 * word valid both ways stays null (TCVN3 "Cã" is also Unicode "Cã"): a font hint settles those.
 *
 * `around` is the encoding of the text around (the rest of the sheet). It wins a tie, and a choice
 * of the other encoding that rests on a single word, when it reads the text as Vietnamese too: a
 * lone "ñ" ("1.500.000ñ") is "đ" in VNI but "ủ" in TCVN3, and a VNI sheet means "đ".
 */
export function detectLegacy(s: string, around?: LegacyEncoding): LegacyEncoding | null {
  if (isCertainlyUnicode(s)) return null;
  const words = (s.match(WORD) ?? []).filter((w) => /[^\x00-\x7f]/.test(w));
  let best: LegacyEncoding | null = null;
  let bestGain = 0;
  let tie = false;
  let aroundReads = false;
  for (const [encoding, decode] of DECODERS) {
    const pairs = words.map((w) => [w, decode(w).normalize("NFC")] as const);
    const telling = pairs.filter(([, after]) => hasVowel(after));
    const before = telling.filter(([w]) => isVietnameseSyllable(w)).length;
    const after = telling.filter(([, a]) => isVietnameseSyllable(a)).length;
    if (after * 5 < telling.length * 4) continue;
    // Reading the text means leaving no symbol undecoded ("Kh«ng" is no VNI: "«" stays).
    if (encoding === around) aroundReads = pairs.every(([, a]) => LETTERS.test(a));
    const gain = after - before;
    if (gain > bestGain) {
      best = encoding;
      bestGain = gain;
      tie = false;
    } else if (gain > 0 && gain === bestGain) {
      tie = true;
    }
  }
  if (around !== undefined && aroundReads && (tie || (best !== around && bestGain === 1)))
    return around;
  return tie ? null : best;
}

/** Latin-1 letters that Unicode Vietnamese (NFC) uses; the other Latin-1 characters it never does. */
const VIETNAMESE_LATIN1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";
/** Latin-1 characters from 0xA1 (no-break space, common in pasted text, is no legacy letter). */
const LATIN1 = /[\u00a1-\u00ff]/g;

/**
 * Whether text may be TCVN3 or VNI: a pre-filter for a host deciding whether fonts are worth
 * asking for. True when the text holds a Latin-1 character that Unicode Vietnamese never uses
 * ("¸", "«", "ø", "ñ"), or when detection finds an encoding ("Nguyeãn"); false for plain ASCII,
 * for Unicode text ("Nguyễn", "Có") and for text with Unicode-only characters.
 */
export function mayBeLegacy(s: string): boolean {
  const latin1 = s.match(LATIN1);
  if (latin1 === null || isCertainlyUnicode(s)) return false;
  return latin1.some((ch) => !VIETNAMESE_LATIN1.includes(ch)) || detectLegacy(s) !== null;
}
