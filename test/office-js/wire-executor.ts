/**
 * TEST-ONLY: the host side of Excel's request protocol, executed against the strict in-memory
 * workbook (test/fakes/excel). The real office.js client builds each request; this file only does
 * what Excel does on receiving one: walk its object paths, run its actions in order, and answer
 * with the results keyed by action id, spelled as office.js expects them on the wire
 * (`Values`, `Address`, `_Items`, `Id`, `_ReferenceId`).
 *
 * The fake's proxies stand in for Excel's objects: a path "GetRange" on a worksheet is the fake
 * worksheet's getRange, a property "Format" its format, an indexer its collection's getItem. So
 * every method and property the host uses is checked twice: by office.js's own metadata when the
 * request is built (a misspelt method does not even reach the wire), and by the fake when it runs.
 */
import { FakeContext } from "../fakes/excel/context";
import { FakeExcelError } from "../fakes/excel/errors";

/** What office.js sends: one request's body. */
export interface WireRequest {
  readonly Actions: readonly WireAction[];
  readonly ObjectPaths: Readonly<Record<string, WirePath>>;
}

interface WireArgs {
  readonly Arguments?: readonly unknown[];
  /** Where an argument is an object (a range passed to a method): its path id, else 0. */
  readonly ReferencedObjectPathIds?: readonly number[];
}

interface WireAction {
  readonly Id: number;
  /** 1 Instantiate, 2 Query, 3 Method, 4 SetProperty, 5 Trace. */
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: WireArgs;
  readonly QueryInfo?: { readonly Select?: readonly string[] | null };
}

interface WirePath {
  readonly Id: number;
  /** 1 global object, 3 method, 4 property, 5 indexer, 6 reference id. */
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: WireArgs;
}

export interface WireResult {
  readonly ActionId: number;
  readonly Value: unknown;
}

export interface WireError {
  readonly Code: string;
  readonly Message: string;
  readonly ActionIndex: number;
}

// The fake's proxies are plain objects with methods and getters named as in the Excel typings.
type Proxy = Record<string, unknown>;

/** "GetRange" -> "getRange": the wire spells members as .NET does, the typings as JavaScript. */
const member = (wire: string): string => wire.charAt(0).toLowerCase() + wire.slice(1);
/** "rowIndex" -> "RowIndex": how a loaded property comes back on the wire. */
const wireName = (js: string): string => js.charAt(0).toUpperCase() + js.slice(1);

const isCollection = (o: Proxy): boolean => "items" in o && typeof o.load === "function";

function call(target: Proxy, name: string, args: readonly unknown[]): unknown {
  const fn = target[member(name)];
  if (typeof fn !== "function")
    throw new FakeExcelError("InvalidArgument", `The fake has no method ${name}.`);
  return (fn as (...a: unknown[]) => unknown).apply(target, [...args]);
}

/**
 * One Excel session: object references kept across requests (`_KeepReference`), resolved again
 * by `_ReferenceId`, live as long as the session does, as they do in Excel.
 */
export class WireExecutor {
  private readonly kept = new Map<string, Proxy>();
  private nextReference = 1;

  constructor(private readonly context: FakeContext & { readonly workbook: unknown }) {}

