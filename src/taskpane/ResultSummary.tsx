import { Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { FileCheckView } from "./run-file-check";
import type { Strings } from "./strings";
import { downloadBytes } from "./download";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
  },
});

export interface ResultSummaryProps {
  readonly view: FileCheckView;
  readonly text: Strings;
}

/** "160/216 CLB đạt; 156 lỗi, 4 cảnh báo" and the button that downloads the checked copy. */
export function ResultSummary({ view, text }: ResultSummaryProps) {
  const styles = useStyles();
  const { summary } = view;
  return (
    <section className={styles.root}>
      <Subtitle2 as="h2" role="status" data-testid="summary">
        {text.summary({
          clubs: summary.clubs,
          compliant: summary.compliant,
          errors: summary.findings.error,
          warnings: summary.findings.warning,
        })}
      </Subtitle2>
      <Button appearance="primary" onClick={() => downloadBytes(view.output, view.outputName)}>
        {text.download}
      </Button>
    </section>
  );
}
