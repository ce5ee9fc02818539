import type { Codec } from "./codec";

/**
 * CRC-32 (IEEE), slicing-by-8: zip entries carry one, we verify it on read (a flipped bit in a
 * stored or deflated part must not pass as data) and compute it for every part we write.
 */
const TABLES: Int32Array[] = (() => {
  const t0 = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[i] = c;
  }
  const tables = [t0];
  for (let t = 1; t < 8; t++) {
    const prev = tables[t - 1]!;
    const next = new Int32Array(256);
    for (let i = 0; i < 256; i++) next[i] = (prev[i]! >>> 8) ^ t0[prev[i]! & 0xff]!;
    tables.push(next);
  }
  return tables;
})();

/** The CRC of pieces in order: by the codec's own where there is one (native), else ours. */
export function crc32OfPieces(pieces: readonly Uint8Array[], codec: Codec | undefined): number {
  let crc = 0;
  for (const piece of pieces) crc = codec ? codec.crc32(piece, crc) : crc32(piece, crc);
  return crc;
}

/** Continues `crc` (start with 0) over `data`; returns the unsigned CRC so far. */
export function crc32(data: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  let c = ~crc;
  const n = data.length;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const a = c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    c =
      t7[a & 0xff]! ^
      t6[(a >>> 8) & 0xff]! ^
      t5[(a >>> 16) & 0xff]! ^
      t4[a >>> 24]! ^
      t3[data[i + 4]!]! ^
      t2[data[i + 5]!]! ^
      t1[data[i + 6]!]! ^
      t0[data[i + 7]!]!;
  }
  for (; i < n; i++) c = t0[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** x^0, the polynomial 1, in CRC-32's reflected representation (bit 31 is x^0). */
const ONE = 0x80000000;
/** x^-1 modulo CRC-32's polynomial, reflected: x is invertible since the polynomial ends in +1. */
const X_INVERSE = 0xdb710641;

/** a·b modulo CRC-32's polynomial, both reflected (zlib's multmodp). */
function multiply(a: number, b: number): number {
  if (a === 0) return 0;
  let p = 0;
  for (let m = ONE; ; m >>>= 1) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    b = b & 1 ? (b >>> 1) ^ 0xedb88320 : b >>> 1;
  }
  return p >>> 0;
}

/** x^(-8n): shifting the CRC register back over n bytes. */
function backOver(n: number): number {
  let result = ONE;
  let base = X_INVERSE;
  for (let e = n * 8; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = multiply(result, base);
    base = multiply(base, base);
  }
  return result;
}

/**
 * The CRC-32 of a part's start, from the CRC of the whole part and that of the rest (of `restLength`
 * bytes): zlib's crc32_combine undone (crc(AB) = crc(A)·x^(8|B|) + crc(B)). A country's member
 * sheet is rewritten keeping its first 160 MB; their CRC is known from the entry's, verified as the
 * sheet was read, without reading them again (0.25 s of zlib's crc32, issue 15).
 */
export function crc32OfStart(whole: number, rest: number, restLength: number): number {
  return multiply(backOver(restLength), (whole ^ rest) >>> 0);
}
