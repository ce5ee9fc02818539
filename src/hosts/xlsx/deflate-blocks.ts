/**
 * Where the blocks of a raw deflate stream begin, found by decoding its codes without writing
 * what they stand for. A big worksheet given highlights changes only after its rows: the stored
 * stream up to the last block that starts before the change can be kept bit for bit, and only
 * what follows deflated again (see splicedStart), rather than inflating and deflating a
 * country's 160 MB member sheet (issue 15).
 */

/** A block's start: the bit of its header in the compressed stream, and the bytes inflated before it. */
export interface BlockStart {
  readonly bit: number;
  readonly byte: number;
}

/** Order of the code length code lengths (RFC 1951, 3.2.7). */
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
/** Base lengths and their extra bits, for length codes 257-285. */
const LEN_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LEN_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
/** Extra bits of distance codes 0-29. */
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];

/** The stream is not one this scanner can follow; the caller falls back to inflating it. */
export class DeflateScanError extends Error {}

/** Codes up to this long are looked up in one step; longer ones (rare by design) bit by bit. */
const PRIMARY = 10;
/** A table entry for the first PRIMARY bits of a longer code. */
const LONG = -1;

/**
 * A canonical Huffman code. `entries` is a lookup table on the next `bits` bits of input (least
 * significant first, as deflate stores codes reversed): the symbol shifted left by 4 and the
 * code's length, LONG where a longer code starts, 0 where no code does. A whole table per block
 * for codes of up to 15 bits took more time to fill than the block took to walk.
 */
interface Code {
  readonly entries: Int32Array;
  readonly bits: number;
  /** How many codes have each length, and the symbols in the order of their codes (for LONG). */
  readonly perLength: Int32Array;
  readonly symbols: Int32Array;
}

function codeOf(lengths: ArrayLike<number>, count: number): Code {
  const perLength = new Int32Array(16);
  let longest = 0;
  for (let i = 0; i < count; i++) {
    perLength[lengths[i]]++;
    if (lengths[i] > longest) longest = lengths[i];
  }
  perLength[0] = 0;
  const next = new Int32Array(16);
  const offsets = new Int32Array(16);
  let code = 0;
  for (let len = 1; len <= 15; len++) {
    code = (code + perLength[len - 1]) << 1;
    next[len] = code;
    if (code + perLength[len] > 1 << len) throw new DeflateScanError("over-subscribed code");
    if (len < 15) offsets[len + 1] = offsets[len] + perLength[len];
  }
  const bits = Math.min(longest, PRIMARY);
  const entries = new Int32Array(1 << bits);
  const symbols = new Int32Array(count);
  for (let sym = 0; sym < count; sym++) {
    const len = lengths[sym];
    if (len === 0) continue;
    symbols[offsets[len]++] = sym;
    let c = next[len]++;
    let reversed = 0;
    for (let i = 0; i < len; i++, c >>= 1) reversed = (reversed << 1) | (c & 1);
    if (len > bits) entries[reversed & ((1 << bits) - 1)] = LONG;
    else for (let r = reversed; r < entries.length; r += 1 << len) entries[r] = (sym << 4) | len;
  }
  return { entries, bits, perLength, symbols };
}

/** A code longer than the table's bits, read a bit at a time (as zlib's puff.c decodes): its entry. */
function longCode(data: Uint8Array, pos: number, code: Code): number {
  let value = 0;
  let first = 0;
  let index = 0;
  for (let len = 1; len <= 15; len++, pos++) {
    value |= (data[pos >> 3] >> (pos & 7)) & 1;
    const count = code.perLength[len];
    if (value - count < first) return (code.symbols[index + value - first] << 4) | len;
    index += count;
    first = (first + count) << 1;
    value <<= 1;
  }
  throw new DeflateScanError("bad code");
}

const FIXED_LIT = codeOf(
  Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)),
  288,
);
const FIXED_DIST = codeOf(new Array<number>(30).fill(5), 30);

/** Bit positions are 32-bit integers: a stream this long (256 MiB) is not walked. */
export const MAX_WALKED_BYTES = 2 ** 28 - 8;

/**
 * Calls `onStart` with every block start of a raw deflate stream, in order, and returns the end
 * of the stream (the bit after its final block, the bytes it inflates to). Nothing is kept: a
 * hostile stream of ten-bit blocks has millions of them. Throws DeflateScanError on a stream it
 * cannot follow to its final block within `data`, or longer than MAX_WALKED_BYTES.
 */
