/**
 * File mode's engine as the pane calls it: a check or a merge started as a job that reports its
 * progress and can be cancelled. In a browser the work runs in a Worker (engine.worker.ts): the
 * page stays free to paint and to answer the Cancel, which ends the Worker at once. Where no
 * Worker can run (Jest's jsdom, a webview that refuses one) the same engine runs in the page, its
 * stages painted between stretches of work, its Cancel honoured between them.
 */
import { CancelledError, CancelSwitch, Stage } from "../../hosts/workbook/progress";
import { loadOnce } from "../load-once";
import { nextPaint } from "../next-paint";
import type { CopyHandle } from "../checked-copy";
import type { MergeRunOptions, MergeRunOutcome } from "../merge/run-merge";
import type { FileCheckOptions, FileCheckOutcome, InputFile } from "../run-file-check";
import { EngineFailure, EngineWorker, WorkerUnavailable } from "./rpc";
import { InputError, InputErrorCode } from "../../core/model/errors";
import type { Computed, ComputeRequest } from "../../hosts/workbook/compute-check";
import type { CheckData, PartField } from "./protocol";
import type { JsonClub, JsonFinding, JsonResolvedFinding } from "../../core/report/json-report";

export interface EngineJob<T> {
  readonly done: Promise<T>;
  cancel(): void;
}

export interface MergeProgressHooks {
  readonly onFile: (index: number, total: number, name: string) => void;
  readonly onStage: (stage: Stage) => void;
}

/** The engine in the page: the chunk with the xlsx host, fetched on the first check. */
export const loadPageEngine = loadOnce(
  () => import(/* webpackChunkName: "file-check" */ "../run-file-check"),
);
const loadPageMerge = loadOnce(
  () => import(/* webpackChunkName: "merge-engine" */ "../merge/run-merge"),
);

let useWorkers = typeof Worker === "function";
/** Where Workers come from: the bundle's own, or a test's simulated one. */
let factory: (() => Worker) | undefined;

async function spawn(): Promise<EngineWorker | undefined> {
  if (!useWorkers) return undefined;
  try {
    if (!factory) {
      const { spawnEngineWorker } = await import(/* webpackMode: "eager" */ "./spawn-worker");
      factory = spawnEngineWorker;
    }
    return new EngineWorker(factory());
  } catch {
    useWorkers = false;
    return undefined;
  }
}

/**
 * Tests: Workers made by `make` (a simulated Worker over engine-handler.ts), or none at all
 * (`null`: the engine runs in the page).
 */
export function useWorkerFactory(make: (() => Worker) | null): void {
  factory = make ?? undefined;
  useWorkers = make !== null;
}

/** Runs `inWorker`; if the Worker cannot start at all, runs `inPage` from now on instead. */
async function withFallback<T>(inWorker: () => Promise<T>, inPage: () => Promise<T>): Promise<T> {
  try {
    return await inWorker();
  } catch (error) {
    if (!(error instanceof WorkerUnavailable)) throw error;
    useWorkers = false;
    return inPage();
  }
}

/** True while checks and merges run in a Worker (false once one could not start). */
export const workerBacked = (): boolean => useWorkers;

// The Worker of the last check: it holds that check's copy until the next check starts.
let checkWorker: EngineWorker | undefined;

