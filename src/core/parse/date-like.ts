import type { RawValue } from "../model/cells";
import { say } from "../model/i18n";
import { cleanText, foldDiacritics } from "../text/normalize";
import { DateParts, MAX_SERIAL, isValidDate, serialToParts } from "./dates";
import { Parsed, fail, implausible, isBlank, ok } from "./result";

export interface YearRange {
  readonly minYear?: number;
  readonly maxYear?: number;
}

const EXPECTED = say(
  "năm (vd. 1955) hoặc ngày dd/mm/yyyy (vd. 05/03/1955)",
  "a year (e.g. 1955) or a date dd/mm/yyyy (e.g. 05/03/1955)",
);
const TWO_DIGIT = say(
  "năm viết đủ 4 chữ số (vd. 05/03/1955, không phải 05/03/55)",
  "a year with four digits (e.g. 05/03/1955, not 05/03/55): a two-digit year is ambiguous",
);
const NO_SUCH_DAY = say(
  "một ngày có thật (tháng 1-12; ngày 29/02 chỉ có trong năm nhuận)",
  "a real calendar date (months 1-12; 29/02 only in leap years)",
);

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?`;
const DMY = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`);
const YMD = new RegExp(String.raw`^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})${TIME}$`);
const MY = /^(\d{1,2})[/.-](\d{4})$/;
const YM = /^(\d{4})-(\d{1,2})$/;
const YEAR = /^(\d{4})$/;
/** "55", "3/55", "5/3/55", "05.03.55": the century is a guess, and a wrong one moves an age by 100. */
const SHORT_YEAR = /^(?:\d{1,2}[/.-]){0,2}\d{2}$/;
/** Written out, as on paper forms: "ngày 5 tháng 3 năm 1955", "tháng 3/1955", "năm 1955". */
const WORDS_DMY = /^ngay ?(\d{1,2}) ?thang ?(\d{1,2}) ?nam ?(\d{4})$/;
const WORDS_MY = /^thang ?(\d{1,2}) ?(?:nam ?|\/ ?)(\d{4})$/;
const WORDS_Y = /^nam ?(\d{4})$/;

function build(year: number, month?: number, day?: number): Parsed<DateParts> {
  if (year < 1000) return fail(EXPECTED);
  if (month === undefined) return ok({ year });
  if (day === undefined)
    return month >= 1 && month <= 12 ? ok({ year, month }) : implausible(NO_SUCH_DAY);
  return isValidDate({ year, month, day }) ? ok({ year, month, day }) : implausible(NO_SUCH_DAY);
}

function fromText(t: string): Parsed<DateParts> {
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(t))) return build(Number(m[1]));
  if ((m = DMY.exec(t))) return build(Number(m[4]), Number(m[3]), Number(m[1]));
  if ((m = YMD.exec(t))) return build(Number(m[1]), Number(m[3]), Number(m[4]));
  if ((m = MY.exec(t))) return build(Number(m[2]), Number(m[1]));
  if ((m = YM.exec(t))) return build(Number(m[1]), Number(m[2]));
  if (SHORT_YEAR.test(t)) return fail(TWO_DIGIT);
  const f = foldDiacritics(t);
  if ((m = WORDS_DMY.exec(f))) return build(Number(m[3]), Number(m[2]), Number(m[1]));
  if ((m = WORDS_MY.exec(f))) return build(Number(m[2]), Number(m[1]));
  if ((m = WORDS_Y.exec(f))) return build(Number(m[1]));
  return fail(EXPECTED);
}

/**
 * Excel hands dates over as serial numbers, but a birth year typed as a number is a number too.
 * An integer 1000-9999 is read as a year (as a serial it would be a day in 1902-1927, which no
 * register means); an integer below 100 is a two-digit year, refused like "5/3/55" (as a serial
 * it would be a day in 1900); anything else from 1 to 31/12/9999 is a serial, time of day dropped.
 */
function fromNumber(n: number): Parsed<DateParts> {
  if (!Number.isFinite(n)) return fail(EXPECTED);
  if (Number.isInteger(n) && n >= 1000 && n <= 9999) return ok({ year: n });
  if (Number.isInteger(n) && n >= 0 && n < 100) return fail(TWO_DIGIT);
  if (n >= 1 && n < MAX_SERIAL + 1) return ok(serialToParts(n));
  return fail(EXPECTED);
}

/** A year read but out of the range asked for: implausible, not unreadable. */
function rangeText(min: number | undefined, max: number | undefined): Parsed<never> {
  if (min !== undefined && max !== undefined) {
    return implausible(say(`năm trong khoảng ${min}–${max}`, `a year from ${min} to ${max}`));
  }
  if (min !== undefined) return implausible(say(`năm ${min} trở về sau`, `a year from ${min} on`));
  return implausible(say(`năm ${max ?? ""} trở về trước`, `a year up to ${max ?? ""}`));
}

/**
 * A year, a month and year, or a full date, from whatever a register holds: an Excel date, a year
 * typed as a number, or text ("1955", "05/03/1955", "5-3-1955", "05.03.1955", "1955-03-05",
 * "03/1955"). Day comes first: Vietnamese registers never write month/day/year. The year must lie
 * in [minYear, maxYear] when these are given.
 */
export function parseDateLike(
  v: RawValue | undefined,
  opts: YearRange = {},
): Parsed<DateParts | null> {
  if (isBlank(v)) return ok(null);
  let r: Parsed<DateParts>;
  if (typeof v === "number") r = fromNumber(v);
  else if (typeof v === "string") r = fromText(cleanText(v));
  else r = fail(EXPECTED);
  if (!r.ok) return r;
  const { minYear, maxYear } = opts;
  const y = r.value.year;
  if ((minYear !== undefined && y < minYear) || (maxYear !== undefined && y > maxYear)) {
    return rangeText(minYear, maxYear);
  }
  return r;
}
