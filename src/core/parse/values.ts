import type { RawValue } from "../model/cells";
import { say } from "../model/i18n";
import { cleanText } from "../text/normalize";
import { parseDecimalText } from "./numbers";
import { Parsed, fail, implausible, isBlank, ok } from "./result";
import { YES_NO, lookupWord, wordTable } from "./words";

/**
 * Cell value parsers: each takes a raw cell and returns a value, null for a blank cell, or what was
 * expected (Vietnamese and English) for the caller to report with the sheet and cell.
 */
export type { Parsed } from "./result";
export type { DateParts } from "./dates";
export { parseDateLike } from "./date-like";
export type { YearRange } from "./date-like";
export { parseHardship, parseStatus, HARDSHIP_CATEGORIES } from "./categories";
export type { ClubStatus, HardshipCategory } from "./categories";

import { Sex } from "../model/records";

export type { Sex };

const SEX = wordTable<Sex>(
  [
    ["M", ["Nam", "nam giới", "M", "Male", "Man"]],
    ["F", ["Nữ", "nữ giới", "F", "Female", "Woman"]],
  ],
  true,
);

/**
 * The number code of a sex column, from its header ("Giới tính (1: Nam, 2: Nữ)"), as statistics
 * forms write it. A bare number means nothing without it: 1/0 and 1/2 both turn up.
 */
export type SexCode = ReadonlyMap<number, Sex>;

/** "1: Nam", "1=Nam", "1 - Nam", "1. Nam", "1 là Nam". */
const CODE_FIRST = /^(\d{1,2}) ?(?:[:=.\-–]|là)? ?(\D.*)$/u;
/** "Nam = 1", "Nam: 1", "Nam - 1", "Nam là 1". */
const WORD_FIRST = /^(\D.*?) ?(?:[:=\-–]|là)? ?(\d{1,2})$/u;

/**
 * The code a header's parenthetical gives ("1: Nam, 2: Nữ", "Nam = 1, Nữ = 0", "1=Nam; 0=Nữ"), or
 * null when it is not exactly one number for each sex.
 */
export function parseSexCode(note: string): SexCode | null {
  const parts = cleanText(note)
    .split(/ ?[,;/] ?| và /)
    .filter((p) => p !== "");
  if (parts.length !== 2) return null;
  const code = new Map<number, Sex>();
  for (const part of parts) {
    const a = CODE_FIRST.exec(part);
    const b = a === null ? WORD_FIRST.exec(part) : null;
    const [n, word] = a !== null ? [a[1], a[2]] : b !== null ? [b[2], b[1]] : [];
    if (n === undefined || word === undefined) return null;
    const sex = lookupWord(SEX, word.trim());
    if (sex === undefined || code.has(Number(n)) || [...code.values()].includes(sex)) return null;
    code.set(Number(n), sex);
  }
  return code;
}

const EXPECTED_SEX = say("Nam hoặc Nữ", "Nam (male) or Nữ (female)");
/** A bare number says how to make it readable rather than only that it is not. */
const EXPECTED_SEX_NOT_NUMBER = say(
  'Nam hoặc Nữ; nếu cột ghi số, hãy ghi mã vào tiêu đề cột, vd. "Giới tính (1=Nam, 0=Nữ)"',
  'Nam (male) or Nữ (female); if the column holds numbers, put their code in its header, e.g. "Giới tính (1=Nam, 0=Nữ)"',
);
const NUMBER_TEXT = /^\d+$/;

/**
 * Nam / Nữ and their variants; a number only through the code of the column's header. An "x" is
 * not a sex: x marks under Nam/Nữ columns are read elsewhere.
 */
export function parseSex(v: RawValue | undefined, code: SexCode | null = null): Parsed<Sex | null> {
  if (isBlank(v)) return ok(null);
  const t = cleanText(v);
  if (typeof v === "number" || NUMBER_TEXT.test(t)) {
    const sex = code?.get(Number(t));
    if (sex !== undefined) return ok(sex);
    if (code === null) return fail(EXPECTED_SEX_NOT_NUMBER);
    const listed = [...code].map(([n, s]) => `${n} (${s === "M" ? "Nam" : "Nữ"})`);
    return fail(
      say(
        `Nam hoặc Nữ, hoặc ${listed.join(" hoặc ")} theo mã ở tiêu đề cột`,
        `Nam (male) or Nữ (female), or ${listed.join(" or ")} by the code in the column header`,
      ),
    );
  }
  const sex = typeof v === "string" ? lookupWord(SEX, t) : undefined;
  return sex !== undefined ? ok(sex) : fail(EXPECTED_SEX);
}

