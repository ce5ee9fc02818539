import { FullDate } from "../model/dates";
import { parseDateLike } from "../parse/date-like";
import { foldDiacritics, headerKey } from "../text/normalize";
import { cutText } from "../text/short-text";

/**
 * Header cells as people type them: "Vay vốn (đồng)", "Giới tính (1: Nam, 2: Nữ)", "Tuổi (tính đến
 * 31/12/2024)", "HO VA TEN", "Họ và tên thành viên". The bracketed notes are set apart from the
 * words that name the field; what the notes mean (a unit, a code, a date) is read here too.
 */

/** A parenthesised or bracketed note: "(đồng)", "[ghi rõ]". Notes do not nest in real headers. */
const NOTE = /[([]([^()[\]]*)[)\]]/g;

export interface HeaderText {
  /** The words that name the field, notes removed ("Vay vốn"). */
  readonly base: string;
  /** The notes, in order, without their brackets ("đồng"). */
  readonly notes: readonly string[];
}

export function splitHeader(text: string): HeaderText {
  const notes: string[] = [];
  const base = text.replace(NOTE, (_, note: string) => {
    notes.push(note.trim());
    return " ";
  });
  return { base: base.replace(/\s+/g, " ").trim(), notes };
}

/**
 * The key under which a header matches when typed without accents: headerKey, then case, tone and
 * vowel marks and đ/d folded ("Mã CLB", "MA CLB" and "Ma CLB" agree). Too loose for names, which is
 * why header synonyms that fold together are checked (see header-lookup.ts).
 */
export function foldedKey(text: string): string {
  return foldDiacritics(headerKey(text.length > KEYED_START ? cutText(text, KEYED_START) : text));
}

/**
 * How much of a text foldedKey folds. Its keys are compared with headers, titles and sheet names
 * (a few dozen characters) or tested for starting with one: a longer text gives a key as long as
 * this, which equals none of them and starts as the whole text's would. A column of names of
 * 32,767 characters is looked at by every sheet's recognition, cell by cell, row by row: folding
 * each whole took a second; its start, nothing.
 */
const KEYED_START = 300;

/**
 * What a unit note multiplies the column's amounts by to give đồng: "(triệu đồng)", "(tr.đ)" are
 * millions; "(nghìn đồng)", "(ngàn đ)", "(1.000đ)", "(1000 đồng)" thousands; "(đồng)", "(VNĐ)"
 * one. Null when the note is no unit.
 */
export function unitScale(note: string): number | null {
  const t = foldedKey(note)
    .replace(/[.,\s]/g, "")
    .replace(/vnd$|dong$|d$/, "");
  if (t === "" || t === "vn") return 1;
  if (t === "trieu" || t === "tr" || t === "1000000") return 1_000_000;
  if (t === "nghin" || t === "ngan" || t === "1000" || t === "ng") return 1_000;
  return null;
}

/** "(tính đến 31/12/2024)", "(đến ngày 31/12/2024)", "(năm 2024)", "(2024)": the date an age is at. */
const AT_DATE = /^(?:(?:tinh )?den(?: ngay)?|tai(?: ngay)?|nam|vao(?: ngay)?|at|as of|in)?\s*(.+)$/;

/**
 * The date a note dates a column at ("Tuổi (tính đến 31/12/2024)"), or null. A bare year is the end
 * of that year: ages in a yearly register are the ages reached in that year.
 */
export function noteDate(note: string): FullDate | null {
  const m = AT_DATE.exec(foldDiacritics(note).trim());
  if (m === null) return null;
  const parsed = parseDateLike(m[1]!.trim(), { minYear: 1900, maxYear: 2100 });
  if (!parsed.ok || parsed.value === null) return null;
  const { year, month, day } = parsed.value;
  return month === undefined || day === undefined
    ? { year, month: 12, day: 31 }
    : { year, month, day };
}
