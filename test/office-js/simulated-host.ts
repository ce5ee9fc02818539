/**
 * TEST-ONLY: Excel as the real office.js client meets it. `run` is office.js's own `Excel.run`;
 * each request office.js sends goes through `SimulatedHost.execute`, which sizes it as Excel on the
 * web does (5 MB per request and per response), can fail it the way Excel or the network would,
 * and otherwise runs it on the strict in-memory workbook (wire-executor.ts). Responses go back
 * through office.js, so loading, proxies, PropertyNotLoaded, null objects, batching and errors are
 * the library's own behaviour.
 *
 * Not simulated: Office's document settings, dialogs and events (the Common API channel), the
 * undo stack, recalculation, rendering, and anything of Excel not modelled by test/fakes/excel.
 */
import { RawSheet } from "../../src/core/model/cells";
import type { ExcelBatch } from "../../src/hosts/office";
import { FakeExcel, FakeRequestContext } from "../fakes/excel";
import { OfficeJsWindow, loadOfficeJs } from "./office-js-window";
import { WireExecutor, WireRequest } from "./wire-executor";

/** Excel on the web refuses a request or a response over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** office.js sets this request flag for Excel.run({ delayForCellEdit: true }). */
const DELAY_FOR_CELL_EDIT = 64;

export interface RequestRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
  /** Cells of `values` (or formulas, number formats) the response carried, empty ones included. */
  readonly cells: number;
  /** The error code Excel answered with, if any. */
  readonly error?: string;
}

/** How the k-th request (1-based, counted over the host's life) fails. */
export type Fault =
  /** Never reaches the host: nothing of it runs (a dropped connection, a payload refused). */
  | { readonly kind: "refuse"; readonly code: string }
  /** Runs a change on the workbook first (the user protects a sheet meanwhile), then the request. */
  | { readonly kind: "before"; readonly change: (excel: FakeExcel) => void };

interface WireResponse {
  readonly HttpStatusCode: number;
  readonly Headers: Record<string, string>;
  readonly Body?: unknown;
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
}

const utf8 = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), "utf8");

let shared: OfficeJsWindow | undefined;

// The window's timers (office.js starts a few) would keep Jest waiting after the tests.
if (typeof afterAll === "function")
  afterAll(() => {
    shared?.window.close();
    shared = undefined;
  });

/** Cells of the 2-D grids (`Values`, `Formulas`, `NumberFormat`) anywhere in an answer. */
function gridCells(v: unknown): number {
  if (typeof v !== "object" || v === null) return 0;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + gridCells(x), 0);
  let n = 0;
  for (const [key, x] of Object.entries(v))
    n +=
      GRIDS.has(key) && Array.isArray(x)
        ? x.reduce((m: number, row) => m + (Array.isArray(row) ? row.length : 0), 0)
        : gridCells(x);
  return n;
}
const GRIDS = new Set(["Values", "Formulas", "NumberFormat"]);

export class SimulatedHost {
  readonly office: OfficeJsWindow;
  readonly excel: FakeExcel;
  readonly requests: RequestRecord[] = [];
  /** Faults by request number (1-based); `failFrom` fails every request from that one on. */
  readonly faults = new Map<number, Fault>();
  failFrom: { readonly from: number; readonly code: string } | undefined;
  /** The user is typing in a cell: Excel refuses batches that do not wait for it. */
  cellEditing = false;
  private readonly executor: WireExecutor;
  private readonly session: object;

  constructor(sheets: readonly RawSheet[] = [], options: { apiMinor?: number } = {}) {
    // One window per test file: office.js keeps no state between runs that matters here.
    this.office = shared ??= loadOfficeJs();
    // The fake's own byte estimates are switched off: here the real bytes are measured.
    this.excel = new FakeExcel(sheets, { requestBytes: Infinity, responseBytes: Infinity });
    if (options.apiMinor !== undefined) this.excel.apiMinor = options.apiMinor;
    const context = new FakeRequestContext(
      this.excel.model,
      this.excel.limits,
      this.excel.stats,
      this.excel.apiMinor,
    );
    this.executor = new WireExecutor(context);
    const execute = (flags: number, body: WireRequest) => this.execute(flags, body);
    const Base = this.office.OfficeExtension.SessionBase;
    class Session extends Base {
      _resolveRequestUrlAndHeaderInfo() {
        return Promise.resolve({ url: "https://excel.simulated/", headers: {} });
      }
      _createRequestExecutorOrNull() {
        return {
          executeAsync: (_customData: unknown, flags: number, message: { Body: WireRequest }) =>
            execute(flags, message.Body),
        };
      }
    }
    this.session = new Session();
  }

