/**
 * The file mode's state machine: idle -> running (reading, checking, writing) -> done | failed.
 * The engine (xlsx host + check) is fetched with a dynamic import the first time it is needed,
 * so it lives in its own chunk and never loads inside Excel.
 */
import { say } from "../core/model/i18n";
import { errorText } from "../core/model/error-text";
import { useCallback, useRef, useState } from "react";
import type { LocalText } from "../core/model/i18n";
import type { InputErrorCode } from "../core/model/errors";
import { loadOnce } from "./load-once";
import type { FileCheckOptions, FileCheckView, InputFile, Stage } from "./run-file-check";
import { nextPaint } from "./next-paint";
import { flushSync } from "react-dom";

export type FileCheckState =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly stage: Stage }
  | { readonly kind: "done"; readonly view: FileCheckView }
  | {
      readonly kind: "failed";
      readonly error: LocalText;
      /** The reader's reason ("unexpected" for anything else), and the sheet it names if any. */
      readonly code: InputErrorCode | "unexpected";
      readonly sheet: string | undefined;
    };

/** Loads the engine chunk once; a failed load (network) is retried on the next check. */
export const loadEngine = loadOnce(
  () => import(/* webpackChunkName: "file-check" */ "./run-file-check"),
);

const unexpected = (error: unknown): LocalText =>
  errorText(error, say("Không kiểm tra được tệp", "The file check failed"));

export interface FileCheck {
  readonly state: FileCheckState;
  run(file: InputFile, options: FileCheckOptions): Promise<void>;
}

export function useFileCheck(): FileCheck {
  const [state, setState] = useState<FileCheckState>({ kind: "idle" });
  // Only the latest run may update the state: an older one finishing late is ignored.
  const latest = useRef(0);

  const run = useCallback(async (file: InputFile, options: FileCheckOptions) => {
    const id = ++latest.current;
    const current = () => latest.current === id;
    const onStage = async (stage: Stage) => {
      // Committed now, not when React next gets round to it: the check that follows holds the
      // main thread, and a stage rendered after it would never be seen.
      if (current()) flushSync(() => setState({ kind: "running", stage }));
      await nextPaint();
    };
    try {
      await onStage("reading");
      const { runFileCheck } = await loadEngine();
      const outcome = await runFileCheck(file, options, onStage);
      if (!current()) return;
      setState(
        outcome.ok
          ? { kind: "done", view: outcome.view }
          : { kind: "failed", error: outcome.error, code: outcome.code, sheet: outcome.sheet },
      );
    } catch (error) {
      if (current())
        setState({
          kind: "failed",
          error: unexpected(error),
          code: "unexpected",
          sheet: undefined,
        });
    }
  }, []);

  return { state, run };
}
