/**
 * The xlsx host: reads and writes .xlsx packages directly (zip + XML with fflate), for the command
 * line and the browser's file mode. No Node APIs here: the same code runs in a browser tab.
 */
import { DEFAULT_XLSX_LIMITS, XlsxLimits } from "./errors";
import { Codec, OutputLimitError } from "./codec";
import { XlsxWorkbook } from "./xlsx-workbook";

export { DEFAULT_XLSX_LIMITS, XlsxWorkbook };
export type { Codec, XlsxLimits };
export { OutputLimitError };

/**
 * Opens a package. Throws InputError ("not-xlsx", "encrypted", "corrupt", "too-large") when the
 * bytes are not a readable workbook; sheets are only inflated when read.
 */
export function openXlsx(
  bytes: Uint8Array,
  limits?: Partial<XlsxLimits>,
  codec?: Codec,
): XlsxWorkbook {
  // An explicit `undefined` (an unset command-line option) keeps the default, not "no limit".
  const given = Object.entries(limits ?? {}).filter(([, v]) => typeof v === "number" && v >= 0);
  return new XlsxWorkbook(bytes, { ...DEFAULT_XLSX_LIMITS, ...Object.fromEntries(given) }, codec);
}
