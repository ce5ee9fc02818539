/**
 * The pane's merge, in Excel and in file mode alike: the xlsx host reads each picked file, the
 * merge builds the provincial workbook and checks it. Loaded through a dynamic import
 * (use-merge.ts) so that neither the Office path nor the file mode's first paint carries it.
 */
import type { SourceSummary } from "../../core/merge";
import { localIsoDay } from "../../core/model/dates";
import { InputError } from "../../core/model/errors";
import { Lang, LocalText } from "../../core/model/i18n";
import { DEFAULT_SETTINGS, Settings } from "../../core/model/settings";
import { mergeWorkbooks } from "../../hosts/workbook/merge-workbooks";
import { CancelledError, CancelToken, Stage } from "../../hosts/workbook/progress";
import { openXlsx } from "../../hosts/xlsx";
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
}

export type MergeRunOutcome =
  | { readonly ok: true; readonly view: MergeView }
  | { readonly ok: false; readonly error: LocalText; readonly cancelled: boolean };

/** Reads, merges and checks; unreadable input and a cancel come back as { ok: false }. */
export async function runMerge(
  files: readonly InputFile[],
  options: MergeRunOptions,
  hooks: MergeHooks,
): Promise<MergeRunOutcome> {
  const checkedOn = localIsoDay(new Date());
  try {
    const sources = files.map((file) => ({
      name: file.name,
      open: async () => openXlsx(new Uint8Array(await file.arrayBuffer())),
    }));
    const outcome = await mergeWorkbooks(
      sources,
      xlsxMergeTarget(),
      {
        ...DEFAULT_SETTINGS,
        ...options.stored,
        asOf: options.asOf,
        ageLine: options.ageLine,
        lang: options.lang,
      },
      { ...hooks, checkedOn },
    );
    return {
      ok: true,
      view: {
        ...checkView(outcome.report),
        output: outcome.bytes,
        outputName: `tong-hop-tinh-${checkedOn}.xlsx`,
        sources: outcome.sources,
      },
    };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error: error.text, cancelled: false };
    if (error instanceof CancelledError) return { ok: false, error: error.text, cancelled: true };
    throw error;
  }
}
