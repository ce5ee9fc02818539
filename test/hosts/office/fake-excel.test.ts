import { FakeExcel, FakeExcelError } from "../../fakes/excel";

/** The strict fake must fail where Excel fails, or the host's tests would prove nothing. */
const grid = (rows: number, cols: number) => ({
  name: "Data",
  rows: Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => `r${r}c${c}`),
  ),
});

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return e instanceof FakeExcelError ? e.code : `not an Excel error: ${String(e)}`;
  }
  return "no error";
};

describe("the strict fake Excel", () => {
  it("throws PropertyNotLoaded for a property never loaded, or loaded but not yet synced", async () => {
    const excel = new FakeExcel([grid(2, 2)]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load("address");
      expect(() => range.address).toThrow(/not available/);
      await context.sync();
      expect(range.address).toBe("Data!A1:B2");
      expect(() => range.values).toThrow(/not available/);
    });
  });

  it("fails a sync that loads a property the object does not have", async () => {
    const excel = new FakeExcel([grid(1, 1)]);
    const code = await codeOf(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").load("valuez");
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("has no method that Excel does not have", async () => {
    const excel = new FakeExcel([grid(1, 1)]);
    await expect(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Data") as unknown as Record<
          string,
          unknown
        >;
        (ws.getRnage as () => void)();
      }),
    ).rejects.toThrow(TypeError);
  });

  it("applies writes at sync, and a later load sees them", async () => {
    const excel = new FakeExcel([grid(1, 1)]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("B2");
      range.values = [["x"]];
      expect(excel.sheet("Data").get(1, 1)).toBeUndefined();
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([["x"]]);
    });
  });

  it("counts every sync, including the one Excel.run makes for work left queued", async () => {
    const excel = new FakeExcel([grid(1, 1)]);
    await excel.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
    });
    expect(excel.stats.syncs).toBe(2);
  });

  it("enforces 5 MB per request and per response", async () => {
    const big = "x".repeat(1000);
    const excel = new FakeExcel([
      { name: "Data", rows: Array.from({ length: 6000 }, () => [big]) },
    ]);
    const read = excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:A6000").load("values");
      await context.sync();
    });
    expect(await codeOf(read)).toBe("ResponsePayloadSizeLimitExceeded");
    const write = excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B1:B6000").values = Array.from(
        { length: 6000 },
        () => [big],
      );
      await context.sync();
    });
    expect(await codeOf(write)).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.stats.largestResponse).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("enforces 5,000,000 cells per read", async () => {
    const excel = new FakeExcel([grid(1, 1)]);
    const read = excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:E1000001").load("values");
      await context.sync();
    });
    expect(await codeOf(read)).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("refuses values over a whole column or row, and addresses over 8,192 characters", async () => {
    const excel = new FakeExcel([grid(1, 1)]);
    for (const address of ["A:A", "3:3"]) {
      const write = excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange(address).values = [["x"]];
        await context.sync();
      });
      expect(await codeOf(write)).toBe("InvalidOperation");
    }
    const long = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(",");
    expect(long.length).toBeGreaterThan(8192);
    const areas = excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRanges(long).format.fill.color = "#FF0000";
      await context.sync();
    });
    expect(await codeOf(areas)).toBe("InvalidArgument");
  });

  it("knows isNullObject only after a sync, and refuses writes to a protected sheet", async () => {
    const excel = new FakeExcel([grid(1, 1)]);
    excel.sheet("Data").protected = true;
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
    const write = excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [["x"]];
      await context.sync();
    });
    expect(await codeOf(write)).toBe("AccessDenied");
  });
});
