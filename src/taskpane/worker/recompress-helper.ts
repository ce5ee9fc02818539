/**
 * File mode's streamed rewrite of a big worksheet (issue 15): the start of a country's 160 MB
 * member sheet is inflated and deflated again, in runs, by a helper Worker (deflate.worker.ts)
 * from the moment its reading begins and while the engine's Worker checks, so that writing the
 * copy finds it done and never holds the sheet whole. One helper serves a check, its jobs told
 * apart by number. Where it does not start or breaks, the engine's own thread does the work: the
 * same bytes.
 */
import type { LaterKeep, Recompress, Recompressed } from "../../hosts/xlsx";
import { nativeInflate } from "../../hosts/xlsx";
import { recompressRuns } from "../../hosts/xlsx/recompress-runs";
import { START_TIMEOUT_MS } from "./deflate-pool";

/**
 * What the helper is sent: a job (a copy of the part's stored bytes, transferred, and how much of
 * it to keep, or the least of it when that is known only later), that keep once known, or a stop.
 */
export type RecompressMessage =
  | {
      readonly kind: "recompress";
      readonly id: number;
      readonly data: Uint8Array;
      readonly keep: number | { readonly atLeast: number; readonly atMost: number };
      readonly level: number;
    }
  | { readonly kind: "keep"; readonly id: number; readonly keep: number }
  | { readonly kind: "stop"; readonly id: number };

/** The helper's answers to a job: at once that it started, then the start recompressed or why not. */
export type RecompressReply =
  | { readonly kind: "started"; readonly id: number }
  | {
      readonly kind: "done";
      readonly id: number;
      readonly deflated: Uint8Array[];
      readonly rest: Uint8Array;
    }
  | { readonly kind: "error"; readonly id: number; readonly error: string };

/** What this needs of a Worker (a browser's, or a test's stand-in). */
export interface RecompressWorker {
  postMessage(message: RecompressMessage, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<RecompressReply>) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

/** A watchdog's timer firing this much past its time means this thread was busy meanwhile. */
const LATE_MS = 1000;

const stopped = (): Error => new Error("the recompressing was stopped");

/** The start recompressed on this thread (the platform's inflater where there is one). */
const here: Recompress = (data, keep, level, signal) =>
  recompressRuns(data, keep, level, nativeInflate(), signal);

interface Job {
  readonly resolve: (r: Recompressed) => void;
  /** Does the job here instead (the helper failed). */
  readonly fallBack: () => void;
  /** Ends the job unfinished, refused as stopped (the helper released). */
  readonly stop: () => void;
  readonly watchdog: { timer?: ReturnType<typeof setTimeout> };
}

/**
 * One helper's recompressing, for one check: `recompress` sends it jobs, `release` ends it and
 * them. Its Worker is started at once (as reading begins: a nested Worker's script loads through
 * this thread, which the check then keeps busy for seconds). A helper not heard from within
 * `startTimeoutMs` of this thread's free time after its first job (some webviews leave a nested
 * Worker pending for ever), or that breaks, is ended and its jobs are done here; a job it refuses
 * is done here (damaged data is then refused here too). Once heard, it is not timed again: a job
 * may wait while it works on another.
 */
export class RecompressHelper {
  private worker: Promise<RecompressWorker | undefined>;
  private readonly jobs = new Map<number, Job>();
  private next = 0;
  /** The helper has answered: it runs. */
  private alive = false;
  /** Released: no job is taken, none falls back here. */
  private released = false;

  constructor(
    spawn: () => Promise<RecompressWorker>,
    private readonly startTimeoutMs = START_TIMEOUT_MS,
  ) {
    this.worker = spawn().then(
      (worker) => {
        worker.onmessage = ({ data }) => this.heard(data);
        worker.onerror = () => this.broken();
        return worker;
      },
      () => undefined,
    );
  }

