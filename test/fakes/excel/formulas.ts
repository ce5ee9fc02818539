/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Formulas, kept beside the cells (a formula cell also holds its result, so `values`, the used
 * range and the test accessors see what Excel shows). The fake evaluates only what the host
 * writes, =SUM over one area, and refuses any other formula rather than store a wrong result.
 * Every write of a value recalculates the sheet's formulas, as Excel's automatic calculation does.
 */
import { invalid } from "./errors";
import { Bounds, SheetModel, cellKey, forEachCell, intersects, parseArea } from "./model";

const FORMULAS = new WeakMap<SheetModel, Map<string, string>>();

const SUM = /^=\s*SUM\(\s*([$A-Za-z0-9:]+)\s*\)\s*$/i;

export function formulaAt(sheet: SheetModel, r: number, c: number): string | undefined {
  return FORMULAS.get(sheet)?.get(cellKey(r, c));
}

/** Every formula of a sheet, by "r,c" key (for the test accessors). */
export function formulasOf(sheet: SheetModel): ReadonlyMap<string, string> {
  return FORMULAS.get(sheet) ?? new Map<string, string>();
}

function evaluate(sheet: SheetModel, formula: string, self: Bounds): number {
  const m = SUM.exec(formula);
  if (!m) throw invalid(`formula "${formula}" (the fake evaluates only =SUM(area))`);
  const area = parseArea(m[1]!);
  // Excel would warn and show 0; a circular sum written by the host is a bug, so the fake fails.
  if (intersects(area, self)) throw invalid(`formula "${formula}" refers to its own cell`);
  let sum = 0;
  // Like Excel's SUM over a range: text, booleans and empty cells are skipped.
  forEachCell(area, (r, c) => {
    const v = sheet.get(r, c);
    if (typeof v === "number") sum += v;
  });
  return sum;
}

function recalc(sheet: SheetModel): void {
  const formulas = FORMULAS.get(sheet);
  if (!formulas) return;
  for (const [key, formula] of formulas) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    sheet.set(r, c, evaluate(sheet, formula, { r0: r, c0: c, r1: r, c1: c }));
  }
}

/** Range.formulas for one cell: "=..." is a formula, anything else a constant as with `values`. */
export function writeFormula(sheet: SheetModel, r: number, c: number, x: unknown): void {
  if (typeof x === "string" && x.startsWith("=")) {
    evaluate(sheet, x, { r0: r, c0: c, r1: r, c1: c }); // refuses what the fake cannot compute
    const formulas = FORMULAS.get(sheet) ?? new Map<string, string>();
    FORMULAS.set(sheet, formulas.set(cellKey(r, c), x));
    recalc(sheet);
    return;
  }
  if (typeof x !== "string" && typeof x !== "number" && typeof x !== "boolean")
    throw invalid(`formula value ${String(x)}`);
  if (typeof x === "string" && x.length > 32767)
    throw invalid("a cell holds at most 32,767 characters");
  sheet.set(r, c, x);
  cellWritten(sheet, r, c);
}

/** A value written over a cell replaces its formula; the others are recalculated. */
export function cellWritten(sheet: SheetModel, r: number, c: number): void {
  const formulas = FORMULAS.get(sheet);
  if (!formulas) return;
  formulas.delete(cellKey(r, c));
  recalc(sheet);
}

/** Clearing contents removes the formulas in the area too. */
export function clearFormulas(sheet: SheetModel, area: Bounds): void {
  const formulas = FORMULAS.get(sheet);
  if (!formulas) return;
  for (const key of [...formulas.keys()]) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    if (intersects({ r0: r, c0: c, r1: r, c1: c }, area)) formulas.delete(key);
  }
  recalc(sheet);
}
