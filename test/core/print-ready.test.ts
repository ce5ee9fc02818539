/**
 * Every generated sheet of a real check carries its page setup: the appendix one A4 landscape
 * page per table, the club results and the findings one page wide with their header rows
 * repeated on every page; the appendix's chart data stay outside its print area.
 */
import { columnIndex } from "../../src/core/model/address";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { smallRegister } from "../helpers/small-register";

async function plan() {
  const book = new MemoryWorkbook(smallRegister());
  const { plan } = await checkWorkbook(
    book,
    { ...DEFAULT_SETTINGS, asOf: "2025-12-31" },
    {},
    { checkedOn: "2026-11-28" },
  );
  const sheet = (kind: string) => plan.sheets.find((s) => s.kind === kind)!;
  return { results: sheet("results"), appendix: sheet("appendix"), findings: sheet("findings") };
}

describe("print-ready generated sheets", () => {
  it("lists print one page wide, A4 landscape, title and header rows on every page", async () => {
    const { results, findings } = await plan();
    for (const sheet of [results, findings]) {
      expect(sheet.print).toMatchObject({
        orientation: "landscape",
        paper: "A4",
        titleRows: [1, 2],
      });
      expect(sheet.print?.scale).toBeUndefined();
      expect(sheet.print?.area).toMatch(new RegExp(`^A1:[A-Z]+${sheet.rows.length}$`));
    }
    // The header row repeated is the one with the column names.
    expect(findings.rows[1]?.map((c) => c.v)).toContain("Trạng thái xem xét");
  });

  it("the appendix: its title, the data date, a scale, a break between the tables, the chart outside the print area", async () => {
    const { appendix } = await plan();
    expect(appendix.rows[0]?.[0]?.v).toBe(
      "PHỤ LỤC — Lộ trình thành lập, nhân rộng mô hình câu lạc bộ",
    );
    expect(String(appendix.rows[1]?.[0]?.v)).toContain("31/12/2025");
    const print = appendix.print!;
    expect(print.scale).toBeGreaterThanOrEqual(10);
    expect(print.scale).toBeLessThanOrEqual(100);
    expect(print.rowBreaks?.length).toBe(1);
    const chart = appendix.charts![0]!;
    const lastPrinted = columnIndex(/:([A-Z]+)\d+$/.exec(print.area!)![1]!);
    const chartData = columnIndex(/^([A-Z]+)/.exec(chart.categories)![1]!);
    expect(chartData).toBeGreaterThan(lastPrinted);
  });
});
