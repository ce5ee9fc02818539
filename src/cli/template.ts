import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import { HA_TINH_ROADMAP } from "../core/roadmap/ha-tinh";
import {
  CLUBS_SPEC,
  FUNDS_SPEC,
  HARDSHIP_VALUES,
  MEMBERS_SPEC,
  ROADMAP_SPEC,
  ROADMAP_YEARS,
  SEX_VALUES,
  SheetSpec,
  STATUS_VALUES,
  ValueKind,
  YES_NO_VALUES,
} from "../core/sheets/specs";
import { Cell, toRow } from "./sample/cells";

/**
 * "Create template": an empty canonical workbook that a commune official can fill in by hand. Every
 * header explains itself (a note, Vietnamese then English), closed lists are dropdowns so that
 * "nu" or "x" never get typed, and the roadmap comes prefilled with the Hà Tĩnh appendix because
 * most users report against it. Small, so the in-memory workbook is fine here.
 */

/** Rows that get a dropdown: a register of 1,999 members is larger than any single club's. */
export const TEMPLATE_ROWS = 2000;

interface ListRule {
  readonly values: readonly string[];
  /** "stop" refuses other values; "warning" lets them through (an amount where Có/Không is offered). */
  readonly style: "stop" | "warning";
}

const LISTS: Partial<Record<ValueKind, ListRule>> = {
  sex: { values: SEX_VALUES, style: "stop" },
  yesno: { values: YES_NO_VALUES, style: "stop" },
  status: { values: STATUS_VALUES, style: "stop" },
  hardship: { values: HARDSHIP_VALUES, style: "stop" },
  // "Được vay vốn" also takes the amount borrowed: offer Có/Không but let a number through.
  yesnoOrAmount: { values: YES_NO_VALUES, style: "warning" },
};

function validation(rule: ListRule): ExcelJS.DataValidation {
  const list = rule.values.join(", ");
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${rule.values.join(",")}"`],
    showErrorMessage: true,
    errorStyle: rule.style,
    // Excel caps an error title at 32 characters.
    errorTitle: "Không hợp lệ / Invalid value",
    // A newline would be lost: XML attributes fold it into a space.
    error: `Chọn một trong: ${list} / Choose one of: ${list}`,
  };
}

/** ExcelJS 4.4 has ws.dataValidations.add(range, …) at run time but leaves it out of its types. */
interface RangeValidations {
  add(address: string, validation: ExcelJS.DataValidation): unknown;
}

function hasRangeValidations(ws: ExcelJS.Worksheet): ws is ExcelJS.Worksheet & {
  dataValidations: RangeValidations;
} {
  const dv = (ws as { dataValidations?: Partial<RangeValidations> }).dataValidations;
  return typeof dv?.add === "function";
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.names[0], { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = spec.fields.map((f) => ({ width: Math.max(12, Math.min(34, f.header.length + 4)) }));
  const header = ws.getRow(1);
  spec.fields.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.value = f.header;
    cell.note = `${f.note.vi}\n${f.note.en}`;
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };
    const rule = LISTS[f.kind];
    if (!rule) return;
    const letter = ws.getColumn(i + 1).letter;
    const dv = validation(rule);
    if (hasRangeValidations(ws)) {
      // One range rule instead of 1,999 cell rules: a smaller file and a faster open in Excel.
      ws.dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, dv);
    } else {
      for (let r = 2; r <= TEMPLATE_ROWS; r++) ws.getCell(`${letter}${r}`).dataValidation = dv;
    }
  });
  return ws;
}

/** The appendix rows (no STT: it is not a field), then "Tổng cộng" as SUM formulas with results. */
function fillRoadmap(ws: ExcelJS.Worksheet): void {
  const rows = HA_TINH_ROADMAP.map((r) =>
    toRow(ROADMAP_SPEC, {
      unit: r.unit,
      before: r.before,
      planTotal: r.planTotal,
      ...Object.fromEntries(ROADMAP_YEARS.map((y) => [`y${y}`, r.plan[y] ?? 0])),
      total: r.total,
    }),
  );
  rows.forEach((values) => ws.addRow(values));
  const last = rows.length + 1;
  const totals: ExcelJS.CellValue[] = ROADMAP_SPEC.fields.map((_f, i) => {
    if (i === 0) return "Tổng cộng";
    const letter = ws.getColumn(i + 1).letter;
    const result = rows.reduce((s, row) => s + numberOf(row[i]), 0);
    return { formula: `SUM(${letter}2:${letter}${last})`, result };
  });
  ws.addRow(totals).font = { bold: true };
}

const numberOf = (c: Cell): number => (typeof c === "number" ? c : 0);

export async function writeTemplate(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ISHC Check";
  for (const spec of [CLUBS_SPEC, MEMBERS_SPEC, FUNDS_SPEC]) addSheet(wb, spec);
  fillRoadmap(addSheet(wb, ROADMAP_SPEC));
  await mkdir(dirname(path), { recursive: true });
  await wb.xlsx.writeFile(path);
}
