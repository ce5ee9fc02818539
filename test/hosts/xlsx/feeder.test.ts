import fc from "fast-check";
import { SheetParser } from "../../../src/hosts/xlsx/sheet-reader";
import { BRIDGE, ChunkParser, Feeder } from "../../../src/hosts/xlsx/stream";
import { cutInto } from "./fixtures";
import { rowsOf } from "../../helpers/rows";

/**
 * The Feeder hands a parser the pieces of a part as they come, carrying what the parser could not
 * yet read to the next piece. A short carry is joined to the next piece's start only (the bridge):
 * whatever the pieces, the parser must read the part's bytes once each, in order.
 */

/** A parser of lines: reads up to the last newline it is given, and all at the end. */
class Lines implements ChunkParser {
  readonly read: number[] = [];
  readonly windows: Uint8Array[] = [];
  /** Each window's `at` against what had been read before it. */
  readonly misplaced: [number, number][] = [];
  feed(buf: Uint8Array, final: boolean, at?: number): number {
    this.windows.push(buf);
    if (at !== this.read.length) this.misplaced.push([at ?? -1, this.read.length]);
    const used = final ? buf.length : buf.lastIndexOf(10) + 1;
    for (let i = 0; i < used; i++) this.read.push(buf[i]!);
    return used;
  }
}

function feed(parser: ChunkParser, pieces: readonly Uint8Array[]): void {
  const feeder = new Feeder(parser);
  for (const p of pieces) feeder.push(p);
  feeder.finish();
}

describe("feeding a parser piece by piece (Feeder)", () => {
  test("every byte is read once, in order, whatever the pieces and the lines", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat(300), fc.constant(3 * BRIDGE)), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 4 * BRIDGE }), { minLength: 1, maxLength: 8 }),
        (lines, sizes) => {
          const text = lines.map((n, i) => String.fromCharCode(97 + (i % 26)).repeat(n)).join("\n");
          const bytes = new TextEncoder().encode(text);
          const parser = new Lines();
          feed(parser, cutInto(bytes, sizes));
          expect(parser.read.length).toBe(bytes.length);
          expect(Buffer.from(parser.read).equals(Buffer.from(bytes))).toBe(true);
          // Each window says where it starts in the part (the kept tail's offsets rest on it).
          expect(parser.misplaced).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("big pieces with short lines are read where they lie: only the bridges are copies", () => {
    const line = "x".repeat(99) + "\n";
    const bytes = new TextEncoder().encode(line.repeat(60_000)); // 6 MB
    const pieces = cutInto(bytes, [300 * 1024 + 7]);
    const parser = new Lines();
    feed(parser, pieces);
    const own = new Set(pieces.map((p) => p.buffer));
    const copied = parser.windows
      .filter((w) => !own.has(w.buffer as ArrayBuffer))
      .reduce((n, w) => n + w.length, 0);
    expect(parser.read.length).toBe(bytes.length);
    // One bridge per piece at most (a carried line and the next piece's start), never a piece.
    expect(copied).toBeLessThanOrEqual(pieces.length * (BRIDGE + line.length));
    expect(copied).toBeLessThan(bytes.length / 3);
  });

  test("a worksheet read in pieces gives the rows it gives whole", () => {
    let xml = '<worksheet xmlns="m"><sheetData>';
    for (let r = 1; r <= 20_000; r++)
      xml += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Nguyễn Thị ${r}</t></is></c><c r="B${r}"><v>${1940 + (r % 60)}</v></c></row>`;
    xml += '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    const bytes = new TextEncoder().encode(xml);
    const whole = new SheetParser("S", "sheet", 100_000, []);
    feed(whole, [bytes]);
    for (const size of [BRIDGE - 1, 2 * BRIDGE + 1, 5 * BRIDGE + 13]) {
      const cut = new SheetParser("S", "sheet", 100_000, []);
      feed(cut, cutInto(bytes, [size]));
      expect(rowsOf(cut)).toEqual(rowsOf(whole));
      expect(cut.merges).toEqual(whole.merges);
    }
    expect(whole.rows.at(19_999)).toEqual(["Nguyễn Thị 20000", 1940 + (20_000 % 60)]);
  });
});
