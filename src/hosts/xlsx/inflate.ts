import { Inflate } from "fflate";
import { InputError } from "../../core/model/errors";
import { AsyncInflate, Codec, OutputLimitError } from "./codec";
import { crc32 } from "./crc32";
import {
  XlsxLimits,
  corrupt,
  encrypted,
  tooCompressed,
  tooLargePart,
  tooLargeTotal,
} from "./errors";
import { PackageBytes, ZipEntry } from "./zip-read";

/**
 * Compressed input is fed to the inflater in slices this small so that a zip bomb is caught after
 * at most ~1032 x 64 KiB (deflate's maximum expansion) of output, not after it has filled memory.
 */
const SLICE = 64 * 1024;

/** Counts inflated bytes across the parts of one package; each part is counted once. */
export class Budget {
  private used = 0;
  private readonly counted = new Set<string>();

  constructor(
    readonly limits: XlsxLimits,
    readonly codec?: Codec,
  ) {}

  /** The most bytes `entry` may inflate to before some limit breaks. */
  allowance(entry: ZipEntry): number {
    const { maxPartBytes, maxUnpackedBytes, maxCompressionRatio, ratioCheckFromBytes } =
      this.limits;
    const total = this.counted.has(entry.name) ? maxUnpackedBytes : maxUnpackedBytes - this.used;
    const ratio = Math.max(ratioCheckFromBytes, entry.compressedSize * maxCompressionRatio);
    return Math.max(0, Math.min(maxPartBytes, total, ratio));
  }

  /** Throws when `bytes` inflated so far for `entry` would break a limit. */
  check(entry: ZipEntry, bytes: number): void {
    const { maxPartBytes, maxUnpackedBytes, maxCompressionRatio, ratioCheckFromBytes } =
      this.limits;
    if (bytes > maxPartBytes) throw tooLargePart(entry.name, bytes, maxPartBytes);
    const total = this.counted.has(entry.name) ? this.used : this.used + bytes;
    if (total > maxUnpackedBytes) throw tooLargeTotal(total, maxUnpackedBytes);
    const ratio = bytes / Math.max(1, entry.compressedSize);
    if (bytes > ratioCheckFromBytes && ratio > maxCompressionRatio)
      throw tooCompressed(entry.name, ratio, maxCompressionRatio);
  }

  /** Whether `entry` was inflated whole, its size and CRC verified. */
  has(entry: ZipEntry): boolean {
    return this.counted.has(entry.name);
  }

  done(entry: ZipEntry, bytes: number): void {
    if (this.counted.has(entry.name)) return;
    this.counted.add(entry.name);
    this.used += bytes;
  }
}

/** The checks every inflation of an entry shares: before it, on each piece, and at the end. */
class Tally {
  private produced = 0;
  private crc = 0;
  /**
   * An entry inflated whole once was verified then: the package's bytes do not change, so its CRC
   * is not computed again when it is inflated again (file mode inflates its 160 MB member sheet a
   * second time to write it, and computes CRCs in JavaScript: 0.2-0.4 s). The size still is.
   */
  private readonly verified: boolean;

  constructor(
    private readonly entry: ZipEntry,
    private readonly budget: Budget,
    private readonly sink: (chunk: Uint8Array) => void,
  ) {
    this.verified = budget.has(entry);
    if (entry.flags & 1) throw encrypted();
    if (entry.method !== 0 && entry.method !== 8)
      throw corrupt(
        entry.name,
        `kiểu nén ${entry.method} không được hỗ trợ.`,
        `unsupported compression method ${entry.method}.`,
      );
    budget.check(entry, entry.size);
  }

  /** The entry's compressed bytes in the package. */
  data(pkg: PackageBytes): Uint8Array {
    return pkg.subarray(this.entry.dataStart, this.entry.dataStart + this.entry.compressedSize);
  }

  readonly take = (chunk: Uint8Array): void => {
    if (chunk.length === 0) return;
    this.produced += chunk.length;
    this.budget.check(this.entry, this.produced);
    if (!this.verified) {
      const { codec } = this.budget;
      this.crc = codec ? codec.crc32(chunk, this.crc) : crc32(chunk, this.crc);
    }
    this.sink(chunk);
  };

  /** What an inflater threw: our own refusals as they are, anything else as damage. */
  damage(e: unknown): InputError {
    if (e instanceof InputError) return e;
    return corrupt(this.entry.name, "dữ liệu nén bị hỏng.", "the compressed data is damaged.");
  }

  /** The declared size and CRC verified; the entry counted against the limits. */
  finish(): void {
    const { entry, produced } = this;
    if (produced !== entry.size)
      throw corrupt(
        entry.name,
        "kích thước khác với khai báo.",
        `it unpacks to ${produced} bytes, not the declared ${entry.size}.`,
      );
    if (!this.verified && this.crc !== entry.crc)
      throw corrupt(entry.name, "sai mã kiểm tra CRC.", "its CRC check fails.");
    this.budget.done(entry, produced);
  }
}

/**
 * Streams an entry's inflated bytes to `sink`, enforcing the budget on the bytes actually produced
 * and verifying the declared size and CRC at the end. Anything fflate throws is damage: "corrupt".
 */
