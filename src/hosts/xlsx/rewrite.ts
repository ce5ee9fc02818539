import { LaterKeep, Recompress, Recompressed, StreamDeflate } from "./codec";
import { concat } from "./concat";
import { crc32, crc32OfStart } from "./crc32";
import { DeflateLevel, cutRuns, deflateRun } from "./deflate-run";
import { corrupt } from "./errors";
import { keptTailCut } from "./highlights";
import { KeptTail } from "./kept-tail";
import { Package } from "./package";
import { splicedStart } from "./spliced-start";
import { ZipEntry } from "./zip-read";
import { CODEC_RUN, OutEntry, deflateStreamed, levelFor } from "./zip-write";

/**
 * A stored part whose first `keep` bytes are kept and whose tail is replaced: a big worksheet
 * given highlights, planned from the tail kept as it was read (KeptTail), its start not inflated.
 */
export interface RewriteEntry {
  readonly kind: "rewrite";
  readonly name: string;
  readonly like: ZipEntry;
  readonly keep: number;
  /** The CRC-32 of the kept start (crc32OfStart). */
  readonly startCrc: number;
  readonly tail: Uint8Array;
  /** The part's bytes just before the cut, as read (KeptCut's): what splicedStart takes. */
  readonly before: Uint8Array;
}

/** An entry of the new package as applyPlan plans it. */
export type PlannedEntry = OutEntry | RewriteEntry;

/**
 * Parts whose kept start is this big are rewritten as a stream. It is at least the codec's run, so
 * the kept start is deflated as one run, and the tail as the next: the very bytes writeZip gives
 * for the part inflated whole (same level, same runs; zlib's output does not depend on how its
 * input is fed).
 */
export const REWRITE_FROM = Math.max(4 * 1024 * 1024, CODEC_RUN);

/** A part's start being streamed already, since writing or reading began (see startEarly). */
export interface EarlyStart {
  readonly keep: number;
  readonly level: number;
  readonly done: Promise<Recompressed>;
  /** Stops this start alone (one replaced by a later read of its sheet). */
  readonly stop?: () => void;
}

/** Where a user's worksheet is cut, found from its kept tail (keptCut). */
export interface KeptCut {
  readonly entry: ZipEntry;
  readonly cut: number;
  /** The CRC-32 of the part's first `cut` bytes. */
  readonly startCrc: number;
  /** The part's bytes from `cut` on, as text. */
  readonly tail: string;
  /** The part's bytes just before `cut`, as many as were kept (KeptTail's lead): splicedStart's. */
  readonly before: Uint8Array;
}

/**
 * Where a user's worksheet whose tail was kept is cut: when the part is deflated, was verified as
 * it was read, is as long as the tail says, and its kept start is big enough to be worth streaming
 * (REWRITE_FROM). Otherwise undefined: it is edited whole.
 */
export function keptCut(pkg: Package, part: string, kept: KeptTail): KeptCut | undefined {
  const entry = pkg.entry(part);
  if (!entry || entry.method !== 8 || !pkg.budget.has(entry)) return undefined;
  if (kept.at + kept.bytes.length !== entry.size) return undefined;
  const at = keptTailCut(kept.bytes);
  if (at < 0 || kept.at + at < REWRITE_FROM) return undefined;
  const rest = kept.bytes.subarray(at);
  // The entry's CRC was verified as the part was read (budget.has): the start's follows from it.
  const startCrc = crc32OfStart(entry.crc, crc32(rest), rest.length);
  const before = concat([kept.lead, kept.bytes.subarray(0, at)], kept.lead.length + at);
  return { entry, cut: kept.at + at, startCrc, tail: new TextDecoder().decode(rest), before };
}

const dataOf = (pkg: Package, entry: ZipEntry): Uint8Array =>
  pkg.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);

/**
 * Starts streaming a worksheet's start into the deflater before the plan is applied: what will be
 * kept of it does not depend on the plan, only its new tail does. The generated sheets are then
 * built and deflated while a country's 160 MB member sheet is (1.2 s), rather than after it; in
 * file mode, the check runs meanwhile (from the moment reading begins: a LaterKeep). Level: a kept
 * start is past BIG_PART, so the part is, whatever its new tail. `signal` stops one the plan turns
 * out not to need.
 */
export function startEarly(
  pkg: Package,
  entry: ZipEntry,
  keep: number | LaterKeep,
  recompress: Recompress,
  signal: AbortSignal,
): Omit<EarlyStart, "keep"> {
  const level = levelFor((typeof keep === "number" ? keep : keep.atLeast) + 1);
  const done = recompress(dataOf(pkg, entry), keep, level, signal);
  // Handled here so that a failure nobody awaits (no plan rewrites the part) is not reported as
  // an unhandled rejection; the write that awaits it gets the failure all the same.
  done.catch(() => undefined);
  return { level, done };
}

