/**
 * The messages between the pane and the engine's Worker (engine.worker.ts). Everything crossing
 * is plain data, copied by structured clone: files (a File is cloneable, so the Worker reads it
 * and the page never holds its bytes), options, progress, the results of a check or a merge. The
 * checked copy stays in the Worker; the pane sets marks on it and asks for its bytes by message.
 */
import type { ReviewMarkInput } from "../../core/review/mark";
import type { LocalText } from "../../core/model/i18n";
import type { Stage } from "../../hosts/workbook/progress";
import type { Computed, ComputeRequest } from "../../hosts/workbook/compute-check";
import type { CheckView } from "../check-view";
import type { MergeRunOptions, MergeRunOutcome } from "../merge/run-merge";
import type { FileCheckFailure, FileCheckOptions, InputFile } from "../run-file-check";

export type EngineRequest =
  | {
      readonly kind: "check";
      readonly id: number;
      readonly file: InputFile;
      readonly options: FileCheckOptions;
    }
  | {
      readonly kind: "merge";
      readonly id: number;
      readonly files: readonly InputFile[];
      readonly options: MergeRunOptions;
    }
  | {
      readonly kind: "mark";
      readonly id: number;
      readonly finding: string;
      readonly mark: ReviewMarkInput;
      readonly day: string;
    }
  | { readonly kind: "bytes"; readonly id: number }
  /** Inside Excel: the check's pure step on what Office.js read (compute-check.ts). */
  | { readonly kind: "compute"; readonly id: number; readonly request: ComputeRequest };

/** The part of a file check's view that crosses: everything but the copy, which stays behind. */
export interface CheckData extends CheckView {
  readonly outputName: string;
}

export type CheckReply = { readonly ok: true; readonly view: CheckData } | FileCheckFailure;

/** The long lists of a check's view, sent ahead of it in parts (see engine.worker.ts). */
export type PartField = "clubs" | "findings" | "resolved";

export type EngineReply =
  | { readonly kind: "stage"; readonly id: number; readonly stage: Stage }
  | {
      readonly kind: "part";
      readonly id: number;
      readonly field: PartField;
      readonly items: readonly unknown[];
    }
  | {
      readonly kind: "file";
      readonly id: number;
      readonly index: number;
      readonly total: number;
      readonly name: string;
    }
  | { readonly kind: "checked"; readonly id: number; readonly outcome: CheckReply }
  | { readonly kind: "merged"; readonly id: number; readonly outcome: MergeRunOutcome }
  | { readonly kind: "marked"; readonly id: number }
  | { readonly kind: "computed"; readonly id: number; readonly computed: Computed }
  | { readonly kind: "bytes"; readonly id: number; readonly bytes: Uint8Array }
  /** Anything thrown: an InputError's text when it has one, else the error's message. */
  | {
      readonly kind: "failed";
      readonly id: number;
      readonly error: LocalText;
      readonly code?: string;
      /** An InputError's sheet: the pane offers "Chọn cột" for it. */
      readonly sheet?: string;
    };
