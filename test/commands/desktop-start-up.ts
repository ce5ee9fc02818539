/**
 * TEST-ONLY: office.js's real start-up as on Excel for Windows, in a jsdom window of its own.
 *
 * Everything on the page's side is Microsoft's code from `@microsoft/office-js/dist`:
 * office.debug.js reads the host information, loads the Win32 Excel script and the locale strings
 * (served from the dist folder), asks the host for the add-in's context, waits for Office.onReady
 * or Office.initialize, and only then registers for AppCommandInvoked, the event through which
 * Excel runs an ExecuteFunction command. Only the host's side is simulated, where office.js meets
 * it:
 *
 * - the page's address carries `_host_Info=Excel$Win32$16.01$…`, as Office opens add-in pages;
 * - `window.external` is the native object Excel for Windows gives the page: `GetContext()` (the
 *   add-in's context and its settings), `RegisterEvent`, `UnregisterEvent` and `Execute`;
 * - script loading: a <script> office.js adds is answered by evaluating that file from the dist
 *   folder and firing its load event, as a browser would (jsdom does not fetch scripts here).
 *
 * The host records every call, raises events the way Excel does (`fire`) and answers the dialog
 * API with "a dialog is already open", so that a command's dialog need not be simulated.
 *
 * Rich API requests (Excel.run's batches) reach `Execute` as Excel for Windows receives them:
 * dispid 93 with one parameter, the request "safe array" of RichApiMessageUtility
 * (`[customData, method, path, headers, body, appPermission, requestFlags, …]`, the body the
 * request's JSON as a string). `decodeRichApiRequest` reads it; `richApi` (by default an empty
 * HTTP 200) answers it, and the host shapes the answer as office.js reads it back.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";

const DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.debug.js"));
/** Where the page loads office.js from; every script under it is read from DIST. */
export const OFFICE_JS_BASE = "https://localhost:3000/office-js/";
export const COMMANDS_URL =
  "https://localhost:3000/commands.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0";

/** office.js's dispatch ids (OSF.DDA.EventDispId, OSF.DDA.MethodDispId in the host script). */
export const DISPID = {
  appCommandInvokedEvent: 39,
  appCommandInvocationCompletedMethod: 94,
  executeRichApiRequestMethod: 93,
  dialogMessageReceivedEvent: 10,
} as const;

/** OSF.DDA.ErrorCodeManager.errorCodes: success, and "a dialog is already open". */
const OOE_SUCCESS = 0;
const OOE_DIALOG_ALREADY_OPENED = 12007;
/**
 * ooeInvalidApiCallInContext: what Excel for Windows answers a Rich API request with while a cell
 * is being edited; Excel's RequestContext._processOfficeJsErrorResponse turns it into
 * InvalidOperationInCellEditMode.
 */
export const OOE_INVALID_API_CALL_IN_CONTEXT = 5004;
/** ooeInternalError: what the page sees when the simulated host itself throws. */
const OOE_INTERNAL_ERROR = 5001;

/** office.js's RequestFlags.DelayForCellEdit (Excel.run({ delayForCellEdit: true })). */
export const DELAY_FOR_CELL_EDIT = 64;

/** A current Excel for Windows' requirement sets, as the host reports them. */
export const REQUIREMENT_SETS = {
  ExcelApi: "1.17",
  DialogApi: "1.2",
  RibbonApi: "1.1",
  DelayForCellEdit: "1.1",
  SharedRuntime: "1.1",
};

/** A COM SAFEARRAY as office.js's Win32 code reads one: through toArray(), one dimension. */
const safeArray = (items: unknown[]) => ({ toArray: () => items, dimensions: () => 1 });

/** A Rich API request as Excel for Windows receives it through window.external.Execute. */
export interface RichApiRequest {
  /** The session's partition ("WacPartition" for office.js's own requests, else Excel's). */
  readonly customData: unknown;
  readonly method: string;
  /** "ProcessQuery": Excel's request processor. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The request's JSON ({Actions, ObjectPaths}) as office.js serialised it. */
  readonly body: string;
  /** RequestFlags: 64 is DelayForCellEdit. */
  readonly flags: number;
}

