import type { RawValue } from "../model/cells";
import { say } from "../model/i18n";
import { cleanText, foldDiacritics } from "../text/normalize";
import { Parsed, fail, isBlank, ok } from "./result";
import { YES_NO, lookupWord, wordTable } from "./words";

/**
 * Phrases with a fixed set of meanings: a club's status and a member's hardship category. The
 * phrases are long enough that a diacritic-free fold cannot turn one into another, so the fold is
 * always accepted ("Dang hoat dong", "can ngheo").
 */

export type ClubStatus = "active" | "closed";

const STATUS = wordTable<ClubStatus>(
  [
    ["active", ["Đang hoạt động", "Hoạt động", "Còn hoạt động", "Active"]],
    [
      "closed",
      [
        "Ngừng hoạt động",
        "Đã ngừng hoạt động",
        "Không hoạt động",
        "Giải thể",
        "Đã giải thể",
        "Tạm ngừng",
        "Tạm ngừng hoạt động",
        "Closed",
        "Dissolved",
        "Inactive",
      ],
    ],
  ],
  false,
);

/** "Đang hoạt động" (the default when blank is the caller's call) or a closed club. */
export function parseStatus(v: RawValue | undefined): Parsed<ClubStatus | null> {
  if (isBlank(v)) return ok(null);
  const s = typeof v === "string" ? lookupWord(STATUS, cleanText(v)) : undefined;
  return s !== undefined
    ? ok(s)
    : fail(
        say(
          "Đang hoạt động, hoặc Ngừng hoạt động / Giải thể / Tạm ngừng",
          "Đang hoạt động (active), or Ngừng hoạt động / Giải thể / Tạm ngừng (closed)",
        ),
      );
}

/** The categories of docs/domain.md, in the template's spelling. */
export const HARDSHIP_CATEGORIES = [
  "Hộ nghèo",
  "Cận nghèo",
  "DTTS",
  "Neo đơn",
  "Khuyết tật",
  "Khác",
] as const;
export type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number];

/**
 * Words per category. "Không" in a hardship column says "no hardship", the same as a blank; "Có" or
 * an "x" says hardship of an unnamed kind, "Khác".
 */
const HARDSHIP = wordTable<HardshipCategory | null>(
  [
    ["Hộ nghèo", ["Hộ nghèo", "Nghèo", "HN", "Poor", "Poor household"]],
    ["Cận nghèo", ["Cận nghèo", "Hộ cận nghèo", "CN", "Near-poor", "Near poor"]],
    ["DTTS", ["DTTS", "Dân tộc thiểu số", "Người dân tộc thiểu số", "Ethnic minority"]],
    [
      "Neo đơn",
      [
        "Neo đơn",
        "Người cao tuổi neo đơn",
        "Cô đơn",
        "Cô đơn không nơi nương tựa",
        "Không nơi nương tựa",
        "Lone",
      ],
    ],
    ["Khuyết tật", ["Khuyết tật", "Người khuyết tật", "KT", "NKT", "Disability", "Disabled"]],
    ["Khác", ["Khác", "Hoàn cảnh khác", "Khó khăn khác", "x", "Có", "1", "Other"]],
    [null, ["Không", "Không có", "Không khó khăn", "-", "0", "None"]],
  ],
  false,
);

/** Lists ("Hộ nghèo, khuyết tật", "HN + KT", "DTTS và neo đơn") give their first category. */
const LIST = /\s*[,;+/&]\s*|\s+(?:và|va|and)\s+/i;

/**
 * What the words of a description name, as folded whole-word phrases ("cận nghèo" before "nghèo":
 * the first phrase that matches at a word wins). "Khác" marks phrases that look like a category
 * and are not one: "(bệnh) hiểm nghèo" is a grave illness, not poverty; "thoát nghèo" is a household
 * that has left poverty. "none" marks words that say the member is not in hardship ("Hộ giàu",
 * "Dân tộc Kinh", the majority people): alone they are not read, next to a category they give way
 * to it.
 */
