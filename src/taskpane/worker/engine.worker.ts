/**
 * The engine's Worker: file mode's check and merge run here, off the page's main thread, so that
 * the pane keeps painting its progress and answering its Cancel (which ends this Worker) while a
 * country's workbook is read, checked and written. The engine is pure and the xlsx host needs no
 * DOM, so the very code of the command line runs here unchanged. One Worker holds one checked
 * copy: the pane sets review marks on it and asks for its bytes when the user downloads it.
 */
import { errorText } from "../../core/model/error-text";
import { InputError } from "../../core/model/errors";
import { runMerge } from "../merge/run-merge";
import { runFileCheck } from "../run-file-check";
import type { CheckedCopy } from "../checked-copy";
import type { CheckData, EngineReply, EngineRequest, PartField } from "./protocol";

const PART_FIELDS: readonly PartField[] = ["clubs", "findings", "resolved"];
/** Items per part: a few milliseconds of copying each. */
const PART_SIZE = 1000;

/** The Worker's global scope, as far as it is used (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let copy: CheckedCopy | undefined;

async function handle(request: EngineRequest): Promise<void> {
  const { id } = request;
  const post = (reply: EngineReply, transfer?: Transferable[]) =>
    scope.postMessage(reply, transfer);
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
      const rest: CheckData = { ...view, clubs: [], findings: [], resolved: [], groups: [] };
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
      const transfer = outcome.ok ? [outcome.view.output.buffer] : [];
      return post({ kind: "merged", id, outcome }, transfer);
    }
    case "mark":
      if (!copy) throw new Error("No checked copy in this worker");
      await copy.mark(request.finding, request.mark, request.day);
      return post({ kind: "marked", id });
    case "bytes": {
      if (!copy) throw new Error("No checked copy in this worker");
      // A copy of the bytes: the Worker keeps its own for the next download.
      const bytes = (await copy.bytes()).slice();
      return post({ kind: "bytes", id, bytes }, [bytes.buffer]);
    }
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  handle(request).catch((error: unknown) =>
    scope.postMessage({
      kind: "failed",
      id: request.id,
      error: errorText(error),
      ...(error instanceof InputError ? { code: error.code } : {}),
    }),
  );
};
