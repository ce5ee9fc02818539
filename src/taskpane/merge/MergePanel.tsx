import { useRef, useState } from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { localIsoDay } from "../../core/model/dates";
import type { Settings } from "../../core/model/settings";
import type { Language, Strings } from "../strings";
import { AGE_LINES, AgeLineField } from "../AgeLineField";
import { ClubTable } from "../ClubTable";
import { downloadBytes } from "../download";
import { FindingGroups } from "../FindingGroups";
import { ResultSummary } from "../ResultSummary";
import { toBase64 } from "./base64";
import type { CreateWorkbook } from "./excel-create";
import { MergeStrings, mergeStrings } from "./merge-strings";
import { MergeProgress, useMerge } from "./use-merge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // Visually hidden but still in the accessibility tree; the button opens it.
  fileInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

export interface MergePanelProps {
  readonly text: Strings;
  readonly lang: Language;
  /** Inside Excel (ExcelApi 1.8): open the provincial workbook in a new window. */
  readonly createWorkbook?: CreateWorkbook;
  /** Inside Excel: the settings stored in the open workbook (reference date, age line, thresholds). */
  readonly stored?: Readonly<Partial<Settings>>;
  readonly onClose?: () => void;
}

const progressText = (p: MergeProgress, m: MergeStrings): string =>
  p.kind === "file"
    ? m.fileStage(p.index, p.total, p.name)
    : // The check's own reading is of the merged workbook, already in memory: part of checking.
      p.stage === "writing"
      ? m.writeStage
      : m.checkStage;

/**
 * "Gộp tệp": pick the districts' files, merge them into the province's workbook, see the
 * province's results, download the workbook (or, in Excel, open it in a new window).
 */
export function MergePanel({ text, lang, createWorkbook, stored, onClose }: MergePanelProps) {
  const styles = useStyles();
  const m = mergeStrings[lang];
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<readonly File[]>([]);
  const [asOf, setAsOf] = useState(() => stored?.asOf ?? localIsoDay(new Date()));
  const [ageLine, setAgeLine] = useState<number>(stored?.ageLine ?? AGE_LINES[0]);
  const [opened, setOpened] = useState<string | null>(null);
  const merge = useMerge();
  const { state } = merge;
  const running = state.kind === "running";

  const add = (picked: FileList | null) => {
    const known = new Set(files.map((f) => `${f.name}|${f.size}`));
    const more = [...(picked ?? [])].filter((f) => !known.has(`${f.name}|${f.size}`));
    setFiles([...files, ...more]);
    // The same file can be picked again after "clear".
    if (input.current) input.current.value = "";
  };
  const openInExcel = async (bytes: Uint8Array) => {
    if (!createWorkbook) return;
    try {
      await createWorkbook(toBase64(bytes));
      setOpened(m.openedInExcel);
    } catch (error) {
      setOpened(m.openFailed(error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <section className={styles.root} aria-labelledby="ishc-merge-heading">
      <div className={styles.row}>
        <Subtitle2 as="h2" id="ishc-merge-heading">
          {m.heading}
        </Subtitle2>
        {onClose && (
          <Button size="small" disabled={running} onClick={onClose}>
            {m.close}
          </Button>
        )}
      </div>
      <Body1 as="p">{m.intro}</Body1>
      <div className={styles.row}>
        <input
          ref={input}
          className={styles.fileInput}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={m.inputLabel}
          tabIndex={-1}
          onChange={(event) => add(event.currentTarget.files)}
        />
        <Button onClick={() => input.current?.click()} disabled={running}>
          {m.pick}
        </Button>
        {files.length > 0 && (
          <Button disabled={running} onClick={() => setFiles([])}>
            {m.clear}
          </Button>
        )}
      </div>
      {files.length === 0 ? (
        <Body1 as="p">{m.none}</Body1>
      ) : (
        <ol className={styles.list} aria-label={m.listLabel} data-testid="merge-files">
          {files.map((f) => (
            <li key={`${f.name}|${f.size}`}>{f.name}</li>
          ))}
        </ol>
      )}
      <div className={styles.row}>
        <Field label={text.asOf}>
          <Input
            type="date"
            value={asOf}
            required
            onChange={(_, data) => setAsOf(data.value)}
            disabled={running}
          />
        </Field>
        <AgeLineField text={text} value={ageLine} disabled={running} onChange={setAgeLine} />
      </div>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={files.length === 0 || running || asOf === ""}
          onClick={() => {
            setOpened(null);
            void merge.run(files, { asOf, ageLine, lang, stored });
          }}
        >
          {m.merge}
        </Button>
        {merge.cancellable && <Button onClick={merge.cancel}>{m.cancel}</Button>}
      </div>
      {state.kind === "running" && (
        <Field validationMessage={progressText(state.progress, m)} validationState="none">
          <ProgressBar aria-label={progressText(state.progress, m)} />
        </Field>
      )}
      {state.kind === "failed" && (
        <MessageBar intent={state.cancelled ? "info" : "error"}>
          <MessageBarBody>
            <MessageBarTitle>{state.cancelled ? m.cancelled : m.failed}</MessageBarTitle>
            <span role="alert">{state.error[lang]}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && (
        <>
          <ResultSummary
            view={state.view}
            text={{ ...text, download: m.download }}
            onDownload={() => downloadBytes(state.view.output, state.view.outputName)}
          />
          {createWorkbook && (
            <div className={styles.row}>
              <Button onClick={() => void openInExcel(state.view.output)}>{m.openInExcel}</Button>
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
              {state.view.sources.map((s) => (
                <li key={s.file}>{m.source(s)}</li>
              ))}
            </ul>
          </section>
          <ClubTable
            clubs={state.view.clubs}
            ruleTitles={state.view.ruleTitles}
            text={text}
            lang={lang}
          />
          <FindingGroups groups={state.view.groups} text={text} lang={lang} />
        </>
      )}
    </section>
  );
}
