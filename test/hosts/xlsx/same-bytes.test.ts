/**
 * sameBytes decides whether an XML part is rewritten (an unchanged one keeps its stored bytes): it
 * must agree with a byte-wise comparison, including on the last byte.
 */
import fc from "fast-check";
import { sameBytes, samePieces } from "../../../src/hosts/xlsx/package-changes";

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

/** A generated sheet is compared with the stored part in its pieces, never joined (samePieces). */
describe("samePieces", () => {
  /** `b` cut into pieces at the given points (taken modulo its length, sorted). */
  const cut = (b: Uint8Array, at: readonly number[]): Uint8Array[] => {
    const points = [...new Set(at.map((x) => (b.length ? x % (b.length + 1) : 0)))].sort(
      (x, y) => x - y,
    );
    const pieces: Uint8Array[] = [];
    let from = 0;
    for (const p of points) {
      pieces.push(b.subarray(from, p));
      from = p;
    }
    pieces.push(b.subarray(from));
    return pieces;
  };

  it("agrees with sameBytes on the pieces joined, wherever they are cut", () => {
    fc.assert(
      fc.property(
        fc.uint8Array(),
        fc.uint8Array(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (a, b, at) => {
          expect(samePieces(a, cut(b, at))).toBe(sameBytes(a, b));
          expect(samePieces(a, cut(a.slice(), at))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("tells a part from pieces that are a byte short, a byte over, or differ in the last piece", () => {
    const a = Uint8Array.of(1, 2, 3, 4);
    expect(samePieces(a, [Uint8Array.of(1, 2), Uint8Array.of(3)])).toBe(false);
    expect(samePieces(a, [Uint8Array.of(1, 2), Uint8Array.of(3, 4, 5)])).toBe(false);
    expect(samePieces(a, [Uint8Array.of(1, 2), Uint8Array.of(3, 5)])).toBe(false);
    expect(samePieces(a, [Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3, 4)])).toBe(true);
    expect(samePieces(new Uint8Array(0), [])).toBe(true);
  });
});
