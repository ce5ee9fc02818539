/**
 * sameBytes decides whether an XML part is rewritten (an unchanged one keeps its stored bytes): it
 * must agree with a byte-wise comparison, including on the last byte.
 */
import fc from "fast-check";
import { sameBytes } from "../../../src/hosts/xlsx/package-changes";

describe("sameBytes", () => {
  it("agrees with Buffer.compare on any two arrays, and on a copy with one byte changed", () => {
    fc.assert(
      fc.property(fc.uint8Array(), fc.uint8Array(), fc.nat(), (a, b, at) => {
        expect(sameBytes(a, b)).toBe(Buffer.compare(a, b) === 0);
        expect(sameBytes(a, a.slice())).toBe(true);
        if (a.length > 0) {
          const changed = a.slice();
          changed[at % a.length] ^= 1;
          expect(sameBytes(a, changed)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("tells parts apart by length, and by their very last byte", () => {
    expect(sameBytes(new Uint8Array(3), new Uint8Array(4))).toBe(false);
    expect(sameBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(sameBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
});
