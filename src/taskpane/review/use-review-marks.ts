/**
 * The auditor's marks set from the pane: each one written into the findings sheet at once (so a
 * re-run carries it like one typed by hand), then shown in the pane without another check.
 */
import { carriedText, reasonOf } from "../../core/model/error-text";
import { useState } from "react";
import { STATUS_LABEL, ReviewStatus } from "../../core/review/status";
import type { CheckView } from "../check-view";
import type { Language } from "../strings";
import { withStatus } from "./review-filter";
import { reviewStrings } from "../strings";

/** Writes one status; resolves to the day the review was dated (ISO). */
export type WriteMark = (id: string, status: ReviewStatus) => Promise<string>;

export interface ReviewNotice {
  readonly ok: boolean;
  readonly text: (lang: Language) => string;
}

export function useReviewMarks(
  view: CheckView,
  write: WriteMark | undefined,
  /** Where the mark went: the open workbook, or file mode's checked copy (still to download). */
  into: "workbook" | "copy" = "workbook",
) {
  const [base, setBase] = useState(view);
  const [current, setCurrent] = useState(view);
  const [saving, setSaving] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<ReviewNotice | null>(null);
  // A new check replaces the marks shown (React's "adjust state on a prop change" pattern).
  if (base !== view) {
    setBase(view);
    setCurrent(view);
    setNotice(null);
  }
  const setStatus = write
    ? async (id: string, status: ReviewStatus) => {
        setSaving(id);
        try {
          const day = await write(id, status);
          setCurrent((v) => withStatus(v, id, status, day));
          setNotice({
            ok: true,
            text: (l) =>
              (into === "copy" ? reviewStrings[l].savedInCopy : reviewStrings[l].saved)(
                STATUS_LABEL[status][l],
              ),
          });
        } catch (error) {
          const reason = carriedText(error);
          setNotice({
            ok: false,
            text: (l) => reviewStrings[l].saveFailed(reason ? reason[l] : reasonOf(error)),
          });
        } finally {
          setSaving(undefined);
        }
      }
    : undefined;
  return { view: current, saving, notice, setStatus };
}