  /**
   * Runs one request. Like Excel, the actions run in order and an error stops the batch where it
   * happened: what ran before it stays done.
   */
  async execute(request: WireRequest): Promise<{ results: WireResult[]; error?: WireError }> {
    const objects = new Map<number, Proxy>();
    const resolve = (id: number): Proxy => {
      const known = objects.get(id);
      if (known) return known;
      const path = request.ObjectPaths[String(id)];
      if (!path) throw new FakeExcelError("InvalidArgument", `No object path ${id}.`);
      const made = this.build(path, resolve);
      objects.set(id, made);
      return made;
    };
    const reads: { action: WireAction; target: Proxy; select: string[] | null }[] = [];
    const instantiated: { action: WireAction; target: Proxy; pathId: number }[] = [];
    const returned: { action: WireAction; value: unknown }[] = [];
    const references = new Map<number, string>();
    let index = 0;
    try {
      for (; index < request.Actions.length; index++) {
        const action = request.Actions[index]!;
        const target = resolve(action.ObjectPathId);
        const args = argumentsOf(action.ArgumentInfo, resolve);
        switch (action.ActionType) {
          case 1:
            // Excel answers an instantiated object with its id, by which office.js then
            // addresses it (a sheet renamed later in the batch is still the same sheet).
            if (hasId(target)) call(target, "load", [["id"]]);
            instantiated.push({ action, target, pathId: action.ObjectPathId });
            break;
          case 2: {
            const select = action.QueryInfo?.Select ? [...action.QueryInfo.Select] : null;
            if (isCollection(target))
              call(target, "load", [select ? select.map((s) => `items/${s}`) : []]);
            else if (select) loadSelect(target, select);
            reads.push({ action, target, select });
            break;
          }
          case 3:
            if (action.Name === "_ValidateArraySize") {
              // office.js's check, before a large write, that Excel takes an array this size.
              returned.push({ action, value: null });
            } else if (action.Name === "_RemoveReference") {
              this.kept.delete(String(args[0]));
              returned.push({ action, value: null });
            } else if (action.Name === "_KeepReference") {
              const ref = `ref:${this.nextReference++}`;
              this.kept.set(ref, target);
              references.set(action.ObjectPathId, ref);
              returned.push({ action, value: null });
            } else returned.push({ action, value: call(target, action.Name, args) });
            break;
          case 4:
            target[member(action.Name)] = args[0];
            break;
          default:
            returned.push({ action, value: null });
        }
      }
      // The fake queued every write and load above; its sync runs them in order, as Excel does.
      // Which queued operation fails is not known by action: office.js then names none.
      index = -1;
      await this.context.sync();
      // Items of a loaded collection come back with their ids too, for the same reason.
      const items = reads.flatMap(({ target }) =>
        isCollection(target) && !isNull(target) ? (target.items as Proxy[]).filter(hasId) : [],
      );
      if (items.length > 0) {
        items.forEach((item) => call(item, "load", [["id"]]));
        await this.context.sync();
      }
    } catch (e) {
      // Excel ran the actions before the one that failed: so does the fake, then the error.
      if (index >= 0) await this.context.sync().catch(() => undefined);
      return { results: [], error: errorOf(e, index) };
    }
    const results: WireResult[] = [];
    for (const { action, target, pathId } of instantiated)
      results.push({ ActionId: action.Id, Value: this.identity(target, references.get(pathId)) });
    for (const { action, target, select } of reads)
      results.push({ ActionId: action.Id, Value: this.answer(target, select) });
    for (const { action, value } of returned)
      results.push({ ActionId: action.Id, Value: resultValue(value) });
    return { results };
  }

  private build(path: WirePath, resolve: (id: number) => Proxy): Proxy {
    const args = argumentsOf(path.ArgumentInfo, resolve);
    switch (path.ObjectPathType) {
      case 1:
        return this.context.workbook as Proxy;
      case 3: {
        const parent = resolve(path.ParentObjectPathId!);
        const made = call(parent, path.Name, args);
        if (typeof made !== "object" || made === null)
          throw new FakeExcelError(
            "InvalidArgument",
            `${path.Name} on ${parent.constructor.name} made no object in the fake.`,
          );
        return made as Proxy;
      }
      case 4: {
        const value = resolve(path.ParentObjectPathId!)[member(path.Name)];
        if (typeof value !== "object" || value === null)
          throw new FakeExcelError("InvalidArgument", `The fake has no object ${path.Name}.`);
        return value as Proxy;
      }
      case 5:
        return call(resolve(path.ParentObjectPathId!), "getItem", args) as Proxy;
      case 6: {
        const kept = this.kept.get(path.Name);
        if (!kept) throw new FakeExcelError("InvalidObjectPath", `No reference ${path.Name}.`);
        return kept;
      }
      default:
        throw new FakeExcelError("InvalidArgument", `Object path type ${path.ObjectPathType}.`);
    }
  }

