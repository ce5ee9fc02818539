import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { localIsoDay } from "../core/model/dates";
import { roadmapChartDataOfReport } from "../core/report/roadmap-chart";
import { ClubTable } from "./ClubTable";
import { downloadBytes } from "./download";
import { ResultSummary } from "./ResultSummary";
import { RoadmapChart } from "./RoadmapChart";
import { ReviewedFindings } from "./review/ReviewedFindings";
import { useReviewMarks } from "./review/use-review-marks";
import type { FileCheckView } from "./run-file-check";
import type { Language, Strings } from "./strings";

export interface FileResultsProps {
  readonly view: FileCheckView;
  readonly text: Strings;
  readonly lang: Language;
}

/**
 * A check's results in file mode: the summary with the download of the checked copy, the
 * roadmap chart, the clubs and the findings; a status set on a finding goes into the copy.
 */
export function FileResults({ view: checked, text, lang }: FileResultsProps) {
  const { view, saving, notice, setStatus } = useReviewMarks(
    checked,
    async (id, status) => {
      const day = localIsoDay(new Date());
      await checked.copy.mark(id, status, day);
      return day;
    },
    "copy",
  );
  return (
    <>
      <ResultSummary
        view={view}
        text={text}
        onDownload={() => downloadBytes(checked.copy.bytes(), checked.outputName)}
      />
      <RoadmapChart data={roadmapChartDataOfReport(view.roadmap, lang)} lang={lang} />
      <ClubTable clubs={view.clubs} ruleTitles={view.ruleTitles} text={text} lang={lang} />
      {notice && (
        <MessageBar intent={notice.ok ? "success" : "error"}>
          <MessageBarBody>{notice.text(lang)}</MessageBarBody>
        </MessageBar>
      )}
      <ReviewedFindings
        view={view}
        text={text}
        lang={lang}
        {...(setStatus ? { onSetStatus: (id, status) => void setStatus(id, status) } : {})}
        saving={saving}
      />
    </>
  );
}
