/**
 * Text of any length made fit to quote. A cell may hold up to 32,767 characters (Excel's limit, and
 * more in a file written by another program): a message quotes the start of a value, so that a
 * hundred findings about one long value make a report of a hundred short lines, not a hundred
 * copies of the value.
 */

/** How much of a value a message quotes, in UTF-16 units: every real name, id and date fits. */
export const QUOTE_MAX = 100;

/** What stands for the part of a value left out. */
export const ELLIPSIS = "…";

/** Marks that belong to the character before them; a cut must not leave them without it. */
const JOINS_PREVIOUS = /^[\p{M}\u200D\u{1F3FB}-\u{1F3FF}]/u;

/**
 * How far a cut steps back to keep a character with its marks: a real letter has a few (UAX #15
 * allows 30 in a row); behind a longer run the cut falls between two marks, still between whole
 * code points.
 */
const MAX_STEP_BACK = 32;

/**
 * The start of `s`, at most `max` UTF-16 units and a string of its own (see `copied`), cut between
 * two characters as the user sees them: never inside a surrogate pair (which would leave half an
 * emoji or a rare Hán character, and an XML writer would drop the half), never between a letter
 * and its combining marks ("Nguyễn" in NFD is "e" then two marks), never after a zero-width joiner.
 */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  /** Whether `i` falls inside a surrogate pair (on its second half). */
  const insidePair = (i: number): boolean => {
    const c = s.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(s.charCodeAt(i - 1));
  };
  let end = insidePair(max) ? max - 1 : max;
  const betweenCodePoints = end;
  for (let back = 0; ; back++) {
    // Only marks and joiners all the way back: a cut between whole code points will do.
    if (end === 0 || back === MAX_STEP_BACK) return copied(s, betweenCodePoints);
    const next = String.fromCodePoint(s.codePointAt(end)!);
    if (!JOINS_PREVIOUS.test(next) && s.charCodeAt(end - 1) !== 0x200d) break;
    end--;
    if (insidePair(end)) end--;
  }
  return copied(s, end);
}

/**
 * The first `end` units of `s` as a string of their own: a slice of a long string shares its
 * memory and keeps all of it alive (V8 makes a slice of 13 units or more a view), so a short quote
 * kept by each of a hundred findings would keep a hundred values of a megabyte each.
 */
const copied = (s: string, end: number): string => s.slice(0, end).split("").join("");

/** The end of `s`, at most `max` units, starting on a whole code point; a string of its own. */
export function tailText(s: string, max: number): string {
  if (s.length <= max) return s;
  let from = s.length - max;
  const c = s.charCodeAt(from);
  if (c >= 0xdc00 && c <= 0xdfff && isHigh(s.charCodeAt(from - 1))) from++;
  return s.slice(from).split("").join("");
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/**
 * A value as a message quotes it: whole up to QUOTE_MAX units, else its start (see cutText) and
 * "…". The one helper for every finding, so that no message grows with a value.
 */
export function shortText(s: string, max = QUOTE_MAX): string {
  return s.length <= max ? s : `${cutText(s, max).trimEnd()}${ELLIPSIS}`;
}

/**
 * A 53-bit hash of a text (cyrb53, in base 36): what keeps two long keys with a common start apart
 * once they are cut. Not for security: a register is no adversary of another register.
 */
export function textHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