export function walkDeflateBlocks(
  data: Uint8Array,
  onStart: (bit: number, byte: number) => void,
): BlockStart {
  if (data.length > MAX_WALKED_BYTES) throw new DeflateScanError("too long to walk");
  const end = data.length * 8;
  // Reads `n` (up to 24) bits at bit `p`; bytes past the data read as 0 (checked against `end`).
  const peek = (p: number): number => {
    const i = p >> 3;
    return (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) >>> (p & 7);
  };
  let pos = 0;
  let out = 0;
  for (;;) {
    onStart(pos, out);
    const head = peek(pos) & 7;
    pos += 3;
    const type = head >> 1;
    if (type === 0) {
      pos = (pos + 7) & ~7;
      const len = data[pos >> 3] | (data[(pos >> 3) + 1] << 8);
      const nlen = data[(pos >> 3) + 2] | (data[(pos >> 3) + 3] << 8);
      if ((len ^ 0xffff) !== nlen) throw new DeflateScanError("bad stored block length");
      pos += 32 + len * 8;
      out += len;
    } else if (type === 1 || type === 2) {
      let lit = FIXED_LIT;
      let dist = FIXED_DIST;
      if (type === 2) {
        const h = peek(pos);
        const hlit = (h & 31) + 257;
        const hdist = ((h >> 5) & 31) + 1;
        const hclen = ((h >> 10) & 15) + 4;
        pos += 14;
        const clen = new Uint8Array(19);
        for (let i = 0; i < hclen; i++, pos += 3) clen[CLEN_ORDER[i]] = peek(pos) & 7;
        const ct = codeOf(clen, 19);
        const lengths = new Uint8Array(hlit + hdist);
        for (let i = 0; i < hlit + hdist;) {
          const e = ct.entries[peek(pos) & ((1 << ct.bits) - 1)];
          if (e === 0) throw new DeflateScanError("bad code length code");
          pos += e & 15;
          const sym = e >> 4;
          if (sym < 16) lengths[i++] = sym;
          else {
            let times: number;
            let value = 0;
            if (sym === 16) {
              if (i === 0) throw new DeflateScanError("repeat with no length before it");
              value = lengths[i - 1];
              times = 3 + (peek(pos) & 3);
              pos += 2;
            } else if (sym === 17) {
              times = 3 + (peek(pos) & 7);
              pos += 3;
            } else {
              times = 11 + (peek(pos) & 127);
              pos += 7;
            }
            if (i + times > hlit + hdist) throw new DeflateScanError("code lengths overrun");
            lengths.fill(value, i, i + times);
            i += times;
          }
        }
        lit = codeOf(lengths.subarray(0, hlit), hlit);
        dist = codeOf(lengths.subarray(hlit), hdist);
      }
      const litMask = (1 << lit.bits) - 1;
      const distMask = (1 << dist.bits) - 1;
      const litEntries = lit.entries;
      const distEntries = dist.entries;
      for (;;) {
        if (pos > end) throw new DeflateScanError("stream ends inside a block");
        let e = litEntries[peek(pos) & litMask];
        if (e <= 0) {
          if (e === 0) throw new DeflateScanError("bad literal/length code");
          e = longCode(data, pos, lit);
        }
        pos += e & 15;
        const sym = e >> 4;
        if (sym < 256) {
          out++;
          continue;
        }
        if (sym === 256) break;
        const li = sym - 257;
        if (li >= 29) throw new DeflateScanError("bad length code");
        const extra = LEN_EXTRA[li];
        out += LEN_BASE[li] + (peek(pos) & ((1 << extra) - 1));
        pos += extra;
        let d = distEntries[peek(pos) & distMask];
        if (d === LONG) d = longCode(data, pos, dist);
        if (d === 0 || d >> 4 >= 30) throw new DeflateScanError("bad distance code");
        pos += (d & 15) + DIST_EXTRA[d >> 4];
      }
    } else throw new DeflateScanError("reserved block type");
    if (pos > end) throw new DeflateScanError("stream ends inside a block");
    if (head & 1) {
      return { bit: pos, byte: out };
    }
  }
}

/** Every block start of a raw deflate stream, then its end (see walkDeflateBlocks): for tests. */
export function deflateBlockStarts(data: Uint8Array): BlockStart[] {
  const starts: BlockStart[] = [];
  starts.push(walkDeflateBlocks(data, (bit, byte) => starts.push({ bit, byte })));
  return starts;
}
