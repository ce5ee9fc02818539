import { Codec } from "./codec";
import { concat } from "./concat";
import { Deflated } from "./zip-assemble";
import { sameBytes } from "./package-changes";
import { BIG_LEVEL, BIG_PART, CODEC_RUN } from "./zip-write";

/**
 * What a generated sheet's start became once its tail was known (DeflatingPieces.finish): a big
 * part deflated as it was made, or a small one's pieces, which are written as they always were.
 */
export type Finished =
  | { readonly kind: "deflated"; readonly deflated: Deflated; readonly same: boolean }
  | { readonly kind: "pieces"; readonly start: readonly Uint8Array[]; readonly old?: Uint8Array };

/**
 * A generated sheet's start taken as it is made, and deflated by the codec in runs of CODEC_RUN
 * bytes or more as soon as the part is known to be big (past BIG_PART: deflated at levelFor's
 * BIG_LEVEL, whatever its end). A country's findings and results sheets are 26 and 12 MB of
 * UTF-8: held whole until written, with the plan that made them, they were the writing stage's
 * peak (issue 15); deflated as they come, 3.7 MB. Each run but the last ends on a byte boundary
 * (Codec.deflateRaw with `more`), so the runs joined are one raw deflate stream, 0.35% larger
 * than one made in a single pass. A part that stays small is kept as its pieces.
 *
 * `old`: the part this one replaces, compared as the bytes come (`same`), so that an unchanged
 * sheet keeps its stored bytes without its new bytes being held.
 */
export class DeflatingPieces {
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  private readonly out: Uint8Array[] = [];
  private size = 0;
  private crc = 0;
  private same: boolean;
  /** Past BIG_PART: deflated as it comes. */
  big = false;
  /** What of the old part is still to compare, and where it is in the old part. */
  private old: Uint8Array | undefined;
  private oldAt = 0;

  constructor(
    private readonly codec: Codec,
    old?: Uint8Array,
  ) {
    this.old = old;
    this.same = old !== undefined;
  }

  /**
   * The start is all given. An old part that differs already is let go of; a big part keeps only
   * what of the old follows its start, to compare with the tail (a re-run's old findings sheet is
   * not held while the other sheets are made). A small one keeps it whole (Finished's `old`).
   */
  startDone(): void {
    if (!this.old) return;
    if (!this.same) this.old = undefined;
    else if (this.big) {
      this.old = this.old.slice(this.size - this.oldAt);
      this.oldAt = this.size;
    }
  }

  add(piece: Uint8Array): void {
    this.crc = this.codec.crc32(piece, this.crc);
    if (this.same) this.same = this.matches(piece);
    this.size += piece.length;
    this.held.push(piece);
    this.heldBytes += piece.length;
    if (this.heldBytes > BIG_PART) this.big = true;
    if (this.big && this.heldBytes >= CODEC_RUN) this.flush(true);
  }

  /** The part ended by `tail`: deflated, or its start's pieces when it stayed small. */
  finish(tail: Uint8Array): Finished {
    if (!this.big) return { kind: "pieces", start: this.held, ...(this.old && { old: this.old }) };
    this.crc = this.codec.crc32(tail, this.crc);
    if (this.same)
      this.same = this.matches(tail) && this.size + tail.length === this.oldAt + this.old!.length;
    this.size += tail.length;
    this.held.push(tail);
    this.heldBytes += tail.length;
    this.flush(false);
    return {
      kind: "deflated",
      deflated: { data: this.out, crc: this.crc, size: this.size },
      same: this.same,
    };
  }

  /** Whether the old part holds `piece` where this one has come to. */
  private matches(piece: Uint8Array): boolean {
    const at = this.size - this.oldAt;
    return sameBytes(this.old!.subarray(at, at + piece.length), piece);
  }

  private flush(more: boolean): void {
    const run = concat(this.held, this.heldBytes);
    this.out.push(this.codec.deflateRaw(run, BIG_LEVEL, more));
    this.held = [];
    this.heldBytes = 0;
  }
}