const EXPECTED_YES_NO = say("Có hoặc Không (x = có)", "Có (yes) or Không (no); x = yes");

/**
 * Có / Không in their variants ("Đã có" / "Chưa có", "Đạt" / "Chưa đạt", "Tốt" / "Chưa tốt": YES_NO in
 * words.ts); 1 / 0; TRUE / FALSE. Blank is null, which callers read as no.
 */
export function parseYesNo(v: RawValue | undefined): Parsed<boolean | null> {
  if (isBlank(v)) return ok(null);
  if (typeof v === "boolean") return ok(v);
  if (typeof v === "number") return v === 1 || v === 0 ? ok(v === 1) : fail(EXPECTED_YES_NO);
  const yes = lookupWord(YES_NO, cleanText(v));
  return yes !== undefined ? ok(yes) : fail(EXPECTED_YES_NO);
}

const EXPECTED_AMOUNT = say(
  "số tiền không âm, vd. 5000000 hoặc 5.000.000 đ",
  "a non-negative amount, e.g. 5000000 or 5.000.000 đ",
);
/** Currency words met after amounts; "d" is "đ" typed without a Vietnamese keyboard. */
const CURRENCY = /\s*(?:đồng|dong|vnđ|vnd|đ|d|₫)\.?$/;
/** "5 triệu", "5tr", "500 nghìn": registers typed from speech. */
const SCALE = /\s*(triệu|trieu|tr|nghìn|nghin|ngàn|ngan)\.?$/;

/** An amount in đồng: a number ≥ 0, or text such as "5.000.000", "5,000,000 VNĐ", "2,5 triệu". */
export function parseAmount(v: RawValue | undefined): Parsed<number | null> {
  if (isBlank(v)) return ok(null);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return fail(EXPECTED_AMOUNT);
    return v >= 0 ? ok(v) : implausible(EXPECTED_AMOUNT);
  }
  if (typeof v === "boolean") return fail(EXPECTED_AMOUNT);
  let t = cleanText(v).toLowerCase().replace(CURRENCY, "");
  // In accounting formats "-" is zero; a leading minus is a negative amount: read, but refused.
  if (t === "-") return ok(0);
  if (/^[-−]\s*\d/.test(t)) {
    const negative = parseAmount(t.replace(/^[-−]\s*/, ""));
    if (negative.ok) return negative.value === 0 ? ok(0) : implausible(EXPECTED_AMOUNT);
  }
  let scale = 1;
  const s = SCALE.exec(t);
  if (s !== null) {
    scale = (s[1] ?? "").startsWith("n") ? 1000 : 1_000_000;
    t = t.slice(0, s.index);
  }
  const n = parseDecimalText(t);
  // Scaling "1,1 triệu" in floating point gives 1100000.0000000002: keep Excel's 15 digits.
  return n === null ? fail(EXPECTED_AMOUNT) : ok(Number((n * scale).toPrecision(15)));
}

/** "Được vay vốn": Có / Không, or the amount borrowed (> 0 means yes, 0 means no). */
export function parseYesNoOrAmount(
  v: RawValue | undefined,
): Parsed<{ yes: boolean; amount: number | null } | null> {
  const word = parseYesNo(v);
  if (word.ok) return ok(word.value === null ? null : { yes: word.value, amount: null });
  const amount = parseAmount(v);
  if (amount.ok && amount.value !== null)
    return ok({ yes: amount.value > 0, amount: amount.value });
  const expected = say(
    "Có hoặc Không, hoặc số tiền vay (vd. 5.000.000)",
    "Có (yes) or Không (no), or the amount borrowed (e.g. 5.000.000)",
  );
  // A negative amount was read: it is implausible, not unreadable.
  return !amount.ok && amount.implausible ? implausible(expected) : fail(expected);
}

/** A head count: a whole number ≥ 0, as a number or as text ("12", "1.200"). */
export function parseCount(v: RawValue | undefined): Parsed<number | null> {
  if (isBlank(v)) return ok(null);
  const expected = say("số nguyên không âm (vd. 12)", "a whole number, 0 or more (e.g. 12)");
  let n: number | null = null;
  if (typeof v === "number") n = Number.isFinite(v) ? v : null;
  else if (typeof v === "string") {
    const t = cleanText(v);
    const negative = /^[-−]\s*\d/.test(t);
    n = parseDecimalText(negative ? t.replace(/^[-−]\s*/, "") : t);
    if (n !== null && negative) n = -n;
  }
  if (n === null) return fail(expected);
  // A number was read: a fraction, a negative or a size beyond counting cannot be a head count.
  return Number.isSafeInteger(n) && n >= 0 ? ok(n) : implausible(expected);
}
