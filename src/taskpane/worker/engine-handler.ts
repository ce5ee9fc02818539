/**
 * What the engine's Worker does with each request, apart from the Worker itself (engine.worker.ts
 * wires it to `self`), so that tests run it in Node behind a simulated Worker. One handler holds
 * one checked copy: the pane sets review marks on it and asks for its bytes on download.
 */
import { errorText } from "../../core/model/error-text";
import { InputError } from "../../core/model/errors";
import { runMerge } from "../merge/run-merge";
import { runFileCheck } from "../run-file-check";
import type { CheckedCopy } from "../checked-copy";
import { computeCheck, Computed, ComputeRequest } from "../../hosts/workbook/compute-check";
import type { CheckData, EngineReply, EngineRequest, PartField } from "./protocol";

const PART_FIELDS: readonly PartField[] = ["clubs", "findings", "resolved"];
/** Items per part: a few milliseconds of copying each. */
export const PART_SIZE = 500;

/** The pure step's answer, without the check's own result (the host needs the plan and report). */
function pureStep(request: ComputeRequest): Computed {
  const { report, plan } = computeCheck(request);
  return { report, plan };
}

export type Post = (reply: EngineReply, transfer?: Transferable[]) => void;

/** A handler for one Worker: each request answered through `post`, errors included. */
export function engineHandler(post: Post): (request: EngineRequest) => Promise<void> {
  let copy: CheckedCopy | undefined;

  async function handle(request: EngineRequest): Promise<void> {
    const { id } = request;
    switch (request.kind) {
      case "check": {
        copy = undefined;
        const outcome = await runFileCheck(request.file, request.options, (stage) =>
          post({ kind: "stage", id, stage }),
        );
        if (!outcome.ok) return post({ kind: "checked", id, outcome });
        const { copy: checked, ...view } = outcome.view;
        copy = checked as CheckedCopy;
        // A country's check has 10,000 clubs and 20,000 findings: copied into the page as one
        // message they would hold its main thread for a quarter of a second. In parts, each is a
        // short task of its own and the page keeps painting between them.
        for (const field of PART_FIELDS) {
          const list: readonly unknown[] = view[field];
          for (let at = 0; at < list.length; at += PART_SIZE)
            post({ kind: "part", id, field, items: list.slice(at, at + PART_SIZE) });
        }
        const rest: CheckData = { ...view, clubs: [], findings: [], resolved: [] };
        return post({ kind: "checked", id, outcome: { ok: true, view: rest } });
      }
      case "merge": {
        const outcome = await runMerge(request.files, request.options, {
          // The pane cancels a merge by ending this Worker: nothing to poll here.
          cancel: { cancelled: false },
          onFile: (index, total, name) =>
            Promise.resolve(post({ kind: "file", id, index, total, name })),
          onStage: (stage) => Promise.resolve(post({ kind: "stage", id, stage })),
        });
        const transfer = outcome.ok ? [outcome.view.output.buffer as ArrayBuffer] : [];
        return post({ kind: "merged", id, outcome }, transfer);
      }
      case "mark":
        if (!copy) throw new Error("No checked copy in this worker");
        await copy.mark(request.finding, request.mark, request.day);
        return post({ kind: "marked", id });
      case "compute":
        return post({ kind: "computed", id, computed: pureStep(request.request) });
      case "bytes": {
        if (!copy) throw new Error("No checked copy in this worker");
        // A copy of the bytes: the Worker keeps its own for the next download.
        const bytes = (await copy.bytes()).slice();
        return post({ kind: "bytes", id, bytes }, [bytes.buffer]);
      }
    }
  }

  return (request) =>
    handle(request).catch((error: unknown) =>
      post({
        kind: "failed",
        id: request.id,
        error: errorText(error),
        ...(error instanceof InputError
          ? { code: error.code, ...(error.sheet !== undefined ? { sheet: error.sheet } : {}) }
          : {}),
      }),
    );
}
