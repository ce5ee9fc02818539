/**
 * File mode's helpers for deflating: a country's checked copy has about 200 MB of new XML to
 * deflate (its member sheet with the highlights' new tail, and the generated sheets), which fflate
 * does at about 75 MB/s on one core. The xlsx host cuts big parts into runs (deflate-run.ts);
 * here helper Workers deflate runs while the thread that asked deflates others and computes the
 * CRCs. The bytes are deflateRun's whoever deflates a run, so the copy is the same on any machine.
 */
import { DeflateLevel, deflateRun, Run } from "../../hosts/xlsx/deflate-run";

/** A run for a helper; its data is a copy of its own (transferred), never the part's bytes. */
export interface DeflateJob {
  readonly index: number;
  readonly data: Uint8Array;
  readonly level: DeflateLevel;
  readonly last: boolean;
}

/** A helper's answer: the run deflated, or why it could not be. */
export type DeflateDone =
  | { readonly index: number; readonly data: Uint8Array }
  | { readonly index: number; readonly error: string };

/** What the pool needs of a Worker (a browser's, or a test's stand-in). */
export interface HelperWorker {
  postMessage(job: DeflateJob, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<DeflateDone>) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

/** Runs each helper holds at once: the next waits in its queue while it sends one back. */
const DEPTH = 2;

/**
 * A helper that has not answered its first run by then is taken as failed (a run takes well under
 * a tenth of a second): some webviews leave a nested Worker's script pending for ever.
 */
export const START_TIMEOUT_MS = 5000;

/** Lets the event loop turn (helpers' answers in, more runs out) without a timer's clamping. */
function turn(): Promise<void> {
  if (typeof MessageChannel !== "function") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      channel.port2.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Deflates `runs` with `helpers` Workers from `spawn` and this thread. A helper that fails (it did
 * not start, or it broke) is ended and its runs are deflated here: the result is the same, later.
 * Every helper is ended when the runs are done or one cannot be deflated at all.
 */
export function deflateInPool(
  runs: readonly Run[],
  level: DeflateLevel,
  helpers: number,
  spawn: () => HelperWorker,
  startTimeoutMs = START_TIMEOUT_MS,
): Promise<Uint8Array[]> {
  const out: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(runs.length);
  let next = 0;
  let done = 0;
  let settled = false;
  const workers: HelperWorker[] = [];
  const watchdogs: ReturnType<typeof setTimeout>[] = [];
  return new Promise<Uint8Array[]>((resolve, reject) => {
    const end = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) w.terminate();
      for (const t of watchdogs) clearTimeout(t);
      if (error === undefined) resolve(out as Uint8Array[]);
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const here = (i: number): void => {
      const run = runs[i]!;
      out[i] = deflateRun(run.data, level, run.last);
      done++;
    };
    const check = (): void => {
      if (done === runs.length) end();
    };
    const start = (): void => {
      const held = new Set<number>();
      let worker: HelperWorker;
      const fail = (): void => {
        clearTimeout(watchdog);
        worker.onmessage = null;
        worker.onerror = null;
        worker.terminate();
        try {
          for (const i of held) here(i);
        } catch (e) {
          end(e);
          return;
        }
        held.clear();
        check();
      };
      const feed = (): void => {
        while (!settled && held.size < DEPTH && next < runs.length) {
          const i = next++;
          const run = runs[i]!;
          // Always a copy: the run may be a whole buffer of the part (a piece of it), which a
          // transfer would take away from the part, and posting a view clones its whole buffer.
          const data = run.data.slice();
          held.add(i);
          worker.postMessage({ index: i, data, level, last: run.last }, [data.buffer]);
        }
      };
      try {
        worker = spawn();
      } catch {
        return;
      }
      workers.push(worker);
      const watchdog = setTimeout(() => {
        if (!settled) fail();
      }, startTimeoutMs);
      watchdogs.push(watchdog);
      worker.onmessage = (event) => {
        clearTimeout(watchdog);
        const reply = event.data;
        if (settled || !held.has(reply.index)) return;
        if ("error" in reply) return fail();
        held.delete(reply.index);
        out[reply.index] = reply.data;
        done++;
        feed();
        check();
      };
      worker.onerror = () => {
        if (!settled) fail();
      };
      feed();
    };
    try {
      for (let h = 0; h < helpers && next < runs.length; h++) start();
    } catch (e) {
      end(e);
      return;
    }
    // This thread deflates runs too, one at a time, letting the helpers' answers in between.
    // It starts after a turn, so that the caller computes its CRCs while the helpers begin.
    void (async () => {
      try {
        while (!settled) {
          await turn();
          if (settled || next >= runs.length) break;
          here(next++);
        }
        check();
      } catch (e) {
        end(e);
      }
    })();
  });
}
