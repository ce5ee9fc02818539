import { openXlsx } from "../../../src/hosts/xlsx";
import { asA1 } from "../../../src/core/model/brand";
import { buildPackage, errorCode, excel, unzip, worksheet } from "./fixtures";
import { rowsOf as allRows } from "../../helpers/rows";

const rowsOf = async (bytes: Uint8Array, sheet = "S"): Promise<unknown[]> =>
  allRows(await openXlsx(bytes).readSheet(sheet));

describe("reading cells", () => {
  it("reads every cell type", async () => {
    const rows = await rowsOf(
      buildPackage({
        sharedStrings: ["Mã CLB", "A &amp; B"],
        sheets: [
          {
            name: "S",
            rows:
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c>' +
              '<c r="D1" t="str"><f>A1&amp;""</f><v>formula text</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c>' +
              '<c r="G1" t="e"><v>#N/A</v></c><c r="H1"><v>42.5</v></c><c r="I1" t="n"><v>-1.25E-3</v></c>' +
              '<c r="J1" t="d"><v>2024-01-15T00:00:00</v></c><c r="K1" t="d"><v>1900-03-01T12:00:00Z</v></c><c r="L1" s="3"/></row>',
          },
        ],
      }),
    );
    expect(rows).toEqual([
      [
        "Mã CLB",
        "A & B",
        "inline",
        "formula text",
        true,
        false,
        "#N/A",
        42.5,
        -0.00125,
        45306,
        61.5,
      ],
    ]);
  });

  it("decodes entities, numeric references and _xHHHH_ escapes, and concatenates rich text without phonetic runs", async () => {
    const sst =
      "<si><t>&lt;a&gt; &quot;q&quot; &apos;s&apos; &#273;&#x1EA1;i</t></si>" +
      '<si><r><rPr><b/></rPr><t xml:space="preserve">Nguyễn </t></r><r><t>Văn</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si>' +
      "<si><t>line_x000D__x000A_two _x005F_x0041_</t></si><si/><si><t/></si>";
    const rows = await rowsOf(
      buildPackage({
        sharedStrings: sst,
        sheets: [
          {
            name: "S",
            rows:
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c>' +
              '<c r="F1" t="inlineStr"><is><r><t>a</t></r><r><t>&amp;b</t></r><rPh><t>x</t></rPh></is></c><c r="G1" t="str"><v>tab&#9;end</v></c></row>',
          },
        ],
      }),
    );
    expect(rows).toEqual([
      ["<a> \"q\" 's' đại", "Nguyễn Văn", "line\r\ntwo _x0041_", "", "", "a&b", "tab\tend"],
    ]);
  });

  it("keeps sparse rows and cells in place, empty rows undefined, and numbers rows and cells without r in sequence", async () => {
    const rows = await rowsOf(
      buildPackage({
        sheets: [
          {
            name: "S",
            rows:
              '<row r="2"><c r="C2"><v>1</v></c><c r="E2"><v>2</v></c></row><row r="3" customHeight="1"/>' +
              '<row r="4"><c r="A4" s="1"/></row><row r="6"><c><v>3</v></c><c><v>4</v></c><c r="E6"><v>5</v></c><c><v>6</v></c></row><row><c><v>7</v></c></row>',
          },
        ],
      }),
    );
    expect(rows).toEqual([
      undefined,
      [undefined, undefined, 1, undefined, 2],
      undefined,
      undefined,
      undefined,
      [3, 4, undefined, undefined, 5, 6],
      [7],
    ]);
    expect(rows.length).toBe(7);
  });

  it("reads namespace-prefixed worksheets and comments, whitespace and CDATA-free oddities", async () => {
    const doc =
      '<?xml version="1.0"?>\r\n<!-- made by a tool --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData>\n  <x:row r = "1" >\n    <x:c r="A1" t=\'inlineStr\'><x:is><x:t>p</x:t></x:is></x:c><!-- <x:row r="9"> -->\n    <x:c r="B1"><x:v>2</x:v></x:c>\n  </x:row>\n</x:sheetData></x:worksheet>';
    expect(await rowsOf(buildPackage({ sheets: [{ name: "S", doc }] }))).toEqual([["p", 2]]);
  });

  it("reads parts saved as UTF-16, as OPC allows", async () => {
    const utf16 = (xml: string): Uint8Array => {
      const out = new Uint8Array(2 + xml.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < xml.length; i++)
        out.set([xml.charCodeAt(i) & 0xff, xml.charCodeAt(i) >> 8], 2 + 2 * i);
      return out;
    };
    const bytes = buildPackage({
      sharedStrings: ["Đồng"],
      sheets: [{ name: "S", rows: "" }],
      extraParts: {
        "xl/worksheets/sheet1.xml": utf16(
          worksheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Hà Tĩnh</t></is></c></row>',
          ).replace("UTF-8", "UTF-16"),
        ),
      },
    });
    expect(await rowsOf(bytes)).toEqual([["Đồng", "Hà Tĩnh"]]);
    const wb = openXlsx(bytes);
    await wb.apply({
      sheets: [],
      highlights: [{ sheet: "S", cell: asA1("B1"), rule: "r", severity: "error", reason: "" }],
    });
    const sheet = new TextDecoder().decode(unzip(wb.toBytes())["xl/worksheets/sheet1.xml"]);
    expect(sheet).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
    expect(sheet).toContain('<conditionalFormatting sqref="B1">');
    expect(allRows(await wb.readSheet("S"))).toEqual([["Đồng", "Hà Tĩnh"]]);
  });

  it("reads a workbook written by ExcelJS (dates, formulas, rich text, errors)", async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet("Thành viên");
      ws.addRow(["Họ và tên", "Năm sinh", "Ngày"]);
      ws.addRow(["Lê Thị Hoa", 1950, new Date(Date.UTC(2024, 0, 15))]);
      ws.getCell("D2").value = { formula: "B2+1", result: 1951 };
      ws.getCell("E2").value = { richText: [{ text: "ab" }, { font: { bold: true }, text: "cd" }] };
      ws.getCell("F2").value = { error: "#DIV/0!" } as never;
    });
    const rows = await rowsOf(bytes, "Thành viên");
    expect(rows).toEqual([
      ["Họ và tên", "Năm sinh", "Ngày"],
      ["Lê Thị Hoa", 1950, 45306, 1951, "abcd", "#DIV/0!"],
    ]);
  });
});

