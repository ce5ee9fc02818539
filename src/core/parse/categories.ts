import type { RawValue } from "../model/cells";
import { say } from "../model/i18n";
import { cleanText } from "../text/normalize";
import { Parsed, fail, isBlank, ok } from "./result";
import { lookupWord, wordTable } from "./words";

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
    [null, ["Không", "Không có", "-", "0", "None"]],
  ],
  false,
);

/** Lists ("Hộ nghèo, khuyết tật", "HN + KT", "DTTS và neo đơn") give their first category. */
const LIST = /\s*[,;+/&]\s*|\s+(?:và|va|and)\s+/i;

/** A hardship category, or null for none; a list of known categories gives the first one. */
export function parseHardship(v: RawValue | undefined): Parsed<HardshipCategory | null> {
  if (isBlank(v)) return ok(null);
  const items =
    typeof v === "boolean"
      ? []
      : cleanText(v)
          .split(LIST)
          .filter((s) => s !== "");
  const found = items.map((s) => lookupWord(HARDSHIP, s));
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
