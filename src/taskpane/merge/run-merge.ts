/**
 * The pane's merge, in Excel and in file mode alike: the xlsx host reads each picked file, the
 * merge builds the provincial workbook and checks it. Loaded through a dynamic import
 * (use-merge.ts) so that neither the Office path nor the file mode's first paint carries it.
 */
import type { Mapping } from "../../core/check/mapping";
import type { SourceSummary } from "../../core/merge";
import { localIsoDay } from "../../core/model/dates";
import { InputError, InputErrorCode } from "../../core/model/errors";
import { Lang, LocalText } from "../../core/model/i18n";
import { DEFAULT_SETTINGS, Settings } from "../../core/model/settings";
import { mergeWorkbooks } from "../../hosts/workbook/merge-workbooks";
import { CancelledError, CancelToken, Stage } from "../../hosts/workbook/progress";
import { openXlsx } from "../../hosts/xlsx";
import { fileModeEngine } from "../worker/helper-deflater";
import { xlsxMergeTarget } from "../../hosts/xlsx/new-workbook";
import { CheckView, checkView } from "../check-view";
import type { InputFile } from "../run-file-check";

export interface MergeRunOptions {
  /** Reference date, "YYYY-MM-DD". */
  readonly asOf: string;
  readonly ageLine: number;
  readonly lang: Lang;
  /** Inside Excel: the thresholds stored in the open workbook, so both checks judge alike. */
  readonly stored?: Readonly<Partial<Settings>>;
  /** The user's column choices for each file, in the order of the files; none by default. */
  readonly mappings?: readonly (Mapping | undefined)[];
}

export interface MergeHooks {
  readonly onFile: (index: number, total: number, name: string) => Promise<void>;
  readonly onStage: (stage: Stage) => Promise<void>;
  readonly cancel: CancelToken;
}

export interface MergeView extends CheckView {
  /** The provincial workbook: canonical sheets with their source columns, and the results. */
  readonly output: Uint8Array;
  readonly outputName: string;
  readonly sources: readonly SourceSummary[];
  /** Files whose sheets have columns the reader was not sure of ("layout.ambiguous"). */
  readonly ambiguous: readonly AmbiguousFile[];
}

/** A file (index in the files merged) with a sheet whose fields several columns could be. */
export interface AmbiguousFile {
  readonly file: number;
  readonly sheet: string;
  readonly fields: readonly string[];
}

/** Where a file stopped the merge: which file (index), why (the reader's code), which sheet. */
export interface MergeFailure {
  readonly file: number;
  readonly code: InputErrorCode;
  readonly sheet: string | undefined;
}

export type MergeRunOutcome =
  | { readonly ok: true; readonly view: MergeView }
  | {
      readonly ok: false;
      readonly error: LocalText;
      readonly cancelled: boolean;
      /** Set when a file could not be read (an InputError while reading it). */
      readonly failure?: MergeFailure;
    };

/** The files whose sheets have fields several columns could be, as the merge reports them. */
const ambiguousFiles = (sources: readonly SourceSummary[]): AmbiguousFile[] =>
  sources.flatMap((s, file) =>
    (s.ambiguous ?? []).map((a) => ({ file, sheet: a.sheet, fields: a.fields })),
  );

// The column picker's view of a picked file, shared with the file mode's single-file check.
export { fileSheets, previewFileSheet } from "../file-sheets";

/** Reads, merges and checks; unreadable input and a cancel come back as { ok: false }. */
export async function runMerge(
  files: readonly InputFile[],
  options: MergeRunOptions,
  hooks: MergeHooks,
): Promise<MergeRunOutcome> {
  const checkedOn = localIsoDay(new Date());
  // The file being read when an InputError comes: the one to name and to fix.
  let reading = -1;
  try {
    const sources = files.map((file, i) => ({
      name: file.name,
      open: async () =>
        openXlsx(new Uint8Array(await file.arrayBuffer()), undefined, undefined, fileModeEngine()),
      mapping: options.mappings?.[i] ?? {},
    }));
    const outcome = await mergeWorkbooks(
      sources,
      xlsxMergeTarget(undefined, fileModeEngine()),
      {
        ...DEFAULT_SETTINGS,
        ...options.stored,
        asOf: options.asOf,
        ageLine: options.ageLine,
        lang: options.lang,
      },
      {
        ...hooks,
        onFile: (index, total, name) => {
          reading = index;
          return hooks.onFile(index, total, name);
        },
        onStage: (stage) => {
          reading = -1;
          return hooks.onStage(stage);
        },
        checkedOn,
      },
    );
    return {
      ok: true,
      view: {
        ...checkView(outcome.report),
        output: outcome.bytes,
        outputName: `tong-hop-tinh-${checkedOn}.xlsx`,
        sources: outcome.sources,
        ambiguous: ambiguousFiles(outcome.sources),
      },
    };
  } catch (error) {
    if (error instanceof InputError)
      return {
        ok: false,
        error: error.text,
        cancelled: false,
        ...(reading >= 0
          ? { failure: { file: reading, code: error.code, sheet: error.sheet } }
          : {}),
      };
    if (error instanceof CancelledError) return { ok: false, error: error.text, cancelled: true };
    throw error;
  }
}
