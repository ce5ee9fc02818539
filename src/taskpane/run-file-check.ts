/**
 * The browser file mode's check: the same engine as the command line (the xlsx host and
 * checkWorkbook), run on a file the user picked: in the engine's Worker (worker/engine-handler.ts),
 * or in the page through a dynamic import (worker/file-engine.ts) where no Worker runs, so that the
 * Office path does not carry the xlsx host.
 */
import { LocalText, Lang } from "../core/model/i18n";
import { CheckView, checkView } from "./check-view";
import { InputError, InputErrorCode } from "../core/model/errors";
import type { Mapping } from "../core/check/mapping";
import { localIsoDay } from "../core/model/dates";
import { DEFAULT_SETTINGS } from "../core/model/settings";
import { checkWorkbook } from "../hosts/workbook/check-workbook";
import { openXlsx } from "../hosts/xlsx";
import { fileModeEngine, helperRecompressor } from "./worker/helper-deflater";
import { CheckedCopy, CopyHandle } from "./checked-copy";
import type { CancelToken } from "../hosts/workbook/progress";

export type { Stage } from "../hosts/workbook/progress";
// The column picker's view of the file, in this chunk, which already carries the xlsx host.
export { fileSheets, previewFileSheet } from "./file-sheets";
import type { Stage } from "../hosts/workbook/progress";

export interface FileCheckOptions {
  /** Reference date, "YYYY-MM-DD". */
  readonly asOf: string;
  readonly ageLine: number;
  readonly lang: Lang;
  /** The user's column choices for this file (the column picker's); none by default. */
  readonly mapping?: Mapping;
}

/** The file being checked: a browser File, or anything with its bytes and a name. */
export interface InputFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FileCheckView extends CheckView {
  /** The checked copy: the input with the generated sheets and the highlights, and its marks. */
  readonly copy: CopyHandle;
  readonly outputName: string;
}

/** A file that cannot be checked, with its message in both languages. */
export interface FileCheckFailure {
  readonly ok: false;
  readonly error: LocalText;
  /** The reader's reason, and the sheet it is about when known: a column choice may fix it. */
  readonly code: InputErrorCode;
  readonly sheet: string | undefined;
}

export type FileCheckOutcome =
  { readonly ok: true; readonly view: FileCheckView } | FileCheckFailure;

/**
 * "so-2024.xlsx" -> "so-2024-checked.xlsx"; the extension is the one the content calls for
 * (".xlsm" for a macro-enabled workbook, whose copy Excel would refuse under ".xlsx").
 */
export function checkedName(name: string, extension = ".xlsx"): string {
  const base = name.replace(/\.(xlsx|xlsm|xltx|xltm|xlam)$/i, "") || "workbook";
  return `${base}-checked${extension}`;
}

/**
 * Reads the file, checks it and builds the checked copy, reporting each stage before it starts.
 * Input that cannot be checked comes back as { ok: false } with its message in both languages.
 */
export async function runFileCheck(
  file: InputFile,
  options: FileCheckOptions,
  onStage: (stage: Stage) => void | Promise<void>,
  cancel?: CancelToken,
): Promise<FileCheckOutcome> {
  // Started as reading begins, ended once the copy is written (see helperRecompressor).
  const helper = helperRecompressor();
  try {
    await onStage("reading");
    // The browser's native inflater for the big parts (fflate where there is none).
    const workbook = openXlsx(
      new Uint8Array(await file.arrayBuffer()),
      undefined,
      undefined,
      fileModeEngine(helper?.recompress),
    );
    const { mapping = {}, ...chosen } = options;
    const settings = { ...DEFAULT_SETTINGS, ...chosen };
    // The check announces its own stages: reading the sheets, checking, writing the copy.
    const { report, plan } = await checkWorkbook(workbook, settings, mapping, {
      onStage,
      ...(cancel ? { cancel } : {}),
      checkedOn: localIsoDay(new Date()),
    });
    return {
      ok: true,
      view: {
        ...checkView(report),
        copy: new CheckedCopy(
          workbook.toBytes(),
          plan.sheets.find((g) => g.kind === "findings"),
        ),
        outputName: checkedName(file.name, workbook.extension),
      },
    };
  } catch (error) {
    if (error instanceof InputError)
      return { ok: false, error: error.text, code: error.code, sheet: error.sheet };
    throw error;
  } finally {
    helper?.release();
  }
}
