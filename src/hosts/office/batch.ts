/**
 * How the Office host talks to Excel: one batch function (Excel.run in the add-in, the strict fake
 * in tests), byte estimates that keep every request under Excel on the web's 5 MB, and a write
 * queue that syncs only when a request is full, so round trips follow the data's size and never
 * the number of rows, clubs or findings.
 */
import { SHEET_PATH, stringBytes } from "./request-costs";

export type ExcelBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Is a requirement set supported (Office.context.requirements.isSetSupported)? */
export type Supports = (set: string, version: string) => boolean;

export const LIMITS = {
  /**
   * Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded):
   * 5,000,000 bytes, the stricter reading of "5 MB" (5 MiB would be 5,242,880). Writes are
   * budgeted in bytes of the body office.js really sends (request-costs.ts, measured against the
   * real client), reads by an upper bound of the answer's JSON (cellBytes). The 500,000 bytes
   * left are for what no job is charged: the request's frame (about 130 bytes) and slack for
   * anything of Excel's own that the measurements could not see (HTTP framing is not counted).
   */
  payloadBytes: 4_500_000,
  /** 5,000,000 cells per read or write on every platform. */
  cells: 4_000_000,
  /** Excel caps an address string at 8,192 characters. */
  addressChars: 8_000,
};

/** Feature detection without assuming that Office is loaded (file mode has no Office). */
export const officeSupports: Supports = (set, version) =>
  typeof Office !== "undefined" &&
  Office.context?.requirements?.isSetSupported(set, version) === true;

const LIMIT_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
]);

/** A request or response too large for Excel: the caller retries with a smaller block. */
export function isLimitError(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" && LIMIT_CODES.has(code);
}

/**
 * A value's UTF-8 JSON size in a response, with the comma after it: a string exactly as JSON
 * escapes and UTF-8 encodes it (Vietnamese letters 3 bytes, a control character 6); a number at
 * most 25 characters ("-0.0000020837968426407568": 17 digits after 5 zeros, before JavaScript
 * switches to an exponent); true, false or null at most 5. Checked against JSON.stringify of
 * real answers in test/office-js/request-reads.test.ts.
 */
export function cellBytes(v: unknown): number {
  if (typeof v === "string") return stringBytes(v) + 1;
  if (typeof v === "number") return 26;
  return 6;
}

/** A row of values in a response: its cells, its brackets and the comma after it. */
export function rowBytes(row: readonly unknown[]): number {
  let n = 3;
  for (const v of row) n += cellBytes(v);
  return n;
}

/**
 * What a response carries besides its values: `{"Results":[{"ActionId":…,"Value":{"Values":[…]}}]}`
 * for each range read, with room for a long id.
 */
export const RESPONSE_FRAME_BYTES = 200;

/*
 * Why the writers call `.untrack()` on every range they make: inside Excel.run, office.js keeps a
 * reference to each range (a `_KeepReference` action) and releases them all in one request when
 * the batch ends. For 50,000 finding links that request alone was over 6 MB, which Excel on the
 * web refuses (the references then leak in Excel). A range used once needs no reference.
 */

/**
 * Queues writes into as few requests as their size allows: a sync runs only when the next job
 * would push the request past the budget, and once at the end.
 */
export class WriteQueue {
  private bytes = 0;
  private jobs = 0;
  /** The worksheets whose paths the pending request already holds. */
  private readonly sheets = new Set<object>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = LIMITS.payloadBytes,
  ) {}

  /** Bytes charged to the pending request so far. */
  get queued(): number {
    return this.bytes;
  }

  /**
   * Queues one job that adds `bytes` to the request (request-costs.ts; the caller keeps each job
   * far under the budget). `sheet`, the worksheet it writes to: a request holds each worksheet's
   * path once, so the first job on a sheet in a request is charged SHEET_PATH more.
   */
  async add(bytes: number, job: () => void, sheet?: object): Promise<void> {
    const cost = () => bytes + (sheet !== undefined && !this.sheets.has(sheet) ? SHEET_PATH : 0);
    if (this.jobs > 0 && this.bytes + cost() > this.budget) await this.flush();
    this.bytes += cost();
    if (sheet !== undefined) this.sheets.add(sheet);
    job();
    this.jobs++;
  }

  async flush(): Promise<void> {
    if (this.jobs === 0) return;
    this.bytes = 0;
    this.jobs = 0;
    this.sheets.clear();
    await this.context.sync();
  }
}
