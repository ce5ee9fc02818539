/**
 * Calendar arithmetic in plain integers: no Date, so no time zone can shift a birthday by one day.
 * Registers hold full dates, a month and year, or (most often) only a birth year.
 */
import { DateParts, FullDate } from "../model/dates";

export type { DateParts, FullDate };

/** The largest serial Excel accepts: 31/12/9999. */
export const MAX_SERIAL = 2958465;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(p: FullDate): boolean {
  return (
    Number.isInteger(p.year) &&
    Number.isInteger(p.month) &&
    Number.isInteger(p.day) &&
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month)
  );
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of daysFromCivil (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): FullDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const EPOCH = daysFromCivil(1899, 12, 30);

/**
 * An Excel serial (1900 date system; the time of day is dropped) to its date. Excel counts from
 * 1899-12-30 but, copying Lotus 1-2-3, also counts a 29/02/1900 that never was: serial 60. So
 * serials 1-59 are one day later than the plain count (1 = 01/01/1900, 59 = 28/02/1900), serial 60
 * becomes 01/03/1900 (the same rule as a 29 February birthday in a common year, see ageAt), and
 * from 61 (= 01/03/1900) the plain count is right. `serial` must be finite.
 */
export function serialToParts(serial: number): FullDate {
  if (!Number.isFinite(serial)) throw new RangeError(`Not a date serial: ${serial}`);
  const n = Math.floor(serial);
  return civilFromDays(EPOCH + (n < 61 ? n + 1 : n));
}

/** A date to its Excel serial; dates before 01/03/1900 skip the fictitious serial 60. */
export function partsToSerial(p: FullDate): number {
  const n = daysFromCivil(p.year, p.month, p.day) - EPOCH;
  return n < 61 ? n - 1 : n;
}

/** Strict "YYYY-MM-DD" (the settings' reference date), or null when it is not a real date. */
export function parseIsoDate(s: string): FullDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (m === null) return null;
  const p = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(p) ? p : null;
}

export function compareDates(a: FullDate, b: FullDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Age at the reference date. With a full birth date, the exact age: one less until the birthday.
 * Someone born on 29 February has the birthday on 1 March in common years (the comparison of
 * (month, day) pairs gives that: 28/02 is still before 29/02). With only a year (or a year and a
 * month), the way Vietnamese registers count: reference year minus birth year.
 */
export function ageAt(birth: DateParts, ref: FullDate): number {
  const years = ref.year - birth.year;
  if (birth.month === undefined || birth.day === undefined) return years;
  const before = ref.month < birth.month || (ref.month === birth.month && ref.day < birth.day);
  return before ? years - 1 : years;
}

/**
 * Whether a leave date is surely before the reference date. A partial date counts as its last day
 * (a year as 31/12, a month as its last day): a member whose leave date says only "2024" still
 * counts on a 2024 reference date, because nothing shows that they had left by then.
 */
export function isBefore(left: DateParts, ref: FullDate): boolean {
  const month = left.month ?? 12;
  const day = left.day ?? daysInMonth(left.year, month);
  return compareDates({ year: left.year, month, day }, ref) < 0;
}
