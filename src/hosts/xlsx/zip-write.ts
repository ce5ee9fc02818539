import { concat, lengthOf } from "./concat";
import { Deflated, assemble } from "./zip-assemble";
import { Codec, StreamDeflate } from "./codec";
import { crc32OfPieces } from "./crc32";
import { PackageBytes, ZipEntry } from "./zip-read";
import { cutRuns, DeflateLevel, deflatePieces, deflateRun, RunDeflater } from "./deflate-run";

/** An entry of the new package: either copied as stored in the old one, or new content. */
export type OutEntry =
  | { readonly kind: "copy"; readonly entry: ZipEntry; readonly pkg: PackageBytes }
  | {
      readonly kind: "new";
      readonly name: string;
      /** The content in pieces, so a big worksheet with a new tail is never concatenated. */
      readonly content: readonly Uint8Array[];
      /**
       * How many of the first pieces stand for one (a generated sheet's, never joined: see
       * worksheetPieces): deflated as that one piece would be. Absent: each piece is one.
       */
      readonly joined?: number;
      /** Kept from the entry this replaces; new parts get a fixed date so output is reproducible. */
      readonly like?: ZipEntry;
    }
  | {
      /** New content deflated already (a part rewritten as a stream: see rewrite.ts). */
      readonly kind: "deflated";
      readonly name: string;
      readonly like?: ZipEntry;
      readonly data: readonly Uint8Array[];
      readonly crc: number;
      readonly size: number;
    };

/**
 * Above this size a part is deflated at a faster level: on a country's 160 MB member sheet Node's
 * zlib takes 1.9 s at level 6, 0.8 s at level 3 and 0.5 s at level 1, for parts 12% smaller and 8%
 * larger than level 3's; fflate 4.4 s, 2.15 s and 1.4 s (level 1 16% larger). Level 1 would make
 * the copy a user e-mails on larger (a country's past 25 MB, many mail services' limit): 3.
 */
export const BIG_PART = 4 * 1024 * 1024;
export const BIG_LEVEL: DeflateLevel = 3;

/** The level a new part of `size` bytes is deflated at. */
export const levelFor = (size: number): DeflateLevel => (size > BIG_PART ? BIG_LEVEL : 6);
/** A native codec deflates runs of at least this many bytes, each flushed on its own (runsOf). */
export const CODEC_RUN = 1024 * 1024;

/** Whether a part is deflated in runs by fflate (cutRuns), which a RunDeflater may spread out. */
const inRuns = (size: number, codec: Codec | undefined): boolean => !codec && size > BIG_PART;

/** The content with its first `joined` pieces joined into the one they stand for. */
function asJoined(content: readonly Uint8Array[], joined = 1): readonly Uint8Array[] {
  if (joined <= 1) return content;
  const first = content.slice(0, joined);
  return [concat(first, lengthOf(first)), ...content.slice(joined)];
}

/** Whether a new entry's content is one piece as it is deflated (its pieces all joined). */
const isOnePiece = (e: { content: readonly Uint8Array[]; joined?: number }): boolean =>
  (e.joined ?? 1) >= e.content.length;

/** A new entry's content deflated, as writeZip deflates it. */
export function deflate(
  content: readonly Uint8Array[],
  codec: Codec | undefined,
  joined?: number,
): Deflated {
  const size = lengthOf(content);
  const level = levelFor(size);
  if (codec) {
    // Each run deflated on its own, all but the last ending on a byte boundary: a 160 MB sheet
    // and its new tail are never copied into one buffer to be deflated.
    const runs = runsOf(asJoined(content, joined), CODEC_RUN);
    const data = runs.map((run, i) => codec.deflateRaw(run, level, i < runs.length - 1));
    return { data, crc: crc32OfPieces(runs, codec), size };
  }
  // Runs are cut wherever the pieces begin and end: joined or not, the same runs.
  if (inRuns(size, codec)) {
    const data = cutRuns(content).map((r) => deflateRun(r.data, level, r.last));
    return { data, crc: crc32OfPieces(content, codec), size };
  }
  const pieces = asJoined(content, joined);
  return { data: [deflatePieces(pieces, level, true)], crc: crc32OfPieces(content, codec), size };
}

/**
 * A new entry's content deflated through a stream deflater (next to a codec: see StreamDeflate)
 * when it is one piece (a generated sheet), its pieces never joined; as deflate() otherwise.
 * The very bytes deflate() gives.
 */
export async function deflateStreamed(
  e: { readonly content: readonly Uint8Array[]; readonly joined?: number },
  codec: Codec,
  stream: StreamDeflate | undefined,
): Promise<Deflated> {
  if (!stream || !isOnePiece(e)) return deflate(e.content, codec, e.joined);
  const size = lengthOf(e.content);
  return {
    data: await stream(e.content, levelFor(size)),
    crc: crc32OfPieces(e.content, codec),
    size,
  };
}

/**
 * The pieces joined into runs of at least `min` bytes (the last may be shorter; never none), so
 * that small pieces are not each flushed on their own; a big piece stays the very buffer it is.
 */
export function runsOf(pieces: readonly Uint8Array[], min: number): Uint8Array[] {
  const runs: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let length = 0;
  const flush = (): void => {
    runs.push(concat(pending, length));
    pending = [];
    length = 0;
  };
  for (const piece of pieces) {
    // A big piece after small ones: the small ones go first, so the big one is never copied.
    if (piece.length >= min && length > 0) flush();
    pending.push(piece);
    length += piece.length;
    if (length >= min) flush();
  }
  if (pending.length > 0 || runs.length === 0) flush();
  return runs;
}

/**
 * Writes a zip: copied entries keep their compressed bytes, CRC and dates; new ones are deflated.
 * No data descriptors and no extra fields, so every header states the real sizes.
 */
export function writeZip(entries: readonly OutEntry[], codec?: Codec): Uint8Array {
  const pieces = writeZipPieces(entries, codec);
  return concat(pieces, lengthOf(pieces));
}

/** writeZip's zip in its pieces, in order, not joined (see assemble). */
export function writeZipPieces(entries: readonly OutEntry[], codec?: Codec): Uint8Array[] {
  return assemble(
    entries,
    entries.map((e) =>
      e.kind === "new"
        ? deflate(e.content, codec, e.joined)
        : e.kind === "deflated"
          ? e
          : undefined,
    ),
  );
}

/**
 * writeZipPieces without a native codec, the big parts' runs handed to `runs` (file mode's helper
 * Workers): the very bytes writeZip gives, sooner on several cores. Their CRCs are computed here
 * meanwhile.
 */
export async function writeZipAsync(
  entries: readonly OutEntry[],
  runs: RunDeflater,
): Promise<Uint8Array[]> {
  const big = entries.map((e) =>
    e.kind === "new" && inRuns(lengthOf(e.content), undefined) ? cutRuns(e.content) : undefined,
  );
  const deflating = runs(
    big.flatMap((r) => r ?? []),
    BIG_LEVEL,
  );
  const deflated = entries.map((e, i): Deflated | undefined => {
    if (e.kind === "deflated") return e;
    if (e.kind !== "new") return undefined;
    if (big[i] === undefined) return deflate(e.content, undefined, e.joined);
    return { data: [], crc: crc32OfPieces(e.content, undefined), size: lengthOf(e.content) };
  });
  const data = await deflating;
  let next = 0;
  return assemble(
    entries,
    deflated.map((d, i) => {
      const r = big[i];
      return r && d ? { ...d, data: data.slice(next, (next += r.length)) } : d;
    }),
  );
}
