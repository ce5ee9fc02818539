import { ReactNode, useEffect, useRef } from "react";
import { Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckView } from "./check-view";
import { countsOf } from "../core/text/glossary";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
});

export interface ResultSummaryProps {
  readonly view: CheckView;
  readonly text: Strings;
  /** File mode's "download the checked copy"; inside Excel the results are in the workbook. */
  readonly onDownload?: () => void;
  /** While the download is being prepared, its button waits. */
  readonly preparing?: boolean;
  /** Said under the summary (file mode: statuses not downloaded yet). */
  readonly note?: ReactNode;
}

/**
 * "160/216 CLB đạt; 156 lỗi, 4 cảnh báo", and in file mode the button to download the copy. A new
 * check moves the keyboard's focus here, so the results start where the user is.
 */
export function ResultSummary({ view, text, onDownload, preparing, note }: ResultSummaryProps) {
  const styles = useStyles();
  const { summary } = view;
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    // In a task of its own: focusing lays out the page, which the results' render need not wait on.
    const timer = setTimeout(() => {
      root.current?.focus({ preventScroll: true });
      root.current?.scrollIntoView?.({ block: "start" });
    }, 0);
    return () => clearTimeout(timer);
  }, [view]);
  return (
    <section
      ref={root}
      className={styles.root}
      tabIndex={-1}
      aria-labelledby="ishc-summary"
      data-testid="summary-section"
    >
      <div role="status">
        <Subtitle2 as="h2" id="ishc-summary" data-testid="summary">
          {text.summary(countsOf(summary))}
        </Subtitle2>
      </div>
      {onDownload && (
        <Button appearance="primary" disabled={preparing} onClick={onDownload}>
          {text.download}
        </Button>
      )}
      {note}
    </section>
  );
}
