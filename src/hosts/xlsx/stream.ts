import { AsyncInflate } from "./codec";
import { Budget, inflateEntry, inflateEntryAsync } from "./inflate";
import { PackageBytes, ZipEntry } from "./zip-read";
import { concat } from "./concat";

/** A parser fed with growing windows of a part's bytes. */
export interface ChunkParser {
  /**
   * Parses what is complete in `buf`; returns how many bytes it consumed. `at` is where `buf`
   * starts in the part (what was consumed before it; 0 when not given).
   */
  feed(buf: Uint8Array, final: boolean, at?: number): number;
}

const isUtf16 = (b: Uint8Array): boolean =>
  (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * A carried tail is joined to this much of the next piece (the bridge), not to all of it: the
 * construct it ends (a register's row is a kilobyte or less) mostly ends there, and the rest of the
 * piece is then parsed where it lies. Small, since each join is a new buffer, and new buffers cost
 * page faults: in Chromium, whose inflater gives 64 KiB pieces, joining each whole took 1.4 s of
 * a country's check (issue 15).
 */
export const BRIDGE = 8 * 1024;

/**
 * Feeds a parser the pieces of a part as they arrive, so the whole inflated part never sits in
 * memory: only the unconsumed tail of the previous piece is carried over. A construct longer than
 * a piece (a huge row) waits until the carried bytes have doubled, which keeps re-parsing linear.
 * The carried tail (a row cut by the piece's end) is joined to the start of the next piece only
 * (BRIDGE): joined to all of it, every byte of a country's 160 MB member sheet was copied once more
 * (0.3 s, issue 15).
 */
export class Feeder {
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private pushed = 0;
  private wait = 0;
  private utf16: boolean | undefined;

  constructor(private readonly parser: ChunkParser) {}

  readonly push = (chunk: Uint8Array): void => {
    this.utf16 ??= isUtf16(chunk);
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    this.pushed += chunk.length;
    if (!this.utf16 && this.pendingLength >= this.wait) this.run(false);
  };

  /** How many bytes of the part the parser has consumed (in a UTF-16 part: none until finish). */
  get consumed(): number {
    return this.pushed - this.pendingLength;
  }

  finish(): void {
    if (this.utf16) {
      // XML parts may legally be UTF-16; rare enough to convert whole rather than stream.
      const all = concat(this.pending, this.pendingLength);
      const label = all[0] === 0xff ? "utf-16le" : "utf-16be";
      const utf8 = new TextEncoder().encode(new TextDecoder(label).decode(all));
      this.pending = [utf8];
      this.pendingLength = utf8.length;
      // Offsets are then in the UTF-8 text, as the parser reads it.
      this.pushed = utf8.length;
    }
    this.run(true);
  }

  /**
   * A short carried tail and a long new piece: the parser first gets the tail and the piece's
   * start; once it has read past the tail, what is left is a view of the piece, not a copy. If it
   * cannot (a construct longer than the bridge), nothing was consumed and all is joined as before.
   */
  private bridge(): void {
    if (this.pending.length !== 2) return;
    const [carry, piece] = this.pending as [Uint8Array, Uint8Array];
    if (carry.length >= BRIDGE || piece.length <= 2 * BRIDGE) return;
    const joined = concat([carry, piece.subarray(0, BRIDGE)], carry.length + BRIDGE);
    // Not final: the piece goes on after the bridge.
    const used = this.parser.feed(joined, false, this.consumed);
    if (used === 0) return;
    this.pending =
      used >= carry.length
        ? [piece.subarray(used - carry.length)]
        : [joined.subarray(used), piece.subarray(BRIDGE)];
    this.pendingLength -= used;
  }

  private run(final: boolean): void {
    this.bridge();
    const buf = concat(this.pending, this.pendingLength);
    const used = this.parser.feed(buf, final, this.consumed);
    this.pending = used < buf.length ? [buf.subarray(used)] : [];
    this.pendingLength = buf.length - used;
    this.wait = used === 0 ? buf.length * 2 : 0;
  }
}

/** What stands between the inflater and the feeder, when something does (a TailKeeper). */
export type Through = (feeder: Feeder) => (piece: Uint8Array) => void;

/** Inflates a part and parses it as it arrives (see Feeder). */
export function streamParse(
  pkg: PackageBytes,
  entry: ZipEntry,
  budget: Budget,
  parser: ChunkParser,
  through?: Through,
): void {
  const feeder = new Feeder(parser);
  inflateEntry(pkg, entry, budget, through ? through(feeder) : feeder.push);
  feeder.finish();
}

/** streamParse through an asynchronous inflater (see inflateEntryAsync). */
export async function streamParseAsync(
  pkg: PackageBytes,
  entry: ZipEntry,
  budget: Budget,
  inflate: AsyncInflate,
  parser: ChunkParser,
  through?: Through,
): Promise<void> {
  const feeder = new Feeder(parser);
  await inflateEntryAsync(pkg, entry, budget, inflate, through ? through(feeder) : feeder.push);
  feeder.finish();
}
