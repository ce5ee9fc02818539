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
