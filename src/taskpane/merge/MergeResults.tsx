import type { ReactNode } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { roadmapChartDataOfReport } from "../../core/report/roadmap-chart";
import { SHEET_SPECS } from "../../core/sheets/specs";
import { NeedsAttention } from "../results/NeedsAttention";
import { downloadBytes } from "../download";
import { ResultSummary } from "../ResultSummary";
import { RoadmapChart } from "../RoadmapChart";
import { ReviewedFindings } from "../review/ReviewedFindings";
import type { Language, Strings } from "../strings";
import { mergeStrings } from "../strings";
import type { MergeView } from "./run-merge";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A field's header as the template writes it, whatever the role of the sheet. */
const fieldHeader = (key: string) =>
  SHEET_SPECS.flatMap((s) => [...s.fields, ...(s.layouts ?? []).flatMap((l) => l.fields)]).find(
    (f) => f.key === key,
  )?.header ?? key;

export interface MergeResultsProps {
  readonly view: MergeView;
  readonly text: Strings;
  readonly lang: Language;
  /** Inside Excel (ExcelApi 1.8): open the provincial workbook in a new window. */
  readonly onOpenInExcel?: () => void;
  /** What happened when it was opened in Excel, if it was. */
  readonly opened: string | null;
  /** The "pick columns" button for a file of the merge (by index) and one of its sheets. */
  readonly fixFor: (file: number, sheet: string) => ReactNode;
}

/**
 * The province's results after "Gộp tệp": the summary with the download, the files merged, the
 * sheets whose columns the reader was unsure of, the roadmap chart, the clubs and the findings.
 */
export function MergeResults({
  view,
  text,
  lang,
  onOpenInExcel,
  opened,
  fixFor,
}: MergeResultsProps) {
  const styles = useStyles();
  const m = mergeStrings[lang];
  return (
    <>
      <ResultSummary
        view={view}
        text={{ ...text, download: m.download }}
        onDownload={() => downloadBytes(view.output, view.outputName)}
      />
      {onOpenInExcel && (
        <div className={styles.row}>
          <Button onClick={onOpenInExcel}>{m.openInExcel}</Button>
        </div>
      )}
      {opened !== null && (
        <MessageBar intent="info">
          <MessageBarBody role="status">{opened}</MessageBarBody>
        </MessageBar>
      )}
      <section>
        <Subtitle2 as="h3">{m.sourcesHeading}</Subtitle2>
        <ul className={styles.list} data-testid="merge-sources">
          {view.sources.map((s) => (
            <li key={s.file}>{m.source(s)}</li>
          ))}
        </ul>
      </section>
      {view.ambiguous.length > 0 && (
        <section>
          <Subtitle2 as="h3">{m.ambiguousHeading}</Subtitle2>
          <ul className={styles.list} data-testid="merge-ambiguous">
            {view.ambiguous.map((a) => (
              <li key={`${a.file}|${a.sheet}`}>
                {m.ambiguousFile(
                  view.sources[a.file]?.file ?? "",
                  a.sheet,
                  a.fields.map(fieldHeader),
                )}{" "}
                {fixFor(a.file, a.sheet)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <NeedsAttention view={view} text={text} lang={lang} level="h3">
        <ReviewedFindings view={view} text={text} lang={lang} />
      </NeedsAttention>
      <RoadmapChart data={roadmapChartDataOfReport(view.roadmap, lang)} lang={lang} />
    </>
  );
}
