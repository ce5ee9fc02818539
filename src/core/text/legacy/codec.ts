import { TCVN3_CAPITALS, TCVN3_LOWER, VNI_ALL } from "./tables";

/**
 * Conversions between Unicode and the two legacy encodings, on strings as Excel stores them (one
 * Windows-1252/Latin-1 character per byte). Decoders never throw: characters that are not legacy
 * letter codes (ASCII, digits, punctuation, anything else) pass through unchanged. Encoders expect
 * Vietnamese text: Latin-1 symbols that happen to be legacy codes ("¸", "é" in "Café") are not
 * escaped, so they do not survive a round trip.
 */

const TCVN3_DECODE = new Map<string, string>();
const TCVN3_ENCODE = new Map<string, string>();
for (const [letter, code] of [...TCVN3_LOWER, ...TCVN3_CAPITALS]) {
  TCVN3_DECODE.set(String.fromCharCode(code), letter);
  TCVN3_ENCODE.set(letter, String.fromCharCode(code));
}

const VNI_DECODE = new Map<string, string>();
const VNI_ENCODE = new Map<string, string>();
for (const [letter, vni] of VNI_ALL) {
  VNI_DECODE.set(vni, letter);
  VNI_ENCODE.set(letter, vni);
}

/** Whether a character is a TCVN3 letter code (0xA1-0xFE, the letters only). */
export function isTcvn3Code(ch: string): boolean {
  return TCVN3_DECODE.has(ch);
}

/**
 * TCVN3 text to Unicode (NFC). With `upper` (text shown in a capital font such as ".VnTimeH",
 * which draws every letter as a capital) the whole result is upper case.
 */
export function fromTcvn3(s: string, upper = false): string {
  let out = "";
  for (const ch of s) out += TCVN3_DECODE.get(ch) ?? ch;
  return upper ? out.toUpperCase() : out;
}

/**
 * Unicode text to TCVN3. TCVN3 has only seven capitals (Ă Â Ê Ô Ơ Ư Đ): every other capital with a
 * diacritic ("Á", "Ễ") is written with its lower-case code, as typists did (in a capital font it
 * shows as the capital again), so it comes back lower case. ASCII capitals are kept.
 */
export function toTcvn3(s: string): string {
  let out = "";
  for (const ch of s.normalize("NFC")) {
    out += TCVN3_ENCODE.get(ch) ?? TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch;
  }
  return out;
}

/**
 * VNI text to Unicode (NFC). Reads left to right, taking a base letter with its mark when the pair
 * is a VNI letter ("aù" → "á"), else a single code ("ñ" → "đ", "ô" → "ơ"), else the character.
 * A mark with no base before it ("ù" alone) stays as it is.
 */
export function fromVni(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const pair = VNI_DECODE.get(s.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i += 2;
      continue;
    }
    const ch = s.charAt(i);
    out += VNI_DECODE.get(ch) ?? ch;
    i += 1;
  }
  return out;
}

/** Unicode text to VNI; all 134 Vietnamese letters have a VNI form, in both cases. */
export function toVni(s: string): string {
  let out = "";
  for (const ch of s.normalize("NFC")) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}
