import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RawSheet, RawValue, rowArray } from "../../../src/core/model/cells";
import { DEFAULT_SETTINGS, Settings } from "../../../src/core/model/settings";
import { OfficeWorkbook } from "../../../src/hosts/office";
import { openXlsx, XlsxWorkbook } from "../../../src/hosts/xlsx";
import { FakeExcel } from "../../fakes/excel";
import { smallRegister } from "../../helpers/small-register";
import { SheetMerges, SheetRows, writeWorkbook } from "../../helpers/xlsx-fixtures";
import { rowsOf } from "../../helpers/rows";

export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

/** The small register of test/helpers/small-register.ts. */
export const scenario = smallRegister;

/**
 * The same sheets as a real .xlsx written by ExcelJS, opened by the xlsx host; a sheet's `merges`
 * are merged cells in it.
 */
export async function asXlsx(sheets: readonly RawSheet[]): Promise<XlsxWorkbook> {
  const path = join(mkdtempSync(join(tmpdir(), "ishc-office-")), "in.xlsx");
  const rows: SheetRows = {};
  const merges: SheetMerges = {};
  for (const s of sheets) {
    rows[s.name] = rowsOf(s).map((r) => [...(r ?? [])].map((v) => v ?? null));
    if (s.merges) merges[s.name] = s.merges;
  }
  await writeWorkbook(path, rows, merges);
  return openXlsx(new Uint8Array(readFileSync(path)));
}

/**
 * Rows as plain arrays with empty cells null and trailing empties dropped, for comparisons. An
 * empty string counts as empty: the xlsx host can store "" in a cell, Excel's values cannot.
 */
export function plain(rows: RawSheet["rows"]): RawValue[][] {
  const out = rowArray(rows).map((row) => {
    const r = Array.from({ length: row?.length ?? 0 }, (_, i) =>
      row?.[i] === "" ? null : (row?.[i] ?? null),
    );
    while (r.length && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (out.length && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

export function officeOver(
  sheets: readonly RawSheet[],
  rangeAreas = true,
): { excel: FakeExcel; office: OfficeWorkbook } {
  const excel = new FakeExcel(sheets);
  // Without RangeAreas this is an Excel of ExcelApi 1.8: compared by minor version, since "1.13"
  // as a number (1.13) is less than 1.9.
  const office = new OfficeWorkbook(excel.run, {
    supports: (set, v) => set === "ExcelApi" && (rangeAreas || Number(v.split(".")[1]) < 9),
  });
  return { excel, office };
}
