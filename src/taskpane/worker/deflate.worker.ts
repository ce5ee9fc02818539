/**
 * A helper Worker of file mode's deflating (deflate-pool.ts): deflates the runs it is sent, each as
 * the xlsx host would here (deflateRun), and sends them back.
 */
import { deflateRun } from "../../hosts/xlsx/deflate-run";
import type { DeflateDone, DeflateJob } from "./deflate-pool";

/** The Worker's global scope, as far as it is used (the DOM typings describe a window). */
interface HelperScope {
  onmessage: ((event: MessageEvent<DeflateJob>) => void) | null;
  postMessage(message: DeflateDone, transfer?: Transferable[]): void;
}
const scope = self as unknown as HelperScope;

scope.onmessage = (event) => {
  const { index, data, level, last } = event.data;
  try {
    // A copy of exactly the run's bytes is transferred: deflateRun may hand back fflate's own
    // chunk, which could be a view of a bigger buffer (posted, the whole buffer would go).
    const deflated = deflateRun(data, level, last).slice();
    scope.postMessage({ index, data: deflated }, [deflated.buffer]);
  } catch (e) {
    scope.postMessage({ index, error: e instanceof Error ? e.message : String(e) });
  }
};
