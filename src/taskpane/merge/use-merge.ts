/**
 * The merge's state machine: idle -> running (each file, then checking, writing) -> done | failed.
 * The work runs in the engine's Worker where the browser has one (worker/file-engine.ts).
 */
import { say } from "../../core/model/i18n";
import { errorText } from "../../core/model/error-text";
import { startTransition, useCallback, useRef, useState } from "react";
import type { LocalText } from "../../core/model/i18n";
import type { Stage } from "../../hosts/workbook/progress";
import { loadOnce } from "../load-once";
import type { InputFile } from "../run-file-check";
import type { MergeFailure, MergeRunOptions, MergeRunOutcome, MergeView } from "./run-merge";
import { EngineJob, startMerge, workerBacked } from "../worker/file-engine";

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

/** The engine in the page, for the column picker's look at a picked file. */
export const loadMergeEngine = loadOnce(
  () => import(/* webpackChunkName: "merge-engine" */ "./run-merge"),
);

export interface Merge {
  readonly state: MergeState;
  /** True until the provincial workbook starts being written (always, in a Worker). */
  readonly cancellable: boolean;
  run(files: readonly InputFile[], options: MergeRunOptions): Promise<void>;
  cancel(): void;
}

export function useMerge(): Merge {
  const [state, setState] = useState<MergeState>({ kind: "idle" });
  const latest = useRef(0);
  const job = useRef<EngineJob<MergeRunOutcome> | null>(null);

  const run = useCallback(async (files: readonly InputFile[], options: MergeRunOptions) => {
    const id = ++latest.current;
    const current = () => latest.current === id;
    const show = (progress: MergeProgress) => {
      if (current()) setState({ kind: "running", progress });
    };
    job.current?.cancel();
    show({ kind: "file", index: 0, total: files.length, name: files[0]?.name ?? "" });
    const started = startMerge(files, options, {
      onFile: (index, total, name) => show({ kind: "file", index, total, name }),
      onStage: (stage) => show({ kind: "stage", stage }),
    });
    job.current = started;
    try {
      const outcome = await started.done;
      if (!current()) return;
      // A transition: React draws a province's results in slices (see use-file-check.ts).
      startTransition(() =>
        setState(
          outcome.ok
            ? { kind: "done", view: outcome.view }
            : {
                kind: "failed",
                error: outcome.error,
                cancelled: outcome.cancelled,
                ...(outcome.failure ? { failure: outcome.failure } : {}),
              },
        ),
      );
    } catch (error) {
      if (current())
        setState({
          kind: "failed",
          error: errorText(error, say("Không gộp được các tệp", "The merge failed")),
          cancelled: false,
        });
    } finally {
      if (job.current === started) job.current = null;
    }
  }, []);

  const cancel = useCallback(() => job.current?.cancel(), []);
  // A merge in a Worker can be stopped at any point; in the page, only until it starts writing.
  const cancellable =
    state.kind === "running" &&
    (workerBacked() || !(state.progress.kind === "stage" && state.progress.stage === "writing"));
  return { state, cancellable, run, cancel };
}
