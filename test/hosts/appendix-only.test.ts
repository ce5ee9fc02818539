/**
 * "Lập phụ lục" writes only the appendix: a plan that keeps the highlights must leave the ones a
 * previous check added exactly where they are, in the xlsx host and in the Office host alike.
 */
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { OfficeWorkbook } from "../../src/hosts/office";
import { openXlsx } from "../../src/hosts/xlsx";
import { asXlsx, officeOver, scenario, SETTINGS } from "./office/scenario";
import { unzip, text } from "./xlsx/fixtures";

const cfBlocks = (xml: string): string[] =>
  xml.match(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g) ?? [];

describe("an appendix-only check", () => {
  it("writes only the appendix sheet and keeps the highlights in the xlsx host", async () => {
    const wb = await asXlsx(scenario());
    await checkWorkbook(wb, SETTINGS);
    const checked = wb.toBytes();
    const again = openXlsx(checked);
    const { plan } = await checkWorkbook(again, SETTINGS, {}, { scope: "appendix" });
    expect(plan.sheets.map((s) => s.kind)).toEqual(["appendix"]);
    expect(plan.highlights).toEqual([]);
    const before = unzip(checked);
    const after = unzip(again.toBytes());
    for (const part of Object.keys(before).filter((p) => p.startsWith("xl/worksheets/"))) {
      expect(cfBlocks(text(after, part))).toEqual(cfBlocks(text(before, part)));
    }
    expect(cfBlocks(text(after, "xl/worksheets/sheet2.xml")).length).toBeGreaterThan(0);
  });

  it("writes only the appendix sheet and keeps the highlights in the Office host", async () => {
    const { excel, office } = officeOver(scenario());
    await checkWorkbook(office, SETTINGS);
    const before = excel.conditionalFormats("Thành viên");
    expect(before.length).toBeGreaterThan(0);
    await checkWorkbook(new OfficeWorkbook(excel.run), SETTINGS, {}, { scope: "appendix" });
    expect(excel.conditionalFormats("Thành viên")).toEqual(before);
  });

  it("adds no highlight to a workbook never checked", async () => {
    const { excel, office } = officeOver(scenario());
    await checkWorkbook(office, SETTINGS, {}, { scope: "appendix" });
    expect(excel.sheetNames()).toEqual(["CLB", "Thành viên", "Quỹ", "Phụ lục"]);
    expect(excel.conditionalFormats("Thành viên")).toEqual([]);
  });
});
