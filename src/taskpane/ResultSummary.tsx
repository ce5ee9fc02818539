import { Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckView } from "./check-view";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
  },
});

export interface ResultSummaryProps {
  readonly view: CheckView;
  readonly text: Strings;
  /** File mode's "download the checked copy"; inside Excel the results are in the workbook. */
  readonly onDownload?: () => void;
}

/** "160/216 CLB đạt; 156 lỗi, 4 cảnh báo", and in file mode the button to download the copy. */
export function ResultSummary({ view, text, onDownload }: ResultSummaryProps) {
  const styles = useStyles();
  const { summary } = view;
  return (
    <section className={styles.root}>
      <div role="status">
        <Subtitle2 as="h2" data-testid="summary">
          {text.summary({
            clubs: summary.clubs,
            compliant: summary.compliant,
            errors: summary.findings.error,
            warnings: summary.findings.warning,
          })}
        </Subtitle2>
      </div>
      {onDownload && (
        <Button appearance="primary" onClick={onDownload}>
          {text.download}
        </Button>
      )}
    </section>
  );
}
