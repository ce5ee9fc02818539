/**
 * How the Office host talks to Excel: one batch function (Excel.run in the add-in, the strict fake
 * in tests), byte estimates that keep every request under Excel on the web's 5 MB, and a write
 * queue that syncs only when a request is full, so round trips follow the data's size and never
 * the number of rows, clubs or findings.
 */
export type ExcelBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Is a requirement set supported (Office.context.requirements.isSetSupported)? */
export type Supports = (set: string, version: string) => boolean;

export const LIMITS = {
  /** 5 MB per request and response on the web, with room for the JSON around the values. */
  payloadBytes: 4_000_000,
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
 * An upper bound of a value's UTF-8 JSON size: Vietnamese letters take up to 3 bytes, quotes and
 * the comma 3 more; a number at most 24 characters.
 */
export function cellBytes(v: unknown): number {
  if (typeof v === "string") return v.length * 3 + 3;
  if (typeof v === "number") return 25;
  return 6;
}

/**
 * Queues writes into as few requests as their size allows: a sync runs only when the next job
 * would push the request past the budget, and once at the end.
 */
export class WriteQueue {
  private bytes = 0;
  private jobs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = LIMITS.payloadBytes,
  ) {}

  /** Queues one job of about `bytes` bytes (the caller keeps each job under the budget). */
  async add(bytes: number, job: () => void): Promise<void> {
    if (this.jobs > 0 && this.bytes + bytes > this.budget) await this.flush();
    job();
    this.bytes += bytes;
    this.jobs++;
  }

  async flush(): Promise<void> {
    if (this.jobs === 0) return;
    this.bytes = 0;
    this.jobs = 0;
    await this.context.sync();
  }
}
