/**
 * The Excel pane's state machine: one action at a time (check, appendix, clear, template), its
 * stages, a cancel that is honoured until writing starts, and the outcome kept until the next
 * action. Messages are kept as functions of the strings so that switching language re-renders them.
 */
import { errorText } from "../../core/model/error-text";
import { useCallback, useRef, useState } from "react";
import { InputError, InputErrorCode } from "../../core/model/errors";
import { LocalText } from "../../core/model/i18n";
import { AddinConfig } from "../../addin/document-config";
import type { ExcelDeps } from "../../addin/excel-actions";
import { loadEngine } from "./lazy-parts";
import { CancelledError, CancelSwitch, Stage } from "../../hosts/workbook/progress";
import { CheckView, checkView } from "../check-view";
import type { ComputeStep } from "../../hosts/workbook/compute-check";
import type { Language, PaneAction, Strings } from "../strings";

export interface TemplateResult {
  readonly created: readonly string[];
  readonly skipped: readonly string[];
  readonly perClub: readonly string[];
}

/** Everything the pane needs from Excel; tests build it over the strict fake. */
export interface PaneEnv extends ExcelDeps {
  createTemplate(): Promise<TemplateResult>;
  /** Where a check's pure step runs (worker/file-engine.ts's computeInWorker); in place if absent. */
  readonly compute?: ComputeStep;
}

export type PaneState =
  | { readonly kind: "idle" }
  | {
      readonly kind: "running";
      readonly action: PaneAction;
      readonly stage: Stage | undefined;
    }
  | {
      readonly kind: "checked";
      readonly action: "check" | "appendix";
      readonly view: CheckView;
      readonly note: ((text: Strings) => string) | undefined;
    }
  | { readonly kind: "message"; readonly message: (text: Strings) => string }
  | {
      readonly kind: "failed";
      readonly action: PaneAction;
      readonly error: LocalText;
      /** The sheet the error is about, when a column choice could fix it. */
      readonly sheet: string | undefined;
      readonly code: InputErrorCode | "cancelled" | "unexpected";
    };

export interface ExcelPane {
  readonly state: PaneState;
  /** True between the start of a run and the start of its writing stage. */
  readonly cancellable: boolean;
  run(action: PaneAction, lang: Language, config: AddinConfig): Promise<void>;
  cancel(): void;
}

function failure(action: PaneAction, error: unknown): PaneState {
  if (error instanceof CancelledError)
    return { kind: "failed", action, error: error.text, sheet: undefined, code: "cancelled" };
  if (error instanceof InputError)
    return { kind: "failed", action, error: error.text, sheet: error.sheet, code: error.code };
  return { kind: "failed", action, error: errorText(error), sheet: undefined, code: "unexpected" };
}

export function useExcelPane(env: PaneEnv): ExcelPane {
  const [state, setState] = useState<PaneState>({ kind: "idle" });
  const [cancellable, setCancellable] = useState(false);
  const cancelSwitch = useRef<CancelSwitch | null>(null);
  const busy = useRef(false);

  const run = useCallback(
    async (action: PaneAction, lang: Language, config: AddinConfig) => {
      // One action at a time: Excel would queue a second batch behind the first anyway, and two
      // checks writing the same sheets would only confuse the user.
      if (busy.current) return;
      busy.current = true;
      const cancel = new CancelSwitch();
      cancelSwitch.current = cancel;
      setState({ kind: "running", action, stage: undefined });
      try {
        const { checkOpenWorkbook, clearHighlights } = await loadEngine();
        if (action === "check" || action === "appendix") {
          setCancellable(true);
          const outcome = await checkOpenWorkbook(env, {
            lang,
            config,
            cancel,
            scope: action === "check" ? "all" : "appendix",
            // The pure step in a Worker where the webview runs one: the pane keeps answering.
            ...(env.compute ? { compute: env.compute } : {}),
            onStage: (stage) => {
              if (stage === "writing") setCancellable(false);
              setState({ kind: "running", action, stage });
            },
          });
          const appendix = outcome.plan.sheets.find((s) => s.kind === "appendix")?.name;
          setState({
            kind: "checked",
            action,
            view: checkView(outcome.report),
            note:
              action === "appendix" && appendix !== undefined
                ? (t) => t.appendixDone(appendix)
                : undefined,
          });
        } else if (action === "clear") {
          const count = await clearHighlights(env);
          setState({ kind: "message", message: (t) => t.cleared(count) });
        } else {
          const { created, skipped, perClub } = await env.createTemplate();
          setState({
            kind: "message",
            message: (t) => t.templateDone(created, skipped, perClub),
          });
        }
      } catch (error) {
        setState(failure(action, error));
      } finally {
        busy.current = false;
        cancelSwitch.current = null;
        setCancellable(false);
      }
    },
    [env],
  );

  const cancel = useCallback(() => cancelSwitch.current?.cancel(), []);

  return { state, cancellable, run, cancel };
}
