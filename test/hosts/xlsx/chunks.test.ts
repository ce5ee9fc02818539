import fc from "fast-check";
import { SharedStringsParser } from "../../../src/hosts/xlsx/shared-strings";
import { SheetParser } from "../../../src/hosts/xlsx/sheet-reader";
import { CompactRows } from "../../../src/hosts/xlsx/compact-rows";
import { rowArray } from "../../../src/core/model/cells";
import { ChunkParser } from "../../../src/hosts/xlsx/stream";

/**
 * Inflated parts arrive in chunks that may end anywhere: inside a tag name, an attribute, a value or
 * a multi-byte character. Whatever the cuts, the parsers must give what they give on the whole part.
 */
const SHEET = new TextEncoder().encode(
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a <row> in a comment --><worksheet xmlns="m"><dimension ref="A1:F9"/>' +
    '<sheetData><row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>Đoàn </t></r><r><t>Thị</t></r><rPh><t>x</t></rPh></is></c>' +
    '<c r="D1"><f>1+1</f><v>2</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c></row><row r="3"/>' +
    '<row r="4"><c r="B4" s="2"/><c r="C4" t="str"><v>a &amp; b &#7909;</v></c><c r="D4" t="d"><v>2024-01-15</v></c></row>' +
    '<row><c><v>-1.5E-3</v></c><c><v>0.30000000000000004</v></c></row><row r="9"><c r="AA9" t="inlineStr"><is><t xml:space="preserve"> Nguyễn _x000A_ </t></is></c></row>' +
    '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>',
);
const SST = new TextEncoder().encode(
  '<?xml version="1.0"?><sst xmlns="m" count="3"><si><t>Mã CLB</t></si><si><r><rPr><b/></rPr><t>Họ </t></r><r><t>và tên</t></r><rPh sb="0" eb="1"><t>よみ</t></rPh></si><si/><si><t>&lt;&gt;</t></si></sst>',
);

function parse<P extends ChunkParser>(
  make: () => P,
  bytes: Uint8Array,
  cuts: readonly number[],
): P {
  const parser = make();
  let pending = new Uint8Array(0);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b).concat(bytes.length)) {
    const buf = new Uint8Array(pending.length + cut - at);
    buf.set(pending);
    buf.set(bytes.subarray(at, cut), pending.length);
    pending = buf.subarray(parser.feed(buf, cut === bytes.length));
    at = cut;
  }
  return parser;
}

const strings = (cuts: readonly number[]): string[] =>
  parse(() => new SharedStringsParser("sst"), SST, cuts).strings;
/** The rows read, as arrays; and whether they were kept in typed arrays (CompactRows). */
function read(cuts: readonly number[]): { rows: unknown; compact: boolean } {
  const list = parse(() => new SheetParser("S", "sheet", 100, ["x", "y"]), SHEET, cuts).rows;
  return { rows: rowArray(list), compact: list instanceof CompactRows };
}
const rows = (cuts: readonly number[]): unknown => read(cuts).rows;

describe("parsing a part in chunks", () => {
  it("gives the same shared strings wherever the part is cut", () => {
    const whole = strings([]);
    expect(whole).toEqual(["Mã CLB", "Họ và tên", "", "<>"]);
    for (let k = 0; k <= SST.length; k++) expect(strings([k])).toEqual(whole);
  });

  it("keeps the rows in typed arrays wherever the part is cut (a row cut is read again)", () => {
    for (let k = 0; k <= SHEET.length; k++) expect(read([k]).compact).toBe(true);
  });

  it("gives the same rows wherever the part is cut", () => {
    const whole = rows([]);
    expect(whole).toEqual([
      ["x", "y", "Đoàn Thị", 2, true, "#N/A"],
      undefined,
      undefined,
      [undefined, undefined, "a & b ụ", 45306],
      [-0.0015, 0.30000000000000004],
      undefined,
      undefined,
      undefined,
      [...Array<undefined>(26).fill(undefined), " Nguyễn \n "],
    ]);
    for (let k = 0; k <= SHEET.length; k++) expect(rows([k])).toEqual(whole);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: SHEET.length }), { maxLength: 12 }), (cuts) => {
        expect(rows(cuts)).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });
});
