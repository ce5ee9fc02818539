import { Mapping } from "../../core/check/mapping";
import { mergeFiles, readRecords, SourceFile, SourceSummary } from "../../core/merge";
import { InputError } from "../../core/model/errors";
import { say } from "../../core/model/i18n";
import { Settings } from "../../core/model/settings";
import { JsonReport } from "../../core/report/json-report";
import { CheckOutcome, checkWorkbook } from "./check-workbook";
import { MergeTarget, WorkbookPort } from "./port";

export type { MergeTarget } from "./port";
import { CancelToken, Stage, throwIfCancelled } from "./progress";
import { readInputSheets } from "./read-input-sheets";

/** One district file: its name (it names the file in every message) and how to open it. */
export interface MergeSource {
  readonly name: string;
  /** Opened only when its turn comes, so one unreadable file stops the merge before the next. */
  open(): WorkbookPort | Promise<WorkbookPort>;
  /** The user's corrections for this file's sheets; none by default. */
  readonly mapping?: Mapping;
}

export interface MergeOptions {
  /** Called as each file's reading starts (index from 0). */
  readonly onFile?: (index: number, total: number, name: string) => void | Promise<void>;
  /** The stages of the provincial check, after all files are read. */
  readonly onStage?: (stage: Stage) => void | Promise<void>;
  readonly cancel?: CancelToken;
  /** As checkWorkbook's (CheckOptions). */
  readonly collect?: () => void;
  /** The day of this run, ISO "YYYY-MM-DD" (see CheckOptions). */
  readonly checkedOn?: string;
}

export type MergeReport = JsonReport & { readonly sources: readonly SourceSummary[] };

export interface MergeOutcome extends Omit<CheckOutcome, "report"> {
  /** The provincial workbook: the canonical sheets, then the check's generated sheets. */
  readonly bytes: Uint8Array;
  readonly report: MergeReport;
  readonly sources: readonly SourceSummary[];
}

/** An input error about one file, said with the file's name so the user knows which to fix. */
function inFile(name: string, e: unknown): unknown {
  if (!(e instanceof InputError)) return e;
  return new InputError(
    e.code,
    say(`Tệp "${name}": ${e.text.vi}`, `File "${name}": ${e.text.en}`),
    e.sheet,
  );
}

/** Reads one file's sheets and records exactly as checkWorkbook reads a workbook's. */
async function readSource(source: MergeSource, settings: Settings): Promise<SourceFile> {
  const port = await source.open();
  const { input } = await readInputSheets(port, source.mapping ?? {});
  const records = readRecords(input, settings);
  return { name: source.name, records };
}

/**
 * "Gộp tệp" / `ishc merge`: each district file read with the reader of a single check, their
 * records merged into one canonical workbook (with the source file and row on every row), which is
 * then checked as the province: club results, the appendix and every finding, the merge's first.
 * Any file that cannot be read stops the merge with an InputError naming it; nothing is written.
 */
export async function mergeWorkbooks(
  sources: readonly MergeSource[],
  target: MergeTarget,
  settings: Settings,
  options: MergeOptions = {},
): Promise<MergeOutcome> {
  const { cancel } = options;
  const names = new Set<string>();
  const files: SourceFile[] = [];
  for (const [i, source] of sources.entries()) {
    throwIfCancelled(cancel);
    await options.onFile?.(i, sources.length, source.name);
    // Two files of one name would be told apart by nothing in the merged rows.
    let name = source.name;
    for (let n = 2; names.has(name); n++) name = `${source.name} (${n})`;
    names.add(name);
    try {
      files.push(await readSource({ ...source, name }, settings));
    } catch (e) {
      throw inFile(name, e);
    }
  }
  throwIfCancelled(cancel);
  const merged = mergeFiles(files);
  const workbook = target.create(merged.sheets);
  const outcome = await checkWorkbook(
    workbook,
    settings,
    {},
    {
      extraFindings: merged.findings,
      onStage: options.onStage,
      collect: options.collect,
      cancel,
      checkedOn: options.checkedOn,
    },
  );
  return {
    ...outcome,
    bytes: workbook.toBytes(),
    report: { ...outcome.report, sources: merged.sources },
    sources: merged.sources,
  };
}
