import { inflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { NODE_CODEC, nodeDeflateStream } from "../../../src/cli/node-codec";
import { StreamDeflate } from "../../../src/hosts/xlsx/codec";
import { deflateRunsHere } from "../../../src/hosts/xlsx/deflate-run";
import { Deflated } from "../../../src/hosts/xlsx/zip-assemble";
import {
  deflate,
  deflateStreamed,
  levelFor,
  runsOf,
  writeZip,
  writeZipAsync,
} from "../../../src/hosts/xlsx/zip-write";

/**
 * A new part given in pieces (a big sheet's untouched head and its edited tail) is deflated piece
 * by piece with the native codec, each run ending on a byte boundary: what any unzip reads back
 * must be the pieces joined, and no big piece is copied to be joined first (issue 15).
 */
const bytes = (n: number, seed: number): Uint8Array => {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    // Text-like: compressible, but not one repeated byte.
    out[i] = 0x61 + ((x >>> 16) % 7);
  }
  return out;
};

const joined = (pieces: readonly Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(pieces));

describe("runsOf", () => {
  it("joins small pieces into runs, keeps a big piece as the same buffer, never gives none", () => {
    const big = bytes(3000, 1);
    const small = [bytes(10, 2), bytes(20, 3), bytes(30, 4)];
    const runs = runsOf([small[0]!, small[1]!, big, small[2]!], 1000);
    expect(runs.map((r) => r.length)).toEqual([30, 3000, 30]);
    expect(runs[1]).toBe(big);
    expect(joined(runs)).toEqual(joined([small[0]!, small[1]!, big, small[2]!]));
    expect(runsOf([], 1000).map((r) => r.length)).toEqual([0]);
    expect(runsOf([bytes(600, 5), bytes(600, 6)], 1000).map((r) => r.length)).toEqual([1200]);
  });
});

describe("writeZip with the native codec", () => {
  it.each([
    ["one piece", [bytes(5000, 7)]],
    ["a big head and a small tail", [bytes(3 * 2 ** 20, 8), bytes(700, 9)]],
    ["small pieces around a big one", [bytes(5, 10), bytes(2 ** 20 + 3, 11), bytes(9, 12)]],
    ["an empty part", [] as Uint8Array[]],
  ])("reads back %s as the pieces joined", (_, pieces) => {
    const zip = writeZip(
      [{ kind: "new", name: "xl/worksheets/sheet1.xml", content: pieces }],
      NODE_CODEC,
    );
    const back = unzipSync(zip)["xl/worksheets/sheet1.xml"]!;
    expect(Buffer.compare(Buffer.from(back), Buffer.from(joined(pieces)))).toBe(0);
  });

  it("writes a stream that ends exactly once (the last run is final, the others flushed)", () => {
    const pieces = [bytes(2 ** 20, 13), bytes(2 ** 20, 14), bytes(100, 15)];
    const zip = writeZip([{ kind: "new", name: "a.xml", content: pieces }], NODE_CODEC);
    // The entry's data starts after the 30-byte local header and the name.
    const size = new DataView(zip.buffer, zip.byteOffset).getUint32(18, true);
    const data = zip.subarray(30 + "a.xml".length, 30 + "a.xml".length + size);
    // zlib refuses a stream that is not finished, or data after the final block.
    expect(inflateRawSync(data).length).toBe(2 * 2 ** 20 + 100);
  });
});

/**
 * A generated sheet comes in pieces that stand for one (joined: see worksheetPieces): whichever
 * way it is deflated, the bytes must be those of the pieces joined first, as they were before the
 * pieces stayed apart, so that the checked copy stays byte for byte what it was.
 */
describe("pieces that stand for one", () => {
  const many = (count: number, size: number, seed: number): Uint8Array[] =>
    Array.from({ length: count }, (_, i) => bytes(size + (i % 5), seed + i));
  const asBefore = (content: Uint8Array[], joinedCount: number): Uint8Array[] => [
    joined(content.slice(0, joinedCount)),
    ...content.slice(joinedCount),
  ];
  const same = (a: Deflated, b: Deflated): void => {
    expect(Buffer.compare(joined([...a.data]), joined([...b.data]))).toBe(0);
    expect([a.crc, a.size]).toEqual([b.crc, b.size]);
  };

  it.each([
    ["small pieces", many(40, 3000, 1)],
    [
      "pieces past a zlib chunk, with empty ones",
      [bytes(70_000, 2), new Uint8Array(0), bytes(9, 3)],
    ],
    ["no bytes at all", [new Uint8Array(0)]],
    ["no pieces", [] as Uint8Array[]],
    ["more than the big-part size", many(20, 260 * 1024, 4)],
  ])("Node's stream deflater gives the codec's bytes for %s", async (_, pieces) => {
    const size = pieces.reduce((n, p) => n + p.length, 0);
    const level = levelFor(size);
    const streamed = await nodeDeflateStream(pieces, level);
    const whole = NODE_CODEC.deflateRaw(joined(pieces), level);
    expect(Buffer.compare(joined(streamed), whole)).toBe(0);
  });

  it.each([
    ["a small sheet, all one", many(30, 2000, 5), 30],
    ["a big sheet, all one", many(24, 256 * 1024, 6), 24],
    ["a big sheet's start and an edited tail", [...many(24, 256 * 1024, 7), bytes(900, 8)], 24],
    ["a small start and an edited tail", [...many(3, 1000, 9), bytes(50, 10)], 3],
  ])("%s: the bytes of the pieces joined, by every deflater", async (_, content, count) => {
    const before = asBefore(content, count);
    for (const codec of [NODE_CODEC, undefined]) {
      const reference = deflate(before, codec);
      same(deflate(content, codec, count), reference);
      if (codec)
        same(
          await deflateStreamed({ content, joined: count }, codec, nodeDeflateStream),
          reference,
        );
    }
    const name = "xl/worksheets/sheet9.xml";
    const here = await writeZipAsync(
      [{ kind: "new", name, content, joined: count }],
      deflateRunsHere,
    );
    const one = writeZip([{ kind: "new", name, content: before }]);
    expect(Buffer.compare(Buffer.concat(here), one)).toBe(0);
  });

  it("the stream deflater is used only for content that is one piece", async () => {
    const calls: number[] = [];
    const counting: StreamDeflate = (pieces, level) => {
      calls.push(pieces.length);
      return nodeDeflateStream(pieces, level);
    };
    await deflateStreamed({ content: many(4, 100, 11), joined: 4 }, NODE_CODEC, counting);
    await deflateStreamed({ content: [bytes(100, 12)] }, NODE_CODEC, counting);
    await deflateStreamed({ content: many(4, 100, 13), joined: 3 }, NODE_CODEC, counting);
    await deflateStreamed({ content: many(2, 100, 14) }, NODE_CODEC, counting);
    expect(calls).toEqual([4, 1]);
  });
});
