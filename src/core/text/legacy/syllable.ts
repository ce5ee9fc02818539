/**
 * A loose check that a word is one Vietnamese syllable: initial consonant, optional medial (o, u),
 * vowel nucleus, optional final, at most one tone. It accepts some rare non-words (the point is to
 * tell real Vietnamese from legacy-encoded garbage such as "Nguyeãn" or "Kh«ng", not to spell-check)
 * and rejects foreign words ("Café", "Müller": no f, no ü).
 */

/** The five tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters. */
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Initial consonants, longest first so that "ngh" is tried before "ng" and "n". */
const INITIALS = [
  "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
  "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
]; // prettier-ignore

/** Finals each nucleus takes ("" = open syllable), after Vietnamese orthography. */
const NUCLEI: Readonly<Record<string, readonly string[]>> = {
  a: ["", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "u", "y"],
  ă: ["c", "m", "n", "ng", "p", "t"],
  â: ["c", "m", "n", "ng", "p", "t", "u", "y"],
  e: ["", "c", "m", "n", "ng", "o", "p", "t"],
  ê: ["", "ch", "m", "n", "nh", "p", "t", "u"],
  i: ["", "ch", "m", "n", "nh", "p", "t", "u"],
  o: ["", "c", "i", "m", "n", "ng", "p", "t"],
  ô: ["", "c", "i", "m", "n", "ng", "p", "t"],
  ơ: ["", "i", "m", "n", "p", "t"],
  u: ["", "c", "i", "m", "n", "ng", "p", "t"],
  ư: ["", "c", "i", "m", "n", "ng", "t", "u"],
  y: ["", "ch", "n", "nh", "t", "u"],
  iê: ["c", "m", "n", "ng", "p", "t", "u"],
  yê: ["c", "m", "n", "ng", "p", "t", "u"],
  uô: ["c", "i", "m", "n", "ng", "p", "t"],
  ươ: ["c", "i", "m", "n", "ng", "p", "t", "u"],
  ia: [""],
  ya: [""],
  ua: [""],
  ưa: [""],
};

/** Which nuclei may follow a medial o or u ("hoa", "hoặc", "khoẻ"; "thuận", "huệ", "tuy", "thuở"). */
const AFTER_MEDIAL: Readonly<Record<string, readonly string[]>> = {
  o: ["a", "ă", "e"],
  u: ["a", "â", "ê", "y", "ơ", "yê", "ya"],
};

/** Vowels that, at the end of a rhyme, are its final glide ("ao", "ai", "êu", "ay"). */
const GLIDES = ["i", "y", "o", "u"];

/**
 * Whether `r` (after the initial) is a rhyme: medial, nucleus, final. `tone` is the index in `r`
 * of the letter carrying the tone (-1 for none): never the final glide ("théo", not "theó").
 */
function isRhyme(r: string, tone: number): boolean {
  for (const medial of ["", "o", "u"]) {
    if (!r.startsWith(medial)) continue;
    const rest = r.slice(medial.length);
    for (const [nucleus, finals] of Object.entries(NUCLEI)) {
      if (medial !== "" && !(AFTER_MEDIAL[medial] ?? []).includes(nucleus)) continue;
      if (!rest.startsWith(nucleus)) continue;
      const final = rest.slice(nucleus.length);
      if (!finals.includes(final)) continue;
      if (GLIDES.includes(final) && tone >= medial.length + nucleus.length) continue;
      return true;
    }
  }
  return false;
}

/** Whether `word` (letters only, any case, any Unicode form) reads as one Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  if (word === "") return false;
  // A capital after a small letter ("nghÌo") is not how Vietnamese words are written.
  if (/\p{Ll}\p{Lu}/u.test(word)) return false;
  let bare = "";
  let tone = -1;
  for (const ch of word.normalize("NFC").toLowerCase()) {
    const parts = ch.normalize("NFD");
    const stripped = parts.replace(TONE, "");
    if (stripped !== parts) {
      if (tone >= 0 || stripped.length !== parts.length - 1) return false; // two tones
      if (!/^[aeiouy]/.test(stripped)) return false; // a tone on a consonant: "ñ" is not "n"
      tone = bare.length;
    }
    bare += stripped.normalize("NFC");
  }
  if (!/^[a-zđăâêôơư]+$/.test(bare)) return false;
  return INITIALS.some((i) => bare.startsWith(i) && isRhyme(bare.slice(i.length), tone - i.length));
}