/**
 * How the host answers a Rich API request: an HTTP-like answer (status, headers, body text), or
 * an Office error code in place of one (the request did not run).
 */
export type RichApiAnswer =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body: string }
  | { readonly officeError: number };

export type RichApiHandler = (request: RichApiRequest) => RichApiAnswer | Promise<RichApiAnswer>;

/**
 * Reads the parameters of Execute(93, params): `params[0]` is the request array that office.js's
 * RichApiMessageUtility.buildRequestMessageSafeArray builds (headers as a flat name, value list).
 */
export function decodeRichApiRequest(params: readonly unknown[]): RichApiRequest {
  const request = params[0];
  if (!Array.isArray(request) || request.length < 7)
    throw new Error(`not a Rich API request: ${JSON.stringify(params).slice(0, 200)}`);
  const [customData, method, path, headerList, body, , flags] = request as unknown[];
  const headers: Record<string, string> = {};
  const list = headerList as string[];
  for (let i = 0; i + 1 < list.length; i += 2) headers[list[i]!] = list[i + 1]!;
  if (typeof body !== "string" || typeof flags !== "number")
    throw new Error("a Rich API request's body is a string and its flags a number");
  return { customData, method: String(method), path: String(path), headers, body, flags };
}

/**
 * The answer as office.js reads it: the callback's array is [status, payload], the payload (read
 * by RichApiMessageUtility.getResponse*FromSafeArray) [HTTP status, flat header list, body].
 * An Office error is the status alone.
 */
function encodeRichApiAnswer(answer: RichApiAnswer): { toArray(): unknown[] } {
  if ("officeError" in answer) return safeArray([answer.officeError]);
  const headers = Object.entries(answer.headers ?? {}).flat();
  return safeArray([OOE_SUCCESS, safeArray([answer.status, headers, answer.body])]);
}

/** The default answer: an empty HTTP 200 (office.js's own start-up requests need no more). */
const emptyAnswer: RichApiHandler = () => ({ status: 200, body: '{"Results":[]}' });

type EventHandler = (dispId: number, payload: unknown) => void;

export interface Registration {
  readonly dispId: number;
  readonly targetId: string;
  readonly handler: EventHandler;
  /** Whether the host has answered the registration (office.js adds its handler only then). */
  answered: boolean;
}

export interface Execution {
  readonly dispId: number;
  readonly params: unknown[];
}

/** The simulated Excel for Windows: what the page asked of it, and the events it raises. */
export class Win32Host {
  readonly registrations: Registration[] = [];
  readonly executions: Execution[] = [];
  readonly scripts: string[] = [];
  /** Errors the simulated host's own Rich API handler threw (a test should expect none). */
  readonly failures: unknown[] = [];
  /** The page's add-in settings, as Excel keeps them in the document. */
  readonly settings = new Map<string, string>();
  /** How many times office.js asked for the add-in's context (window.external.GetContext). */
  contextRequests = 0;
  /** What Excel does with a Rich API request; an empty HTTP 200 unless a test says otherwise. */
  richApi: RichApiHandler = emptyAnswer;

  constructor(
    private readonly uiLocale: string,
    private readonly requirementSets: Readonly<Record<string, string>> = REQUIREMENT_SETS,
  ) {}

