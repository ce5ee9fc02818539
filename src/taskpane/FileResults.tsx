import { localIsoDay } from "../core/model/dates";
import { roadmapChartDataOfReport } from "../core/report/roadmap-chart";
import { ClubTable } from "./ClubTable";
import { downloadBytes } from "./download";
import { ResultSummary } from "./ResultSummary";
import { RoadmapChart } from "./RoadmapChart";
import { ReviewedFindings } from "./review/ReviewedFindings";
import type { ReviewStatus } from "../core/review/status";
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
export function FileResults({ view, text, lang }: FileResultsProps) {
  const writeMark = async (id: string, status: ReviewStatus) => {
    const day = localIsoDay(new Date());
    await view.copy.mark(id, { status }, day);
    return day;
  };
  return (
    <>
      <ResultSummary
        view={view}
        text={text}
        onDownload={() => downloadBytes(view.copy.bytes(), view.outputName)}
      />
      <RoadmapChart data={roadmapChartDataOfReport(view.roadmap, lang)} lang={lang} />
      <ClubTable clubs={view.clubs} ruleTitles={view.ruleTitles} text={text} lang={lang} />
      <ReviewedFindings view={view} text={text} lang={lang} writeMark={writeMark} into="copy" />
    </>
  );
}
