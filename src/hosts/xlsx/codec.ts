/**
 * Raw deflate, pluggable. fflate (pure JavaScript) works everywhere, including the browser's file
 * mode; a host with a native zlib can supply it instead. On the 160 MB member sheet of a
 * country-size workbook Node's inflates whole in 0.55-1 s against fflate's 2 s, and deflates at
 * level 3 in 0.8 s against 1.8-2 s (issue 15).
 */
export interface Codec {
  /**
   * Inflates raw deflate data whole. Must throw `OutputLimitError` as soon as the output would
   * exceed `maxOutput` bytes (a zip bomb must never fill memory), and any other error for damage.
   * `sizeHint` is the size the zip directory declares (at most `maxOutput`): a codec may allocate
   * its output for it, but must give the true output whatever the directory said.
   */
  inflateRaw(data: Uint8Array, maxOutput: number, sizeHint?: number): Uint8Array;
  /**
   * Raw-deflates `data` at zlib `level` (0-9). With `more`, the stream is not finished but ends on
   * a byte boundary (a sync flush), so that the deflated next piece can follow it as is.
   */
  deflateRaw(data: Uint8Array, level: number, more?: boolean): Uint8Array;
  /** CRC-32 (IEEE) of `data` continuing from `crc`, unsigned; as the zip format uses. */
  crc32(data: Uint8Array, crc: number): number;
}

/**
 * Raw-deflates `pieces` at zlib `level` as one finished stream: the bytes Codec.deflateRaw gives
 * for the pieces joined, without joining them (a country's findings sheet is 26 MB), and off this
 * thread where the platform can (Node's zlib works on its thread pool).
 */
export type StreamDeflate = (pieces: readonly Uint8Array[], level: number) => Promise<Uint8Array[]>;

/** Thrown by a codec's inflateRaw when the output would pass its limit. */
export class OutputLimitError extends Error {
  constructor() {
    super("inflated output over the limit");
    this.name = "OutputLimitError";
  }
}

/**
 * An inflater that works only asynchronously: the platform's DecompressionStream (nativeInflate).
 * Hands the raw deflate data's inflated bytes to `sink` piece by piece; if `sink` throws (a limit
 * broken), stops and rejects with that error.
 */
export type AsyncInflate = (data: Uint8Array, sink: (piece: Uint8Array) => void) => Promise<void>;

/**
 * A kept start recompressed: its deflated pieces, which end on a byte boundary, and its bytes past
 * them still to be deflated with the new tail (`rest`: a run deflater's last, partial run).
 */
export interface Recompressed {
  readonly deflated: readonly Uint8Array[];
  readonly rest: Uint8Array;
}

/**
 * How much of a part to keep when that is known only once the part has been read (file mode starts
 * recompressing as reading begins): at least `atLeast` bytes and at most `atMost` (the size the
 * directory declares: no more is ever inflated, whatever the data holds), `known` once read;
 * `known` rejects when nothing is to be kept after all (the work is then stopped too).
 */
export interface LaterKeep {
  readonly atLeast: number;
  readonly atMost: number;
  readonly known: Promise<number>;
}

/**
 * Inflates raw deflate `data` as a stream into a deflater at zlib `level`, keeping the first
 * `keep` bytes of the output and no more: a big part whose start is kept is rewritten without ever
 * being held whole. The deflated pieces must be the bytes the package's writer gives for those
 * bytes: next to a codec, one stream ended by a sync flush (as Codec.deflateRaw with `more`), with
 * no rest; without one, the start's whole runs of RUN_BYTES each deflated as deflateRun does (not
 * last), the bytes past them the rest (recompressRuns). Their CRC is the caller's (crc32OfStart).
 * Rejects when the data inflates to fewer than `keep` bytes, is damaged, or `signal` aborts it
 * (its work then stops). The data was verified when it was read, or is being read (LaterKeep).
 */
export type Recompress = (
  data: Uint8Array,
  keep: number | LaterKeep,
  level: number,
  signal?: AbortSignal,
) => Promise<Recompressed>;
