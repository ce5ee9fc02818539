/**
 * The xlsx host: reads and writes .xlsx packages directly (zip + XML with fflate), for the command
 * line and the browser's file mode. No Node APIs here: the same code runs in a browser tab.
 */
import { DEFAULT_XLSX_LIMITS, XlsxLimits } from "./errors";
import {
  AsyncInflate,
  Codec,
  LaterKeep,
  OutputLimitError,
  Recompress,
  Recompressed,
  StreamDeflate,
} from "./codec";
import { nativeInflate } from "./native-inflate";
import { OpenOptions } from "./open-options";
import { XlsxWorkbook } from "./xlsx-workbook";
import { RunDeflater } from "./deflate-run";

export { DEFAULT_XLSX_LIMITS, XlsxWorkbook };
export type { PackageSource } from "./package";
export type {
  AsyncInflate,
  Codec,
  LaterKeep,
  Recompress,
  Recompressed,
  RunDeflater,
  StreamDeflate,
  XlsxLimits,
};

/** What file mode adds to a package it opens: the browser's inflater, its helpers' deflater. */
export type EngineOptions = Omit<OpenOptions, "own">;
export { nativeInflate };
export { OutputLimitError };

/**
 * Opens a package. Throws InputError ("not-xlsx", "encrypted", "corrupt", "too-large") when the
 * bytes are not a readable workbook; sheets are only inflated when read.
 */
export function openXlsx(
  bytes: Uint8Array,
  limits?: Partial<XlsxLimits>,
  codec?: Codec,
  options: EngineOptions = {},
): XlsxWorkbook {
  // An explicit `undefined` (an unset command-line option) keeps the default, not "no limit".
  const given = Object.entries(limits ?? {}).filter(([, v]) => typeof v === "number" && v >= 0);
  const all = { ...DEFAULT_XLSX_LIMITS, ...Object.fromEntries(given) };
  return new XlsxWorkbook(bytes, all, codec, options);
}

/**
 * Opens a package this engine wrote and has held in memory since (file mode's checked copy, kept
 * for the review marks set before its download): the limits grow to what it holds, as for any
 * output of ours, and its parts are not verified again before they are copied (their CRCs are
 * ours). Never for bytes that left memory: a file on disk is input again, opened with openXlsx.
 */
export function openOwnXlsx(
  bytes: Uint8Array,
  codec?: Codec,
  options: EngineOptions = {},
): XlsxWorkbook {
  return new XlsxWorkbook(bytes, DEFAULT_XLSX_LIMITS, codec, { ...options, own: true });
}
