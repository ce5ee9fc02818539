/**
 * The review trail's words in the pane, Vietnamese first. Kept beside the review parts (not in
 * strings-vi/en.ts) so that the results chunk carries them and the pane's entry does not.
 */
import { STATE_LABEL, STATUS_LABEL } from "../../core/review/status";
import type { Language } from "../strings";
import type { ReviewFilter } from "./review-filter";

export interface ReviewStrings {
  readonly filterLabel: string;
  readonly filters: Readonly<Record<ReviewFilter, string>>;
  /** The accessible name of one finding's status picker. */
  readonly statusOf: (where: string) => string;
  readonly newBadge: string;
  readonly reappearedBadge: string;
  readonly noneMatch: string;
  readonly resolvedOn: (day: string) => string;
  readonly firstSeen: (day: string) => string;
  readonly reviewedOn: (day: string) => string;
  readonly saved: (status: string) => string;
  /** File mode: the mark is in the checked copy, which the user still has to download. */
  readonly savedInCopy: (status: string) => string;
  readonly saveFailed: (reason: string) => string;
  readonly note: string;
}

export const reviewStrings: Readonly<Record<Language, ReviewStrings>> = {
  vi: {
    filterLabel: "Lọc theo trạng thái xem xét",
    filters: {
      all: "Tất cả đang có",
      new: `${STATE_LABEL.new.vi} (lần kiểm tra này)`,
      open: STATUS_LABEL.open.vi,
      mustFix: STATUS_LABEL.mustFix.vi,
      accepted: STATUS_LABEL.accepted.vi,
      fixed: STATUS_LABEL.fixed.vi,
      other: "Ghi khác",
      resolved: `${STATE_LABEL.resolved.vi} (không còn phát hiện)`,
    },
    statusOf: (where) => `Trạng thái xem xét: ${where}`,
    newBadge: STATE_LABEL.new.vi,
    reappearedBadge: STATE_LABEL.reappeared.vi,
    noneMatch: "Không có lỗi nào ở trạng thái này.",
    resolvedOn: (day) => `hết từ ngày ${day}`,
    firstSeen: (day) => `phát hiện lần đầu ${day}`,
    reviewedOn: (day) => `xem xét ngày ${day}`,
    saved: (status) => `Đã ghi "${status}" vào sheet Danh sách lỗi.`,
    savedInCopy: (status) =>
      `Đã ghi "${status}" vào sheet Danh sách lỗi của bản đã kiểm tra: tải bản này về để giữ.`,
    saveFailed: (reason) => `Chưa ghi được trạng thái: ${reason}`,
    note: "Ghi chú",
  },
  en: {
    filterLabel: "Filter by review status",
    filters: {
      all: "All current",
      new: `${STATE_LABEL.new.en} (this check)`,
      open: STATUS_LABEL.open.en,
      mustFix: STATUS_LABEL.mustFix.en,
      accepted: STATUS_LABEL.accepted.en,
      fixed: STATUS_LABEL.fixed.en,
      other: "Other words",
      resolved: `${STATE_LABEL.resolved.en} (no longer found)`,
    },
    statusOf: (where) => `Review status: ${where}`,
    newBadge: STATE_LABEL.new.en,
    reappearedBadge: STATE_LABEL.reappeared.en,
    noneMatch: "No finding has this status.",
    resolvedOn: (day) => `resolved on ${day}`,
    firstSeen: (day) => `first found ${day}`,
    reviewedOn: (day) => `reviewed on ${day}`,
    saved: (status) => `"${status}" written to the findings sheet.`,
    savedInCopy: (status) =>
      `"${status}" written to the checked copy's findings sheet: download the copy to keep it.`,
    saveFailed: (reason) => `The status was not written: ${reason}`,
    note: "Note",
  },
};
