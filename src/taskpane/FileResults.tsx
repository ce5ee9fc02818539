import { useEffect, useState } from "react";
import { Caption1, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import { localIsoDay } from "../core/model/dates";
import { reasonOf } from "../core/model/error-text";
import { roadmapChartDataOfReport } from "../core/report/roadmap-chart";
import { downloadBytes } from "./download";
import { ResultSummary } from "./ResultSummary";
import { RoadmapChart } from "./RoadmapChart";
import { ReviewedFindings } from "./review/ReviewedFindings";
import type { ReviewStatus } from "../core/review/status";
import type { FileCheckView } from "./run-file-check";
import type { Language, Strings } from "./strings";
import { LayoutSection } from "./excel/LayoutSection";
import { NeedsAttention } from "./results/NeedsAttention";
import { resultStrings } from "./strings-results";

export interface FileResultsProps {
  readonly view: FileCheckView;
  readonly text: Strings;
  readonly lang: Language;
  /** Opens the column picker for a sheet of the checked file (absent once another is picked). */
  readonly onFix?: (sheet: string) => void;
}

/**
 * A check's results in file mode: the summary with the download of the checked copy, then what
 * needs doing (the clubs, failing first, and the findings, each taking the auditor's status into
 * the copy), then the roadmap chart and how the workbook was read, each sheet with its "Chọn cột".
 * Statuses set but not yet downloaded are counted under the summary, and leaving the page asks.
 */
export function FileResults({ view, text, lang, onFix }: FileResultsProps) {
  const r = resultStrings[lang];
  // Statuses set since the copy was last downloaded: they live only in the page until then.
  const [pending, setPending] = useState(0);
  const [preparing, setPreparing] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [base, setBase] = useState(view);
  if (base !== view) {
    setBase(view);
    setPending(0);
  }
  useBeforeUnload(pending > 0, r.leaveWarning);

  const writeMark = async (id: string, status: ReviewStatus) => {
    const day = localIsoDay(new Date());
    await view.copy.mark(id, { status }, day);
    setPending((n) => n + 1);
    return day;
  };
  const download = async () => {
    setPreparing(true);
    setFailed(null);
    try {
      downloadBytes(await view.copy.bytes(), view.outputName);
      setPending(0);
    } catch (error) {
      setFailed(reasonOf(error));
    } finally {
      setPreparing(false);
    }
  };
  return (
    <>
      <ResultSummary
        view={view}
        text={text}
        preparing={preparing}
        onDownload={() => void download()}
        note={
          <>
            {preparing && <Caption1 role="status">{r.preparing}</Caption1>}
            {pending > 0 && (
              <Caption1 data-testid="marks-pending">{r.marksPending(pending)}</Caption1>
            )}
            {failed !== null && (
              <MessageBar intent="error">
                <MessageBarBody>{failed}</MessageBarBody>
              </MessageBar>
            )}
          </>
        }
      />
      <NeedsAttention view={view} text={text} lang={lang}>
        <ReviewedFindings view={view} text={text} lang={lang} writeMark={writeMark} into="copy" />
      </NeedsAttention>
      <Subtitle2 as="h2">{r.restHeading}</Subtitle2>
      <RoadmapChart data={roadmapChartDataOfReport(view.roadmap, lang)} lang={lang} />
      <LayoutSection layout={view.layout} text={text} lang={lang} onFix={onFix} />
    </>
  );
}

/** While `active`, closing or reloading the page asks first (the browser words the question). */
function useBeforeUnload(active: boolean, message: string): void {
  useEffect(() => {
    if (!active) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show (or at least need) a returnValue.
      event.returnValue = message;
      return message;
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [active, message]);
}
