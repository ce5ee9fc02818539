/**
 * The file mode's state machine: idle -> running (reading, checking, writing) -> done | failed.
 * The work runs in the engine's Worker where the browser has one (worker/file-engine.ts), so the
 * progress keeps moving and Cancel ends it at once; the pane only shows what it reports.
 */
import { say } from "../core/model/i18n";
import { errorText } from "../core/model/error-text";
import { startTransition, useCallback, useRef, useState } from "react";
import type { LocalText } from "../core/model/i18n";
import type { InputErrorCode } from "../core/model/errors";
import { CancelledError } from "../hosts/workbook/progress";
import type { FileCheckOptions, FileCheckView, InputFile, Stage } from "./run-file-check";
import { EngineJob, loadPageEngine, startCheck } from "./worker/file-engine";
import type { FileCheckOutcome } from "./run-file-check";

export type FileCheckState =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly stage: Stage }
  | { readonly kind: "done"; readonly view: FileCheckView }
  | {
      readonly kind: "failed";
      readonly error: LocalText;
      /** The reader's reason ("unexpected" for anything else), and the sheet it names if any. */
      readonly code: InputErrorCode | "unexpected" | "cancelled";
      readonly sheet: string | undefined;
    };

/** The engine in the page, for the column picker's look at a file (its sheets, their top rows). */
export const loadEngine = loadPageEngine;

const unexpected = (error: unknown): LocalText =>
  errorText(error, say("Không kiểm tra được tệp", "The file check failed"));

export interface FileCheck {
  readonly state: FileCheckState;
  run(file: InputFile, options: FileCheckOptions): Promise<void>;
  /** Stops the running check at once; the file is never changed. */
  cancel(): void;
}

export function useFileCheck(): FileCheck {
  const [state, setState] = useState<FileCheckState>({ kind: "idle" });
  // Only the latest run may update the state: an older one finishing late is ignored.
  const latest = useRef(0);
  const job = useRef<EngineJob<FileCheckOutcome> | null>(null);

  const run = useCallback(async (file: InputFile, options: FileCheckOptions) => {
    const id = ++latest.current;
    const current = () => latest.current === id;
    job.current?.cancel();
    const started = startCheck(file, options, (stage) => {
      if (current()) setState({ kind: "running", stage });
    });
    job.current = started;
    try {
      const outcome = await started.done;
      if (!current()) return;
      // A transition: React draws a country's results in slices, the page answering in between.
      startTransition(() =>
        setState(
          outcome.ok
            ? { kind: "done", view: outcome.view }
            : { kind: "failed", error: outcome.error, code: outcome.code, sheet: outcome.sheet },
        ),
      );
    } catch (error) {
      if (!current()) return;
      const cancelled = error instanceof CancelledError;
      setState({
        kind: "failed",
        error: cancelled ? cancelledText : unexpected(error),
        code: cancelled ? "cancelled" : "unexpected",
        sheet: undefined,
      });
    } finally {
      if (job.current === started) job.current = null;
    }
  }, []);

  const cancel = useCallback(() => job.current?.cancel(), []);

  return { state, run, cancel };
}

const cancelledText = say(
  "Đã hủy kiểm tra. Tệp không thay đổi.",
  "Check cancelled. The file was not changed.",
);
