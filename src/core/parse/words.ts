import { foldDiacritics, nameKey } from "../text/normalize";

/**
 * Small vocabularies (yes/no, sex, status, hardship) looked up by key. Words are matched by
 * nameKey, so case, spacing, Unicode form and tone placement never matter, and also by their
 * diacritic-free fold ("khong" for "Không"), because many people type without a Vietnamese
 * keyboard. In a strict table the fold is accepted only when the cell has no diacritics at all:
 * for short words a wrong mark is a different word ("Năm", year, is not "Nam", male).
 */
export interface WordTable<T> {
  readonly exact: ReadonlyMap<string, T>;
  readonly folded: ReadonlyMap<string, T>;
  readonly strict: boolean;
  /**
   * Answers by the cell's text as written. A register repeats a handful of spellings ("Nữ", "Có")
   * hundreds of thousands of times; computing their keys once each keeps the reader fast.
   */
  readonly seen: Map<string, T | undefined>;
}

/** Bounds the memo: free text in a yes/no column must not grow it without end. */
const SEEN_MAX = 4096;

export function wordTable<T>(
  entries: ReadonlyArray<readonly [T, readonly string[]]>,
  strict: boolean,
): WordTable<T> {
  const exact = new Map<string, T>();
  const folded = new Map<string, T>();
  for (const [value, words] of entries) {
    for (const w of words) {
      exact.set(nameKey(w), value);
      folded.set(foldDiacritics(w), value);
    }
  }
  return { exact, folded, strict, seen: new Map() };
}

const PLAIN = /^[\x20-\x7e]*$/;

/** The value of a word in the table, or undefined when it is not there. */
export function lookupWord<T>(table: WordTable<T>, text: string): T | undefined {
  if (table.seen.has(text)) return table.seen.get(text);
  const value = lookupUncached(table, text);
  if (table.seen.size >= SEEN_MAX) table.seen.clear();
  table.seen.set(text, value);
  return value;
}

function lookupUncached<T>(table: WordTable<T>, text: string): T | undefined {
  const hit = table.exact.get(nameKey(text));
  if (hit !== undefined) return hit;
  if (table.strict && !PLAIN.test(text.normalize("NFC"))) return undefined;
  return table.folded.get(foldDiacritics(text));
}

/**
 * Yes / no as registers write them: marks, codes and the words officials type when asked whether a
 * club has something ("Đã có" / "Chưa có" a fund regulation, "Đã ban hành", "Rồi" / "Chưa"), whether
 * it is "Quản lý tốt" ("Tốt" / "Chưa tốt") or meets a criterion ("Đạt" / "Chưa đạt"). Strict: the
 * short words have neighbours one mark away ("Cô", "Chùa"). It lives here, not in values.ts, because
 * the hardship reader must know a yes/no word when it meets one (categories.ts).
 */
export const YES_NO = wordTable<boolean>(
  [
    [
      true,
      [
        "Có",
        "C",
        "x",
        "✓",
        "✔",
        "☑",
        "1",
        "Yes",
        "Y",
        "True",
        "Đạt",
        "Đã có",
        "Có rồi",
        "Đã",
        "Rồi",
        "Tốt",
        "Đã ban hành",
        "Đã xây dựng",
      ],
    ],
    [
      false,
      [
        "Không",
        "K",
        "Ko",
        "0",
        "No",
        "N",
        "False",
        "-",
        "☐",
        "Không đạt",
        "Chưa đạt",
        "Chưa có",
        "Chưa",
        "Không có",
        "Chưa ban hành",
        "Chưa xây dựng",
        "Chưa tốt",
        "Không tốt",
      ],
    ],
  ],
  true,
);
