import { fromTcvn3, fromVni } from "./codec";
import { detectLegacy, encodingOfFont, isCertainlyUnicode, type LegacyEncoding } from "./detect";

/**
 * Vietnamese text typed in the legacy 8-bit encodings TCVN3 (ABC, ".VnTime" fonts) and VNI
 * ("VNI-Times" fonts), as Excel stores it (the Windows-1252 characters of the byte codes: "á" is
 * "¸" in TCVN3 and "aù" in VNI): conversion to and from Unicode, and detection. Tables and their
 * sources: ./tables.ts.
 */
export { fromTcvn3, fromVni, toTcvn3, toVni } from "./codec";
export { detectLegacy, encodingOfFont, mayBeLegacy, type LegacyEncoding } from "./detect";

/**
 * Text as Unicode NFC. A legacy font (`hint.font`, e.g. ".VnTimeH", "VNI-Times") decides the
 * encoding; with no font, or any other font (legacy text pasted into a Unicode-font sheet shows as
 * "Nguyªn"), the encoding is detected, conservatively (see detectLegacy), `hint.around` (the
 * sheet's encoding) settling what a single word cannot. Detected TCVN3 text with
 * a lower-case code between capitals ("HéI", "TUæI") was typed in capitals, for a capital font (TCVN3
 * has few capital codes): it comes out upper case ("HỘI", "TUỔI").
 * Text that holds characters only Unicode has ("ư", "ạ", combining marks) is never converted,
 * whatever the font says: it was typed in Unicode and would only be garbled. `converted` names the
 * encoding used when it changed the text (a legacy-font cell holding only ASCII, "Nam", gives null).
 *
 * Run this on the cell text as read, before cleanText: TCVN3 "ư" is 0xAD, the soft hyphen, which
 * cleanText drops as invisible.
 */
export function toUnicode(
  s: string,
  hint?: { font?: string; around?: LegacyEncoding },
): { text: string; converted: LegacyEncoding | null } {
  const plain = s.normalize("NFC");
  if (isCertainlyUnicode(s)) return { text: plain, converted: null };
  const byFont = hint?.font === undefined ? null : encodingOfFont(hint.font);
  const encoding = byFont?.encoding ?? detectLegacy(s, hint?.around);
  if (encoding === null) return { text: plain, converted: null };
  let text = (encoding === "vni" ? fromVni(s) : fromTcvn3(s, byFont?.upper)).normalize("NFC");
  // Detected TCVN3 with a small letter between capitals ("HéI" → "HộI") was typed in capitals.
  if (byFont === null && encoding === "tcvn3" && /\p{Ll}\p{Lu}/u.test(text)) {
    text = text.toUpperCase();
  }
  return { text, converted: text === plain ? null : encoding };
}