const NAMED: ReadonlyArray<readonly [string, HardshipCategory | "none"]> = [
  ["hiem ngheo", "Khác"],
  ["thoat ngheo", "Khác"],
  ["can ngheo", "Cận nghèo"],
  ["ngheo", "Hộ nghèo"],
  ["khuyet tat", "Khuyết tật"],
  ["tan tat", "Khuyết tật"],
  ["kt", "Khuyết tật"],
  ["nkt", "Khuyết tật"],
  ["dan toc kinh", "none"],
  ["dan toc", "DTTS"],
  ["dtts", "DTTS"],
  ["neo don", "Neo đơn"],
  ["co don", "Neo đơn"],
  ["khong co noi nuong tua", "Neo đơn"],
  ["khong noi nuong tua", "Neo đơn"],
  ["noi nuong tua", "Neo đơn"],
  ["giau", "none"],
  ["kha gia", "none"],
  ["ho kha", "none"],
];
const NAMED_WORDS = NAMED.map(([phrase, c]) => [phrase.split(" "), c] as const);
/** Words that deny what follows: "Không nghèo", "Không thuộc diện hộ nghèo", "Chưa phải DTTS". */
const NEGATION = new Set(["khong", "chua", "ko"]);
const LETTERS = /^\p{L}+$/u;

/**
 * A free description ("Khuyết tật vận động", "NCT neo đơn", "Hộ nghèo năm 2025", "Ốm đau thường
 * xuyên") read by the first category its words name; undefined when it cannot be read.
 *
 * Text that names no category still reads as "Khác": the column asks for the member's hardship
 * ("Hoàn cảnh khó khăn (ghi rõ)"), so an official who describes one ("Gia đình chính sách", "Ốm đau
 * thường xuyên") is saying the member has a hardship, of a kind outside the five named ones; refusing
 * it would drop a member the plan wants counted. Not read: a negation before anything is named
 * ("Không thuộc diện hộ nghèo" may deny it), yes/no words other than the table's ("Tốt", "Đạt"
 * describe nothing), and text too short to be a description (one word without Vietnamese marks,
 * "abc", or a single letter, as before).
 */
function readDescription(text: string): HardshipCategory | null | undefined {
  if (lookupWord(YES_NO, text) !== undefined) return undefined;
  const words = foldDiacritics(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  let negated = false;
  let denied = false;
  for (let i = 0; i < words.length;) {
    const hit = NAMED_WORDS.find(([phrase]) => phrase.every((w, k) => words[i + k] === w));
    if (hit === undefined) {
      negated ||= NEGATION.has(words[i]!);
      i++;
      continue;
    }
    const [phrase, category] = hit;
    if (negated) return undefined;
    if (category !== "none") return category;
    denied = true;
    i += phrase.length;
  }
  if (denied || negated) return undefined;
  const letterWords = words.filter((w) => LETTERS.test(w));
  const marked = foldDiacritics(text) !== text.toLowerCase();
  const described =
    letterWords.length >= 2 || (letterWords.length === 1 && letterWords[0]!.length >= 2 && marked);
  return described ? "Khác" : undefined;
}

/** Descriptions repeat down a column: each is read once (bounded, as the word tables are). */
const described = new Map<string, HardshipCategory | null | undefined>();
const DESCRIBED_MAX = 4096;

function readItem(text: string): HardshipCategory | null | undefined {
  const word = lookupWord(HARDSHIP, text);
  if (word !== undefined) return word;
  if (described.has(text)) return described.get(text);
  const value = readDescription(text);
  if (described.size >= DESCRIBED_MAX) described.clear();
  described.set(text, value);
  return value;
}

/**
 * A hardship category, or null for none: a category's word, a description read by what it names
 * (readDescription), or a list of them, which gives its first category.
 */
export function parseHardship(v: RawValue | undefined): Parsed<HardshipCategory | null> {
  if (isBlank(v)) return ok(null);
  const items =
    typeof v === "boolean"
      ? []
      : cleanText(v)
          .split(LIST)
          .filter((s) => s !== "");
  const found = items.map(readItem);
  if (found.length > 0 && found.every((c) => c !== undefined)) {
    return ok(found.find((c) => c !== null) ?? null);
  }
  return fail(
    say(
      `để trống, hoặc một loại: ${HARDSHIP_CATEGORIES.join(", ")}`,
      "blank, or a category: Hộ nghèo (poor), Cận nghèo (near-poor), DTTS (ethnic minority), " +
        "Neo đơn (lone), Khuyết tật (disability), Khác (other)",
    ),
  );
}
