import { RawSheet, SheetInfo } from "../../core/model/cells";
import { WritePlan } from "../../core/model/write-plan";
import { PlainSheet } from "../../core/merge/canonical";

/**
 * The one seam between the core and a spreadsheet: read a snapshot of sheets in, apply a write plan
 * out. The Office.js host, the xlsx host (command line and browser file mode) and the in-memory test
 * host all implement it, so the same check runs everywhere.
 */
export interface WorkbookPort {
  /** Every sheet in workbook order, with this tool's tag where a sheet carries it. */
  listSheets(): Promise<readonly SheetInfo[]>;
  /**
   * The used cells of one sheet, the caller's own: a check empties the member rows as it reads
   * them (runCheckHandedOver), so a host never hands out its own list of rows. Throws
   * InputError("missing-sheet") for an unknown name.
   */
  readSheet(name: string): Promise<RawSheet>;
  /**
   * The reading is done until apply: a host may let go of what it holds only to write (the
   * command line's input file, read again from disk as its copy is written).
   */
  rest?(): void;
  /** Writes the generated sheets and the highlights. All or nothing. */
  apply(plan: WritePlan): Promise<void>;
}

/**
 * Where a merge makes the provincial workbook: a new workbook from plain sheets, then checked in
 * place. Beside the port because a host implements it (the xlsx host, in file mode and the CLI).
 */
export interface MergeTarget {
  create(sheets: readonly PlainSheet[]): WorkbookPort & { toBytes(): Uint8Array };
}
