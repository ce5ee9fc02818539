/**
 * TEST-ONLY: Excel for Windows' side of the Rich API, for desktop-start-up.ts's host. Each request
 * office.js passes to window.external.Execute is decoded there; here it is run as Excel runs it:
 * Excel's own requests (Excel.run's batches) on the strict in-memory workbook through the wire
 * executor, the add-in runtime's internal service ("action handler ready") answered as done. The
 * user may be editing a cell: then a request without DelayForCellEdit is refused with the Office
 * error Excel gives, and one with it waits until the edit ends.
 *
 * The request arrives as JSON text, as it does in Excel: an argument office.js left undefined (an
 * optional one, as worksheet.getRange()'s address) arrives as null, which Excel takes as "not
 * given". The fake's methods take JavaScript's absent arguments, so trailing nulls of a method's
 * arguments are dropped before the wire executor runs the request (property values are kept).
 */
import { RawSheet } from "../../src/core/model/cells";
import { FakeExcel, FakeRequestContext } from "../fakes/excel";
import { WireExecutor, WireRequest } from "../office-js/wire-executor";
import {
  DELAY_FOR_CELL_EDIT,
  OOE_INVALID_API_CALL_IN_CONTEXT,
  RichApiAnswer,
  RichApiRequest,
} from "./desktop-start-up";

/** office.js's ObjectPathType for a service it creates (NotifyActionHandlerReady's). */
const CREATE_SERVICE = 2;

export interface HandledRequest {
  readonly request: RichApiRequest;
  /** "workbook": run on the fake; "service": office.js's own; "refused": cell editing. */
  readonly kind: "workbook" | "service" | "refused";
  /** Whether it waited for a cell edit to end before running. */
  readonly waited: boolean;
  /** The error code of Excel's answer, if any. */
  readonly error?: string;
}

export class Win32Excel {
  readonly excel: FakeExcel;
  readonly handled: HandledRequest[] = [];
  /** The user is typing in a cell. */
  cellEditing = false;
  private editEndsAfter: number | undefined;
  private readonly executor: WireExecutor;

  constructor(sheets: readonly RawSheet[], apiMinor: number) {
    // Byte limits are Excel on the web's; Excel for Windows is not sized here.
    this.excel = new FakeExcel(sheets, { requestBytes: Infinity, responseBytes: Infinity });
    this.excel.apiMinor = apiMinor;
    const { model, limits, stats } = this.excel;
    this.executor = new WireExecutor(new FakeRequestContext(model, limits, stats, apiMinor));
  }

  /** The host's Rich API handler (Win32Host.richApi). */
  handle = async (request: RichApiRequest): Promise<RichApiAnswer> => {
    const body = omittedArguments(JSON.parse(request.body) as WireRequest);
    if (isServiceRequest(body)) {
      this.handled.push({ request, kind: "service", waited: false });
      return ok(serviceAnswer(body));
    }
    let waited = false;
    if (this.cellEditing && this.editEndsAfter !== undefined) {
      setTimeout(() => (this.cellEditing = false), this.editEndsAfter);
      this.editEndsAfter = undefined;
    }
    if (this.cellEditing) {
      if ((request.flags & DELAY_FOR_CELL_EDIT) === 0) {
        this.handled.push({ request, kind: "refused", waited });
        return { officeError: OOE_INVALID_API_CALL_IN_CONTEXT };
      }
      waited = true;
      while (this.cellEditing) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const { results, error } = await this.executor.execute(body);
    this.handled.push({
      request,
      kind: "workbook",
      waited,
      ...(error ? { error: error.Code } : {}),
    });
    return ok(error ? { Results: results, Error: error } : { Results: results });
  };

  /**
   * The user is editing a cell, and ends the edit (Enter) `ms` milliseconds after Excel first
   * receives a request meanwhile: the click's requests meet the edit however long the engine's
   * module takes to load.
   */
  editCellFor(ms: number): void {
    this.cellEditing = true;
    this.editEndsAfter = ms;
  }

  /** The requests run on the workbook (Excel.run's batches). */
  workbookRequests(): HandledRequest[] {
    return this.handled.filter((h) => h.kind === "workbook");
  }
}

/** Calls: a method in an object path (3) or a method action (3); their trailing nulls omitted. */
function omittedArguments(body: WireRequest): WireRequest {
  type Args = { Arguments?: readonly unknown[] } | undefined;
  const trimmed = <T extends { ArgumentInfo?: Args }>(call: T): T => {
    const args = call.ArgumentInfo?.Arguments;
    if (!args || args.length === 0 || args[args.length - 1] !== null) return call;
    const kept = [...args];
    while (kept.length > 0 && kept[kept.length - 1] === null) kept.pop();
    return { ...call, ArgumentInfo: { ...call.ArgumentInfo, Arguments: kept } };
  };
  const paths = Object.fromEntries(
    Object.entries(body.ObjectPaths).map(([id, p]) => [
      id,
      p.ObjectPathType === 3 ? trimmed(p) : p,
    ]),
  );
  const actions = body.Actions.map((a) => (a.ActionType === 3 ? trimmed(a) : a));
  return { ...body, Actions: actions, ObjectPaths: paths };
}

const ok = (answer: object): RichApiAnswer => ({ status: 200, body: JSON.stringify(answer) });

/** A request addressed to a service office.js creates rather than to the workbook. */
function isServiceRequest(body: WireRequest): boolean {
  const paths = Object.values(body.ObjectPaths) as { ObjectPathType: number }[];
  return paths.some((p) => p.ObjectPathType === CREATE_SERVICE);
}

/** Every action of a service request done, with nothing to say (as NotifyActionHandlerReady). */
function serviceAnswer(body: WireRequest): object {
  return {
    Results: body.Actions.map((a) => ({ ActionId: a.Id, Value: a.ActionType === 1 ? {} : null })),
  };
}
