/**
 * The engine's Worker: file mode's check and merge run here, off the page's main thread, so that
 * the pane keeps painting its progress and answering its Cancel (which ends this Worker) while a
 * country's workbook is read, checked and written. The engine is pure and the xlsx host needs no
 * DOM, so the very code of the command line runs here unchanged (engine-handler.ts).
 */
import type { EngineReply, EngineRequest } from "./protocol";
import { engineHandler } from "./engine-handler";

/** The Worker's global scope, as far as it is used (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

const handle = engineHandler((reply, transfer) => scope.postMessage(reply, transfer));
scope.onmessage = (event) => void handle(event.data);