export function inflateEntry(
  pkg: PackageBytes,
  entry: ZipEntry,
  budget: Budget,
  sink: (chunk: Uint8Array) => void,
  streamed = false,
): void {
  const tally = new Tally(entry, budget, sink);
  const { take } = tally;
  const data = tally.data(pkg);
  try {
    if (entry.method === 0) {
      for (let p = 0; p < data.length; p += 16 * SLICE) take(data.subarray(p, p + 16 * SLICE));
    } else if (budget.codec && !streamed) {
      const allowed = budget.allowance(entry);
      let out: Uint8Array;
      try {
        out = budget.codec.inflateRaw(data, allowed, Math.min(entry.size, allowed));
      } catch (e) {
        // The allowance is the tightest limit: checking one byte past it names the limit broken.
        if (e instanceof OutputLimitError) budget.check(entry, allowed + 1);
        throw e;
      }
      // Already whole: handed on in one piece, so that no sink copies it again to join slices.
      take(out);
    } else {
      const inflater = new Inflate(take);
      if (data.length === 0) inflater.push(data, true);
      for (let p = 0; p < data.length; p += SLICE)
        inflater.push(data.subarray(p, p + SLICE), p + SLICE >= data.length);
    }
  } catch (e) {
    throw tally.damage(e);
  }
  tally.finish();
}

/**
 * inflateEntry through an asynchronous inflater (the browser's native DecompressionStream), for a
 * deflated entry: the same budget on each piece, the same size and CRC checks at the end.
 */
export async function inflateEntryAsync(
  pkg: PackageBytes,
  entry: ZipEntry,
  budget: Budget,
  inflate: AsyncInflate,
  sink: (chunk: Uint8Array) => void,
): Promise<void> {
  if (entry.method !== 8) return inflateEntry(pkg, entry, budget, sink);
  const tally = new Tally(entry, budget, sink);
  try {
    await inflate(tally.data(pkg), tally.take);
  } catch (e) {
    throw tally.damage(e);
  }
  tally.finish();
}

/** An entry's inflated pieces gathered into one buffer, grown as they come. */
class Collector {
  private out: Uint8Array = new Uint8Array(0);
  private len = 0;
  /** The declared size is only a hint: a lying directory must not make us allocate a huge buffer. */
  private readonly plausible: number;

  constructor(
    private readonly pkg: PackageBytes,
    private readonly entry: ZipEntry,
    budget: Budget,
  ) {
    const { maxPartBytes, ratioCheckFromBytes, maxCompressionRatio } = budget.limits;
    this.plausible = Math.min(
      entry.size,
      maxPartBytes,
      Math.max(ratioCheckFromBytes, entry.compressedSize * maxCompressionRatio),
    );
  }

  readonly push = (chunk: Uint8Array): void => {
    // A codec's whole output is the part itself (inflateEntry gives it in one piece): kept as is.
    // A stored part's bytes are a view of the package, copied so that no edit can reach it.
    if (this.len === 0 && chunk.length === this.entry.size && chunk.buffer !== this.pkg.buffer) {
      this.out = chunk;
      this.len = chunk.length;
      return;
    }
    if (this.out.length === 0) this.out = new Uint8Array(this.plausible);
    if (this.len + chunk.length > this.out.length) {
      const grown = new Uint8Array(Math.max(this.out.length * 2, this.len + chunk.length));
      grown.set(this.out.subarray(0, this.len));
      this.out = grown;
    }
    this.out.set(chunk, this.len);
    this.len += chunk.length;
  };

  result(): Uint8Array {
    return this.len === this.out.length ? this.out : this.out.subarray(0, this.len);
  }
}

/** The whole inflated entry in one buffer (for parts that are edited or parsed as a whole). */
export function readEntry(pkg: PackageBytes, entry: ZipEntry, budget: Budget): Uint8Array {
  const collector = new Collector(pkg, entry, budget);
  inflateEntry(pkg, entry, budget, collector.push);
  return collector.result();
}

/** readEntry through an asynchronous inflater (see inflateEntryAsync). */
export async function readEntryAsync(
  pkg: PackageBytes,
  entry: ZipEntry,
  budget: Budget,
  inflate: AsyncInflate,
): Promise<Uint8Array> {
  const collector = new Collector(pkg, entry, budget);
  await inflateEntryAsync(pkg, entry, budget, inflate, collector.push);
  return collector.result();
}

/**
 * A part is verified by the host's codec (faster, but whole) only when it is small, as declared and
 * as compressed: a declared size may lie, and the codec could then hold up to the ratio's allowance.
 */
const VERIFY_WHOLE = 4 * 1024 * 1024;
const VERIFY_WHOLE_COMPRESSED = 64 * 1024;

/**
 * Inflates an entry to nowhere, to verify its size and CRC (and count it against the limits)
 * before it is copied as stored: a big part passes in 64 KiB slices and is never held.
 */
export function verifyEntry(pkg: PackageBytes, entry: ZipEntry, budget: Budget): void {
  const big = entry.size > VERIFY_WHOLE || entry.compressedSize > VERIFY_WHOLE_COMPRESSED;
  inflateEntry(pkg, entry, budget, () => undefined, big);
}
