import { openXlsx } from "../../../src/hosts/xlsx";
import { listFormula } from "../../../src/hosts/xlsx/data-validations";
import { USER_NAMES, all, appendix, applied, userBook } from "./extras";
import { loadWithExcelJs, text, unzip } from "./fixtures";
import { highlight, plan, resultsSheet } from "./plans";

/** Dropdowns and page setup on generated sheets, written into the user's package. */
describe("dropdowns and page setup on generated sheets", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let parts: Record<string, Uint8Array>;
  const PLAN = plan([resultsSheet(), appendix()]);

  beforeAll(async () => {
    input = userBook();
    output = await applied(input, PLAN);
    parts = unzip(output);
  });

  it("writes a warning-only list validation after the merges, with its prompt", () => {
    const xml = text(parts, "xl/worksheets/sheet4.xml");
    expect(xml).toContain(
      '<dataValidations count="1"><dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" showInputMessage="1" prompt="Chọn kết quả" sqref="D4:D6"><formula1>"Đạt,Chưa đạt,Nói ""không"""</formula1></dataValidation></dataValidations>',
    );
    expect(xml.indexOf("</mergeCells>")).toBeLessThan(xml.indexOf("<dataValidations"));
  });

  it("writes the page setup in schema order: print options, margins, page, footer, breaks, drawing", () => {
    const xml = text(parts, "xl/worksheets/sheet4.xml");
    expect(xml).not.toContain("<sheetPr>");
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" scale="85"/>');
    expect(xml).toContain(
      "<headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>",
    );
    expect(xml).toContain(
      '<rowBreaks count="2" manualBreakCount="2"><brk id="5" max="16383" man="1"/><brk id="7" max="16383" man="1"/></rowBreaks>',
    );
    const order = [
      "<dataValidations",
      "<printOptions",
      "<pageMargins",
      "<pageSetup",
      "<headerFooter",
      "<rowBreaks",
      "<drawing",
    ];
    const at = order.map((tag) => xml.indexOf(tag));
    expect(at.every((x) => x > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("puts highlights on a generated sheet between its merges and its dropdowns", async () => {
    const out = await applied(input, plan([appendix()], [highlight("Phụ lục", "B5")]));
    const xml = text(unzip(out), "xl/worksheets/sheet3.xml");
    const at = ["</mergeCells>", "<conditionalFormatting", "<dataValidations"].map((t) =>
      xml.indexOf(t),
    );
    expect(at[0]).toBeGreaterThan(0);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("fits to one page wide when no scale is given, and says so in sheetPr", async () => {
    const sheet = appendix();
    const fitted = { ...sheet, print: { orientation: "portrait" as const, paper: "A4" as const } };
    const xml = text(unzip(await applied(input, plan([fitted]))), "xl/worksheets/sheet3.xml");
    expect(xml).toMatch(
      /^<\?xml[^>]*>\n<worksheet [^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension /,
    );
    expect(xml).toContain(
      '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>',
    );
    expect(xml).not.toContain("<printOptions");
  });

  it("adds the print names for the sheet's own index and keeps the user's names", () => {
    const xml = text(parts, "xl/workbook.xml");
    expect(xml).toContain(USER_NAMES);
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="3">'Phụ lục'!$3:$3</definedName>`,
    );
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="3">'Phụ lục'!$A$1:$D$7</definedName>`,
    );
    expect(all(xml, /name="(_xlnm\.[^"]+)"/g)).toHaveLength(3);
    // Our record of the sheet's charts, hidden like the sheet's tag.
    expect(xml).toContain(
      '<definedName name="ISHC_Charts" localSheetId="3" hidden="1">"[""ISHC chart 1""]"</definedName>',
    );
  });

  it("gives the same package when run again on its own output", async () => {
    const again = await applied(output, PLAN);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(output))).toBe(0);
  });

  it("reads back with our reader and with ExcelJS, which sees the validation and the names", async () => {
    const rows = (await openXlsx(output).readSheet("Phụ lục")).rows;
    expect(rows.at(3)).toEqual(["Huyện Vũ Quang", 10, 4]);
    expect(rows.at(6)).toEqual([45000]);
    const wb = await loadWithExcelJs(output);
    const ws = wb.getWorksheet("Phụ lục")!;
    expect(ws.getCell("D5").dataValidation).toMatchObject({
      type: "list",
      allowBlank: true,
      errorStyle: "warning",
      prompt: "Chọn kết quả",
      formulae: ['"Đạt,Chưa đạt,Nói ""không"""'],
    });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", scale: 85, paperSize: 9 });
    expect(ws.pageSetup.printArea).toBe("A1:D7");
    expect(ws.pageSetup.printTitlesRow).toBe("3:3");
    expect(wb.definedNames.getRanges("Counts").ranges).toEqual(["CLB!$B$2:$B$4"]);
    expect(ws.getCell("A7").numFmt).toBe("dd/mm/yyyy");
    expect(text(parts, "xl/styles.xml")).toMatch(
      /<numFmt numFmtId="1[6-9]\d" formatCode="dd\/mm\/yyyy"\/>/,
    );
  });
});

describe("small pieces of the extras", () => {
  it("keeps an inline list within Excel's 255 characters, whole values only", () => {
    const long = Array.from({ length: 60 }, (_, i) => `Giá trị ${i}`);
    const formula = listFormula(long)!;
    expect(formula.length - 2).toBeLessThanOrEqual(255);
    expect(formula.slice(1, -1).split(",")).toEqual(
      long.slice(0, formula.slice(1, -1).split(",").length),
    );
    expect(listFormula(["a,b", "c", ""])).toBe('"c"');
    expect(listFormula(["a,b"])).toBeUndefined();
  });

  it("quotes sheet names with apostrophes in print names", async () => {
    const sheet = { ...appendix("Bà Ba's"), charts: [] };
    const xml = text(unzip(await applied(userBook(), plan([sheet]))), "xl/workbook.xml");
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">'Bà Ba''s'!$3:$3</definedName>`,
    );
  });
});