describe("the sheet list", () => {
  it("lists sheets in order with decoded names, follows absolute targets, and reports our tags", async () => {
    const wb = openXlsx(
      buildPackage({
        absoluteTargets: true,
        sheets: [
          { name: "A & <B>", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
          { name: "Kết quả CLB", rows: "", tag: "results" },
          { name: "Phụ lục", rows: "", tag: "appendix" },
          { name: "Danh sách lỗi", rows: "", tag: "findings" },
        ],
        definedNames:
          '<definedName name="ISHC_Generated" localSheetId="0">"not ours"</definedName><definedName name="Other" localSheetId="0" hidden="1">"ishc:results"</definedName>',
      }),
    );
    expect(await wb.listSheets()).toEqual([
      { name: "A & <B>" },
      { name: "Kết quả CLB", generated: "results" },
      { name: "Phụ lục", generated: "appendix" },
      { name: "Danh sách lỗi", generated: "findings" },
    ]);
    expect(allRows(await wb.readSheet("A & <B>"))).toEqual([[1]]);
  });

  it("accepts any Uint8Array view: a Node Buffer, or a window into a larger buffer", async () => {
    const bytes = buildPackage({
      sheets: [{ name: "S", rows: '<row r="1"><c r="A1"><v>5</v></c></row>' }],
    });
    const padded = new Uint8Array(bytes.length + 10);
    padded.set(bytes, 7);
    expect(allRows(await openXlsx(padded.subarray(7, 7 + bytes.length)).readSheet("S"))).toEqual([
      [5],
    ]);
    expect(allRows(await openXlsx(Buffer.from(bytes)).readSheet("S"))).toEqual([[5]]);
  });

  it("throws missing-sheet naming the sheets there are", async () => {
    const wb = openXlsx(buildPackage({ sheets: [{ name: "CLB", rows: "" }] }));
    await expect(wb.readSheet("Quỹ")).rejects.toMatchObject({
      code: "missing-sheet",
      sheet: "Quỹ",
      message: expect.stringContaining('"CLB"'),
    });
  });

  it("inflates a sheet only when it is read: a damaged sheet does not stop the others", async () => {
    const wb = openXlsx(
      buildPackage({
        sheets: [
          { name: "Good", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
          { name: "Bad", doc: worksheet('<row r="1"><c r="A1"><v>1</v></c>') },
        ],
      }),
    );
    expect(allRows(await wb.readSheet("Good"))).toEqual([[1]]);
    expect(await errorCode(() => wb.readSheet("Bad"))).toBe("corrupt");
  });
});
