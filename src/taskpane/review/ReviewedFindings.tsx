import { useMemo, useState } from "react";
import type { ReviewStatus } from "../../core/review/status";
import type { CheckView } from "../check-view";
import { FindingGroups } from "../FindingGroups";
import type { Language, Strings } from "../strings";
import { FindingMarks } from "./FindingMarks";
import { ResolvedList } from "./ResolvedList";
import { filterCounts, filterView, ReviewFilter } from "./review-filter";
import { ReviewFilterField } from "./ReviewFilterField";
import { reviewStrings } from "./review-strings";

export interface ReviewedFindingsProps {
  readonly view: CheckView;
  readonly text: Strings;
  readonly lang: Language;
  readonly onSelect?: (sheet: string, cell: string) => void;
  /** Inside Excel: the auditor sets a status without leaving the pane. */
  readonly onSetStatus?: (id: string, status: ReviewStatus) => void;
  /** The finding whose status is being written. */
  readonly saving?: string | undefined;
}

/** The findings as an auditor works through them: filtered by review status, each with its marks. */
export function ReviewedFindings({
  view,
  text,
  lang,
  onSelect,
  onSetStatus,
  saving,
}: ReviewedFindingsProps) {
  const [filter, setFilter] = useState<ReviewFilter>("all");
  const counts = useMemo(() => filterCounts(view), [view]);
  const shown = useMemo(() => filterView(view, filter), [view, filter]);
  // On a first check everything is new: a badge on every finding would say nothing.
  const markNew = view.resolved.length > 0 || view.findings.some((f) => f.state !== "new");
  return (
    <>
      <ReviewFilterField value={filter} counts={counts} lang={lang} onChange={setFilter} />
      {filter === "resolved" ? (
        <ResolvedList resolved={view.resolved} lang={lang} />
      ) : (
        <FindingGroups
          groups={shown.groups}
          text={text}
          lang={lang}
          {...(onSelect ? { onSelect } : {})}
          {...(filter === "all" ? {} : { emptyText: reviewStrings[lang].noneMatch })}
          marks={(finding) => (
            <FindingMarks
              finding={finding}
              lang={lang}
              {...(onSetStatus ? { onSetStatus } : {})}
              saving={saving === finding.id}
              markNew={markNew}
            />
          )}
        />
      )}
    </>
  );
}
