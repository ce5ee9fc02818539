import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Stage } from "../../hosts/workbook/progress";
import type { Strings } from "../strings";

const STAGES: readonly Stage[] = ["reading", "checking", "writing"];

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  bar: { flexGrow: 1 },
});

export interface RunProgressProps {
  readonly text: Strings;
  /** Undefined before the first stage, and for the short actions that have none. */
  readonly stage: Stage | undefined;
  readonly cancellable: boolean;
  readonly onCancel: () => void;
}

/**
 * The stage of a long run as a bar in three steps, and the cancel button. Once writing starts the
 * button goes: the host writes the workbook whole or not at all, and says so.
 */
export function RunProgress({ text, stage, cancellable, onCancel }: RunProgressProps) {
  const styles = useStyles();
  const label = stage ? text.excelStages[stage] : text.loading;
  const step = stage ? STAGES.indexOf(stage) : 0;
  return (
    <div className={styles.root}>
      <Field
        className={styles.bar}
        validationMessage={stage === "writing" ? text.writingNoCancel : label}
        validationState="none"
      >
        <ProgressBar
          value={(step + 0.5) / STAGES.length}
          aria-label={label}
          aria-valuetext={label}
          data-testid="progress"
        />
      </Field>
      {cancellable && <Button onClick={onCancel}>{text.cancel}</Button>}
    </div>
  );
}
