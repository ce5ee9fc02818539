/**
 * The merge's state machine: idle -> running (each file, then checking, writing) -> done | failed.
 * The engine (xlsx host, merge, check) is a chunk of its own, fetched on the first merge.
 */
import { say } from "../../core/model/i18n";
import { errorText } from "../../core/model/error-text";
import { useCallback, useRef, useState } from "react";
import type { LocalText } from "../../core/model/i18n";
import { CancelSwitch, Stage } from "../../hosts/workbook/progress";
import { loadOnce } from "../load-once";
import type { InputFile } from "../run-file-check";
import type { MergeFailure, MergeRunOptions, MergeView } from "./run-merge";
import { nextPaint } from "../next-paint";
import { flushSync } from "react-dom";

export type MergeProgress =
  | { readonly kind: "file"; readonly index: number; readonly total: number; readonly name: string }
  | { readonly kind: "stage"; readonly stage: Stage };

export type MergeState =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly progress: MergeProgress }
  | { readonly kind: "done"; readonly view: MergeView }
  | {
      readonly kind: "failed";
      readonly error: LocalText;
      readonly cancelled: boolean;
      /** The file that could not be read, and why. */
      readonly failure?: MergeFailure;
    };

export const loadMergeEngine = loadOnce(
  () => import(/* webpackChunkName: "merge-engine" */ "./run-merge"),
);

export interface Merge {
  readonly state: MergeState;
  /** True until the provincial workbook starts being written. */
  readonly cancellable: boolean;
  run(files: readonly InputFile[], options: MergeRunOptions): Promise<void>;
  cancel(): void;
}

export function useMerge(): Merge {
  const [state, setState] = useState<MergeState>({ kind: "idle" });
  const latest = useRef(0);
  const switchRef = useRef<CancelSwitch | null>(null);

  const run = useCallback(async (files: readonly InputFile[], options: MergeRunOptions) => {
    const id = ++latest.current;
    const current = () => latest.current === id;
    const cancel = new CancelSwitch();
    switchRef.current = cancel;
    const show = async (progress: MergeProgress) => {
      // Committed now (see use-file-check.ts): the work that follows holds the main thread.
      if (current()) flushSync(() => setState({ kind: "running", progress }));
      await nextPaint();
    };
    try {
      await show({ kind: "file", index: 0, total: files.length, name: files[0]?.name ?? "" });
      const { runMerge } = await loadMergeEngine();
      const outcome = await runMerge(files, options, {
        cancel,
        onFile: (index, total, name) => show({ kind: "file", index, total, name }),
        onStage: (stage) => show({ kind: "stage", stage }),
      });
      if (!current()) return;
      setState(
        outcome.ok
          ? { kind: "done", view: outcome.view }
          : {
              kind: "failed",
              error: outcome.error,
              cancelled: outcome.cancelled,
              ...(outcome.failure ? { failure: outcome.failure } : {}),
            },
      );
    } catch (error) {
      if (current())
        setState({
          kind: "failed",
          error: errorText(error, say("Không gộp được các tệp", "The merge failed")),
          cancelled: false,
        });
    } finally {
      if (switchRef.current === cancel) switchRef.current = null;
    }
  }, []);

  const cancel = useCallback(() => switchRef.current?.cancel(), []);
  const cancellable =
    state.kind === "running" &&
    !(state.progress.kind === "stage" && state.progress.stage === "writing");
  return { state, cancellable, run, cancel };
}
