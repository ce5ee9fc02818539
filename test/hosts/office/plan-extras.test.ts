import { asA1 } from "../../../src/core/model/brand";
import { GeneratedSheet, PlanCell, WritePlan } from "../../../src/core/model/write-plan";
import { OfficeWorkbook } from "../../../src/hosts/office";
import { checkWorkbook } from "../../../src/hosts/workbook/check-workbook";
import { FakeExcel } from "../../fakes/excel";
import { SETTINGS, scenario } from "./scenario";

/** An appendix-like sheet: a title, a header row, one row per unit, then the extras. */
function appendix(units: number): GeneratedSheet {
  const header: PlanCell[] = ["Đơn vị", "Số CLB", "Kế hoạch", "Ngày", "Trạng thái"].map((v) => ({
    v,
    style: "header",
  }));
  const rows: PlanCell[][] = [
    [{ v: "Phụ lục", style: "title" }],
    header,
    ...Array.from({ length: units }, (_, i): PlanCell[] => [
      { v: `Xã ${i + 1}` },
      { v: i + 3, style: "integer" },
      { v: i + 5, style: "integer" },
      { v: 45000 + i, style: "date" },
      { v: "" },
    ]),
  ];
  const last = units + 2;
  return {
    kind: "appendix",
    name: "Phụ lục",
    rows,
    merges: [asA1("A1:E1")],
    columnWidths: [20, 10, 10, 12, 14],
    freezeRows: 2,
    validations: [
      {
        range: asA1(`E3:E${last}`),
        values: ["Đã xem", "Cần sửa", "Bỏ qua"],
        prompt: "Chọn trạng thái rà soát",
      },
    ],
    charts: [
      {
        name: "ISHC_RoadmapChart",
        title: "Tiến độ lộ trình",
        categories: asA1(`A3:A${last}`),
        series: [
          { name: "Thực hiện", values: asA1(`B3:B${last}`) },
          { name: "Kế hoạch", values: asA1(`C3:C${last}`) },
        ],
        from: asA1("G2"),
        to: asA1("N20"),
      },
    ],
    print: {
      orientation: "landscape",
      paper: "A4",
      scale: 80,
      titleRows: [2, 2],
      area: asA1(`A1:E${last}`),
      rowBreaks: [last],
      centerHorizontally: true,
      footer: "Trang &P/&N",
    },
  };
}

const plan = (units = 13): WritePlan => ({ sheets: [appendix(units)], highlights: [] });
const USER_SHEET = {
  name: "Lộ trình",
  rows: [
    ["Đơn vị", "Số CLB"],
    ["Xã A", 3],
    ["Xã B", 4],
  ],
};

function over(apiMinor?: number): { excel: FakeExcel; office: OfficeWorkbook } {
  const excel = new FakeExcel([USER_SHEET]);
  if (apiMinor !== undefined) excel.apiMinor = apiMinor;
  return { excel, office: new OfficeWorkbook(excel.run, { supports: excel.supports }) };
}

