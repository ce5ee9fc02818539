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
import { LayoutSection } from "./excel/LayoutSection";

export interface FileResultsProps {
  readonly view: FileCheckView;
  readonly text: Strings;
  readonly lang: Language;
  /** Opens the column picker for a sheet of the checked file (absent once another is picked). */
  readonly onFix?: (sheet: string) => void;
}

/**
 * A check's results in file mode: the summary with the download of the checked copy, the
 * roadmap chart, the clubs and the findings (a status set on a finding goes into the copy), then
 * how the workbook was read, each sheet with its "Chọn cột".
 */
export function FileResults({ view, text, lang, onFix }: FileResultsProps) {
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
      <LayoutSection layout={view.layout} text={text} lang={lang} onFix={onFix} />
    </>
  );
}
