import { AsyncInflate } from "./codec";
import { Budget, inflateEntry, inflateEntryAsync } from "./inflate";
import { ZipEntry } from "./zip-read";
import { concat } from "./concat";

/** A parser fed with growing windows of a part's bytes. */
export interface ChunkParser {
  /** Parses what is complete in `buf`; returns how many bytes it consumed. */
  feed(buf: Uint8Array, final: boolean): number;
}

const isUtf16 = (b: Uint8Array): boolean =>
  (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * Feeds a parser the pieces of a part as they arrive, so the whole inflated part never sits in
 * memory: only the unconsumed tail of the previous piece is carried over. A construct longer than
 * a piece (a huge row) waits until the carried bytes have doubled, which keeps re-parsing linear.
 */
class Feeder {
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private wait = 0;
  private utf16: boolean | undefined;

  constructor(private readonly parser: ChunkParser) {}

  readonly push = (chunk: Uint8Array): void => {
    this.utf16 ??= isUtf16(chunk);
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (!this.utf16 && this.pendingLength >= this.wait) this.run(false);
  };

  finish(): void {
    if (this.utf16) {
      // XML parts may legally be UTF-16; rare enough to convert whole rather than stream.
      const all = concat(this.pending, this.pendingLength);
      const label = all[0] === 0xff ? "utf-16le" : "utf-16be";
      const utf8 = new TextEncoder().encode(new TextDecoder(label).decode(all));
      this.pending = [utf8];
      this.pendingLength = utf8.length;
    }
    this.run(true);
  }

  private run(final: boolean): void {
    const buf = concat(this.pending, this.pendingLength);
    const used = this.parser.feed(buf, final);
    this.pending = used < buf.length ? [buf.subarray(used)] : [];
    this.pendingLength = buf.length - used;
    this.wait = used === 0 ? buf.length * 2 : 0;
  }
}

/** Inflates a part and parses it as it arrives (see Feeder). */
export function streamParse(
  pkg: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  parser: ChunkParser,
): void {
  const feeder = new Feeder(parser);
  inflateEntry(pkg, entry, budget, feeder.push);
  feeder.finish();
}

/** streamParse through an asynchronous inflater (see inflateEntryAsync). */
export async function streamParseAsync(
  pkg: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  inflate: AsyncInflate,
  parser: ChunkParser,
): Promise<void> {
  const feeder = new Feeder(parser);
  await inflateEntryAsync(pkg, entry, budget, inflate, feeder.push);
  feeder.finish();
}
