/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * The request context: every property write and method call is queued as an operation, and only
 * context.sync() runs them against the model, in order, the way Excel runs a batch. Each sync is
 * counted, its request and response are sized (UTF-8 bytes of the JSON Excel would send), and the
 * limits of Excel on the web are enforced.
 */
import { FakeExcelError, apiNotFound } from "./errors";
import { WorkbookModel } from "./model";

export interface Limits {
  /** Excel on the web: 5 MB per request and per response. */
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** Every platform: 5,000,000 cells per range read or write. */
  readonly cells: number;
  /** Address strings passed to getRange/getRanges. */
  readonly addressChars: number;
}

export const EXCEL_LIMITS: Limits = {
  requestBytes: 5 * 1024 * 1024,
  responseBytes: 5 * 1024 * 1024,
  cells: 5_000_000,
  addressChars: 8192,
};

export interface SyncStats {
  syncs: number;
  largestRequest: number;
  largestResponse: number;
  /** Operations run by all syncs (writes and loads). */
  operations: number;
  /** Worksheet.delete() calls run: each one clears the user's undo history in Excel. */
  sheetDeletes: number;
  /** Syncs that ended in an error (the batch's queued work is then lost, as in Excel). */
  failedSyncs: number;
}

interface Operation {
  readonly requestBytes: number;
  /** Runs against the model; returns the bytes it adds to the response. */
  readonly run: () => number;
}

/** Microsoft 365 at the time of writing; the fake's default. */
export const LATEST_API_MINOR = 20;

export const jsonBytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v) ?? "", "utf8");

/** Fixed cost of one queued action in a request (object path, method id). */
const ACTION_BYTES = 40;

export class FakeContext {
  private queue: Operation[] = [];
  private readonly afterSync: (() => void)[] = [];

  constructor(
    readonly model: WorkbookModel,
    readonly limits: Limits,
    readonly stats: SyncStats,
    /** The newest ExcelApi 1.x this Excel has, as x (Office 2019: 7); see FakeExcel.apiMinor. */
    readonly apiMinor = LATEST_API_MINOR,
  ) {}

  /**
   * Inside a sync: fails the request as an Excel without ExcelApi 1.`minor` does, so that a host
   * which skips its feature detection is caught.
   */
  requireApi(minor: number, what: string): void {
    if (this.apiMinor < minor) throw apiNotFound(what, `1.${minor}`);
  }

  enqueue(payloadBytes: number, run: () => number | void): void {
    this.queue.push({ requestBytes: ACTION_BYTES + payloadBytes, run: () => run() ?? 0 });
  }

  /** Called once after the next sync succeeds (a null object learns whether it is null). */
  onSynced(fn: () => void): void {
    this.afterSync.push(fn);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    try {
      this.run();
    } catch (e) {
      this.stats.failedSyncs++;
      throw e;
    }
  }

  private run(): void {
    const ops = this.queue;
    const after = this.afterSync.splice(0);
    this.queue = [];
    this.stats.syncs++;
    const request = ops.reduce((n, op) => n + op.requestBytes, 0);
    this.stats.largestRequest = Math.max(this.stats.largestRequest, request);
    if (request > this.limits.requestBytes)
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${request} bytes).`,
      );
    let response = 0;
    for (const op of ops) {
      response += op.run();
      this.stats.operations++;
    }
    this.stats.largestResponse = Math.max(this.stats.largestResponse, response);
    if (response > this.limits.responseBytes)
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${response} bytes).`,
      );
    for (const fn of after) fn();
  }
}
