import { inflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { NODE_CODEC } from "../../../src/cli/node-codec";
import { runsOf, writeZip } from "../../../src/hosts/xlsx/zip-write";

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
