import type { ReactNode } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneAction, Strings } from "../strings";

const ACTIONS: readonly PaneAction[] = ["check", "appendix", "clear", "template"];

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ActionBarProps {
  readonly text: Strings;
  readonly busy: boolean;
  readonly onAction: (action: PaneAction) => void;
  /** More buttons after the four ("Gộp tệp"). */
  readonly extra?: ReactNode;
}

/** The four actions; each button's hint is its accessible description and its tooltip. */
export function ActionBar({ text, busy, onAction, extra }: ActionBarProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="toolbar" aria-label="ISHC Check">
      {ACTIONS.map((action) => (
        <Button
          key={action}
          appearance={action === "check" ? "primary" : "secondary"}
          disabled={busy}
          title={text.actionHints[action]}
          data-action={action}
          onClick={() => onAction(action)}
        >
          {text.actions[action]}
        </Button>
      ))}
      {extra}
    </div>
  );
}
