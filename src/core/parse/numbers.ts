/**
 * Numbers typed as text. Vietnamese writes "5.000.000" (dot for thousands) and "2,5" (comma for
 * decimals); English-language templates write "5,000,000" and "2.5"; Word pastes "5 000 000". One
 * rule covers all: a separator followed by exactly three digits, with at most three digits before
 * it (and no leading zero), is a thousands separator; otherwise the single separator is decimal.
 * So "2,5" is 2.5, "2,500" is 2500, "0,500" is 0.5, "1.234,5" is 1234.5 and "1,234.5" is 1234.5.
 */

const escape = (sep: string): string => (sep === "." ? "\\." : sep);
const grouped = (s: string, sep: string): boolean =>
  new RegExp(`^[1-9]\\d{0,2}(?:${escape(sep)}\\d{3})+$`).test(s);
const count = (s: string, ch: string): number => s.split(ch).length - 1;
const DIGITS = /^\d+$/;

/** One kind of separator, or none. */
function single(s: string, sep: string): number | null {
  const n = count(s, sep);
  if (n === 0) return DIGITS.test(s) ? Number(s) : null;
  if (n > 1) return grouped(s, sep) ? Number(s.split(sep).join("")) : null;
  const [a = "", b = ""] = s.split(sep);
  if (!DIGITS.test(a) || !DIGITS.test(b)) return null;
  if (b.length === 3 && grouped(s, sep)) return Number(a + b);
  // A thousands group never starts with 0, and "05,5" is not a number anyone writes.
  if (a.length > 1 && a.startsWith("0")) return null;
  return Number(`${a}.${b}`);
}

/** Both "." and ",": the last one, once, is the decimal mark; the other must group thousands. */
function mixed(s: string): number | null {
  const last = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
  const dec = s.charAt(last);
  const group = dec === "." ? "," : ".";
  const whole = s.slice(0, last);
  const frac = s.slice(last + 1);
  if (count(s, dec) !== 1 || !grouped(whole, group) || !DIGITS.test(frac)) return null;
  return Number(`${whole.split(group).join("")}.${frac}`);
}

/**
 * A non-negative decimal number written with digits and separators (already trimmed, no sign, no
 * unit), or null when the text is not one.
 */
export function parseDecimalText(text: string): number | null {
  let s = text;
  if (s.includes(" ")) {
    // Spaces only ever group thousands: "5 000 000", "5 000,5".
    const m = /^([1-9]\d{0,2}(?: \d{3})+)((?:[.,]\d+)?)$/.exec(s);
    if (m === null) return null;
    s = (m[1] ?? "").replace(/ /g, "") + (m[2] ?? "");
  }
  const dots = count(s, ".");
  const commas = count(s, ",");
  const n = dots > 0 && commas > 0 ? mixed(s) : single(s, dots > 0 ? "." : ",");
  return n !== null && Number.isFinite(n) ? n : null;
}
