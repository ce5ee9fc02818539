import { FakeExcel, FakeExcelError } from "../../fakes/excel";

/** The fake's formulas, data validation and activation fail where Excel would (or where it cannot tell). */
const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return e instanceof FakeExcelError ? e.code : `not an Excel error: ${String(e)}`;
  }
  return "no error";
};

const sheet = () => new FakeExcel([{ name: "Data", rows: [[1], [2], [3]] }]);

describe("formulas in the strict fake", () => {
  it("evaluates =SUM over an area, reads formulas back, and recalculates when a value changes", async () => {
    const excel = sheet();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      ws.getRange("A4:B4").formulas = [["=SUM(A1:A3)", "total"]];
      const read = ws.getRange("A3:B4");
      read.load("formulas,values");
      await context.sync();
      expect(read.formulas).toEqual([
        [3, ""],
        ["=SUM(A1:A3)", "total"],
      ]);
      expect(read.values).toEqual([
        [3, ""],
        [6, "total"],
      ]);
      ws.getRange("A1").values = [[10]];
      await context.sync();
    });
    expect(excel.values("Data")[3]).toEqual([15, "total"]);
    expect(excel.formula("Data", "A4")).toBe("=SUM(A1:A3)");
  });

  it("refuses a formula it cannot compute, and a sum over its own cell", async () => {
    for (const formula of ["=A1*2", "=SUM(A1:A4)"]) {
      const excel = sheet();
      const write = excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A4").formulas = [[formula]];
        await context.sync();
      });
      expect(await codeOf(write)).toBe("InvalidArgument");
    }
  });
});

describe("data validation in the strict fake", () => {
  const validate = (excel: FakeExcel, apply: (dv: Excel.DataValidation) => void) =>
    excel.run(async (context) => {
      apply(context.workbook.worksheets.getItem("Data").getRange("B2:B9").dataValidation);
      await context.sync();
    });
  const list = { list: { inCellDropDown: true, source: "Có,Không" } };

  it("keeps a list rule with its alert and prompt, and reports None elsewhere", async () => {
    const excel = sheet();
    await validate(excel, (dv) => {
      dv.rule = list;
      dv.prompt = { showPrompt: true, title: "Quản lý tốt", message: "Có / Không" };
    });
    expect(excel.dataValidations("Data")).toEqual([
      expect.objectContaining({ address: "B2:B9", rule: list }),
    ]);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      const inside = ws.getRange("B5").dataValidation.load("type");
      const outside = ws.getRange("C5").dataValidation.load("type");
      const across = ws.getRange("B1:B2").dataValidation.load("type");
      await context.sync();
      expect([inside.type, outside.type, across.type]).toEqual(["List", "None", "Inconsistent"]);
    });
  });

  it("refuses titles and lists past Excel's limits, a second rule, other rule types", async () => {
    const cases: ((dv: Excel.DataValidation) => void)[] = [
      (dv) => (dv.prompt = { showPrompt: true, title: "x".repeat(33), message: "" }),
      (dv) =>
        (dv.errorAlert = { showAlert: true, style: "Stop", title: "", message: "x".repeat(226) }),
      (dv) => (dv.rule = { list: { inCellDropDown: true, source: "x".repeat(256) } }),
      (dv) => (dv.rule = { wholeNumber: { formula1: 1, operator: "GreaterThan" } }),
      (dv) => {
        dv.rule = list;
        dv.rule = list;
      },
    ];
    const codes: string[] = [];
    for (const apply of cases) codes.push(await codeOf(validate(sheet(), apply)));
    expect(codes).toEqual([
      "InvalidArgument",
      "InvalidArgument",
      "InvalidArgument",
      "InvalidArgument",
      "InvalidOperation",
    ]);
  });

  it("refuses validation on a protected sheet, and clear() removes it", async () => {
    const excel = sheet();
    excel.sheet("Data").protected = true;
    expect(await codeOf(validate(excel, (dv) => (dv.rule = list)))).toBe("AccessDenied");
    excel.sheet("Data").protected = false;
    await validate(excel, (dv) => (dv.rule = list));
    await validate(excel, (dv) => dv.clear());
    expect(excel.dataValidations("Data")).toEqual([]);
  });
});

describe("activation in the strict fake", () => {
  it("shows the first sheet until another is activated", async () => {
    const excel = new FakeExcel([
      { name: "A", rows: [] },
      { name: "B", rows: [] },
    ]);
    expect(excel.activeSheet()).toBe("A");
    await excel.run(async (context) => context.workbook.worksheets.getItem("B").activate());
    expect(excel.activeSheet()).toBe("B");
  });
});