  /** window.external, the native object Excel for Windows exposes to the page. */
  external(): Record<string, unknown> {
    const settings = this.settings;
    const context = {
      GetAppType: () => 1, // OSF.AppName.Excel
      GetSolutionRef: () => "ishc-check",
      GetAppVersionMajor: () => 16,
      GetAppVersionMinor: () => 1,
      GetAppUILocale: () => this.uiLocale,
      GetAppDataLocale: () => this.uiLocale,
      GetDocUrl: () => "C:\\Users\\auditor\\Documents\\CLB.xlsx",
      GetAppCapabilities: () => 0, // read-write
      GetActivationMode: () => 2, // document opened
      GetControlIntegrationLevel: () => 0,
      GetSolutionToken: () => "",
      GetHostFullVersion: () => "16.0.17928.20114",
      // The requirement sets this Excel supports (Office.context.requirements).
      GetSupportedMatrix: () => JSON.stringify(this.requirementSets),
      GetSettings: () => ({
        Read: (keys: string[], values: string[]) => {
          for (const [key, value] of settings) {
            keys.push(key);
            values.push(value);
          }
        },
        Write: (keys: string[], values: string[]) => {
          settings.clear();
          keys.forEach((key, i) => settings.set(key, values[i]!));
        },
      }),
    };
    return {
      GetContext: () => {
        this.contextRequests++;
        return context;
      },
      RegisterEvent: (
        dispId: number,
        targetId: string,
        handler: EventHandler,
        callback: (status: number) => void,
      ) => {
        const registration: Registration = { dispId, targetId, handler, answered: false };
        this.registrations.push(registration);
        const isDialog = dispId === DISPID.dialogMessageReceivedEvent;
        setTimeout(() => {
          registration.answered = true;
          callback(isDialog ? OOE_DIALOG_ALREADY_OPENED : OOE_SUCCESS);
        }, 0);
      },
      UnregisterEvent: (dispId: number, targetId: string, callback: (status: number) => void) => {
        const i = this.registrations.findIndex(
          (r) => r.dispId === dispId && r.targetId === targetId,
        );
        if (i >= 0) this.registrations.splice(i, 1);
        setTimeout(() => callback(OOE_SUCCESS), 0);
      },
      Execute: (
        dispId: number,
        params: unknown[],
        callback: (response: { toArray(): unknown[] }) => void,
      ) => {
        this.executions.push({ dispId, params });
        // Anything but a Rich API request gets a bare success. Excel answers asynchronously.
        if (dispId !== DISPID.executeRichApiRequestMethod) {
          setTimeout(() => callback(safeArray([OOE_SUCCESS])), 0);
          return;
        }
        const request = decodeRichApiRequest(params);
        setTimeout(() => {
          void Promise.resolve(this.richApi(request)).then(
            (answer) => callback(encodeRichApiAnswer(answer)),
            (error: unknown) => {
              // A broken simulation must not pass for Excel's answer: office.js sees an internal error.
              this.failures.push(error);
              callback(safeArray([OOE_INTERNAL_ERROR]));
            },
          );
        }, 0);
      },
    };
  }

  /** Whether the page listens for the ribbon's commands (AppCommandInvoked). */
  listensForCommands(): boolean {
    return this.registrations.some((r) => r.dispId === DISPID.appCommandInvokedEvent && r.answered);
  }

  /**
   * The user clicks a button whose action is ExecuteFunction `functionName`: Excel raises
   * AppCommandInvoked with the command's id, the function's name and the event's JSON.
   */
  executeFunction(appCommandId: string, functionName: string, controlId: string): void {
    const registration = this.registrations.find(
      (r) => r.dispId === DISPID.appCommandInvokedEvent && r.answered,
    );
    if (!registration) throw new Error("the page does not listen for ribbon commands");
    const eventObject = JSON.stringify({ source: { id: controlId } });
    registration.handler(
      DISPID.appCommandInvokedEvent,
      safeArray([appCommandId, functionName, eventObject]),
    );
  }

  /** The page's Rich API requests (Excel.run's batches), decoded, in the order sent. */
  richApiRequests(): RichApiRequest[] {
    return this.executions
      .filter((e) => e.dispId === DISPID.executeRichApiRequestMethod)
      .map((e) => decodeRichApiRequest(e.params));
  }

  /** The page's AppCommandInvocationCompleted calls: [command id, status, event JSON]. */
  completions(): unknown[][] {
    return this.executions
      .filter((e) => e.dispId === DISPID.appCommandInvocationCompletedMethod)
      .map((e) => e.params);
  }
}

