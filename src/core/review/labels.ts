import { LocalText, say } from "../model/i18n";

/*
 * The review trail's words, as plain data (no text processing here): the pane's texts import them
 * so that the sheet and the pane say the same, without pulling the trail's parsing into every page.
 */

/**
 * The auditor's review of one finding. A canonical key is stored and compared; the sheet shows its
 * label in the report's language and reads back either language.
 */
export type ReviewStatus = "open" | "accepted" | "mustFix" | "fixed";

export const REVIEW_STATUSES: readonly ReviewStatus[] = ["open", "accepted", "mustFix", "fixed"];

export const STATUS_LABEL: Readonly<Record<ReviewStatus, LocalText>> = {
  open: say("Chưa xem xét", "Not reviewed"),
  accepted: say("Chấp nhận", "Accepted"),
  mustFix: say("Cần sửa", "Must fix"),
  fixed: say("Đã sửa", "Fixed"),
};

/** Where a finding stands across runs. */
export type TrailState = "new" | "still" | "resolved" | "reappeared";

export const TRAIL_STATES: readonly TrailState[] = ["new", "still", "resolved", "reappeared"];

export const STATE_LABEL: Readonly<Record<TrailState, LocalText>> = {
  new: say("Mới", "New"),
  still: say("Vẫn còn", "Still found"),
  resolved: say("Đã hết", "Resolved"),
  reappeared: say("Xuất hiện lại", "Reappeared"),
};
