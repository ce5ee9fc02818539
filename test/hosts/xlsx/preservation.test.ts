import ExcelJS from "exceljs";
import { DEFAULT_XLSX_LIMITS, openXlsx } from "../../../src/hosts/xlsx";
import { readZip } from "../../../src/hosts/xlsx/zip-read";
import { PNG, excel, loadWithExcelJs, text, unzip, withChart } from "./fixtures";
import { highlight, plan, resultsSheet } from "./plans";

/**
 * The promise of the package layer: after apply(), everything the tool did not have to change is
 * still there exactly as it was: charts, comments, images, formulas, defined names, validation.
 */
function build(wb: ExcelJS.Workbook): void {
  const members = wb.addWorksheet("Thành viên");
  members.addRow(["Mã CLB", "Họ và tên", "Giới tính", "Năm sinh", "Vay vốn"]);
  for (let i = 0; i < 30; i++)
    members.addRow([
      `VQ-0${i % 3}`,
      `Người ${i}`,
      i % 4 ? "Nữ" : "Nam",
      1940 + i,
      i % 2 ? "Có" : "Không",
    ]);
  members.getCell("B2").note = "Kiểm tra lại tên";
  members.getCell("F2").value = { formula: "D2+60", result: 2000 };
  members.getCell("C3").dataValidation = { type: "list", allowBlank: true, formulae: ['"Nam,Nữ"'] };
  members.getCell("A5").style = {
    ...members.getCell("A5").style,
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } },
  };
  members.addConditionalFormatting({
    ref: "D2:D31",
    rules: [
      { type: "expression", priority: 1, formulae: ["D2<1950"], style: { font: { italic: true } } },
    ],
  });
  members.addImage(
    wb.addImage({ buffer: Buffer.from(PNG) as unknown as ExcelJS.Buffer, extension: "png" }),
    "H2:I5",
  );
  members.pageSetup.printArea = "A1:E31";
  const clubs = wb.addWorksheet("CLB");
  clubs.addRow(["Mã CLB", "Thành viên"]);
  clubs.addRow(["VQ-00", 10]);
  clubs.addRow(["VQ-01", 10]);
  clubs.addRow(["VQ-02", 10]);
  clubs.getCell("C2").value = { formula: "COUNTIF('Thành viên'!A:A,A2)", result: 10 };
  wb.addWorksheet("Quỹ").addRow(["Mã CLB", "Quỹ hoạt động (đồng)"]);
  wb.definedNames.add("'Thành viên'!$A$2:$A$31", "ClubIds");
  wb.definedNames.add("CLB!$B$2:$B$4", "Counts");
}

const PLAN = plan(
  [resultsSheet(), resultsSheet("Phụ lục", "appendix"), resultsSheet("Danh sách lỗi", "findings")],
  [
    highlight("Thành viên", "C5"),
    highlight("Thành viên", "C6"),
    highlight("Thành viên", "D9", "warning"),
    highlight("Thành viên", "E2", "info"),
  ],
);
const EDITED = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
  "xl/worksheets/sheet1.xml",
]);
const OURS =
  /<conditionalFormatting sqref="[^"]*"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>ISTEXT\("ishc:\w+"\)<\/formula><\/cfRule><\/conditionalFormatting>/g;
const elements = (xml: string, tag: string): string[] =>
  xml.match(new RegExp(`<${tag}\\b[^>]*?(?:/>|>.*?</${tag}>)`, "gs")) ?? [];

