/** A date as registers give it: a year alone (most often), a year and month, or a full date. */
export interface DateParts {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
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
