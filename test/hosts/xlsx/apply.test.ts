import { InputError } from "../../../src/core/model/errors";
import { openXlsx } from "../../../src/hosts/xlsx";
import { buildPackage, loadWithExcelJs, text, unzip, worksheet } from "./fixtures";
import { highlight, plan, resultsSheet } from "./plans";
import { rowsOf } from "../../helpers/rows";

const MEMBERS_ROWS =
  '<row r="1"><c r="A1" t="inlineStr" s="0"><is><t>Họ và tên</t></is></c><c r="D1" t="inlineStr"><is><t>Giới tính</t></is></c></row>' +
  '<row r="17"><c r="D17" t="inlineStr"><is><t>x</t></is></c></row>';
const USER_TAIL =
  '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' +
  '<conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="0" priority="2" operator="equal"><formula>1</formula></cfRule></conditionalFormatting>' +
  '<dataValidations count="1"><dataValidation type="list" sqref="D2:D99"><formula1>"Nam,Nữ"</formula1></dataValidation></dataValidations>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
const STYLES_WITH_DXF =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>';

const members = (): Uint8Array =>
  buildPackage({
    styles: STYLES_WITH_DXF,
    sheets: [
      { name: "Thành viên", doc: worksheet(MEMBERS_ROWS, USER_TAIL) },
      { name: "CLB", rows: "" },
    ],
  });

const HIGHLIGHTS = [
  highlight("Thành viên", "D17"),
  highlight("Thành viên", "D18"),
  highlight("Thành viên", "D19"),
  highlight("Thành viên", "D20"),
  highlight("Thành viên", "D22"),
  highlight("Thành viên", "E5"),
  highlight("Thành viên", "B3", "warning"),
  highlight("thành viên", "C3", "info"),
];

async function applied(
  bytes: Uint8Array,
  p = plan([resultsSheet()], HIGHLIGHTS),
): Promise<Uint8Array> {
  const wb = openXlsx(bytes);
  await wb.apply(p);
  return wb.toBytes();
}

