/**
 * Raw deflate, pluggable. fflate (pure JavaScript) works everywhere, including the browser's file
 * mode; a host with a native zlib can supply it instead: Node's is 6-8 times faster on the 160 MB
 * members sheet of a country-size workbook, where compression dominates the check's time.
 */
export interface Codec {
  /**
   * Inflates raw deflate data whole. Must throw `OutputLimitError` as soon as the output would
   * exceed `maxOutput` bytes (a zip bomb must never fill memory), and any other error for damage.
   */
  inflateRaw(data: Uint8Array, maxOutput: number): Uint8Array;
  /**
   * Raw-deflates `data` at zlib `level` (0-9). With `more`, the stream is not finished but ends on
   * a byte boundary (a sync flush), so that the deflated next piece can follow it as is.
   */
  deflateRaw(data: Uint8Array, level: number, more?: boolean): Uint8Array;
  /** CRC-32 (IEEE) of `data` continuing from `crc`, unsigned; as the zip format uses. */
  crc32(data: Uint8Array, crc: number): number;
}

/** Thrown by a codec's inflateRaw when the output would pass its limit. */
export class OutputLimitError extends Error {
  constructor() {
    super("inflated output over the limit");
    this.name = "OutputLimitError";
  }
}

/**
 * An inflater that works only asynchronously: the browser's native DecompressionStream, several
 * times faster than fflate on a country's member sheet. Hands the raw deflate data's inflated bytes
 * to `sink` piece by piece; if `sink` throws (a limit broken), stops and rejects with that error.
 */
export type AsyncInflate = (data: Uint8Array, sink: (piece: Uint8Array) => void) => Promise<void>;
