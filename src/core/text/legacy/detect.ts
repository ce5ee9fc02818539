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
 */
export function detectLegacy(s: string): LegacyEncoding | null {
  if (isCertainlyUnicode(s)) return null;
  const words = (s.match(WORD) ?? []).filter((w) => /[^\x00-\x7f]/.test(w));
  let best: LegacyEncoding | null = null;
  let bestGain = 0;
  let tie = false;
  for (const [encoding, decode] of DECODERS) {
    const pairs = words.map((w) => [w, decode(w).normalize("NFC")] as const);
    const telling = pairs.filter(([, after]) => hasVowel(after));
    const before = telling.filter(([w]) => isVietnameseSyllable(w)).length;
    const after = telling.filter(([, a]) => isVietnameseSyllable(a)).length;
    if (after * 5 < telling.length * 4) continue;
    const gain = after - before;
    if (gain > bestGain) {
      best = encoding;
      bestGain = gain;
      tie = false;
    } else if (gain > 0 && gain === bestGain) {
      tie = true;
    }
  }
  return tie ? null : best;
}