export interface DesktopPage {
  readonly window: Window & typeof globalThis;
  readonly host: Win32Host;
  /** Scripts the page asked for that are not in the dist folder (telemetry): answered "error". */
  readonly refused: string[];
  close(): void;
}

/**
 * The commands page as Excel for Windows opens it: office.debug.js's <script> in the page,
 * evaluated, with the simulated host in place. The page's own code runs afterwards (the caller
 * runs it, as the page's bundle runs after office.js).
 */
export function openDesktopPage(
  uiLocale = "vi-VN",
  options: {
    /** The add-in's settings stored in the document, as Excel keeps them: JSON texts by name. */
    readonly settings?: Readonly<Record<string, string>>;
    readonly richApi?: RichApiHandler;
    /** The requirement sets the host reports; a current Excel's (REQUIREMENT_SETS) by default. */
    readonly requirementSets?: Readonly<Record<string, string>>;
  } = {},
): DesktopPage {
  const host = new Win32Host(uiLocale, options.requirementSets);
  for (const [key, value] of Object.entries(options.settings ?? {})) host.settings.set(key, value);
  if (options.richApi) host.richApi = options.richApi;
  const refused: string[] = [];
  const officeJs = `${OFFICE_JS_BASE}office.debug.js`;
  const dom = new JSDOM(
    `<!doctype html><html><head><script src="${officeJs}"></script></head><body></body></html>`,
    { runScripts: "outside-only", url: COMMANDS_URL },
  );
  const window = dom.window as unknown as Window & typeof globalThis;
  Object.defineProperty(window, "external", {
    value: host.external(),
    configurable: true,
    writable: true,
  });
  const evaluate = (code: string) => (window as unknown as { eval(c: string): unknown }).eval(code);
  // One Error for the page, as in a browser: the page's own code runs in Jest's realm, office.js
  // in the window's, and without this an office.js error (OfficeExtension.Error extends the
  // global Error) would fail the page's `instanceof Error`, which it passes in Excel.
  Object.defineProperty(window, "Error", { value: Error, configurable: true, writable: true });

  // The browser's part: fetch a script office.js adds, run it, then fire load (or error).
  const observer = new window.MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of Array.from(mutation.addedNodes)) {
        if (!(node instanceof window.HTMLScriptElement) || !node.src || node.src === officeJs)
          continue;
        const src = node.src;
        setTimeout(() => {
          if (!src.startsWith(OFFICE_JS_BASE)) {
            refused.push(src);
            node.dispatchEvent(new window.Event("error"));
            return;
          }
          const file = path.join(DIST, ...src.slice(OFFICE_JS_BASE.length).split("/"));
          host.scripts.push(src.slice(OFFICE_JS_BASE.length));
          evaluate(readFileSync(file, "utf8"));
          node.dispatchEvent(new window.Event("load"));
        }, 0);
      }
    }
  });
  observer.observe(window.document, { childList: true, subtree: true });

  evaluate(readFileSync(path.join(DIST, "office.debug.js"), "utf8"));
  return {
    window,
    host,
    refused,
    close: () => {
      observer.disconnect();
      window.close();
    },
  };
}

/** Resolves once `test` holds, polling every 10 ms; rejects after `ms`. */
export async function waitFor(test: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs src/commands/commands.ts as the page's bundle runs: right after office.js, over its globals. */
export async function runCommandsPage(page: DesktopPage): Promise<void> {
  const scope = page.window as unknown as Record<string, unknown>;
  // Read through, as a page's globals are: Excel appears only once office.js has loaded its script.
  for (const name of ["Office", "Excel"])
    Object.defineProperty(globalThis, name, { get: () => scope[name], configurable: true });
  Object.assign(globalThis, { window: page.window });
  await jest.isolateModulesAsync(async () => {
    await import("../../src/commands/commands");
  });
}
