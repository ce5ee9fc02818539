import fc from "fast-check";
import { deflateSync as fflateDeflate } from "fflate";
import { constants, deflateRawSync, inflateRawSync } from "node:zlib";
import {
  DeflateScanError,
  MAX_WALKED_BYTES,
  deflateBlockStarts,
  walkDeflateBlocks,
} from "../../../src/hosts/xlsx/deflate-blocks";
import { cutAtBlock, lastStartWithin, splicedStart } from "../../../src/hosts/xlsx/spliced-start";

/**
 * A rewritten worksheet keeps its stored deflate stream up to a block start and deflates only
 * what follows (splicedStart). Where blocks start is found by walking the stream's codes
 * (deflateBlockStarts): a start found wrong would make a copy no reader can inflate, so every
 * start found is proved by splicing there and inflating the result with zlib.
 */

/** Rows of a register, as a worksheet holds them: repetitive, with numbers and Vietnamese text. */
function register(rows: number, seed = 1): Uint8Array {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) & 0x7fffffff);
  const names = ["Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Thị Mai", "Phạm Đức Anh", "Hồ Thị Lan"];
  const out: string[] = [];
  for (let r = 1; r <= rows; r++)
    out.push(
      `<row r="${r}"><c r="A${r}"><v>${next() % 100000}</v></c><c r="B${r}" t="inlineStr"><is><t>${
        names[next() % names.length]
      }</t></is></c><c r="C${r}"><v>${1940 + (next() % 70)}</v></c></row>`,
    );
  return new TextEncoder().encode(out.join(""));
}

/** The stream cut at `bit` (cutAtBlock), then `rest` deflated afresh, inflated by zlib. */
const splicedAt = (stream: Uint8Array, bit: number, rest: Uint8Array): Buffer =>
  inflateRawSync(Buffer.concat([...cutAtBlock(stream, bit), deflateRawSync(rest)]));

const ENCODERS: [string, (b: Uint8Array) => Uint8Array][] = [
  ["zlib level 1", (b) => deflateRawSync(b, { level: 1 })],
  ["zlib level 6", (b) => deflateRawSync(b, { level: 6 })],
  ["zlib level 9, small memLevel", (b) => deflateRawSync(b, { level: 9, memLevel: 1 })],
  ["zlib stored", (b) => deflateRawSync(b, { level: 0 })],
  ["zlib fixed codes", (b) => deflateRawSync(b, { strategy: constants.Z_FIXED })],
  ["zlib Huffman only", (b) => deflateRawSync(b, { strategy: constants.Z_HUFFMAN_ONLY })],
  ["zlib run lengths", (b) => deflateRawSync(b, { strategy: constants.Z_RLE })],
  // The pane's own deflater: another encoder's choices of blocks and codes.
  ["fflate level 6", (b) => fflateDeflate(b, { level: 6 })],
  ["fflate level 1", (b) => fflateDeflate(b, { level: 1 })],
];

