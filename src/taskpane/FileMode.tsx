import { Suspense, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Mapping } from "../core/check/mapping";
import { localIsoDay } from "../core/model/dates";
import type { Language, Strings } from "./strings";
import { loadEngine, useFileCheck } from "./use-file-check";
import { fileKey, useFileMappings } from "./use-file-mappings";
import { isMappable } from "./mappable";
import { FileResults } from "./FileResults";
import { AGE_LINES, AgeLineField } from "./AgeLineField";
import { MergePanel } from "./merge/lazy-merge";
import { resultStrings } from "./strings-results";
import { VISUALLY_HIDDEN } from "./visually-hidden";
import { AsOfField } from "./AsOfField";
import { FileMappingPicker } from "./FileMappingPicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // Side by side where both fit (350 px in Segoe UI or Open Sans), else one under the other: each
  // field's own width decides, so a wider font (DejaVu Sans) wraps rather than overflows.
  fields: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    "& > *": { flex: "1 1 150px" },
  },
  // Tabs wrap onto a second line rather than overflow the pane in a wide font.
  tabs: { flexWrap: "wrap" },
  fileName: { minWidth: 0, overflowWrap: "anywhere" },
  fileInput: VISUALLY_HIDDEN,
});

/** Today in the browser's time zone. */
const today = (): string => localIsoDay(new Date());

type Mode = "check" | "merge";

export interface FileModeProps {
  readonly text: Strings;
  readonly lang: Language;
}

/**
 * Outside Excel: check one .xlsx file, or merge district files. One form: the reference date and
 * the age line are set once and serve both, and the one action is the mode's own ("Kiểm tra" or
 * "Gộp tệp"). The work runs in a Worker (worker/file-engine.ts) with a Cancel that works at once.
 * When the reader cannot place a sheet or a column, the user picks them ("Chọn cột"); the choice
 * is kept for the file in the page (never written into it) and used by each later check of it.
 */
export function FileMode({ text, lang }: FileModeProps) {
  const styles = useStyles();
  const r = resultStrings[lang];
  const input = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<Mode>("check");
  const [mergeOpened, setMergeOpened] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [asOf, setAsOf] = useState(today);
  const [ageLine, setAgeLine] = useState<number>(AGE_LINES[0]);
  const { state, run, cancel } = useFileCheck();
  // The file of the last check: its results offer "Chọn cột" only while it is still the one picked.
  const [checked, setChecked] = useState<File | null>(null);
  const picker = useFileMappings(loadEngine, lang);
  const { mappings, setEditor, setNotice, openEditor, forget } = picker;
  const running = state.kind === "running";
  const fixable = file !== null && checked !== null && fileKey(file) === fileKey(checked);
  const kept = file ? Object.keys(mappings.get(fileKey(file)) ?? {}).length : 0;

  const check = (target: File, withMappings: ReadonlyMap<string, Mapping> = mappings) => {
    setNotice(null);
    setChecked(target);
    void run(target, { asOf, ageLine, lang, mapping: withMappings.get(fileKey(target)) });
  };

  return (
    <section className={styles.root}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={mode}
        aria-label={r.modeLabel}
        onTabSelect={(_, data) => {
          setMode(data.value as Mode);
          if (data.value === "merge") setMergeOpened(true);
        }}
        disabled={running}
      >
        <Tab value="check">{r.modeCheck}</Tab>
        <Tab value="merge">{r.modeMerge}</Tab>
      </TabList>
      <div className={styles.fields}>
        <AsOfField text={text} value={asOf} disabled={running} onChange={setAsOf} />
        <AgeLineField text={text} value={ageLine} disabled={running} onChange={setAgeLine} />
      </div>
      {/* Both stay mounted once opened: switching tabs keeps each one's files and results. */}
      {mergeOpened && (
        // `hidden` on a wrapper of its own: a class's display: flex would override it.
        <div hidden={mode !== "merge"}>
          <Suspense fallback={<Spinner size="tiny" label={text.loading} />}>
            <MergePanel text={text} lang={lang} form={{ asOf, ageLine }} />
          </Suspense>
        </div>
      )}
      {
        <div hidden={mode !== "check"}>
          <div className={styles.root}>
            <div className={styles.row}>
              <input
                ref={input}
                id="ishc-file"
                className={styles.fileInput}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label={text.fileInputLabel}
                tabIndex={-1}
                onChange={(event) => {
                  setFile(event.currentTarget.files?.[0] ?? null);
                  setEditor(null);
                }}
              />
              <Button onClick={() => input.current?.click()} disabled={running}>
                {text.openFile}
              </Button>
              <Body1 data-testid="file-name" className={styles.fileName}>
                {file ? file.name : text.noFile}
              </Body1>
            </div>
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={file === null || running || asOf === ""}
                aria-describedby={file === null ? "ishc-pick-first" : undefined}
                onClick={() => {
                  if (file) check(file);
                }}
              >
                {text.check}
              </Button>
              {running && <Button onClick={cancel}>{r.cancel}</Button>}
              {file === null && (
                <Caption1 id="ishc-pick-first" className={styles.fileName}>
                  {r.pickFileFirst}
                </Caption1>
              )}
            </div>
            {file && kept > 0 && (
              <div className={styles.row}>
                <Caption1>{text.fileMappingKept(kept)}</Caption1>
                <Button size="small" disabled={running} onClick={() => forget(file)}>
                  {text.fileMappingForget}
                </Button>
              </div>
            )}
            {running && (
              <Field validationMessage={text.stages[state.stage]} validationState="none">
                <ProgressBar aria-label={text.stages[state.stage]} />
              </Field>
            )}
            {state.kind === "failed" && (
              <MessageBar intent={state.code === "cancelled" ? "info" : "error"}>
                <MessageBarBody>
                  <MessageBarTitle>{text.failedTitle}</MessageBarTitle>
                  <span role="alert">{state.error[lang]}</span>
                  {file && fixable && isMappable(state.code) && (
                    <div>
                      <Button size="small" onClick={() => void openEditor(file, state.sheet, [])}>
                        {text.fixMapping}
                      </Button>
                    </div>
                  )}
                </MessageBarBody>
              </MessageBar>
            )}
            <FileMappingPicker
              picker={picker}
              text={text}
              lang={lang}
              busy={running}
              intro={text.fileMappingIntro}
              saveLabel={text.fileMappingSave}
              onSaved={(target, next) => check(target, next)}
            />
            {state.kind === "done" && (
              <FileResults
                view={state.view}
                text={text}
                lang={lang}
                {...(file && fixable
                  ? { onFix: (sheet: string) => void openEditor(file, sheet, state.view.layout) }
                  : {})}
              />
            )}
          </div>
        </div>
      }
    </section>
  );
}
