import { Suspense, useCallback, useState } from "react";
import { errorText } from "../../core/model/error-text";
import {
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SheetMapping } from "../../core/check/mapping";
import type { SheetLayout } from "../../core/read/layout";
import type { Settings } from "../../core/model/settings";
import type { ReviewStatus } from "../../core/review/status";
import { AddinConfig, readConfig, writeConfig } from "../../addin/document-config";
import type { Language, PaneAction, Strings } from "../strings";
import { ActionBar } from "./ActionBar";
import {
  ExcelResults,
  MappingEditor,
  SettingsPanel,
  loadEngine,
  loadReviewActions,
} from "./lazy-parts";
import { RunProgress } from "./RunProgress";
import { MergePanel } from "../merge/lazy-merge";
import { mergeStrings } from "../strings";
import { officeCreateWorkbook } from "../merge/excel-create";
import { PaneEnv, useExcelPane } from "./use-excel-pane";
import { isMappable } from "../mappable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ExcelPaneProps {
  readonly env: PaneEnv;
  readonly text: Strings;
  readonly lang: Language;
}

interface Editor {
  readonly sheet: string;
  readonly sheets: readonly string[];
  /** What the last check understood, as it was when the picker opened. */
  readonly layout: readonly SheetLayout[];
  /** What saving runs again: the action that stopped or was shown ("Lập phụ lục" stays one). */
  readonly rerun: "check" | "appendix";
}

/** The pane inside Excel: actions, progress, results, how the workbook was read, settings. */
export function ExcelPane({ env, text, lang }: ExcelPaneProps) {
  const styles = useStyles();
  const [loaded] = useState(() => readConfig(env.documentSettings));
  const [config, setConfig] = useState<AddinConfig>(loaded.config);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  const pane = useExcelPane(env);
  const { state } = pane;
  const busy = state.kind === "running";

  const store = async (next: AddinConfig) => {
    await writeConfig(env.documentSettings, next);
    setConfig(next);
  };
  // The auditor's status goes straight into the findings sheet, dated with the user's today.
  const writeMark = async (id: string, status: ReviewStatus): Promise<string> => {
    const day = env.today();
    await (await loadReviewActions()).setReviewMark(env.run, id, { status }, day);
    return day;
  };
  const act = (action: PaneAction, withConfig: AddinConfig = config) => {
    setNotice(null);
    void pane.run(action, lang, withConfig);
  };
  const reason = (error: unknown): string => errorText(error)[lang];
  const openEditor = async (sheet: string | undefined) => {
    setNotice(null);
    try {
      const sheets = await (await loadEngine()).sheetNames(env.run);
      const first = sheet !== undefined && sheets.includes(sheet) ? sheet : sheets[0];
      const layout = state.kind === "checked" ? state.view.layout : [];
      const rerun =
        (state.kind === "checked" || state.kind === "failed") && state.action === "appendix"
          ? "appendix"
          : "check";
      if (first !== undefined) setEditor({ sheet: first, sheets, layout, rerun });
    } catch (error) {
      setNotice(reason(error));
    }
  };
  const forgetMapping = () => {
    setNotice(null);
    store({ ...config, mapping: {} }).catch((error: unknown) => setNotice(reason(error)));
  };
  const loadPreview = useCallback(
    async (sheet: string) => (await loadEngine()).previewSheet(env.run, sheet),
    [env.run],
  );
  const select = (sheet: string, cell: string) => {
    setNotice(null);
    loadEngine()
      .then((engine) => engine.selectCell(env.run, sheet, cell))
      .catch(() => setNotice(text.selectFailed(sheet, cell)));
  };
  const mappedSheets = Object.keys(config.mapping).length;
  const loading = <Spinner size="tiny" label={text.loading} />;

  return (
    <div className={styles.root}>
      <ActionBar
        text={text}
        busy={busy}
        onAction={act}
        // While the panel is open its own "Gộp tệp" is the one action: the opener steps aside.
        extra={
          !merging && (
            <Button
              disabled={busy}
              title={mergeStrings[lang].openHint}
              data-action="merge"
              onClick={() => setMerging(true)}
            >
              {mergeStrings[lang].open}
            </Button>
          )
        }
      />
      {merging && (
        <Suspense fallback={<Spinner size="tiny" label={text.loading} />}>
          <MergePanel
            text={text}
            lang={lang}
            createWorkbook={officeCreateWorkbook(env.supports)}
            stored={config.settings}
            onClose={() => setMerging(false)}
          />
        </Suspense>
      )}
      {loaded.problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{loaded.problem[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {mappedSheets > 0 && (
        <div className={styles.row}>
          <Caption1>{text.mappingStored(mappedSheets)}</Caption1>
          <Button size="small" disabled={busy} onClick={forgetMapping}>
            {text.mappingForget}
          </Button>
        </div>
      )}
      {state.kind === "running" && (
        <RunProgress
          text={text}
          stage={state.stage}
          cancellable={pane.cancellable}
          onCancel={pane.cancel}
        />
      )}
      {state.kind === "message" && (
        <MessageBar intent="success">
          <MessageBarBody role="status">{state.message(text)}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "failed" && (
        <MessageBar intent={state.code === "cancelled" ? "info" : "error"}>
          <MessageBarBody>
            <MessageBarTitle>{text.actionFailed[state.action]}</MessageBarTitle>
            <span role="alert">{state.error[lang]}</span>
            {isMappable(state.code) && (
              <div>
                <Button size="small" onClick={() => void openEditor(state.sheet)}>
                  {text.fixMapping}
                </Button>
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice !== null && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {editor && (
        <Suspense fallback={loading}>
          <MappingEditor
            key={editor.sheet}
            text={text}
            lang={lang}
            sheets={editor.sheets}
            sheet={editor.sheet}
            layout={editor.layout}
            busy={busy}
            stored={config.mapping}
            loadPreview={loadPreview}
            onClose={() => setEditor(null)}
            onSave={async (sheet: string, mapping: SheetMapping) => {
              const next = { ...config, mapping: { ...config.mapping, [sheet]: mapping } };
              await store(next);
              setEditor(null);
              act(editor.rerun, next);
            }}
          />
        </Suspense>
      )}
      {state.kind === "checked" && (
        <>
          {state.note && (
            <MessageBar intent="success">
              <MessageBarBody>{state.note(text)}</MessageBarBody>
            </MessageBar>
          )}
          <Suspense fallback={loading}>
            <ExcelResults
              view={state.view}
              text={text}
              lang={lang}
              onSelect={select}
              onFix={(sheet) => void openEditor(sheet)}
              {...(state.action === "check" ? { onWriteMark: writeMark } : {})}
            />
          </Suspense>
        </>
      )}
      <Divider />
      <Suspense fallback={loading}>
        <SettingsPanel
          text={text}
          lang={lang}
          stored={config.settings}
          disabled={busy}
          onSave={(settings: Partial<Settings>) => store({ ...config, settings })}
        />
      </Suspense>
    </div>
  );
}
