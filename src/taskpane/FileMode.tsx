import { Suspense, useRef, useState } from "react";
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { localIsoDay } from "../core/model/dates";
import type { Language, Strings } from "./strings";
import { useFileCheck } from "./use-file-check";
import { FileResults } from "./FileResults";
import { AGE_LINES, AgeLineField } from "./AgeLineField";
import { MergePanel } from "./merge/lazy-merge";
import { mergeStrings } from "./strings";
import { VISUALLY_HIDDEN } from "./visually-hidden";
import { AsOfField } from "./AsOfField";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  fileInput: VISUALLY_HIDDEN,
});

/** Today in the browser's time zone. */
const today = (): string => localIsoDay(new Date());

export interface FileModeProps {
  readonly text: Strings;
  readonly lang: Language;
}

/** Outside Excel: open an .xlsx file, check it in the browser, download the checked copy. */
export function FileMode({ text, lang }: FileModeProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [asOf, setAsOf] = useState(today);
  const [ageLine, setAgeLine] = useState<number>(AGE_LINES[0]);
  const { state, run } = useFileCheck();
  const [merging, setMerging] = useState(false);
  const running = state.kind === "running";

  return (
    <section className={styles.root}>
      <div className={styles.row}>
        <input
          ref={input}
          id="ishc-file"
          className={styles.fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={text.fileInputLabel}
          tabIndex={-1}
          onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
        />
        <Button onClick={() => input.current?.click()} disabled={running}>
          {text.openFile}
        </Button>
        <Body1 data-testid="file-name">{file ? file.name : text.noFile}</Body1>
        <Button
          disabled={running}
          title={mergeStrings[lang].openHint}
          onClick={() => setMerging(true)}
        >
          {mergeStrings[lang].open}
        </Button>
      </div>
      {merging && (
        <Suspense fallback={<Spinner size="tiny" label={text.loading} />}>
          <MergePanel text={text} lang={lang} onClose={() => setMerging(false)} />
        </Suspense>
      )}
      <div className={styles.row}>
        <AsOfField text={text} value={asOf} disabled={running} onChange={setAsOf} />
        <AgeLineField text={text} value={ageLine} disabled={running} onChange={setAgeLine} />
      </div>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={file === null || running || asOf === ""}
          onClick={() => {
            if (file) void run(file, { asOf, ageLine, lang });
          }}
        >
          {text.check}
        </Button>
      </div>
      {running && (
        <Field validationMessage={text.stages[state.stage]} validationState="none">
          <ProgressBar aria-label={text.stages[state.stage]} />
        </Field>
      )}
      {state.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{text.failedTitle}</MessageBarTitle>
            {state.error[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && <FileResults view={state.view} text={text} lang={lang} />}
    </section>
  );
}
