import type { RawValue } from "../model/cells";
import type { LocalText } from "../model/i18n";
import { cleanText } from "../text/normalize";

/**
 * What a cell parser returns. A bad cell is a value, not an exception: the caller turns `expected`
 * into a finding with the sheet and cell. A blank cell is `{ ok: true, value: null }`: whether a
 * blank is allowed is the caller's rule, not the parser's.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: LocalText };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = (expected: LocalText): { ok: false; expected: LocalText } => ({
  ok: false,
  expected,
});

/** Empty, null, or only spaces (NBSP included): what Excel users see as an empty cell. */
export const isBlank = (v: RawValue | undefined): boolean =>
  v === undefined || v === null || (typeof v === "string" && cleanText(v) === "");
