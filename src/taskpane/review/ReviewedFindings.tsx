import { useMemo, useState } from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { CheckView } from "../check-view";
import { FindingList } from "../results/FindingList";
import type { Language, Strings } from "../strings";
import { FindingMarks } from "./FindingMarks";
import { ResolvedList } from "./ResolvedList";
import { filterCounts, filterView, ReviewFilter } from "./review-filter";
import { ReviewFilterField } from "./ReviewFilterField";
import { reviewStrings } from "../strings";
import { useReviewMarks, WriteMark } from "./use-review-marks";

export interface ReviewedFindingsProps {
  readonly view: CheckView;
  readonly text: Strings;
  readonly lang: Language;
  readonly onSelect?: (sheet: string, cell: string) => void;
  /** Writes a status the auditor sets; without it the statuses are shown, not set. */
  readonly writeMark?: WriteMark | undefined;
  /** Where a status goes: the open workbook, or file mode's checked copy (still to download). */
  readonly into?: "workbook" | "copy";
}

/** The findings as an auditor works through them: filtered by review status, each with its marks. */
export function ReviewedFindings({
  view: checked,
  text,
  lang,
  onSelect,
  writeMark,
  into = "workbook",
}: ReviewedFindingsProps) {
  const { view, saving, notice, setStatus } = useReviewMarks(checked, writeMark, into);
  const [filter, setFilter] = useState<ReviewFilter>("all");
  const counts = useMemo(() => filterCounts(view), [view]);
  const shown = useMemo(() => filterView(view, filter), [view, filter]);
  // On a first check everything is new: a badge on every finding would say nothing.
  const markNew = view.resolved.length > 0 || view.findings.some((f) => f.state !== "new");
  return (
    <>
      {notice && (
        <MessageBar intent={notice.ok ? "success" : "error"}>
          <MessageBarBody>{notice.text(lang)}</MessageBarBody>
        </MessageBar>
      )}
      <ReviewFilterField value={filter} counts={counts} lang={lang} onChange={setFilter} />
      {filter === "resolved" ? (
        <ResolvedList resolved={view.resolved} lang={lang} ruleTitles={view.ruleTitles} />
      ) : (
        <FindingList
          findings={shown.findings}
          clubs={view.clubs}
          ruleTitles={view.ruleTitles}
          goToCell={text.goToCell}
          lang={lang}
          {...(onSelect ? { onSelect } : {})}
          {...(filter === "all" ? {} : { emptyText: reviewStrings[lang].noneMatch })}
          marks={(finding) => (
            <FindingMarks
              finding={finding}
              lang={lang}
              {...(setStatus ? { onSetStatus: (id, status) => void setStatus(id, status) } : {})}
              saving={saving === finding.id}
              markNew={markNew}
            />
          )}
        />
      )}
    </>
  );
}