describe("generated sheets", () => {
  it("are added at the end, tagged, and read back with their values", async () => {
    const wb = openXlsx(members());
    await wb.apply(plan([resultsSheet(), resultsSheet("Danh sách lỗi", "findings")]));
    expect(await wb.listSheets()).toEqual([
      { name: "Thành viên" },
      { name: "CLB" },
      { name: "Kết quả CLB", generated: "results" },
      { name: "Danh sách lỗi", generated: "findings" },
    ]);
    const again = openXlsx(wb.toBytes());
    expect(rowsOf(await again.readSheet("Kết quả CLB"))).toEqual([
      ["Kết quả kiểm tra CLB"],
      ["Mã CLB", "Thành viên", "Tỷ lệ nữ", "Đạt", "Ô"],
      ["VQ-01", 50, 0.66, true, "D17"],
      ['VQ-02 <&> "_x0041_"', 12, 0.4, false],
      ["Tổng cộng", 62, 0.6],
    ]);
  });

  it("carry merges, links, widths, frozen rows and styles that Excel's model understands", async () => {
    const bytes = await applied(members());
    const xml = text(unzip(bytes), "xl/worksheets/sheet3.xml");
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells>');
    expect(xml).toContain(`<hyperlink ref="E3" location="'Thành viên'!D17" display="D17"/>`);
    expect(xml).toContain(
      '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>',
    );
    const ws = (await loadWithExcelJs(bytes)).getWorksheet("Kết quả CLB")!;
    expect(ws.getColumn(5).width).toBe(30);
    expect(ws.getCell("A2").font?.bold).toBe(true);
    expect(ws.getCell("A2").fill).toMatchObject({
      pattern: "solid",
      fgColor: { argb: "FFD9D9D9" },
    });
    expect(ws.getCell("A2").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
    expect(ws.getCell("B3").numFmt).toBe("#,##0");
    expect(ws.getCell("C4").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14, name: "Times New Roman" });
    expect(ws.getCell("E3").font).toMatchObject({ underline: true, color: { argb: "FF0563C1" } });
  });

  it("rewrite a tagged sheet in place: same part, same position, new kind tag", async () => {
    const bytes = buildPackage({
      sheets: [
        { name: "CLB", rows: "" },
        { name: "Kết quả CLB", rows: '<row r="1"><c r="A1"><v>999</v></c></row>', tag: "results" },
        { name: "Quỹ", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      ],
    });
    const wb = openXlsx(bytes);
    await wb.apply(plan([resultsSheet("Kết quả CLB", "appendix")]));
    expect(await wb.listSheets()).toEqual([
      { name: "CLB" },
      { name: "Kết quả CLB", generated: "appendix" },
      { name: "Quỹ" },
    ]);
    const before = unzip(bytes);
    const after = unzip(wb.toBytes());
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(text(after, "xl/worksheets/sheet2.xml")).toContain("Kết quả kiểm tra CLB");
    expect(text(after, "xl/_rels/workbook.xml.rels")).toBe(
      text(before, "xl/_rels/workbook.xml.rels"),
    );
    expect(text(after, "xl/workbook.xml").match(/ISHC_Generated/g)).toHaveLength(1);
    expect(rowsOf(await wb.readSheet("Quỹ"))).toEqual([[1]]);
  });

  it("never overwrite a user's sheet that bears a generated name, and leave the workbook as it was", async () => {
    const bytes = buildPackage({
      sheets: [
        { name: "Thành viên", rows: "" },
        { name: "kết quả clb", rows: '<row r="1"><c r="A1"><v>7</v></c></row>' },
      ],
    });
    const wb = openXlsx(bytes);
    const error = await wb
      .apply(plan([resultsSheet()], [highlight("Thành viên", "A1")]))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(InputError);
    expect((error as Error).message).toContain("kết quả clb");
    expect(wb.toBytes()).toBe(bytes);
    expect(rowsOf(await wb.readSheet("kết quả clb"))).toEqual([[7]]);
  });
});

describe("highlights", () => {
  it("become conditional formats at the schema position, coalesced per column, after the sheet's own priorities", async () => {
    const before = unzip(members());
    const after = unzip(await applied(members()));
    const sheet = text(after, "xl/worksheets/sheet1.xml");
    const ours =
      '<conditionalFormatting sqref="D17:D20 D22 E5"><cfRule type="expression" dxfId="1" priority="3"><formula>ISTEXT("ishc:error")</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="B3"><cfRule type="expression" dxfId="2" priority="4"><formula>ISTEXT("ishc:warning")</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="C3"><cfRule type="expression" dxfId="3" priority="5"><formula>ISTEXT("ishc:info")</formula></cfRule></conditionalFormatting>';
    expect(sheet).toBe(
      text(before, "xl/worksheets/sheet1.xml").replace(
        "<dataValidations",
        `${ours}<dataValidations`,
      ),
    );
    const styles = text(after, "xl/styles.xml");
    expect(styles).toContain(
      '<dxfs count="4"><dxf><font><b/></font></dxf><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>',
    );
    expect(styles).toContain('<bgColor rgb="FFFFEB9C"/>');
    expect(styles).toContain('<bgColor rgb="FFDDEBF7"/>');
  });

  it("are replaced, not stacked, on a re-run, and removed when a run has none", async () => {
    const once = await applied(members());
    const twice = await applied(once);
    expect(twice).toEqual(once);
    const cleared = unzip(await applied(once, plan([resultsSheet()])));
    expect(text(cleared, "xl/worksheets/sheet1.xml")).toBe(
      text(unzip(members()), "xl/worksheets/sheet1.xml"),
    );
  });

  it("leave a user's rule that shares an element with one of ours", async () => {
    const shared =
      '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule>' +
      '<cfRule type="expression" dxfId="1" priority="7"><formula>ISTEXT(&quot;ishc:error&quot;)</formula></cfRule></conditionalFormatting>';
    const bytes = buildPackage({ sheets: [{ name: "S", doc: worksheet("", shared) }] });
    const sheet = text(unzip(await applied(bytes, plan([]))), "xl/worksheets/sheet1.xml");
    expect(sheet).toContain(
      '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>',
    );
    expect(sheet).not.toContain("ishc");
  });

  it("work on namespace-prefixed sheets, on generated sheets, and in a workbook without styles or defined names", async () => {
    const doc =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/><x:pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></x:worksheet>';
    const bytes = buildPackage({ styles: null, sheets: [{ name: "P", doc }] });
    const out = await applied(
      bytes,
      plan([resultsSheet()], [highlight("P", "B2"), highlight("Kết quả CLB", "C4", "warning")]),
    );
    const parts = unzip(out);
    expect(text(parts, "xl/worksheets/sheet1.xml")).toContain(
      '<x:sheetData/><x:conditionalFormatting sqref="B2"><x:cfRule type="expression" dxfId="0" priority="1"><x:formula>ISTEXT("ishc:error")</x:formula></x:cfRule></x:conditionalFormatting><x:pageMargins',
    );
    expect(text(parts, "xl/worksheets/sheet2.xml")).toContain(
      '</mergeCells><conditionalFormatting sqref="C4">',
    );
    expect(text(parts, "xl/_rels/workbook.xml.rels")).toContain('Target="styles.xml"');
    expect(text(parts, "[Content_Types].xml")).toContain('PartName="/xl/styles.xml"');
    expect(text(parts, "xl/workbook.xml")).toContain(
      '</sheets><definedNames><definedName name="ISHC_Generated" localSheetId="1" hidden="1">"ishc:results"</definedName></definedNames>',
    );
    // (ExcelJS cannot load prefixed worksheets at all, so the check here is our own reader.)
    expect((await openXlsx(out).readSheet("Kết quả CLB")).rows.at(3)).toEqual([
      'VQ-02 <&> "_x0041_"',
      12,
      0.4,
      false,
    ]);
    expect(
      await applied(
        out,
        plan([resultsSheet()], [highlight("P", "B2"), highlight("Kết quả CLB", "C4", "warning")]),
      ),
    ).toEqual(out);
  });

  it("refuse a sheet that is not in the workbook, changing nothing", async () => {
    const bytes = members();
    const wb = openXlsx(bytes);
    await expect(wb.apply(plan([resultsSheet()], [highlight("Nowhere", "A1")]))).rejects.toThrow(
      "Nowhere",
    );
    expect(wb.toBytes()).toBe(bytes);
  });
});
