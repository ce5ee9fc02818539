import { concat } from "./concat";
import { Feeder } from "./stream";

/**
 * A worksheet's bytes from the tag that ends its <sheetData> on, kept as the part was read, and
 * where they start in it. Applying highlights rewrites only what follows that tag, so the part's
 * first bytes can then be streamed from the stored part into the new one (Recompress) rather than
 * inflated whole again: a country's member sheet is 160 MB inflated (issue 15).
 */
export interface KeptTail {
  /** Where the end tag's "<" is in the inflated part. */
  readonly at: number;
  readonly bytes: Uint8Array;
  /**
   * The part's bytes just before `at`, up to LEAD_BYTES of them (fewer at the part's start): the
   * rows a rewrite deflates again after the last block of the stored stream it keeps (splicedStart).
   */
  readonly lead: Uint8Array;
}

/** The longest tail kept: past it (a huge extLst, say), the part is rewritten whole as before. */
export const MAX_KEPT_TAIL = 1024 * 1024;

/**
 * Bytes kept before the tail: a worksheet's deflate blocks hold about 200 KB of it when zlib
 * wrote them (LibreOffice, ExcelJS), up to 180 KB (Mac) and 313 KB (Windows) in files Excel
 * saved (ExcelJS's test data), so the last block that starts before the tail starts within this.
 */
export const LEAD_BYTES = 1024 * 1024;

const isUtf16 = (b: Uint8Array): boolean =>
  (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * Stands between an inflater and the Feeder of a worksheet's parser, holding on to the pieces
 * that may still contain the tail: those the parser has not consumed, and from the end tag on
 * once it has read it. A piece is a view the inflater gave; only the tail is copied, at the end.
 */
export class TailKeeper {
  private pieces: Uint8Array[] = [];
  /** Where pieces[0] starts in the part. */
  private first = 0;
  private total = 0;
  /** A UTF-16 part (its offsets are not the stored bytes'), or a tail too long to keep. */
  private off = false;

  /** `endTagAt` says where the parser found the end tag, or -1 (see SheetParser.endTagAt). */
  constructor(
    private readonly feeder: Feeder,
    private readonly endTagAt: () => number,
  ) {}

  readonly push = (piece: Uint8Array): void => {
    if (this.total === 0 && piece.length > 0 && isUtf16(piece)) this.off = true;
    this.feeder.push(piece);
    if (this.off) return;
    this.pieces.push(piece);
    this.total += piece.length;
    const at = this.endTagAt();
    const floor = (at >= 0 ? at : this.feeder.consumed) - LEAD_BYTES;
    while (this.pieces.length > 0 && this.first + this.pieces[0]!.length <= floor)
      this.first += this.pieces.shift()!.length;
    if (at >= 0 && this.total - at > MAX_KEPT_TAIL) {
      this.off = true;
      this.pieces = [];
    }
  };

  /** Once the part was read whole: its tail, or undefined when it has none to keep. */
  result(): KeptTail | undefined {
    const at = this.endTagAt();
    if (this.off || at < 0 || at < this.first) return undefined;
    const held = concat(this.pieces, this.total - this.first);
    const from = Math.max(this.first, at - LEAD_BYTES);
    // Copies: a view would keep the inflater's last piece (or a whole part) alive with it.
    return {
      at,
      bytes: held.slice(at - this.first),
      lead: held.slice(from - this.first, at - this.first),
    };
  }
}
