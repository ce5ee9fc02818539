/** A date as registers give it: a year alone (most often), a year and month, or a full date. */
export interface DateParts {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** Packed dates are below this: year * 512 + month * 32 + day, for years below 2^17. */
export const PACKED_DATES = 2 ** 26;

const isPart = (v: number | undefined, max: number): boolean =>
  v === undefined || (Number.isInteger(v) && v >= 1 && v <= max);

/**
 * A date as one integer, below PACKED_DATES (a month or day absent counts 0): two dates pack
 * alike exactly when they are alike. Undefined for a date that does not fit (no reader makes one:
 * a year outside 0-131,071 or -0, a month or day out of range, a day without a month).
 */
export function packedDate({ year, month, day }: DateParts): number | undefined {
  const fits =
    Number.isInteger(year) &&
    // -0 is an integer at least 0, but would come back as 0.
    (year > 0 || Object.is(year, 0)) &&
    year < PACKED_DATES / 512 &&
    isPart(month, 12) &&
    isPart(day, 31) &&
    (day === undefined || month !== undefined);
  return fits ? year * 512 + (month ?? 0) * 32 + (day ?? 0) : undefined;
}

/** The date packedDate packed. */
export function unpackedDate(p: number): DateParts {
  const year = Math.floor(p / 512);
  const month = (p >> 5) & 15;
  const day = p & 31;
  if (month === 0) return { year };
  return day === 0 ? { year, month } : { year, month, day };
}

/** A full calendar date: the reference date is always one. */
export interface FullDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * A moment's calendar day in the local time zone, "YYYY-MM-DD": the default reference date of a
 * check is the user's today, not UTC's (Vietnam is UTC+7).
 */
export function localIsoDay(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
