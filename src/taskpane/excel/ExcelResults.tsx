import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { roadmapChartDataOfReport } from "../../core/report/roadmap-chart";
import { NeedsAttention } from "../results/NeedsAttention";
import { resultStrings } from "../strings-results";
import { Subtitle2 } from "@fluentui/react-components";
import type { CheckView } from "../check-view";
import { ResultSummary } from "../ResultSummary";
import { RoadmapChart } from "../RoadmapChart";
import { ReviewedFindings } from "../review/ReviewedFindings";
import type { WriteMark } from "../review/use-review-marks";
import type { Language, Strings } from "../strings";
import { fieldLabel } from "./fields";
import { LayoutSection } from "./LayoutSection";

export interface ExcelResultsProps {
  readonly view: CheckView;
  readonly text: Strings;
  readonly lang: Language;
  readonly onSelect: (sheet: string, cell: string) => void;
  readonly onFix: (sheet: string) => void;
  /** Writes an auditor's status into the findings sheet; absent after "Lập phụ lục". */
  readonly onWriteMark?: WriteMark;
}

/**
 * A check's results inside Excel: first a question for each column the reader was unsure of,
 * then the summary, the roadmap chart, the clubs, the findings (each selects its cell and takes
 * the auditor's status) and the layout.
 */
export function ExcelResults({
  view,
  text,
  lang,
  onSelect,
  onFix,
  onWriteMark,
}: ExcelResultsProps) {
  const unsure = view.layout.filter((l) => (l.ambiguous ?? []).length > 0);
  return (
    <>
      {unsure.map((l) => (
        <MessageBar key={l.sheet} intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{text.layoutSheet(l.sheet, text.roles[l.role])}</MessageBarTitle>
            {(l.ambiguous ?? [])
              .map((a) => text.layoutAmbiguous(fieldLabel(l.role, a.field), a.columns))
              .join("; ")}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => onFix(l.sheet)}>
              {text.fixMapping}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
      <ResultSummary view={view} text={text} />
      <NeedsAttention view={view} text={text} lang={lang}>
        <ReviewedFindings
          view={view}
          text={text}
          lang={lang}
          onSelect={onSelect}
          writeMark={onWriteMark}
        />
      </NeedsAttention>
      <Subtitle2 as="h2">{resultStrings[lang].restHeading}</Subtitle2>
      <RoadmapChart data={roadmapChartDataOfReport(view.roadmap, lang)} lang={lang} />
      <LayoutSection layout={view.layout} text={text} lang={lang} onFix={onFix} />
    </>
  );
}
