/**
 * A helper Worker of file mode: deflates the runs it is sent, each as the xlsx host would here
 * (deflateRun; deflate-pool.ts), and sends them back; or recompresses a big worksheet's start
 * (recompress-helper.ts), saying first that it started.
 */
import { deflateRun } from "../../hosts/xlsx/deflate-run";
import type { DeflateDone, DeflateJob } from "./deflate-pool";
import { RecompressJobs, type RecompressMessage, type RecompressReply } from "./recompress-helper";

/** The Worker's global scope, as far as it is used (the DOM typings describe a window). */
interface HelperScope {
  onmessage: ((event: MessageEvent<DeflateJob | RecompressMessage>) => void) | null;
  postMessage(message: DeflateDone | RecompressReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as HelperScope;

const recompressing = new RecompressJobs((reply, transfer) => scope.postMessage(reply, transfer));

scope.onmessage = (event) => {
  const job = event.data;
  if ("kind" in job) return recompressing.take(job);
  const { index, data, level, last } = job;
  try {
    // A copy of exactly the run's bytes is transferred: deflateRun may hand back fflate's own
    // chunk, which could be a view of a bigger buffer (posted, the whole buffer would go).
    const deflated = deflateRun(data, level, last).slice();
    scope.postMessage({ index, data: deflated }, [deflated.buffer]);
  } catch (e) {
    scope.postMessage({ index, error: e instanceof Error ? e.message : String(e) });
  }
};
