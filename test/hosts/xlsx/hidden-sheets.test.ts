/**
 * Hidden sheets (last year's lists are often kept so) are listed as hidden by the xlsx host, from
 * workbook.xml's <sheet state="hidden|veryHidden">, and by the memory host from what it is given;
 * a visible sheet's record has no `hidden` key at all.
 */
import { MemoryWorkbook } from "../../../src/hosts/memory/memory-workbook";
import { openXlsx } from "../../../src/hosts/xlsx";
import { buildPackage, excel, text, unzip, zip } from "./fixtures";
import { plan, resultsSheet } from "./plans";
import { rowsOf } from "../../helpers/rows";

const LISTED = [
  { name: "CLB" },
  { name: "CLB 2023", hidden: true },
  { name: "Thành viên" },
  { name: "Thành viên 2023", hidden: true },
];

const workbook = (): Promise<Uint8Array> =>
  excel((wb) => {
    wb.addWorksheet("CLB").getCell("A1").value = "Mã CLB";
    wb.addWorksheet("CLB 2023", { state: "hidden" }).getCell("A1").value = "Mã CLB";
    wb.addWorksheet("Thành viên", { state: "visible" }).getCell("A1").value = "Họ và tên";
    wb.addWorksheet("Thành viên 2023", { state: "veryHidden" }).getCell("A1").value = "Họ và tên";
  });

describe("the xlsx host", () => {
  it("lists hidden and very hidden sheets as hidden, visible ones without the key", async () => {
    const bytes = await workbook();
    // ExcelJS wrote the states the test means to read.
    const xml = text(unzip(bytes), "xl/workbook.xml");
    expect(xml).toMatch(/<sheet [^>]*name="CLB 2023"[^>]*state="hidden"/);
    expect(xml).toMatch(/<sheet [^>]*name="Thành viên 2023"[^>]*state="veryHidden"/);
    const sheets = await openXlsx(bytes).listSheets();
    expect(sheets).toEqual(LISTED);
    for (const s of sheets.filter((s) => !s.hidden)) expect("hidden" in s).toBe(false);
  });

  it("reads a hidden sheet as any other", async () => {
    const wb = openXlsx(await workbook());
    expect(rowsOf(await wb.readSheet("CLB 2023"))).toEqual([["Mã CLB"]]);
    const members = await wb.readSheet("Thành viên 2023");
    expect({ ...members, rows: rowsOf(members) }).toEqual({
      name: "Thành viên 2023",
      rows: [["Họ và tên"]],
    });
  });

  it('takes a state="visible" or no state as visible', async () => {
    const bytes = buildPackage({
      sheets: [
        { name: "A", rows: "" },
        { name: "B", rows: "" },
      ],
    });
    const files = unzip(bytes);
    const xml = text(files, "xl/workbook.xml");
    const stated = xml.replace(/<sheet (name="A")/, '<sheet $1 state="visible"');
    expect(stated).not.toBe(xml);
    const again = zip({ ...files, "xl/workbook.xml": stated });
    expect(await openXlsx(again).listSheets()).toEqual([{ name: "A" }, { name: "B" }]);
  });

  it("keeps the sheets hidden through a write, and its generated sheets visible", async () => {
    const wb = openXlsx(await workbook());
    await wb.apply(plan([resultsSheet()]));
    const again = openXlsx(wb.toBytes());
    expect(await again.listSheets()).toEqual([
      ...LISTED,
      { name: "Kết quả CLB", generated: "results" },
    ]);
  });
});

describe("the memory host", () => {
  it("lists the sheets it is given as hidden as hidden, the others without the key", async () => {
    const wb = new MemoryWorkbook([
      { name: "CLB", rows: [["Mã CLB"]] },
      { name: "CLB 2023", rows: [["Mã CLB"]], hidden: true },
      { name: "Thành viên", rows: [["Họ và tên"]], hidden: false },
      { name: "Thành viên 2023", rows: [["Họ và tên"]], hidden: true },
    ]);
    const sheets = await wb.listSheets();
    expect(sheets).toEqual(LISTED);
    for (const s of sheets.filter((s) => !s.hidden)) expect("hidden" in s).toBe(false);
    // The sheet itself is its cells: hiding is the workbook's business.
    const clubs = await wb.readSheet("CLB 2023");
    expect({ ...clubs, rows: rowsOf(clubs) }).toEqual({ name: "CLB 2023", rows: [["Mã CLB"]] });
  });
});
