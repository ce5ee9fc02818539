import fc from "fast-check";
import { crc32 as zlibCrc32 } from "node:zlib";
import { crc32, crc32OfStart } from "../../../src/hosts/xlsx/crc32";

/**
 * A part rewritten from a kept start takes that start's CRC from the whole part's and the rest's
 * (crc32OfStart): it must be the CRC of exactly those bytes, wherever the part is cut.
 */
describe("the CRC of a part's start, from the whole part's (crc32OfStart)", () => {
  test("is the CRC of the start, for any bytes and any cut", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.nat(), (bytes, at) => {
        const cut = bytes.length === 0 ? 0 : at % (bytes.length + 1);
        const start = bytes.subarray(0, cut);
        const rest = bytes.subarray(cut);
        expect(crc32OfStart(crc32(bytes), crc32(rest), rest.length)).toBe(crc32(start));
      }),
      { numRuns: 500 },
    );
  });

  test("holds for rests of megabytes too, as zlib computes them", () => {
    const bytes = Uint8Array.from({ length: 3_000_000 }, (_, i) => (i * 2654435761) >>> 24);
    for (const cut of [0, 1, 2_000_000, 2_999_999]) {
      const rest = bytes.subarray(cut);
      expect(crc32OfStart(zlibCrc32(bytes), zlibCrc32(rest), rest.length)).toBe(
        zlibCrc32(bytes.subarray(0, cut)),
      );
    }
  });
});
