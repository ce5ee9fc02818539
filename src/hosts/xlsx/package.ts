import { lengthOf } from "./concat";
import { crc32OfPieces } from "./crc32";
import { AsyncInflate, Codec } from "./codec";
import { corrupt, XlsxLimits } from "./errors";
import { Budget, readEntry, readEntryAsync, verifyEntry } from "./inflate";
import { attributes, children, parsePart, rootElement } from "./xml";
import { PackageBytes, ZipEntry, readZip } from "./zip-read";

/** A relationship with its target resolved to a part name ("xl/worksheets/sheet1.xml"). */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Resolved part name for internal targets; the raw target for external ones. */
  readonly target: string;
  readonly external: boolean;
}

/** "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export const dirOf = (part: string): string => part.slice(0, part.lastIndexOf("/") + 1);

/** Resolves a relationship target, relative to its source part or absolute ("/xl/..."). */
export function resolveTarget(source: string, target: string): string {
  const path = target.split(/[?#]/)[0]!;
  const segments = (path.startsWith("/") ? path : dirOf(source) + path).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder().decode(bytes);
}

/** Parts we rewrite are always written as UTF-8, so their declaration must say so. */
export function encodeXml(xml: string): Uint8Array {
  const fixed = xml.replace(/^(\s*<\?xml[^>]*?encoding\s*=\s*["'])utf-16(["'])/i, "$1UTF-8$2");
  return new TextEncoder().encode(fixed);
}

/** A part as UTF-8 bytes: UTF-16 parts (legal, rare) are converted before byte-level edits. */
export function asUtf8(bytes: Uint8Array): Uint8Array {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return utf16 ? encodeXml(decodeXml(bytes)) : bytes;
}

/**
 * Where a package's bytes can be read again: the command line's input file, kept open. Each range
 * is read as it is when asked for; a source whose file changed since the package was opened throws
 * InputError rather than give other bytes.
 */
export interface PackageSource {
  read(begin: number, end: number): Uint8Array;
}

/** The zip's entries by part name, with lazily inflated, budgeted reads. */
export class Package implements PackageBytes {
  readonly entries: readonly ZipEntry[];
  readonly budget: Budget;
  private readonly byName = new Map<string, ZipEntry>();
  /** The package's bytes; none once let go of (rest), until something needs them whole. */
  private held: Uint8Array | undefined;
  private readonly length: number;

  constructor(
    bytes: Uint8Array,
    readonly limits: XlsxLimits,
    readonly codec?: Codec,
    /**
     * True for a package we wrote (Package.ours): every part's CRC was computed by our writer or
     * verified before it was copied, so copying them again verifies nothing (and would inflate a
     * country's 160 MB member sheet once more).
     */
    readonly verified = false,
    /** Where the same bytes can be read again: given, the package may let go of its own (rest). */
    private readonly source?: PackageSource,
  ) {
    this.held = bytes;
    this.length = bytes.length;
    this.entries = readZip(bytes, limits);
    this.budget = new Budget(limits, codec);
    for (const e of this.entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** The package's bytes whole (read again from its source if it let go of them). */
  get bytes(): Uint8Array {
    this.held ??= this.source!.read(0, this.length);
    return this.held;
  }

  /** The memory a range may be a view of: none while the bytes are let go of. */
  get buffer(): ArrayBufferLike | undefined {
    return this.held?.buffer;
  }

  /** A range of the package: a view of its bytes, or read from its source once they are let go of. */
  subarray(begin: number, end: number): Uint8Array {
    return this.held ? this.held.subarray(begin, end) : this.source!.read(begin, end);
  }

  /**
   * Lets go of the package's bytes until they are asked for, when it has a source to read them
   * from again: between the reading of a country's workbook and its writing, its 24 MB are not
   * needed (issue 15). The parts read since then are read from the source a range at a time.
   */
  rest(): void {
    if (this.source) this.held = undefined;
  }

  /**
   * Our own new package, read back. The limits guard against the input; what we wrote is the
   * input's parts (each verified before it was copied, see verifyUnread) and the few parts of our
   * own, so the limits grow to what the package declares rather than refuse our own output (a
   * 9,999-entry input gains our three sheets; a part near the limit may gain highlights).
   */
  static ours(bytes: Uint8Array, limits: XlsxLimits, codec?: Codec): Package {
    const entries = readZip(bytes, { ...limits, maxEntries: Number.MAX_SAFE_INTEGER });
    let total = 0;
    let biggest = 0;
    let ratio = 0;
    for (const e of entries) {
      total += e.size;
      biggest = Math.max(biggest, e.size);
      if (e.size > limits.ratioCheckFromBytes)
        ratio = Math.max(ratio, e.size / Math.max(1, e.compressedSize));
    }
    const grown: XlsxLimits = {
      ...limits,
      maxEntries: Math.max(limits.maxEntries, entries.length),
      maxUnpackedBytes: Math.max(limits.maxUnpackedBytes, total),
      maxPartBytes: Math.max(limits.maxPartBytes, biggest),
      maxCompressionRatio: Math.max(limits.maxCompressionRatio, Math.ceil(ratio)),
    };
    return new Package(bytes, grown, codec, true);
  }

  /**
   * Verifies every entry not yet read whole (its size, its CRC, the limits): the ones a new package
   * copies as stored. A damaged picture is refused, not passed on to Excel.
   */
  verifyUnread(): void {
    if (this.verified) return;
    for (const e of this.entries) if (!this.budget.has(e)) verifyEntry(this, e, this.budget);
  }

  /** Part names are case-insensitive in OPC, and relationship targets may be percent-encoded. */
  entry(part: string): ZipEntry | undefined {
    const key = part.toLowerCase();
    const found = this.byName.get(key);
    if (found) return found;
    try {
      return this.byName.get(decodeURIComponent(part).toLowerCase());
    } catch {
      return undefined;
    }
  }

  read(part: string): Uint8Array {
    const e = this.entry(part);
    if (!e) throw corrupt(part, "thiếu thành phần này.", "this part is missing.");
    const ready = this.preloaded.get(e);
    if (ready) {
      // Handed over once: the package does not keep a big part alive after its one reader.
      this.preloaded.delete(e);
      return ready;
    }
    return readEntry(this, e, this.budget);
  }

  /**
   * Whether `part` holds exactly the bytes of `pieces`, told by its size and CRC without inflating
   * it: a generated sheet written again into a package of ours is kept as stored when unchanged.
   * Not for anyone else's package: a CRC can be forged to match content we would write.
   */
  holds(part: string, pieces: readonly Uint8Array[]): boolean {
    const e = this.entry(part);
    if (!e || e.size !== lengthOf(pieces)) return false;
    return crc32OfPieces(pieces, this.codec) === e.crc;
  }

  /** holds() for content known by its size and CRC (a part deflated as it was made). */
  holdsSized(part: string, size: number, crc: number): boolean {
    const e = this.entry(part);
    return e !== undefined && e.size === size && e.crc === crc;
  }

  /** Parts inflated ahead by preload(), until read() hands them over. */
  private readonly preloaded = new Map<ZipEntry, Uint8Array>();

  /**
   * Inflates `entries` ahead of a synchronous pass that will read() them (the writing of a new
   * package), through an asynchronous inflater: verified and counted as read() would.
   */
  async preload(entries: readonly ZipEntry[], inflate: AsyncInflate): Promise<void> {
    for (const e of entries)
      if (!this.preloaded.has(e))
        this.preloaded.set(e, await readEntryAsync(this, e, this.budget, inflate));
  }

  /** Drops what preload() inflated and nobody read. */
  forgetPreloaded(): void {
    this.preloaded.clear();
  }

  text(part: string): string {
    return decodeXml(this.read(part));
  }

  /** The relationships of a part; none when it has no .rels part. */
  rels(part: string): Relationship[] {
    const relsPart = relsPathOf(part);
    if (!this.entry(relsPart)) return [];
    const xml = this.text(relsPart);
    return parsePart(relsPart, () =>
      children(xml, rootElement(xml))
        .filter((el) => el.local === "Relationship")
        .map((el) => {
          const a = attributes(xml, el);
          const external = a.get("TargetMode") === "External";
          const target = a.get("Target") ?? "";
          return {
            id: a.get("Id") ?? "",
            type: a.get("Type") ?? "",
            external,
            target: external ? target : resolveTarget(part, target),
          };
        }),
    );
  }
}