/** How resolveRewrites gets a rewritten part's start, besides splicing it (the default). */
export interface RewriteMeans {
  /** Streams a start from the stored part; without it, a start not spliced is inflated whole. */
  readonly recompress?: Recompress;
  /** Starts streaming already (startEarly, ReadingStart), taken when they match. */
  readonly early?: ReadonlyMap<string, EarlyStart>;
  /** Takes a generated sheet's pieces next to a codec (see OpenOptions.deflateStream). */
  readonly deflateStream?: StreamDeflate;
  /** False: no start is spliced from its stored stream (see OpenOptions.spliceStored). */
  readonly splice?: boolean;
}

/**
 * The planned entries ready for the zip writer: each part to rewrite keeps its start, spliced
 * from the stored stream (splicedStart) or streamed from it through `recompress`, its new tail
 * deflated after it (by the codec, or in runs as writeZip deflates without one). When neither
 * can be, the part is inflated whole and written as new content.
 */
export async function resolveRewrites(
  planned: readonly PlannedEntry[],
  pkg: Package,
  means: RewriteMeans = {},
): Promise<OutEntry[]> {
  const { codec } = pkg;
  const { deflateStream } = means;
  // A start not spliced nor streamed is inflated whole (rewritten): nothing to overlap with.
  const streams = means.recompress !== undefined || means.splice !== false;
  // While a part's start is had (spliced here, or streamed on other threads), the codec deflates
  // the new parts (the generated sheets) on its own threads, which writeZip would deflate after
  // it: the same bytes, sooner; so too with a stream deflater, which takes a generated sheet's
  // pieces as they are. Without a codec, the writer shares them out to its helpers instead.
  const meanwhile = streams && codec !== undefined && planned.some((e) => e.kind === "rewrite");
  const ready = planned.map((e): OutEntry | RewriteEntry | Promise<OutEntry> => {
    if (e.kind === "new" && codec && (meanwhile || deflateStream)) {
      const deflating = deflateStreamed(e, codec, deflateStream).then((d): OutEntry => ({
        kind: "deflated",
        name: e.name,
        like: e.like,
        ...d,
      }));
      // Awaited below, after the rewrites: a failure meanwhile is not left unhandled.
      deflating.catch(() => undefined);
      return deflating;
    }
    return e;
  });
  const out: OutEntry[] = [];
  for (const e of ready)
    out.push(
      e instanceof Promise ? await e : e.kind === "rewrite" ? await rewritten(e, pkg, means) : e,
    );
  return out;
}

/** A start streaming already for this very cut and level, if any. */
const matching = (e: RewriteEntry, level: number, means: RewriteMeans): EarlyStart | undefined => {
  const early = means.early?.get(e.name);
  return early && early.keep === e.keep && early.level === level ? early : undefined;
};

async function rewritten(e: RewriteEntry, pkg: Package, means: RewriteMeans): Promise<OutEntry> {
  const { like: entry, keep, tail } = e;
  const size = keep + tail.length;
  const level = levelFor(size);
  const { recompress } = means;
  const early = matching(e, level, means);
  const spliced =
    early || means.splice === false ? undefined : splicedStart(dataOf(pkg, entry), keep, e.before);
  let start: Recompressed;
  try {
    if (spliced) start = spliced;
    else if (early) start = await early.done;
    else if (recompress) start = await recompress(dataOf(pkg, entry), keep, level);
    else return whole(e, pkg);
  } catch (error) {
    // Memory refused (done here, in a browser): reported as too large, not as damage.
    if (error instanceof RangeError) throw error;
    // It was read whole a moment ago, its size and CRC checked: the package changed, or broke.
    throw corrupt(e.name, "dữ liệu nén bị hỏng.", "the compressed data is damaged.");
  }
  const { deflated, rest } = start;
  const { codec } = pkg;
  // The start's rest and the new tail end the part, deflated as writeZip would have them.
  const end = codec
    ? [
        codec.deflateRaw(
          rest.length ? concat([rest, tail], rest.length + tail.length) : tail,
          level,
          false,
        ),
      ]
    : cutRuns([rest, tail]).map((r) => deflateRun(r.data, level as DeflateLevel, r.last));
  return {
    kind: "deflated",
    name: e.name,
    like: entry,
    data: [...deflated, ...end],
    crc: codec ? codec.crc32(tail, e.startCrc) : crc32(tail, e.startCrc),
    size,
  };
}

function whole(e: RewriteEntry, pkg: Package): OutEntry {
  const bytes = pkg.read(e.name);
  return { kind: "new", name: e.name, like: e.like, content: [bytes.subarray(0, e.keep), e.tail] };
}