describe("apply() preserves what it does not own", () => {
  let input: Uint8Array;
  let output: Uint8Array;

  beforeAll(async () => {
    input = withChart(await excel(build), "xl/worksheets/sheet2.xml");
    const wb = openXlsx(input);
    await wb.apply(PLAN);
    output = wb.toBytes();
  });

  it("keeps every part, in order, byte for byte unless it had to change", () => {
    const before = unzip(input);
    const after = unzip(output);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/drawings/drawing9.xml",
        "xl/comments1.xml",
        "xl/media/image1.png",
        "docProps/app.xml",
      ]),
    );
    expect(Object.keys(after).slice(0, Object.keys(before).length)).toEqual(Object.keys(before));
    for (const [name, content] of Object.entries(before)) {
      expect(after[name]).toBeDefined();
      if (!EDITED.has(name))
        expect({
          name,
          same: Buffer.compare(Buffer.from(after[name]!), Buffer.from(content)) === 0,
        }).toEqual({ name, same: true });
    }
  });

  it("copies untouched entries as they were stored, without re-compressing them", () => {
    const before = readZip(input, DEFAULT_XLSX_LIMITS);
    const after = new Map(readZip(output, DEFAULT_XLSX_LIMITS).map((e) => [e.name, e]));
    for (const e of before.filter((x) => !EDITED.has(x.name))) {
      const o = after.get(e.name)!;
      expect({ name: e.name, crc: o.crc, size: o.compressedSize }).toEqual({
        name: e.name,
        crc: e.crc,
        size: e.compressedSize,
      });
      expect(
        Buffer.compare(
          output.subarray(o.dataStart, o.dataStart + o.compressedSize),
          input.subarray(e.dataStart, e.dataStart + e.compressedSize),
        ),
      ).toBe(0);
    }
  });

  it("changes the highlighted sheet only by adding its conditional formats", () => {
    const original = text(unzip(input), "xl/worksheets/sheet1.xml");
    const highlighted = text(unzip(output), "xl/worksheets/sheet1.xml");
    expect(highlighted.match(OURS)).toHaveLength(3);
    expect(highlighted.replace(OURS, "")).toBe(original);
  });

  it("keeps every sheet, defined name, relationship, content type and cell format", () => {
    const [b, a] = [unzip(input), unzip(output)];
    const wbBefore = text(b, "xl/workbook.xml");
    const wbAfter = text(a, "xl/workbook.xml");
    for (const el of [...elements(wbBefore, "sheet"), ...elements(wbBefore, "definedName")])
      expect(wbAfter).toContain(el);
    expect(elements(wbAfter, "sheet")).toHaveLength(6);
    for (const el of elements(text(b, "xl/_rels/workbook.xml.rels"), "Relationship"))
      expect(text(a, "xl/_rels/workbook.xml.rels")).toContain(el);
    for (const el of [
      ...elements(text(b, "[Content_Types].xml"), "Override"),
      ...elements(text(b, "[Content_Types].xml"), "Default"),
    ])
      expect(text(a, "[Content_Types].xml")).toContain(el);
    const xfs = (xml: string): string => /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(xml)![1]!;
    expect(xfs(text(a, "xl/styles.xml")).startsWith(xfs(text(b, "xl/styles.xml")))).toBe(true);
  });

  it("produces a package ExcelJS still reads, with the comment, formulas, image, validation and names", async () => {
    const wb = await loadWithExcelJs(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Thành viên",
      "CLB",
      "Quỹ",
      "Kết quả CLB",
      "Phụ lục",
      "Danh sách lỗi",
    ]);
    const members = wb.getWorksheet("Thành viên")!;
    expect(members.getCell("B2").note).toBeDefined();
    expect(members.getCell("F2").formula).toBe("D2+60");
    expect(members.getCell("C3").dataValidation).toMatchObject({ type: "list" });
    expect(members.getCell("A5").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(members.getImages()).toHaveLength(1);
    expect(wb.getWorksheet("CLB")!.getCell("C2").formula).toContain("COUNTIF");
    expect(wb.definedNames.getRanges("Counts").ranges).toEqual(["CLB!$B$2:$B$4"]);
    expect(wb.getWorksheet("Kết quả CLB")!.getCell("A3").value).toBe("VQ-01");
  });

  it("gives the same package when run again on its own output", async () => {
    const again = openXlsx(output);
    await again.apply(PLAN);
    expect(Buffer.compare(Buffer.from(again.toBytes()), Buffer.from(output))).toBe(0);
    expect(await again.listSheets()).toEqual([
      { name: "Thành viên" },
      { name: "CLB" },
      { name: "Quỹ" },
      { name: "Kết quả CLB", generated: "results" },
      { name: "Phụ lục", generated: "appendix" },
      { name: "Danh sách lỗi", generated: "findings" },
    ]);
  });
});
