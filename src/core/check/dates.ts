import { DateParts, FullDate } from "../model/dates";
import { InputError } from "../model/errors";
import { say } from "../model/i18n";
import { parseIsoDate } from "../parse/dates";

/**
 * Whether a register date lies strictly after the reference date. A partial date is compared only
 * as far as it goes: a member who joined "2025" still counts on 31/12/2025, as the register means.
 */
export function isAfter(d: DateParts, ref: FullDate): boolean {
  if (d.year !== ref.year) return d.year > ref.year;
  if (d.month === undefined || d.month !== ref.month) return (d.month ?? 0) > ref.month;
  return (d.day ?? 0) > ref.day;
}

export function formatDate(d: DateParts): string {
  const p = (n: number) => String(n).padStart(2, "0");
  if (d.month === undefined) return String(d.year);
  if (d.day === undefined) return `${p(d.month)}/${d.year}`;
  return `${p(d.day)}/${p(d.month)}/${d.year}`;
}

/** The settings' reference date ("YYYY-MM-DD"), or a bad-setting error naming it. */
export function referenceDate(asOf: string): FullDate {
  const ref = parseIsoDate(asOf);
  if (!ref) {
    throw new InputError(
      "bad-setting",
      say(
        `Ngày báo cáo "${asOf}" không hợp lệ: cần dạng YYYY-MM-DD.`,
        `The reference date "${asOf}" is not valid: expected YYYY-MM-DD.`,
      ),
    );
  }
  return ref;
}
