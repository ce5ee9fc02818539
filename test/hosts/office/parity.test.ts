import { GENERATED_NAMES } from "../../../src/core/report/labels";
import { checkWorkbook } from "../../../src/hosts/workbook/check-workbook";
import { highlightFormula } from "../../../src/hosts/office/highlights";
import { asXlsx, officeOver, plain, scenario, SETTINGS } from "./scenario";

/** The same register checked by the xlsx host and by the Office host over the strict fake. */
describe.each([true, false])(
  "the Office host matches the xlsx host (RangeAreas: %s)",
  (rangeAreas) => {
    it("gives the same findings, the same generated sheets and the highlights as conditional formats", async () => {
      const xlsx = await asXlsx(scenario());
      const viaXlsx = await checkWorkbook(xlsx, SETTINGS);
      const { excel, office } = officeOver(scenario(), rangeAreas);
      const viaOffice = await checkWorkbook(office, SETTINGS);

      expect(viaOffice.report.findings.length).toBeGreaterThan(0);
      expect(JSON.stringify(viaOffice.report)).toBe(JSON.stringify(viaXlsx.report));
      expect(await office.listSheets()).toEqual(await xlsx.listSheets());
      for (const name of Object.values(GENERATED_NAMES)) {
        const written = plain((await xlsx.readSheet(name)).rows);
        expect(excel.values(name)).toEqual(written);
        expect(plain((await office.readSheet(name)).rows)).toEqual(written);
      }

      const highlighted = viaOffice.plan.highlights;
      expect(highlighted.length).toBeGreaterThan(0);
      for (const h of highlighted) {
        const ours = excel
          .conditionalFormats(h.sheet)
          .filter((cf) => cf.formula === highlightFormula(h.severity));
        expect(ours.some((cf) => cf.areas.some((a) => covers(a, h.cell)))).toBe(true);
      }
      expect(excel.stats.sheetDeletes).toBe(0);
    });

    it("formats the generated sheets as the xlsx host does: styles, merges, widths, frozen rows, links", async () => {
      const { excel, office } = officeOver(scenario(), rangeAreas);
      const { plan } = await checkWorkbook(office, SETTINGS);
      const results = plan.sheets.find((s) => s.kind === "results")!;
      const sheet = excel.sheet(results.name);
      expect(sheet.frozenRows).toBe(results.freezeRows);
      expect(sheet.merges.length).toBe(results.merges.length);
      expect(sheet.columnWidths.size).toBe(results.columnWidths.filter((w) => w > 0).length);
      expect(excel.format(results.name, "A1")).toMatchObject({ bold: true, fontSize: 14 });
      const header = results.rows.findIndex((r) => r.some((c) => c.style === "header"));
      expect(excel.format(results.name, `A${header + 1}`)).toMatchObject({
        bold: true,
        fill: "#D9D9D9",
      });

      const findings = plan.sheets.find((s) => s.kind === "findings")!;
      const linked = findings.rows.flatMap((r, i) =>
        r.flatMap((c, j) => (c.link ? [{ i, j, link: c.link }] : [])),
      );
      expect(linked.length).toBeGreaterThan(0);
      const { i, j, link } = linked[0]!;
      const cell = `${String.fromCharCode(65 + j)}${i + 1}`;
      expect(excel.hyperlink(findings.name, cell)?.documentReference).toBe(
        `'${link.sheet}'!${link.cell}`,
      );
      // Text is written as text ("@"), so Excel does not turn "01" or "=x" into a number or formula.
      expect(excel.numberFormat(findings.name, cell)).toBe("@");
      expect(excel.values(findings.name)[i]![j]).toBe(findings.rows[i]![j]!.v);
    });
  },
);

/** Does an area ("D3:D9" or "D4") contain a single cell ("D5")? */
function covers(area: string, cell: string): boolean {
  const parse = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { col: m[1]!, row: Number(m[2]) };
  };
  const [from, to] = area.split(":").map(parse);
  const c = parse(cell);
  const end = to ?? from!;
  return (
    c.col.length === from!.col.length &&
    c.col >= from!.col &&
    c.col <= end.col &&
    c.row >= from!.row &&
    c.row <= end.row
  );
}
