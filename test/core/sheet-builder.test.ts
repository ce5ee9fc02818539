import { asA1 } from "../../src/core/model/brand";
import { cell, SheetBuilder } from "../../src/core/report/sheet-builder";

/**
 * A generated sheet's repeated cells are one object each (issue 15: a country's findings sheet is
 * 22,000 rows, most cells one of a few values). Sharing must never merge cells that differ.
 */
describe("cells a generated sheet repeats (SheetBuilder)", () => {
  it("keeps one object for equal short values of one style, apart by style and by type", () => {
    const b = new SheetBuilder("findings", "Danh sách lỗi");
    b.row([cell("Lỗi", "fail"), "Thành viên", 3, cell(true, "text"), null]);
    b.row([cell("Lỗi", "fail"), "Thành viên", 3, cell(true, "text"), null]);
    b.row([cell("Lỗi", "text"), cell("Thành viên", "warn"), "3", cell(1, "text"), ""]);
    const [a, c, d] = b.build([], 0).rows as ReadonlyArray<ReadonlyArray<unknown>>;
    for (let i = 0; i < 5; i++) expect(c![i]).toBe(a![i]);
    for (let i = 0; i < 5; i++) expect(d![i]).not.toBe(a![i]);
    expect(d).toEqual([
      { v: "Lỗi", style: "text" },
      { v: "Thành viên", style: "warn" },
      { v: "3" },
      { v: 1, style: "text" },
      { v: "" },
    ]);
  });

  it("never shares links, long texts or minus zero", () => {
    const b = new SheetBuilder("findings", "Danh sách lỗi");
    const long = "x".repeat(65);
    const link = { sheet: "Thành viên", cell: asA1("B3") };
    const row = () => [{ v: "B3", style: "link" as const, link }, cell(long, "text"), cell(-0)];
    b.row(row());
    b.row(row());
    const [a, c] = b.build([], 0).rows;
    for (let i = 0; i < 3; i++) expect(c![i]).not.toBe(a![i]);
    expect(Object.is(c![2]!.v, -0)).toBe(true);
    // Zero and minus zero stay apart in both orders.
    b.row([cell(0)]);
    b.row([cell(-0)]);
    const rows = b.build([], 0).rows;
    expect(Object.is(rows[3]![0]!.v, -0)).toBe(true);
    expect(Object.is(rows[2]![0]!.v, 0)).toBe(true);
  });
});