describe("dropdowns, charts and page setup of a generated sheet over the strict fake", () => {
  it("writes the dropdown, the chart from the plan's exact ranges and the page setup", async () => {
    const { excel, office } = over();
    await office.apply(plan());

    expect(excel.dataValidations("Phụ lục")).toEqual([
      expect.objectContaining({
        address: "E3:E15",
        rule: { list: { source: "Đã xem,Cần sửa,Bỏ qua", inCellDropDown: true } },
        errorAlert: expect.objectContaining({ showAlert: true, style: "Warning" }),
        prompt: expect.objectContaining({ showPrompt: true, message: "Chọn trạng thái rà soát" }),
      }),
    ]);
    expect(excel.charts("Phụ lục")).toEqual([
      expect.objectContaining({
        name: "ISHC_RoadmapChart",
        type: "ColumnClustered",
        title: "Tiến độ lộ trình",
        titleVisible: true,
        series: [
          { name: "Thực hiện", values: "'Phụ lục'!B3:B15", categories: "'Phụ lục'!A3:A15" },
          { name: "Kế hoạch", values: "'Phụ lục'!C3:C15", categories: "'Phụ lục'!A3:A15" },
        ],
        from: "'Phụ lục'!G2",
        to: "'Phụ lục'!N20",
      }),
    ]);
    expect(excel.pageLayout("Phụ lục")).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { scale: 80 },
      centerHorizontally: true,
      centerVertically: false,
      printArea: "A1:E15",
      printTitleRows: "2:2",
      headerFooter: { centerFooter: "Trang &P/&N" },
      rowBreaks: [16],
    });
    // The "date" style's number format reaches the cells.
    expect(excel.numberFormat("Phụ lục", "D3")).toBe("dd/mm/yyyy");
    expect(excel.values("Phụ lục")[2]).toEqual(["Xã 1", 3, 5, 45000]);
  });

  it("fits one page wide and as many tall as needed when the plan gives no scale", async () => {
    const { excel, office } = over();
    const sheet = appendix(3);
    await office.apply({
      sheets: [{ ...sheet, print: { orientation: "portrait", paper: "A4" } }],
      highlights: [],
    });
    expect(excel.pageLayout("Phụ lục")).toEqual(
      expect.objectContaining({
        orientation: "Portrait",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printArea: undefined,
        printTitleRows: undefined,
        rowBreaks: [],
      }),
    );
  });

  it("replaces its own chart, dropdown and breaks on a re-run and leaves the user's charts on their sheets", async () => {
    const { excel, office } = over();
    excel.addUserChart("Lộ trình", "Biểu đồ của tôi", "B2:B3", "A2:A3");
    await office.apply(plan());
    excel.addUserChart("Phụ lục", "Ghi chú riêng", "C3:C5");
    const user = excel.charts("Lộ trình");

    await office.apply(plan(20));
    const charts = excel.charts("Phụ lục");
    // A generated sheet is replaced whole (staged, then swapped in): what was added to it goes.
    expect(charts.map((c) => c.name)).toEqual(["ISHC_RoadmapChart"]);
    expect(charts.find((c) => c.name === "ISHC_RoadmapChart")!.series[0]).toEqual({
      name: "Thực hiện",
      values: "'Phụ lục'!B3:B22",
      categories: "'Phụ lục'!A3:A22",
    });
    expect(excel.charts("Lộ trình")).toEqual(user);
    expect(excel.dataValidations("Phụ lục").map((v) => v.address)).toEqual(["E3:E22"]);
    expect(excel.pageLayout("Phụ lục").rowBreaks).toEqual([23]);
    expect(excel.stats.sheetDeletes).toBe(0);
  });

  it("writes the sheets without page setup on an Excel without ExcelApi 1.9", async () => {
    const { excel, office } = over(8);
    await office.apply(plan());
    await office.apply(plan());
    expect(excel.values("Phụ lục")[2]).toEqual(["Xã 1", 3, 5, 45000]);
    expect(excel.pageLayout("Phụ lục")).toEqual(
      expect.objectContaining({ orientation: "Portrait", zoom: { scale: 100 }, rowBreaks: [] }),
    );
    expect(excel.dataValidations("Phụ lục")).toHaveLength(1);
    expect(excel.charts("Phụ lục")).toHaveLength(1);
  });

  it("keeps the chart but not the dropdown on Office 2019 (ExcelApi 1.7)", async () => {
    const { excel, office } = over(7);
    await office.apply(plan());
    await office.apply(plan());
    expect(excel.dataValidations("Phụ lục")).toEqual([]);
    expect(excel.charts("Phụ lục").map((c) => c.name)).toEqual(["ISHC_RoadmapChart"]);
  });

  it("writes the sheets without charts before ExcelApi 1.7", async () => {
    const { excel, office } = over(6);
    await office.apply(plan());
    expect(excel.charts("Phụ lục")).toEqual([]);
    expect(excel.values("Phụ lục")).toHaveLength(15);
  });

  it("keeps the round trips for the extras constant, whatever the number of rows", async () => {
    const syncs = async (units: number, extras: boolean) => {
      const { excel, office } = over();
      const sheet = appendix(units);
      const bare: GeneratedSheet = { ...sheet, validations: [], charts: [] };
      const p = { sheets: [extras ? sheet : { ...bare, print: undefined }], highlights: [] };
      await office.apply(p);
      excel.resetStats();
      await office.apply(p);
      return excel.stats.syncs;
    };
    const small = await syncs(5, true);
    // Two for the inventory, one for the charts of the sheets to replace, one for all the
    // writes and the swap, one to empty the replaced sheet.
    expect(small).toBeLessThanOrEqual(5);
    expect(await syncs(2000, true)).toBe(small);
    // At most one more than without extras: the lookup of our old chart.
    expect(small - (await syncs(5, false))).toBeLessThanOrEqual(1);
  });

  it("refuses a dropdown value holding a comma before writing anything", async () => {
    const { excel, office } = over();
    const sheet = appendix(3);
    const bad = { ...sheet, validations: [{ range: asA1("E3:E5"), values: ["a,b", "c"] }] };
    await expect(office.apply({ sheets: [bad], highlights: [] })).rejects.toThrow(/comma/);
    expect(excel.sheetNames()).toEqual(["Lộ trình"]);
  });

  it.each([20, 9, 8, 7])("applies a real check's plan twice on ExcelApi 1.%i", async (minor) => {
    const excel = new FakeExcel(scenario());
    excel.apiMinor = minor;
    const office = new OfficeWorkbook(excel.run, { supports: excel.supports });
    await checkWorkbook(office, SETTINGS);
    const { plan: p } = await checkWorkbook(office, SETTINGS);
    // The scenario's plan has all three: the appendix's chart, the findings' dropdown, print setups.
    expect(p.sheets.some((x) => x.charts?.length)).toBe(true);
    expect(p.sheets.some((x) => x.validations?.length)).toBe(true);
    expect(p.sheets.some((x) => x.print?.rowBreaks?.length)).toBe(true);
    for (const sheet of p.sheets) {
      const charts = excel.charts(sheet.name).map((c) => c.name);
      expect(charts).toEqual(minor >= 7 ? (sheet.charts ?? []).map((c) => c.name) : []);
      const lists = excel.dataValidations(sheet.name).map((v) => v.address);
      expect(lists).toHaveLength(minor >= 8 ? (sheet.validations ?? []).length : 0);
      const layout = excel.pageLayout(sheet.name);
      expect(layout.paperSize).toBe(minor >= 9 && sheet.print ? "A4" : "Letter");
    }
  });
});
