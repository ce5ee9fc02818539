import { RawValue } from "../model/cells";
import { FullDate } from "../model/dates";
import { isValidDate, parseIsoDate, partsToSerial, serialToParts } from "../parse/dates";
import { cleanText } from "../text/normalize";

/** Days of the review trail are ISO "YYYY-MM-DD" strings: they sort and compare as text. */
const iso = (p: FullDate): string =>
  `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;

/** An ISO day as an Excel serial (what a "date" cell holds), or null when it is no real day. */
export function isoToSerial(day: string): number | null {
  const p = parseIsoDate(day);
  return p ? partsToSerial(p) : null;
}

/**
 * A day cell as a reviewer or Excel left it: a serial number, "dd/mm/yyyy" (or with "-" or "."),
 * or "YYYY-MM-DD". Anything else is no day (null).
 */
export function dayOfCell(v: RawValue | undefined): string | null {
  if (typeof v === "number") {
    return Number.isFinite(v) && v >= 1 && v < 2_958_466 ? iso(serialToParts(v)) : null;
  }
  const t = cleanText(v);
  if (t === "") return null;
  const isoDay = parseIsoDate(t.slice(0, 10));
  if (isoDay && /^\d{4}-\d{2}-\d{2}(?:$|[T ])/.test(t)) return iso(isoDay);
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const p = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  return isValidDate(p) ? iso(p) : null;
}

/** An ISO day as the sheet shows it to a person: "dd/mm/yyyy". */
export function dayText(day: string): string {
  const p = parseIsoDate(day);
  return p
    ? `${String(p.day).padStart(2, "0")}/${String(p.month).padStart(2, "0")}/${p.year}`
    : day;
}

/** The day of a run as given by a host, or null when it gave none or not a real day. */
export const checkDay = (day: string | undefined): string | null =>
  day !== undefined && parseIsoDate(day) ? day : null;
