import { FakeExcel, FakeExcelError } from "../../fakes/excel";

/** The fake's charts, page layout and page breaks fail where Excel would (or where it cannot tell). */
const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return e instanceof FakeExcelError ? e.code : `not an Excel error: ${String(e)}`;
  }
  return "no error";
};

const book = () =>
  new FakeExcel([
    {
      name: "Data",
      rows: [
        ["Xã", "Số"],
        ["A", 1],
        ["B", 2],
      ],
    },
  ]);

const onData = (excel: FakeExcel, apply: (ws: Excel.Worksheet) => void) =>
  excel.run(async (context) => {
    apply(context.workbook.worksheets.getItem("Data"));
    await context.sync();
  });

describe("charts in the strict fake", () => {
  it("adds, finds by name, keeps charts when the cells are cleared, and deletes", async () => {
    const excel = book();
    await onData(excel, (ws) => {
      const chart = ws.charts.add("ColumnClustered", ws.getRange("B2:B3"), "Columns");
      chart.name = "Mine";
      chart.setPosition("D2", "H10");
      ws.getRange().clear("All");
    });
    expect(excel.charts("Data")).toEqual([
      expect.objectContaining({
        name: "Mine",
        series: [{ name: "Series1", values: "Data!B2:B3", categories: undefined }],
        from: "Data!D2",
        to: "Data!H10",
      }),
    ]);
    const found = await excel.run(async (context) => {
      const charts = context.workbook.worksheets.getItem("Data").charts;
      const missing = charts.getItemOrNullObject("Other");
      charts.load("items/name");
      await context.sync();
      charts.items[0]!.delete();
      return { missing: missing.isNullObject, names: charts.items.map((c) => c.name) };
    });
    expect(found).toEqual({ missing: true, names: ["Mine"] });
    expect(excel.charts("Data")).toEqual([]);
  });

  it("refuses a series over a 2-D range and series methods before ExcelApi 1.7", async () => {
    const excel = book();
    const add = (ws: Excel.Worksheet) => {
      const chart = ws.charts.add("ColumnClustered", ws.getRange("B2:B3"), "Columns");
      chart.series.getItemAt(0).setValues(ws.getRange("A2:B3"));
    };
    expect(await codeOf(onData(excel, add))).toBe("InvalidOperation");
    excel.apiMinor = 6;
    const named = (ws: Excel.Worksheet) => {
      ws.charts.add("ColumnClustered", ws.getRange("B2:B3"), "Columns").series.add("x");
    };
    expect(await codeOf(onData(excel, named))).toBe("ApiNotFound");
  });
});

describe("page layout and page breaks in the strict fake", () => {
  it("refuses title rows that are not whole rows, a bad scale, and a second break at a row", async () => {
    const excel = book();
    const cases: ((ws: Excel.Worksheet) => void)[] = [
      (ws) => ws.pageLayout.setPrintTitleRows("A1:C1"),
      (ws) => (ws.pageLayout.zoom = { scale: 5 }),
      (ws) => ws.horizontalPageBreaks.add("A1"),
    ];
    for (const apply of cases) expect(await codeOf(onData(excel, apply))).toBe("InvalidArgument");
    const twice = (ws: Excel.Worksheet) => {
      ws.horizontalPageBreaks.add("A3");
      ws.horizontalPageBreaks.add("B3:C4");
    };
    expect(await codeOf(onData(excel, twice))).toBe("InvalidOperation");
    await onData(excel, (ws) => {
      ws.horizontalPageBreaks.removePageBreaks();
      ws.horizontalPageBreaks.add("A3");
      ws.getRange().clear("All");
    });
    expect(excel.pageLayout("Data").rowBreaks).toEqual([3]);
  });

  it("fails with ApiNotFound before ExcelApi 1.9, and `supports` tells 1.10 from 1.1", async () => {
    const excel = book();
    excel.apiMinor = 8;
    const layout = (ws: Excel.Worksheet) => (ws.pageLayout.orientation = "Landscape");
    expect(await codeOf(onData(excel, layout))).toBe("ApiNotFound");
    expect(await codeOf(onData(excel, (ws) => ws.getRanges("A1,B2").format))).toBe("ApiNotFound");
    expect(excel.supports("ExcelApi", "1.8")).toBe(true);
    expect(excel.supports("ExcelApi", "1.10")).toBe(false);
    excel.apiMinor = 14;
    expect(excel.supports("ExcelApi", "1.10")).toBe(true);
    expect(excel.supports("WordApi", "1.1")).toBe(false);
  });
});
