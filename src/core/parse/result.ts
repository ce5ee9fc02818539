import type { LocalText } from "../model/i18n";

/**
 * What a cell parser returns. A bad cell is a value, not an exception: the caller turns `expected`
 * into a finding with the sheet and cell. A blank cell is `{ ok: true, value: null }`: whether a
 * blank is allowed is the caller's rule, not the parser's. `implausible` tells a value that was
 * read but cannot be right (a birth year of 2030, a negative amount, 12,5 members: "không hợp
 * lý") from one that could not be read at all ("không đọc được"); the messages differ.
 */
export type Parsed<T> =
  { ok: true; value: T } | { ok: false; expected: LocalText; implausible?: true };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** The value could not be read. */
export const fail = (expected: LocalText): { ok: false; expected: LocalText } => ({
  ok: false,
  expected,
});

/** The value was read, but it cannot be right: outside what `expected` says. */
export const implausible = (
  expected: LocalText,
): { ok: false; expected: LocalText; implausible: true } => ({
  ok: false,
  expected,
  implausible: true,
});

/** Empty, null, or only spaces (NBSP included): what Excel users see as an empty cell. */
export { isBlank } from "../text/normalize";