  readonly recompress: Recompress = (data, keep, level, signal) =>
    new Promise<Recompressed>((resolve, reject) => {
      if (signal?.aborted || this.released) return reject(stopped());
      const id = this.next++;
      // Sent once the helper is there, while the job is still its (a stop, whatever).
      const post = (message: RecompressMessage, transfer: Transferable[] = []): void =>
        void this.worker.then(
          (w) =>
            (message.kind === "stop" || this.jobs.has(id)) && w?.postMessage(message, transfer),
        );
      const done = (): void => {
        clearTimeout(job.watchdog.timer);
        signal?.removeEventListener("abort", abort);
        this.jobs.delete(id);
      };
      const abort = (): void => {
        if (!this.jobs.has(id)) return;
        post({ kind: "stop", id });
        done();
        reject(stopped());
      };
      const job: Job = {
        resolve: (r) => {
          done();
          resolve(r);
        },
        fallBack: () => {
          if (!this.jobs.has(id) || this.released) return;
          done();
          here(data, keep, level, signal).then(resolve, reject);
        },
        stop: () => {
          done();
          reject(stopped());
        },
        watchdog: {},
      };
      this.jobs.set(id, job);
      signal?.addEventListener("abort", abort, { once: true });
      this.watch(job);
      void this.worker.then((w) => (w ? undefined : job.fallBack()));
      // A copy of its own, moved: the package keeps its bytes, and no view clones its buffer.
      const copy = data.slice();
      const first =
        typeof keep === "number" ? keep : { atLeast: keep.atLeast, atMost: keep.atMost };
      post({ kind: "recompress", id, data: copy, keep: first, level }, [copy.buffer]);
      if (typeof keep !== "number")
        keep.known.then(
          (known) => post({ kind: "keep", id, keep: known }),
          () => undefined,
        );
    });

  /**
   * Ends the helper and every job still pending (refused as stopped, none done here): once the
   * package is written, or the check ended without writing it (cancelled, or input refused).
   */
  release(): void {
    this.released = true;
    this.end();
    for (const job of [...this.jobs.values()]) job.stop();
  }

  private end(): void {
    const worker = this.worker;
    this.worker = Promise.resolve(undefined);
    void worker.then((w) => w?.terminate());
  }

  /** Time counts only while this thread could hear the helper: a late timer means it was busy. */
  private watch(job: Job): void {
    if (this.alive) return;
    const armed = Date.now();
    job.watchdog.timer = setTimeout(() => {
      if (this.alive) return;
      if (Date.now() - armed > this.startTimeoutMs + LATE_MS) this.watch(job);
      else this.broken();
    }, this.startTimeoutMs);
  }

  private heard(reply: RecompressReply): void {
    if (!this.alive) {
      this.alive = true;
      for (const waiting of this.jobs.values()) clearTimeout(waiting.watchdog.timer);
    }
    const job = this.jobs.get(reply.id);
    if (!job || reply.kind === "started") return;
    if (reply.kind === "error") job.fallBack();
    else job.resolve({ deflated: reply.deflated, rest: reply.rest });
  }

  /** The helper is ended; every job it had is done here. */
  private broken(): void {
    this.end();
    for (const job of [...this.jobs.values()]) job.fallBack();
  }
}

/**
 * The helper's side (deflate.worker.ts): its jobs by number, each recompressed here as it comes
 * (their keeps as they are told), answered with pieces that are buffers of their own.
 */
export class RecompressJobs {
  private readonly keeps = new Map<
    number,
    { resolve(keep: number): void; reject(e: Error): void }
  >();
  private readonly stops = new Map<number, AbortController>();

  constructor(private readonly reply: (r: RecompressReply, transfer: ArrayBuffer[]) => void) {}

  take(message: RecompressMessage): void {
    const { id } = message;
    if (message.kind === "keep") return this.keeps.get(id)?.resolve(message.keep);
    if (message.kind === "stop") {
      this.stops.get(id)?.abort();
      return this.keeps.get(id)?.reject(stopped());
    }
    this.reply({ kind: "started", id }, []);
    const stop = new AbortController();
    this.stops.set(id, stop);
    const known = new Promise<number>((resolve, reject) => this.keeps.set(id, { resolve, reject }));
    known.catch(() => undefined);
    const keep: number | LaterKeep =
      typeof message.keep === "number" ? message.keep : { ...message.keep, known };
    here(message.data, keep, message.level, stop.signal).then(
      ({ deflated, rest }) => {
        const own = [...deflated, rest].map((piece) =>
          piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength
            ? piece
            : piece.slice(),
        );
        this.end(id);
        this.reply(
          { kind: "done", id, deflated: own.slice(0, -1), rest: own[own.length - 1]! },
          own.map((p) => p.buffer as ArrayBuffer),
        );
      },
      (e: unknown) => {
        this.end(id);
        if (!stop.signal.aborted)
          this.reply({ kind: "error", id, error: e instanceof Error ? e.message : String(e) }, []);
      },
    );
  }

  private end(id: number): void {
    this.keeps.delete(id);
    this.stops.delete(id);
  }
}