describe("where a deflate stream's blocks start (deflateBlockStarts)", () => {
  test.each(ENCODERS)("%s: every start found splices into a stream zlib inflates", (_, deflate) => {
    const data = register(6000);
    const stream = deflate(data);
    const starts = deflateBlockStarts(stream);
    expect(starts.length).toBeGreaterThan(2);
    // The last entry is the stream's end: all of it read, all the data inflated.
    expect(starts.at(-1)!.byte).toBe(data.length);
    expect(Math.ceil(starts.at(-1)!.bit / 8)).toBe(stream.length);
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i]!.bit).toBeGreaterThan(starts[i - 1]!.bit);
      expect(starts[i]!.byte).toBeGreaterThanOrEqual(starts[i - 1]!.byte);
    }
    // Forty starts at most, spread over the stream, the first and the last among them.
    const blocks = starts.slice(0, -1);
    const step = Math.max(1, Math.floor(blocks.length / 40));
    for (const s of blocks.filter((_, i) => i % step === 0 || i === blocks.length - 1)) {
      const rest = data.subarray(s.byte);
      expect(splicedAt(stream, s.bit, rest).equals(Buffer.from(data))).toBe(true);
    }
  });

  test("codes longer than its table's step: rare bytes among common ones", () => {
    // Byte k is 1.04^k times rarer than byte 0, the bytes shuffled: in a block of Huffman-only
    // codes the rarest come once in thousands, and their codes reach 12 bits and more, past the
    // 10 looked up in one step.
    const counts = Array.from({ length: 256 }, (_, k) =>
      Math.max(1, Math.floor(20_000 / 1.04 ** k)),
    );
    const data = Uint8Array.from(counts.flatMap((n, k) => new Array<number>(n).fill(k)));
    let x = 2463534242;
    for (let i = data.length - 1; i > 0; i--) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      const j = (x >>> 0) % (i + 1);
      [data[i], data[j]] = [data[j]!, data[i]!];
    }
    expect(new Set(data).size).toBe(256);
    for (const strategy of [constants.Z_HUFFMAN_ONLY, constants.Z_DEFAULT_STRATEGY]) {
      const stream = deflateRawSync(data, { strategy });
      const starts = deflateBlockStarts(stream);
      expect(starts.at(-1)!.byte).toBe(data.length);
      for (const s of starts.slice(0, -1))
        expect(splicedAt(stream, s.bit, data.subarray(s.byte)).equals(Buffer.from(data))).toBe(
          true,
        );
    }
  });

  test("finds the blocks a flush ends, where the flush puts them", () => {
    const data = register(300);
    const cuts = [0, 1000, 7777, data.length];
    const pieces: Buffer[] = [];
    // Each piece deflated on its own and ended by a sync flush's empty stored block.
    for (let i = 0; i + 1 < cuts.length; i++) {
      const last = i + 2 === cuts.length;
      pieces.push(
        deflateRawSync(data.subarray(cuts[i], cuts[i + 1]), {
          finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
        }),
      );
    }
    const starts = deflateBlockStarts(Buffer.concat(pieces));
    const bytes = new Set(starts.map((s) => s.byte));
    for (const c of cuts) expect(bytes.has(c)).toBe(true);
  });

  test("property: any data, any zlib level and window, every start splices", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 300 })), {
          maxLength: 400,
        }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (runs, level, memLevel) => {
          // Runs of a byte: long matches and literals mixed, as in sheets.
          const data = Uint8Array.from(runs.flatMap(([b, n]) => new Array<number>(n).fill(b)));
          const stream = deflateRawSync(data, { level, memLevel });
          const starts = deflateBlockStarts(stream);
          expect(starts.at(-1)!.byte).toBe(data.length);
          for (const s of starts.slice(0, -1))
            expect(splicedAt(stream, s.bit, data.subarray(s.byte)).equals(Buffer.from(data))).toBe(
              true,
            );
        },
      ),
      { numRuns: 60 },
    );
  });

  test("walks millions of empty blocks keeping nothing, to the last one", () => {
    // A hostile part: 2,000,000 empty fixed-code blocks of ten bits each (not final, fixed codes,
    // end of block), then a final one. Their starts are handed over one by one, never listed.
    const blocks = 2_000_000;
    const stream = new Uint8Array(Math.ceil(((blocks + 1) * 10) / 8));
    const final = blocks * 10;
    // Bits are set least significant first: 0 (not final) 1 0 (fixed codes) 0000000 (end).
    for (let b = 0; b < blocks; b++) stream[(b * 10 + 1) >> 3]! |= 1 << ((b * 10 + 1) & 7);
    stream[final >> 3]! |= 1 << (final & 7);
    stream[(final + 1) >> 3]! |= 1 << ((final + 1) & 7);
    let count = 0;
    const end = walkDeflateBlocks(stream, () => count++);
    expect(count).toBe(blocks + 1);
    expect(end).toEqual({ bit: final + 10, byte: 0 });
    expect(lastStartWithin(stream, 0, 0)).toEqual({ bit: final, byte: 0 });
  });

  test("refuses a stream it cannot follow to its final block", () => {
    const stream = deflateRawSync(register(2000));
    expect(() => deflateBlockStarts(stream.subarray(0, stream.length >> 1))).toThrow(
      DeflateScanError,
    );
    expect(() => deflateBlockStarts(new Uint8Array([0x07, 0, 0, 0]))).toThrow(DeflateScanError);
    // A stored block whose length and its complement disagree.
    expect(() => deflateBlockStarts(new Uint8Array([0x01, 5, 0, 5, 0]))).toThrow(DeflateScanError);
    expect(() => deflateBlockStarts(new Uint8Array(0))).toThrow(DeflateScanError);
    // Past what 32-bit bit positions reach: refused before a byte is read (the caller streams it).
    const long = new Uint8Array(MAX_WALKED_BYTES + 1);
    expect(() => walkDeflateBlocks(long, () => undefined)).toThrow("too long to walk");
  });
});

describe("a rewritten part's start kept as stored (splicedStart)", () => {
  const data = register(20_000);
  const stream = deflateRawSync(data);
  const keep = data.length - 1234;

  test("the stream to the last block before the cut, then the bytes to the cut", () => {
    const before = data.subarray(keep - 400_000, keep);
    const start = splicedStart(stream, keep, before)!;
    expect(start).toBeDefined();
    expect(start.rest.length).toBeLessThanOrEqual(before.length);
    const tail = new TextEncoder().encode("</sheetData><conditionalFormatting/></worksheet>");
    const whole = inflateRawSync(
      Buffer.concat([...start.deflated, deflateRawSync(Buffer.concat([start.rest, tail]))]),
    );
    expect(whole.equals(Buffer.concat([data.subarray(0, keep), tail]))).toBe(true);
    // The stored stream's own bytes, not a copy deflated again.
    const kept = start.deflated[0]!;
    expect(kept.length).toBeGreaterThan(stream.length / 2);
    expect(Buffer.from(kept).equals(stream.subarray(0, kept.length))).toBe(true);
  });

  test("undefined when no block starts within the bytes kept before the cut, or on a bad stream", () => {
    expect(splicedStart(stream, keep, data.subarray(keep - 10, keep))).toBeUndefined();
    expect(splicedStart(stream.subarray(0, 1000), keep, data.subarray(0, keep))).toBeUndefined();
  });

  test("lastStartWithin takes the last start at or before the cut, within reach", () => {
    // Pieces deflated on their own, each ended by a sync flush: blocks start where they start.
    const data = register(300);
    const cuts = [0, 1000, 7777, data.length];
    const stream = Buffer.concat(
      cuts.slice(1).map((c, i) =>
        deflateRawSync(data.subarray(cuts[i], c), {
          finishFlush: c === data.length ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
        }),
      ),
    );
    const all = deflateBlockStarts(stream).slice(0, -1);
    const lastAt = (byte: number) => all.filter((s) => s.byte === byte).at(-1);
    expect(lastStartWithin(stream, 1000, 5000)).toEqual(lastAt(1000));
    expect(lastStartWithin(stream, 7777, 10)).toEqual(lastAt(7777));
    expect(lastStartWithin(stream, 7776, 10_000)!.byte).toBeLessThan(7777);
    // No start within reach of the cut.
    expect(lastStartWithin(stream, 7776, 100)).toBeUndefined();
    // The stream's end is no block start, even at the cut.
    expect(lastStartWithin(stream, data.length, data.length)!.byte).toBeLessThan(data.length);
  });
});