  /** office.js's Excel.run, on this host. */
  run: ExcelBatch = (batch) =>
    this.office.Excel.run({ session: this.session } as unknown as Excel.RunOptions, batch);

  /** office.js's Excel.run with options (delayForCellEdit), on this host. */
  runWith = <T>(
    options: { delayForCellEdit?: boolean },
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> =>
    this.office.Excel.run(
      { session: this.session, ...options } as unknown as Excel.RunOptions,
      batch,
    );

  /**
   * Makes office.js's global Excel.run (as the add-in calls it, without a session) use this host,
   * and `globalThis.Excel` office.js's Excel. Returns the undo.
   */
  install(): () => void {
    const base = this.office.OfficeExtension.SessionBase as unknown as {
      _overrideSession?: object;
    };
    const g = globalThis as { Excel?: unknown };
    const before = { session: base._overrideSession, excel: g.Excel };
    base._overrideSession = this.session;
    g.Excel = this.office.Excel;
    return () => {
      base._overrideSession = before.session;
      g.Excel = before.excel;
    };
  }

  get largestRequest(): number {
    return Math.max(0, ...this.requests.map((r) => r.requestBytes));
  }

  /** Cells carried by every response so far. */
  get cellsTransferred(): number {
    return this.requests.reduce((n, r) => n + r.cells, 0);
  }

  get largestResponse(): number {
    return Math.max(0, ...this.requests.map((r) => r.responseBytes));
  }

  private async execute(flags: number, body: WireRequest): Promise<WireResponse> {
    const n = this.requests.length + 1;
    const requestBytes = utf8(body);
    const refuse = (code: string, message: string): WireResponse => {
      this.requests.push({
        requestBytes,
        responseBytes: 0,
        actions: body.Actions.length,
        cells: 0,
        error: code,
      });
      return { HttpStatusCode: 500, Headers: {}, ErrorCode: code, ErrorMessage: message };
    };
    const fault = this.faults.get(n);
    if (this.failFrom && n >= this.failFrom.from)
      return refuse(this.failFrom.code, "The connection to Excel was lost.");
    if (fault?.kind === "refuse") return refuse(fault.code, `Request ${n} failed (simulated).`);
    if (fault?.kind === "before") fault.change(this.excel);
    if (requestBytes > PAYLOAD_LIMIT)
      return refuse(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    if (this.cellEditing) {
      if ((flags & DELAY_FOR_CELL_EDIT) === 0)
        return this.answer(requestBytes, body, {
          Error: {
            Code: "InvalidOperationInCellEditMode",
            Message: "Excel is in cell-editing mode.",
          },
        });
      while (this.cellEditing) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const { results, error } = await this.executor.execute(body);
    if (error) return this.answer(requestBytes, body, { Results: results, Error: error });
    const answer = { Results: results };
    if (utf8(answer) > PAYLOAD_LIMIT)
      return this.answer(requestBytes, body, {
        Error: {
          Code: "ResponsePayloadSizeLimitExceeded",
          Message: "The response payload size has exceeded the limit.",
        },
      });
    return this.answer(requestBytes, body, answer);
  }

  private answer(requestBytes: number, body: WireRequest, answer: object): WireResponse {
    const error = (answer as { Error?: { Code: string } }).Error?.Code;
    this.requests.push({
      requestBytes,
      responseBytes: utf8(answer),
      actions: body.Actions.length,
      cells: gridCells(answer),
      ...(error ? { error } : {}),
    });
    return { HttpStatusCode: 200, Headers: {}, Body: answer };
  }
}
