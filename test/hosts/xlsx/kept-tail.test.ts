import fc from "fast-check";
import { keptTailCut, sheetDataEnd } from "../../../src/hosts/xlsx/highlights";
import { LEAD_BYTES, MAX_KEPT_TAIL, TailKeeper } from "../../../src/hosts/xlsx/kept-tail";
import { SheetParser } from "../../../src/hosts/xlsx/sheet-reader";
import { Feeder } from "../../../src/hosts/xlsx/stream";
import { cutInto, worksheet } from "./fixtures";

/**
 * A worksheet read as a stream keeps its bytes from the tag that ends <sheetData> on (KeptTail),
 * so that writing its highlights need not inflate it whole again. The tail kept must be exactly
 * the part's, at exactly its place, whatever pieces the part came in; and it is used only when it
 * says where sheetDataEnd would cut the whole part.
 */

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Reads a part as the workbook does, a keeper between the pieces and the parser. */
function keep(pieces: readonly Uint8Array[]) {
  const parser = new SheetParser("S", "xl/worksheets/sheet1.xml", 1_000_000, ["a", "b"]);
  const feeder = new Feeder(parser);
  const keeper = new TailKeeper(feeder, () => parser.endTagAt);
  for (const p of pieces) keeper.push(p);
  feeder.finish();
  return { tail: keeper.result(), rows: parser.rows.length };
}

const rows = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 2}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
  ).join("");

const TAILS = [
  "",
  '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
  '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>ISTEXT("ishc:error")</formula></cfRule></conditionalFormatting><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  "<!-- a note --><x:extLst xmlns:x='urn:x'><x:ext uri='u'><x:y>sheetData</x:y></x:ext></x:extLst>",
];

describe("the tail kept as a worksheet is read (TailKeeper)", () => {
  test("is the part's bytes from its sheetData end tag on, whatever the pieces", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...TAILS),
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 6 }),
        (n, tail, sizes) => {
          const bytes = encode(worksheet(rows(n), tail));
          const end = sheetDataEnd(bytes);
          const at = end - "</sheetData>".length;
          const { tail: kept, rows: read } = keep(cutInto(bytes, sizes));
          expect(read).toBe(n);
          expect(kept?.at).toBe(at);
          expect(Buffer.from(kept!.bytes).equals(Buffer.from(bytes.subarray(at)))).toBe(true);
          // With the bytes just before it, as many as LEAD_BYTES allows.
          const lead = bytes.subarray(Math.max(0, at - LEAD_BYTES), at);
          expect(Buffer.from(kept!.lead).equals(Buffer.from(lead))).toBe(true);
          // And it says where the whole part is cut.
          expect(kept!.at + keptTailCut(kept!.bytes)).toBe(end);
        },
      ),
      { numRuns: 80 },
    );
  });

  test("a self-closing <sheetData/> is its end tag", () => {
    const bytes = encode(
      worksheet("", "<pageMargins/>").replace("<sheetData></sheetData>", "<sheetData/>"),
    );
    const { tail } = keep([bytes]);
    expect(new TextDecoder().decode(tail!.bytes)).toBe("<sheetData/><pageMargins/></worksheet>");
    expect(keptTailCut(tail!.bytes)).toBe("<sheetData/>".length);
  });

  test("holds only what the parser has not read, and copies the tail out of the pieces", () => {
    const bytes = encode(worksheet(rows(3000), TAILS[1]));
    const pieces = cutInto(bytes, [4096]);
    const { tail } = keep(pieces);
    const own = new Set(pieces.map((p) => p.buffer));
    expect(own.has(tail!.bytes.buffer as ArrayBuffer)).toBe(false);
    expect(tail!.bytes.length).toBe(bytes.length - tail!.at);
  });

  test("leads its tail with the LEAD_BYTES before it, holding no more than that and a piece", () => {
    const bytes = encode(worksheet(rows(40_000), TAILS[2]));
    expect(bytes.length).toBeGreaterThan(2 * LEAD_BYTES);
    const parser = new SheetParser("S", "xl/worksheets/sheet1.xml", 1_000_000, ["a", "b"]);
    const feeder = new Feeder(parser);
    const keeper = new TailKeeper(feeder, () => parser.endTagAt);
    let most = 0;
    for (const p of cutInto(bytes, [64 * 1024])) {
      keeper.push(p);
      const held = (keeper as unknown as { pieces: Uint8Array[] }).pieces;
      most = Math.max(
        most,
        held.reduce((n, q) => n + q.length, 0),
      );
    }
    feeder.finish();
    const tail = keeper.result()!;
    expect(tail.lead.length).toBe(LEAD_BYTES);
    const lead = bytes.subarray(tail.at - LEAD_BYTES, tail.at);
    expect(Buffer.from(tail.lead).equals(Buffer.from(lead))).toBe(true);
    expect(most).toBeLessThanOrEqual(LEAD_BYTES + 3 * 64 * 1024);
  });

  test("keeps nothing of a UTF-16 part, of a part without sheetData, or of too long a tail", () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(Buffer.from(worksheet(rows(3)), "utf16le")),
    ]);
    expect(keep([utf16]).tail).toBeUndefined();
    expect(keep([encode(`<worksheet xmlns="x"/>`)]).tail).toBeUndefined();
    const long = `<extLst>${"<ext/>".repeat(MAX_KEPT_TAIL / 6 + 10)}</extLst>`;
    expect(keep(cutInto(encode(worksheet(rows(10), long)), [64 * 1024])).tail).toBeUndefined();
  });
});

describe("where a kept tail cuts its part (keptTailCut)", () => {
  test("after the end tag that starts it, when the rest reads as a worksheet's tail", () => {
    const tail = encode(`</x:sheetData><x:mergeCells/></x:worksheet>\n<!-- c -->`);
    expect(keptTailCut(tail)).toBe("</x:sheetData>".length);
  });

  test("-1 when a later sheetData tag would be the one taken, or the rest is no tail", () => {
    // A commented-out sheetData after the real one: the whole part is walked from its start.
    expect(keptTailCut(encode(`</sheetData></worksheet><!-- <sheetData/> -->`))).toBe(-1);
    expect(keptTailCut(encode(`</sheetData><a></worksheet>`))).toBe(-1);
    expect(keptTailCut(encode(` </sheetData></worksheet>`))).toBe(-1);
    expect(keptTailCut(encode(`</worksheet>`))).toBe(-1);
  });
});
