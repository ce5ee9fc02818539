import { SheetSpec } from "../../core/sheets/specs";
import { Rng } from "./rng";

/** What the sample writes into a cell; Dates are UTC midnights (ExcelJS stores them as serials). */
export type Cell = string | number | Date | null;

/** A row by field key; `toRow` lays it out in the spec's column order, so no header is retyped. */
export type RowRecord = Readonly<Record<string, Cell>>;

export function toRow(spec: SheetSpec, rec: RowRecord): Cell[] {
  return spec.fields.map((f) => rec[f.key] ?? null);
}

export const headersOf = (spec: SheetSpec): string[] => spec.fields.map((f) => f.header);

export interface AsOf {
  readonly iso: string;
  readonly year: number;
  readonly date: Date;
}

/** Parses the reference date ("YYYY-MM-DD"); the sample's ages, leavers and joins count to it. */
export function parseAsOf(iso: string): AsOf {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = m ? utc(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== iso) {
    throw new Error(`sample: asOf must be a date YYYY-MM-DD, got "${iso}"`);
  }
  return { iso, year: Number(m[1]), date };
}

/** month is 1-based, as people write it. */
export const utc = (y: number, month: number, d: number): Date =>
  new Date(Date.UTC(y, month - 1, d));

const DAY = 86_400_000;

/** A day in [from, to], both inclusive. */
export function dayBetween(rng: Rng, from: Date, to: Date): Date {
  const days = Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY));
  return new Date(from.getTime() + rng.int(0, days) * DAY);
}

const two = (n: number) => String(n).padStart(2, "0");

/** "07/03/1956": how dates typed as text look in Vietnamese registers (day first). */
export const dmy = (d: Date): string =>
  `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

/** "5.000.000": Vietnamese thousands separator, as in amounts typed as text. */
export const dotted = (amount: number): string =>
  String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