export function startCheck(
  file: InputFile,
  options: FileCheckOptions,
  onStage: (stage: Stage) => void,
): EngineJob<FileCheckOutcome> {
  checkWorker?.end();
  checkWorker = undefined;
  const cancel = new CancelSwitch();
  let worker: EngineWorker | undefined;
  const inPage = async (): Promise<FileCheckOutcome> => {
    const { runFileCheck } = await loadPageEngine();
    return runFileCheck(
      file,
      options,
      async (stage) => {
        onStage(stage);
        await nextPaint();
      },
      cancel,
    );
  };
  const inWorker = async (): Promise<FileCheckOutcome> => {
    worker = await spawn();
    if (!worker) return inPage();
    if (cancel.cancelled) worker.end();
    checkWorker = worker;
    const parts: Record<PartField, unknown[]> = { clubs: [], findings: [], resolved: [] };
    const reply = await worker.ask({ kind: "check", file, options }, (progress) => {
      if (progress.kind === "stage") onStage(progress.stage);
      else if (progress.kind === "part") parts[progress.field].push(...progress.items);
    });
    if (reply.kind !== "checked") throw new Error(`Unexpected reply ${reply.kind}`);
    if (!reply.outcome.ok) return reply.outcome;
    const data: CheckData = {
      ...reply.outcome.view,
      clubs: parts.clubs as JsonClub[],
      findings: parts.findings as JsonFinding[],
      resolved: parts.resolved as JsonResolvedFinding[],
    };
    const owner = worker;
    const copy: CopyHandle = {
      mark: async (finding, mark, day) => {
        await owner.ask({ kind: "mark", finding, mark, day });
      },
      bytes: async () => {
        const answer = await owner.ask({ kind: "bytes" });
        if (answer.kind !== "bytes") throw new Error(`Unexpected reply ${answer.kind}`);
        return answer.bytes;
      },
    };
    return { ok: true, view: { ...data, copy } };
  };
  onStage("reading");
  return {
    done: withFallback(inWorker, inPage),
    cancel: () => {
      cancel.cancel();
      worker?.end();
    },
  };
}

export function startMerge(
  files: readonly InputFile[],
  options: MergeRunOptions,
  hooks: MergeProgressHooks,
): EngineJob<MergeRunOutcome> {
  const cancel = new CancelSwitch();
  let worker: EngineWorker | undefined;
  const painted =
    <A extends unknown[]>(show: (...args: A) => void) =>
    async (...args: A) => {
      show(...args);
      await nextPaint();
    };
  const inPage = async (): Promise<MergeRunOutcome> => {
    const { runMerge } = await loadPageMerge();
    return runMerge(files, options, {
      cancel,
      onFile: painted(hooks.onFile),
      onStage: painted(hooks.onStage),
    });
  };
  const inWorker = async (): Promise<MergeRunOutcome> => {
    worker = await spawn();
    if (!worker) return inPage();
    if (cancel.cancelled) worker.end();
    try {
      const reply = await worker.ask({ kind: "merge", files, options }, (progress) => {
        if (progress.kind === "file") hooks.onFile(progress.index, progress.total, progress.name);
        else if (progress.kind === "stage") hooks.onStage(progress.stage);
      });
      if (reply.kind !== "merged") throw new Error(`Unexpected reply ${reply.kind}`);
      return reply.outcome;
    } catch (error) {
      if (error instanceof CancelledError) {
        return { ok: false, error: error.text, cancelled: true };
      }
      throw error;
    } finally {
      // The merged workbook came back whole: nothing stays in this Worker.
      worker.end();
    }
  };
  return {
    done: withFallback(inWorker, inPage),
    cancel: () => {
      cancel.cancel();
      worker?.end();
    },
  };
}

/**
 * Inside Excel: the check's pure step, in a Worker of its own (ended once it answers), while the
 * page keeps Office.js. An error of the reader comes back as the InputError it was, so that the
 * pane offers "Chọn cột" as it would for a check run in the page. Where no Worker starts, the step
 * runs in the page.
 */
export async function computeInWorker(request: ComputeRequest): Promise<Computed> {
  const inPage = async (): Promise<Computed> => {
    const { computeCheck } = await import(
      /* webpackChunkName: "excel-compute-page" */ "../../hosts/workbook/compute-check"
    );
    return computeCheck(request);
  };
  return withFallback(async () => {
    const worker = await spawn();
    if (!worker) return inPage();
    try {
      const reply = await worker.ask({ kind: "compute", request });
      if (reply.kind !== "computed") throw new Error(`Unexpected reply ${reply.kind}`);
      return reply.computed;
    } catch (error) {
      if (error instanceof EngineFailure && error.code !== undefined)
        throw new InputError(error.code as InputErrorCode, error.text, error.sheet);
      throw error;
    } finally {
      worker.end();
    }
  }, inPage);
}