  /**
   * What Excel says of an object when it is instantiated: null for a null object, its reference
   * when the client asked to keep it, its id when it has one (office.js then addresses it by id).
   */
  private identity(target: Proxy, reference: string | undefined): unknown {
    if ("isNullObject" in target && isNull(target)) return null;
    if (reference) return { _ReferenceId: reference };
    return hasId(target) ? { Id: target.id } : {};
  }

  private answer(target: Proxy, select: string[] | null): unknown {
    if ("isNullObject" in target && isNull(target)) return null;
    if (isCollection(target)) {
      const items = target.items as Proxy[];
      return { _Items: items.map((item) => pick(item, select)) };
    }
    return pick(target, select);
  }
}

function argumentsOf(info: WireArgs | undefined, resolve: (id: number) => Proxy): unknown[] {
  const refs = info?.ReferencedObjectPathIds ?? [];
  return (info?.Arguments ?? []).map((a, i) => (refs[i] ? resolve(refs[i]!) : a));
}

/** Does this kind of object have an id (the fake's proxies list what load() accepts)? */
function hasId(target: Proxy): boolean {
  const scalars = (target as { scalars?: unknown }).scalars;
  return Array.isArray(scalars) && scalars.includes("id");
}

function isNull(target: Proxy): boolean {
  try {
    return target.isNullObject === true;
  } catch {
    // Not known yet: the object was never the subject of a sync, so it is not a null object.
    return false;
  }
}

/**
 * A select splits at its first "/" into a navigation property and what to select of it: office.js
 * sends load("areas/items/address") as "areas/address" (a collection's "items/" left out).
 */
function byNavigation(select: readonly string[]): {
  scalars: string[];
  nav: Map<string, string[]>;
} {
  const scalars: string[] = [];
  const nav = new Map<string, string[]>();
  for (const s of select) {
    const at = s.indexOf("/");
    if (at < 0) scalars.push(s);
    else {
      const name = s.slice(0, at);
      nav.set(name, [...(nav.get(name) ?? []), s.slice(at + 1)]);
    }
  }
  return { scalars, nav };
}

/** A query's load on an object: its own properties, and those of its navigation properties. */
function loadSelect(target: Proxy, select: readonly string[]): void {
  const { scalars, nav } = byNavigation(select);
  if (scalars.length > 0) call(target, "load", [scalars]);
  for (const [name, rest] of nav) {
    const child = target[name] as Proxy;
    if (isCollection(child)) call(child, "load", [rest.map((s) => `items/${s}`)]);
    else loadSelect(child, rest);
  }
}

/**
 * An object's answer: its selected properties as the wire spells them, a navigation property as
 * an object of its own (a collection as `{ _Items: […] }`), as Excel answers
 * load("areas/items/address") with `{ Areas: { _Items: [{ Address: … }] } }`.
 */
function pick(target: Proxy, select: string[] | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const { scalars: names, nav } = select
    ? byNavigation(select)
    : { scalars: Object.keys((target.toJSON as () => object)()), nav: new Map<string, string[]>() };
  for (const name of names) out[wireName(name)] = target[name];
  for (const [name, rest] of nav) {
    const child = target[name] as Proxy;
    out[wireName(name)] = isCollection(child)
      ? { _Items: (child.items as Proxy[]).map((item) => pick(item, rest)) }
      : pick(child, rest);
  }
  // Items of a collection are addressed again by their id where they have one.
  if (!("Id" in out)) {
    try {
      const id = target.id;
      if (typeof id === "string") out.Id = id;
    } catch {
      // The id was not loaded: office.js addresses the item by its index instead.
    }
  }
  return out;
}

/** A fake ClientResult carries its value after the sync; other returns are sent as they are. */
function resultValue(value: unknown): unknown {
  if (typeof value === "object" && value !== null && "value" in value)
    return (value as { value: unknown }).value;
  return value === undefined ? null : value;
}

function errorOf(e: unknown, index: number): WireError {
  if (e instanceof FakeExcelError) return { Code: e.code, Message: e.message, ActionIndex: index };
  const message = e instanceof Error ? e.message : String(e);
  return { Code: "GeneralException", Message: message, ActionIndex: index };
}
