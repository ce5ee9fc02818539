/**
 * TEST-ONLY: how many bytes the real office.js client would send for some queued operations.
 * Operations are queued on a `new Excel.RequestContext(session)` of the real Excel host script
 * (office-js-window.ts) and never sent: the size is that of the body office.js builds for the
 * wire, `JSON.stringify(context._pendingRequest.buildRequestMessageBodyAndRequestFlags().body)`,
 * in UTF-8, which is what Excel on the web weighs against its 5 MB.
 *
 * Ids matter: office.js numbers object paths and actions with one counter per context, so a job
 * late in a long run spells longer ids than the same job at the start. `measureJob` starts the
 * counter at `ID_BASE` (7-digit ids, as after a million paths and actions), the longest ids a run
 * of this add-in reaches: a run of ten million ids would have sent gigabytes.
 */
import { OfficeJsWindow, loadOfficeJs } from "./office-js-window";

/** Where the id counter starts for a measurement: every id then has 7 digits. */
export const ID_BASE = 1_000_000;

let shared: OfficeJsWindow | undefined;
const office = (): OfficeJsWindow => (shared ??= loadOfficeJs());

interface PendingRequest {
  buildRequestMessageBodyAndRequestFlags(): { body: unknown };
}
interface ContextInternals {
  readonly _pendingRequest: PendingRequest;
  m_nextId: number;
}

/**
 * A request context of the real client whose requests are built but never sent. As inside
 * Excel.run (the add-in's only way in): `_autoCleanup` on, so that office.js keeps a reference to
 * each range it creates (a `_KeepReference` call and a second instantiate action per range) and
 * releases them all when the run ends.
 */
export function newContext(idBase = ID_BASE, insideRun = true): Excel.RequestContext {
  const { Excel: X, OfficeExtension } = office();
  class Session extends OfficeExtension.SessionBase {
    _resolveRequestUrlAndHeaderInfo() {
      return Promise.resolve({ url: "https://host/x", headers: {} });
    }
    _createRequestExecutorOrNull() {
      return {
        executeAsync: () => {
          throw new Error("request-bytes measures requests; it never sends one");
        },
      };
    }
  }
  const context = new X.RequestContext(new Session() as unknown as string);
  (context as unknown as ContextInternals).m_nextId = idBase;
  (context as unknown as { _autoCleanup: boolean })._autoCleanup = insideRun;
  return context;
}

/** The body office.js would send for what is queued on `context` now. */
export function pendingBody(context: Excel.RequestContext): unknown {
  const internals = context as unknown as ContextInternals;
  return internals._pendingRequest.buildRequestMessageBodyAndRequestFlags().body;
}

/** Its size in UTF-8 bytes, as Excel on the web counts it. */
export function pendingBytes(context: Excel.RequestContext): number {
  return Buffer.byteLength(JSON.stringify(pendingBody(context)), "utf8");
}

/** Bytes of a request holding whatever `queue` queues on a fresh context. */
export function requestBytes(queue: (context: Excel.RequestContext) => void): number {
  const context = newContext();
  queue(context);
  return pendingBytes(context);
}

/**
 * The marginal bytes of one job: `setup` queues what the job's request already holds (the sheet
 * it writes to, say, and a first job of the same kind so that every object path the job shares
 * with others is already in the request), then `job` runs and the growth is measured. Returns the
 * growth of the job that grew the request most over `repeat` runs of it (each with new ids).
 */
export function measureJob<T>(
  setup: (context: Excel.RequestContext) => T,
  job: (context: Excel.RequestContext, shared: T) => void,
  repeat = 3,
): number {
  const context = newContext();
  const shared = setup(context);
  let worst = 0;
  let before = pendingBytes(context);
  for (let i = 0; i < repeat; i++) {
    job(context, shared);
    const after = pendingBytes(context);
    worst = Math.max(worst, after - before);
    before = after;
  }
  return worst;
}

/** The worksheet a job writes to: as the add-in finds it (worksheets.getItem(name)). */
export function sheetOf(context: Excel.RequestContext, name = "Danh sách lỗi"): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

/** As after a sync: what was queued is gone, the objects stay (their paths go in again). */
export function startNewRequest(context: Excel.RequestContext): void {
  (context as unknown as { m_pendingRequest: unknown }).m_pendingRequest = null;
}

/**
 * Answers a pending `collection.load(...)` as Excel would, without a round trip: each item with
 * its id (Excel's ids: GUIDs for sheets and charts), so that office.js addresses it by id.
 */
export function answerLoad(collection: object, items: readonly Record<string, unknown>[]): void {
  (collection as { _handleResult(value: unknown): void })._handleResult({ _Items: items });
}
