/**
 * The template description shared by `ishc template` and the add-in: what Excel would refuse or
 * cut must be caught here, when a spec's header or note changes, not in a user's workbook.
 */
import { noteText, TEMPLATE_SHEETS } from "../../src/core/report/template-sheets";
import { SHEET_SPECS } from "../../src/core/sheets/specs";

const lists = TEMPLATE_SHEETS.flatMap((t) => t.columns.flatMap((c) => (c.list ? [c] : [])));

test("one template sheet per input spec, with the spec's headers in order", () => {
  expect(TEMPLATE_SHEETS.map((t) => t.name)).toEqual(SHEET_SPECS.map((s) => s.names[0]));
  TEMPLATE_SHEETS.forEach((t, i) =>
    expect(t.columns.map((c) => c.header)).toEqual(SHEET_SPECS[i]!.fields.map((f) => f.header)),
  );
});

test("every dropdown fits Excel's data validation limits", () => {
  expect(lists.length).toBeGreaterThan(10);
  for (const c of lists) {
    const list = c.list!;
    // A literal list is comma-separated and at most 255 characters.
    expect(list.values.every((v) => !v.includes(","))).toBe(true);
    expect(list.values.join(",").length).toBeLessThanOrEqual(255);
    expect(list.errorTitle.length).toBeLessThanOrEqual(32);
    expect(list.errorMessage.length).toBeLessThanOrEqual(225);
    expect(list.errorMessage).not.toContain("\n");
    // The header's note becomes the prompt in Excel: a 32-character title, a 255-character message.
    expect(c.header.length).toBeLessThanOrEqual(32);
    expect(noteText(c.note).length).toBeLessThanOrEqual(255);
  }
});

test("only the roadmap is prefilled, ending with a bold 'Tổng cộng' of SUM formulas", () => {
  const filled = TEMPLATE_SHEETS.filter((t) => t.rows.length > 0);
  expect(filled.map((t) => t.role)).toEqual(["roadmap"]);
  const totals = filled[0]!.rows[filled[0]!.rows.length - 1]!;
  expect(totals.bold).toBe(true);
  expect(totals.cells[0]).toBe("Tổng cộng");
  expect(totals.cells[1]).toEqual({ formula: "SUM(B2:B14)", result: 140 });
});
