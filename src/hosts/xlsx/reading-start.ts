import { LaterKeep, Recompress } from "./codec";
import { MAX_KEPT_TAIL } from "./kept-tail";
import { Package } from "./package";
import { EarlyStart, KeptCut, REWRITE_FROM, startEarly } from "./rewrite";
import { ZipEntry } from "./zip-read";

/**
 * A big worksheet's start recompressed from the moment its reading begins (file mode: on a helper's
 * core, while this thread reads and then checks), before where it will be cut is known: only that
 * the cut is within the part's last MAX_KEPT_TAIL bytes, or the part is not cut at all. Once the
 * sheet is read, end() makes the keep known, or stops the work.
 */
export class ReadingStart {
  private readonly stop = new AbortController();
  private readonly known: Promise<number>;
  private settle: ((cut: number | undefined) => void) | undefined;
  private readonly started: Omit<EarlyStart, "keep">;

  /** A start for `entry` if it is big enough to be streamed once cut (keptCut's own bound). */
  static begin(
    pkg: Package,
    entry: ZipEntry,
    recompress: Recompress,
    stopAll: AbortSignal,
  ): ReadingStart | undefined {
    const atLeast = entry.size - MAX_KEPT_TAIL;
    // A part declaring more than the limits allow is refused as it is read: not started.
    if (entry.method !== 8 || atLeast < REWRITE_FROM || entry.size > pkg.budget.allowance(entry))
      return undefined;
    return new ReadingStart(pkg, entry, atLeast, recompress, stopAll);
  }

  private constructor(
    pkg: Package,
    private readonly entry: ZipEntry,
    atLeast: number,
    recompress: Recompress,
    stopAll: AbortSignal,
  ) {
    this.known = new Promise<number>((resolve, reject) => {
      this.settle = (cut) =>
        cut === undefined ? reject(new Error("nothing to keep")) : resolve(cut);
    });
    this.known.catch(() => undefined);
    stopAll.addEventListener("abort", () => this.stop.abort(), { once: true });
    const keep: LaterKeep = { atLeast, atMost: entry.size, known: this.known };
    this.started = startEarly(pkg, entry, keep, recompress, this.stop.signal);
  }

  /**
   * The sheet was read (or failed to be): where it is cut makes the start's keep known, and the
   * start is then one writing can take; without a cut (or a cut before the bound), it stops.
   */
  end(cut: KeptCut | undefined): EarlyStart | undefined {
    const settle = this.settle;
    this.settle = undefined;
    const usable =
      cut !== undefined && cut.entry === this.entry && cut.cut >= this.entry.size - MAX_KEPT_TAIL;
    settle?.(usable ? cut.cut : undefined);
    if (!usable) {
      this.stop.abort();
      return undefined;
    }
    return { keep: cut.cut, ...this.started, stop: () => this.stop.abort() };
  }
}
