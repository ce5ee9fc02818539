import type { InputErrorCode } from "../core/model/errors";

/**
 * Errors a column choice can fix: the reader did not find a sheet, its header row or a required
 * column. The Excel pane, the file mode and the merge offer "Chọn cột" on these.
 */
const MAPPABLE: ReadonlySet<string> = new Set<InputErrorCode>([
  "no-header",
  "missing-column",
  "missing-sheet",
]);

export const isMappable = (code: string): boolean => MAPPABLE.has(code);
