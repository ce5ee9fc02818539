/**
 * One Worker of the engine, asked by request and answered by id. Ending it (a Cancel) rejects
 * whatever it was still doing; so does the Worker failing to start or dying.
 */
import { say } from "../../core/model/i18n";
import { CancelledError } from "../../hosts/workbook/progress";
import type { EngineReply, EngineRequest } from "./protocol";

type Progress = Extract<EngineReply, { kind: "stage" | "file" | "part" }>;
type Final = Exclude<EngineReply, Progress>;

/** The Worker could not run at all (blocked, unsupported): the caller checks in the page instead. */
export class WorkerUnavailable extends Error {
  constructor(reason: string) {
    super(`The engine's worker did not start: ${reason}`);
    this.name = "WorkerUnavailable";
  }
}

/** An error the Worker reported, with its text in both languages. */
export class EngineFailure extends Error {
  constructor(
    readonly text: ReturnType<typeof say>,
    readonly code: string | undefined,
    readonly sheet?: string,
  ) {
    super(text.en);
    this.name = "EngineFailure";
  }
}

interface Pending {
  readonly onProgress: ((reply: Progress) => void) | undefined;
  readonly resolve: (reply: Final) => void;
  readonly reject: (error: Error) => void;
}

export class EngineWorker {
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private answered = false;
  private ended = false;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<EngineReply>) => {
      this.answered = true;
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      if (reply.kind === "stage" || reply.kind === "file" || reply.kind === "part") {
        waiting.onProgress?.(reply);
        return;
      }
      this.pending.delete(reply.id);
      if (reply.kind === "failed")
        waiting.reject(new EngineFailure(reply.error, reply.code, reply.sheet));
      else waiting.resolve(reply);
    };
    worker.onerror = (event) => {
      // Before any answer, the script did not load or run: the page can still do the work.
      const reason = event.message || "error";
      this.fail(
        this.answered
          ? new EngineFailure(
              say(`Lỗi ngoài dự kiến: ${reason}`, `Unexpected error: ${reason}`),
              undefined,
            )
          : new WorkerUnavailable(reason),
      );
    };
  }

  /** Sends a request; resolves with its final reply. */
  ask(
    request: DistributiveOmit<EngineRequest, "id">,
    onProgress?: (reply: Progress) => void,
  ): Promise<Final> {
    if (this.ended) return Promise.reject(new CancelledError());
    const id = this.next++;
    return new Promise<Final>((resolve, reject) => {
      this.pending.set(id, { onProgress, resolve, reject });
      this.worker.postMessage({ ...request, id } as EngineRequest);
    });
  }

  /** Ends the Worker at once, whatever it is doing: what it was asked is cancelled. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.worker.terminate();
    this.fail(new CancelledError());
  }

  private fail(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    if (error instanceof WorkerUnavailable) {
      this.ended = true;
      this.worker.terminate();
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
