import { Lang } from "../model/i18n";
import { foldDiacritics } from "../text/normalize";
import {
  REVIEW_STATUSES,
  ReviewStatus,
  STATE_LABEL,
  STATUS_LABEL,
  TRAIL_STATES,
  TrailState,
} from "./labels";

export { REVIEW_STATUSES, STATE_LABEL, STATUS_LABEL, TRAIL_STATES };
export type { ReviewStatus, TrailState };

/** Words read as a status besides the labels (the canonical keys, common short forms). */
const EXTRA_WORDS: Readonly<Record<ReviewStatus, readonly string[]>> = {
  open: ["open"],
  accepted: [],
  mustFix: ["mustFix"],
  fixed: [],
};

const statusKey = (s: string): string =>
  foldDiacritics(s)
    .replace(/[.!:;,]+$/g, "")
    .replace(/[\s_-]+/g, " ")
    .trim();

const BY_WORD: ReadonlyMap<string, ReviewStatus> = new Map(
  REVIEW_STATUSES.flatMap((s) => [
    [statusKey(STATUS_LABEL[s].vi), s] as const,
    [statusKey(STATUS_LABEL[s].en), s] as const,
    ...EXTRA_WORDS[s].map((w) => [statusKey(w), s] as const),
  ]),
);

/**
 * A status cell as the auditor left it: one of ours in either language (case, diacritics, spacing
 * and a trailing full stop ignored), blank, or their own word, which is kept verbatim.
 */
export type StatusCell =
  | { readonly kind: "blank" }
  | { readonly kind: "known"; readonly status: ReviewStatus }
  | { readonly kind: "other"; readonly text: string };

export function parseStatus(text: string): StatusCell {
  const t = text.trim();
  if (t === "") return { kind: "blank" };
  const known = BY_WORD.get(statusKey(t));
  return known ? { kind: "known", status: known } : { kind: "other", text: t };
}

/** The text a status cell shows: our label in `lang`, or the auditor's own word unchanged. */
export function statusText(cell: StatusCell, lang: Lang): string {
  if (cell.kind === "known") return STATUS_LABEL[cell.status][lang];
  if (cell.kind === "other") return cell.text;
  return STATUS_LABEL.open[lang];
}

/** The report's value: a canonical key, or the auditor's own word; blank is "open". */
export function statusValue(cell: StatusCell): string {
  return cell.kind === "known" ? cell.status : cell.kind === "other" ? cell.text : "open";
}

/** Whether the auditor has said anything with this status (not blank, not "not reviewed"). */
export const isReviewed = (cell: StatusCell): boolean =>
  cell.kind === "other" || (cell.kind === "known" && cell.status !== "open");

const STATE_BY_WORD: ReadonlyMap<string, TrailState> = new Map(
  TRAIL_STATES.flatMap((s) => [
    [statusKey(STATE_LABEL[s].vi), s] as const,
    [statusKey(STATE_LABEL[s].en), s] as const,
    [statusKey(s), s] as const,
  ]),
);

export const parseState = (text: string): TrailState | null =>
  STATE_BY_WORD.get(statusKey(text)) ?? null;
