/**
 * "Create template": read back with ExcelJS, the workbook has the four canonical sheets, the
 * specs' headers with their notes, dropdowns on the closed-list columns, and the Hà Tĩnh roadmap
 * with a "Tổng cộng" row of SUM formulas whose cached results are the appendix's own totals.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { HA_TINH_ROADMAP } from "../../src/core/roadmap/ha-tinh";
import {
  CLUBS_SPEC,
  FUNDS_SPEC,
  MEMBERS_SPEC,
  ROADMAP_SPEC,
  ROADMAP_YEARS,
  SheetSpec,
} from "../../src/core/sheets/specs";
import { TEMPLATE_ROWS, writeTemplate } from "../../src/cli/template";

const SPECS = [CLUBS_SPEC, MEMBERS_SPEC, FUNDS_SPEC, ROADMAP_SPEC];
const dir = mkdtempSync(path.join(tmpdir(), "ishc-template-"));
const wb = new ExcelJS.Workbook();

beforeAll(async () => {
  const file = path.join(dir, "template.xlsx");
  await writeTemplate(file);
  await wb.xlsx.readFile(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ws = (spec: SheetSpec): ExcelJS.Worksheet => {
  const sheet = wb.getWorksheet(spec.names[0]);
  if (!sheet) throw new Error(`no sheet ${spec.names[0]}`);
  return sheet;
};
/** The column letter of a field, found through the spec so that no header is retyped here. */
const letter = (spec: SheetSpec, key: string) =>
  ws(spec).getColumn(spec.fields.findIndex((f) => f.key === key) + 1).letter;

test("four canonical sheets with the specs' headers, bold and frozen, each with its note", () => {
  expect(wb.worksheets.map((s) => s.name)).toEqual(SPECS.map((s) => s.names[0]));
  for (const spec of SPECS) {
    const sheet = ws(spec);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    spec.fields.forEach((f, i) => {
      const cell = sheet.getRow(1).getCell(i + 1);
      expect(cell.value).toBe(f.header);
      expect(cell.font?.bold).toBe(true);
      expect(cell.note).toBe(`${f.note.vi}\n${f.note.en}`);
    });
  }
});

test("dropdowns on sex, yes/no, status and hardship columns, rows 2..TEMPLATE_ROWS", () => {
  const list = (spec: SheetSpec, key: string, row: number) =>
    ws(spec).getCell(`${letter(spec, key)}${row}`).dataValidation;
  for (const row of [2, TEMPLATE_ROWS]) {
    expect(list(MEMBERS_SPEC, "sex", row)).toMatchObject({
      type: "list",
      formulae: ['"Nam,Nữ"'],
      showErrorMessage: true,
      errorStyle: "stop",
    });
    for (const key of ["act1", "act8", "wellManaged"]) {
      expect(list(CLUBS_SPEC, key, row)).toMatchObject({ type: "list", formulae: ['"Có,Không"'] });
    }
    expect(list(FUNDS_SPEC, "regulation", row)?.formulae).toEqual(['"Có,Không"']);
    expect(list(CLUBS_SPEC, "status", row)?.formulae).toEqual(['"Đang hoạt động,Ngừng hoạt động"']);
    expect(list(MEMBERS_SPEC, "hardship", row)?.formulae[0]).toContain("Cận nghèo");
    // An amount is a valid answer to "Được vay vốn": the dropdown only warns.
    expect(list(MEMBERS_SPEC, "borrowed", row)?.errorStyle).toBe("warning");
  }
  expect(list(MEMBERS_SPEC, "sex", TEMPLATE_ROWS + 1)).toBeUndefined();
  expect(list(MEMBERS_SPEC, "sex", 1)).toBeUndefined();
  expect(list(MEMBERS_SPEC, "name", 2)).toBeUndefined();
  expect(list(MEMBERS_SPEC, "sex", 2)?.error).toMatch(/Nam, Nữ.*Choose one of/);
});

test("the input sheets are empty below the header", () => {
  for (const spec of [CLUBS_SPEC, MEMBERS_SPEC, FUNDS_SPEC])
    expect(ws(spec).actualRowCount).toBe(1);
});

test("the roadmap is the Hà Tĩnh appendix, with SUM totals 140/80/20/20/20/20/0/220", () => {
  const sheet = ws(ROADMAP_SPEC);
  const rowValues = (r: number) =>
    ROADMAP_SPEC.fields.map((_f, i) => sheet.getRow(r).getCell(i + 1).value);
  HA_TINH_ROADMAP.forEach((unit, i) => {
    expect(rowValues(i + 2)).toEqual([
      unit.unit,
      unit.before,
      unit.planTotal,
      ...ROADMAP_YEARS.map((y) => unit.plan[y] ?? 0),
      unit.total,
    ]);
  });
  const totalsRow = HA_TINH_ROADMAP.length + 2;
  expect(sheet.actualRowCount).toBe(totalsRow);
  const cells = ROADMAP_SPEC.fields.map((_f, i) => sheet.getRow(totalsRow).getCell(i + 1));
  expect(cells[0].value).toBe("Tổng cộng");
  // cell.result, not cell.value: ExcelJS 4.4 leaves a cached 0 out of value but keeps it in result.
  expect(cells.slice(1).map((c) => c.result)).toEqual([140, 80, 20, 20, 20, 20, 0, 220]);
  cells.slice(1).forEach((c, i) => {
    const col = sheet.getColumn(i + 2).letter;
    expect(c.formula).toBe(`SUM(${col}2:${col}${totalsRow - 1})`);
  });
  expect(cells[0].font?.bold).toBe(true);
});
