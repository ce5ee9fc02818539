import { useRef, useState } from "react";
import { reasonOf } from "../../core/model/error-text";
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Mapping } from "../../core/check/mapping";
import { localIsoDay } from "../../core/model/dates";
import type { Settings } from "../../core/model/settings";
import type { Language, Strings } from "../strings";
import { AGE_LINES, AgeLineField } from "../AgeLineField";
import { fileKey, useFileMappings } from "../use-file-mappings";
import { toBase64 } from "./base64";
import type { CreateWorkbook } from "./excel-create";
import { MergeStrings, mergeStrings } from "../strings";
import { MergeResults } from "./MergeResults";
import { loadMergeEngine, MergeProgress, useMerge } from "./use-merge";
import { VISUALLY_HIDDEN } from "../visually-hidden";
import { AsOfField } from "../AsOfField";
import { isMappable } from "../mappable";
import { FileMappingPicker } from "../FileMappingPicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  fileInput: VISUALLY_HIDDEN,
});

export interface MergePanelProps {
  readonly text: Strings;
  readonly lang: Language;
  /** Inside Excel (ExcelApi 1.8): open the provincial workbook in a new window. */
  readonly createWorkbook?: CreateWorkbook;
  /** Inside Excel: the settings stored in the open workbook (reference date, age line, thresholds). */
  readonly stored?: Readonly<Partial<Settings>>;
  readonly onClose?: () => void;
  /**
   * File mode: the form's reference date and age line, set once above both of its tasks. Without
   * it (inside Excel) the panel has its own fields, starting from the workbook's settings.
   */
  readonly form?: { readonly asOf: string; readonly ageLine: number };
}

/** The same file picked twice (same name and size) is listed once. */
const keyOf = fileKey;

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
export function MergePanel({ text, lang, createWorkbook, stored, onClose, form }: MergePanelProps) {
  const styles = useStyles();
  const m = mergeStrings[lang];
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<readonly File[]>([]);
  const [ownAsOf, setAsOf] = useState(() => stored?.asOf ?? localIsoDay(new Date()));
  const [ownAgeLine, setAgeLine] = useState<number>(stored?.ageLine ?? AGE_LINES[0]);
  const asOf = form?.asOf ?? ownAsOf;
  const ageLine = form?.ageLine ?? ownAgeLine;
  const [opened, setOpened] = useState<string | null>(null);
  // The user's column choices, per file: kept in the panel (never in the files), used by each merge.
  const picker = useFileMappings(loadMergeEngine, lang);
  const { mappings, setNotice, forget } = picker;
  // The files of the last merge, in its order: a failure or an ambiguity names one by its index.
  const [merged, setMerged] = useState<readonly File[]>([]);
  const merge = useMerge();
  const { state } = merge;
  const running = state.kind === "running";

  const add = (picked: FileList | null) => {
    const known = new Set(files.map(keyOf));
    const more = [...(picked ?? [])].filter((f) => !known.has(keyOf(f)));
    setFiles([...files, ...more]);
    // The same file can be picked again after "clear".
    if (input.current) input.current.value = "";
  };
  const clear = () => {
    setFiles([]);
    picker.clear();
  };
  const start = (withMappings: ReadonlyMap<string, Mapping> = mappings) => {
    setOpened(null);
    setNotice(null);
    setMerged(files);
    void merge.run(files, {
      asOf,
      ageLine,
      lang,
      stored,
      mappings: files.map((f) => withMappings.get(keyOf(f))),
    });
  };
  // A file of the last merge, if it is still in the list.
  const stillPicked = (index: number): File | undefined => {
    const file = merged[index];
    return file && files.includes(file) ? file : undefined;
  };
  const openEditor = (file: File, sheet: string | undefined) => picker.openEditor(file, sheet);
  const fixButton = (file: File, sheet: string | undefined) => (
    <Button
      size="small"
      disabled={running}
      aria-label={m.fixColumnsOf(file.name, sheet)}
      onClick={() => void openEditor(file, sheet)}
    >
      {m.fixColumns}
    </Button>
  );
  const failed = state.kind === "failed" ? state.failure : undefined;
  const toFix = failed && isMappable(failed.code) ? stillPicked(failed.file) : undefined;
  const openInExcel = async (bytes: Uint8Array) => {
    if (!createWorkbook) return;
    try {
      await createWorkbook(toBase64(bytes));
      setOpened(m.openedInExcel);
    } catch (error) {
      setOpened(m.openFailed(reasonOf(error)));
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
          <Button disabled={running} onClick={clear}>
            {m.clear}
          </Button>
        )}
      </div>
      {files.length === 0 ? (
        <Body1 as="p">{m.none}</Body1>
      ) : (
        <ol className={styles.list} aria-label={m.listLabel} data-testid="merge-files">
          {files.map((f) => {
            const mapped = Object.keys(mappings.get(keyOf(f)) ?? {}).length;
            return (
              <li key={keyOf(f)}>
                {f.name}
                {mapped > 0 && (
                  <>
                    <Caption1> ({m.mapped(mapped)}) </Caption1>
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={running}
                      aria-label={m.forgetMapping(f.name)}
                      onClick={() => forget(f)}
                    >
                      {m.forget}
                    </Button>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {!form && (
        <div className={styles.row}>
          <AsOfField text={text} value={asOf} disabled={running} onChange={setAsOf} />
          <AgeLineField text={text} value={ageLine} disabled={running} onChange={setAgeLine} />
        </div>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={files.length === 0 || running || asOf === ""}
          onClick={() => start()}
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
            {toFix && <div>{fixButton(toFix, failed?.sheet)}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      <FileMappingPicker
        picker={picker}
        text={text}
        lang={lang}
        busy={running}
        heading={(file, sheet) => m.mappingHeading(file.name, sheet)}
        intro={m.mappingIntro}
        saveLabel={m.mappingSave}
        onSaved={(_, next) => start(next)}
      />
      {state.kind === "done" && (
        <MergeResults
          view={state.view}
          text={text}
          lang={lang}
          opened={opened}
          {...(createWorkbook ? { onOpenInExcel: () => void openInExcel(state.view.output) } : {})}
          fixFor={(index, sheet) => {
            const file = stillPicked(index);
            return file && fixButton(file, sheet);
          }}
        />
      )}
    </section>
  );
}
