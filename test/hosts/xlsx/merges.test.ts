/**
 * Merged cells as the xlsx host reads them into RawSheet.merges: from <mergeCells> after the
 * sheet's cells, zero-based and inclusive, areas of one cell and malformed refs left out, and no
 * `merges` key at all on a sheet without merged areas.
 */
import fc from "fast-check";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RawSheet } from "../../../src/core/model/cells";
import { MemoryWorkbook } from "../../../src/hosts/memory/memory-workbook";
import { openXlsx } from "../../../src/hosts/xlsx";
import { MAX_MERGES, mergedArea } from "../../../src/hosts/xlsx/merge-cells";
import { SheetParser } from "../../../src/hosts/xlsx/sheet-reader";
import { writeWorkbook } from "../../helpers/xlsx-fixtures";
import { asXlsx } from "../office/scenario";
import { buildPackage, worksheet } from "./fixtures";
import { byPosition, MERGED_ROWS, MERGES } from "../../helpers/merged-register";
import { rowsOf } from "../../helpers/rows";

const REGISTER: RawSheet = { name: "Thành viên", rows: MERGED_ROWS, merges: MERGES };

describe("merged cells in an .xlsx", () => {
  it("reads ExcelJS's vertical, horizontal and block merges back as the exact areas", async () => {
    const book = await asXlsx([
      REGISTER,
      {
        name: "Quỹ",
        rows: [
          ["Mã CLB", "Quỹ"],
          ["VQ-01", 5],
        ],
      },
    ]);
    const sheet = await book.readSheet("Thành viên");
    expect([...sheet.merges!].sort(byPosition)).toEqual([...MERGES].sort(byPosition));
    // Values stay where Excel keeps them: in the top-left cell only.
    expect(sheet.rows.at(3)![0]).toBe("VQ-01");
    expect(sheet.rows.at(4)![0]).toBeUndefined();
    expect(sheet.rows.at(10)![2]).toBe("Ghi chú chung");
    // A sheet without merged areas is as before: no key at all.
    const plain = await book.readSheet("Quỹ");
    expect(Object.keys(plain)).toEqual(["name", "rows"]);
  });

  it("passes a sheet's merges through the memory host unchanged", async () => {
    const memory = new MemoryWorkbook([REGISTER, { name: "Quỹ", rows: [["Mã CLB"]] }]);
    expect((await memory.readSheet("Thành viên")).merges).toEqual(MERGES);
    expect("merges" in (await memory.readSheet("Quỹ"))).toBe(false);
  });

  it("writes merges given as the helper's third argument, the old two-argument call unchanged", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ishc-merges-"));
    const rows = {
      S: [
        ["a", null, "b"],
        [null, null, "c"],
      ],
    };
    await writeWorkbook(join(dir, "with.xlsx"), rows, {
      S: [{ row0: 0, col0: 0, row1: 1, col1: 1 }],
    });
    await writeWorkbook(join(dir, "without.xlsx"), rows);
    const read = (file: string) =>
      openXlsx(new Uint8Array(readFileSync(join(dir, file)))).readSheet("S");
    expect((await read("with.xlsx")).merges).toEqual([{ row0: 0, col0: 0, row1: 1, col1: 1 }]);
    expect("merges" in (await read("without.xlsx"))).toBe(false);
  });

  it("ignores malformed refs and single cells, and reads refs with $ or reversed ends", async () => {
    const merges =
      '<mergeCells count="9"><mergeCell ref="A4:A9"/><mergeCell ref="B2"/><mergeCell ref="C3:C3"/>' +
      '<mergeCell ref="A1:B"/><mergeCell ref="ZZZZ1:ZZZZ2"/><mergeCell ref="A0:A3"/><mergeCell/>' +
      '<mergeCell ref="$D$2:$E$2"/><mergeCell ref="H9:G7"/><mergeCell ref="XFD1:XFE2"/></mergeCells>';
    const bytes = buildPackage({
      sheets: [{ name: "S", doc: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>', merges) }],
    });
    const sheet = await openXlsx(bytes).readSheet("S");
    expect(rowsOf(sheet)).toEqual([[1]]);
    expect(sheet.merges).toEqual([
      { row0: 3, col0: 0, row1: 8, col1: 0 },
      { row0: 1, col0: 3, row1: 1, col1: 4 },
      { row0: 6, col0: 6, row1: 8, col1: 7 },
    ]);
    expect(mergedArea("XFD1048575:XFD1048576")).toEqual({
      row0: 1_048_574,
      col0: 16_383,
      row1: 1_048_575,
      col1: 16_383,
    });
    expect(mergedArea("A1:A1048577")).toBeUndefined();
  });

  it("reads merges after the elements the schema puts before them, and nothing after those that follow them", async () => {
    const before =
      '<sheetProtection sheet="1"/><autoFilter ref="A1:B3"><filterColumn colId="0"/></autoFilter>' +
      '<mergeCells count="1"><x:mergeCell xmlns:x="urn:x" ref="A2:A3"/></mergeCells>';
    const after =
      '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting>' +
      '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>';
    const read = (tail: string) =>
      openXlsx(buildPackage({ sheets: [{ name: "S", doc: worksheet("", tail) }] })).readSheet("S");
    expect((await read(before)).merges).toEqual([{ row0: 1, col0: 0, row1: 2, col1: 0 }]);
    // Out of the schema's order (Excel would call the file damaged): not read.
    expect("merges" in (await read(after))).toBe(false);
  });

  it("keeps the cells and the areas read when the markup after the cells is broken, as before", async () => {
    const broken = '<mergeCells><mergeCell ref="A2:A3"/><mergeCell ref=B4:B5/></mergeCells>';
    const sheet = await openXlsx(
      buildPackage({
        sheets: [{ name: "S", doc: worksheet('<row r="1"><c r="A1"><v>7</v></c></row>', broken) }],
      }),
    ).readSheet("S");
    expect(rowsOf(sheet)).toEqual([[7]]);
    expect(sheet.merges).toEqual([{ row0: 1, col0: 0, row1: 2, col1: 0 }]);
    // A part cut short after the cells: the rows stand, as they did before merges were read.
    const cut = new TextEncoder().encode(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData>' +
        '<mergeCells><mergeCell ref="A2:A3"/><mergeCell ref="B4',
    );
    const parser = new SheetParser("S", "sheet", 100, []);
    parser.feed(cut, true);
    expect(rowsOf(parser)).toEqual([[7]]);
    expect(parser.merges).toEqual([{ row0: 1, col0: 0, row1: 2, col1: 0 }]);
  });

  it(`reads at most ${MAX_MERGES.toLocaleString("en")} areas and ignores the rest`, async () => {
    const many = Array.from(
      { length: MAX_MERGES + 5 },
      (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 1}"/>`,
    ).join("");
    const sheet = await openXlsx(
      buildPackage({
        sheets: [{ name: "S", doc: worksheet("", `<mergeCells>${many}</mergeCells>`) }],
      }),
    ).readSheet("S");
    expect(sheet.merges).toHaveLength(MAX_MERGES);
    expect(sheet.merges![MAX_MERGES - 1]).toEqual({
      row0: 2 * (MAX_MERGES - 1),
      col0: 0,
      row1: 2 * (MAX_MERGES - 1),
      col1: 1,
    });
  });

  it("gives the same areas wherever the inflated part is cut into chunks", () => {
    const part = new TextEncoder().encode(
      worksheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row>',
        '<sheetProtection sheet="1"/><mergeCells count="3"><mergeCell ref="A4:A9"/><!-- <mergeCell ref="C1:D1"/> -->' +
          '<mergeCell ref="A1:D1"></mergeCell><mergeCell ref="C11:D13"/></mergeCells><pageMargins left="0.7"/>',
      ),
    );
    const parse = (cuts: readonly number[]): unknown => {
      const parser = new SheetParser("S", "sheet", 100, []);
      let pending = new Uint8Array(0);
      let at = 0;
      for (const cut of [...cuts].sort((a, b) => a - b).concat(part.length)) {
        const buf = new Uint8Array(pending.length + cut - at);
        buf.set(pending);
        buf.set(part.subarray(at, cut), pending.length);
        pending = buf.subarray(parser.feed(buf, cut === part.length));
        at = cut;
      }
      return { rows: rowsOf(parser), merges: parser.merges };
    };
    const whole = parse([]);
    expect(whole).toEqual({
      rows: [["Mã"]],
      merges: [
        { row0: 3, col0: 0, row1: 8, col1: 0 },
        { row0: 0, col0: 0, row1: 0, col1: 3 },
        { row0: 10, col0: 2, row1: 12, col1: 3 },
      ],
    });
    for (let k = 0; k <= part.length; k++) expect(parse([k])).toEqual(whole);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: part.length }), { maxLength: 12 }), (cuts) => {
        expect(parse(cuts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
