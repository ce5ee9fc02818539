/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Range.dataValidation (ExcelApi 1.8), list rules only: the rule (source, in-cell dropdown), the
 * error alert and the input prompt, checked against Excel's limits when the batch runs. A
 * validation is kept per area; the fake refuses what it does not model (another rule type, a rule
 * over a range that already has one: the documented way is clear() first, a partial overlap)
 * rather than guess Excel's answer.
 */
import { ClientObject } from "./client-object";
import { FakeContext } from "./context";
import { FakeExcelError, invalid } from "./errors";
import { writable } from "./format";
import { Bounds, SheetModel, intersects } from "./model";
import type { Target } from "./range";

export interface ListRuleModel {
  readonly list: { readonly source: string; readonly inCellDropDown: boolean };
}
export interface ErrorAlertModel {
  readonly message: string;
  readonly showAlert: boolean;
  readonly style: "Stop" | "Warning" | "Information";
  readonly title: string;
}
export interface PromptModel {
  readonly message: string;
  readonly showPrompt: boolean;
  readonly title: string;
}
export interface ValidationModel {
  readonly area: Bounds;
  rule: ListRuleModel | undefined;
  errorAlert: ErrorAlertModel;
  prompt: PromptModel;
  ignoreBlanks: boolean;
}

const VALIDATIONS = new WeakMap<SheetModel, ValidationModel[]>();

export function validationsOf(sheet: SheetModel): ValidationModel[] {
  let list = VALIDATIONS.get(sheet);
  if (!list) VALIDATIONS.set(sheet, (list = []));
  return list;
}

/** Excel's limits: a literal list of 255 characters, titles of 32, messages of 225 and 255. */
const LIMITS = { source: 255, title: 32, errorMessage: 225, promptMessage: 255 };
const STYLES = ["Stop", "Warning", "Information"];

const DEFAULT_ALERT: ErrorAlertModel = { message: "", showAlert: true, style: "Stop", title: "" };
const DEFAULT_PROMPT: PromptModel = { message: "", showPrompt: true, title: "" };

const same = (a: Bounds, b: Bounds) =>
  a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
const inside = (a: Bounds, b: Bounds) =>
  a.r0 >= b.r0 && a.c0 >= b.c0 && a.r1 <= b.r1 && a.c1 <= b.c1;

function text(v: unknown, what: string, max: number): string {
  if (typeof v !== "string") throw invalid(`${what} must be text`);
  if (v.length > max) throw invalid(`${what} has ${v.length} characters (Excel allows ${max})`);
  return v;
}

function flag(v: unknown, what: string): boolean {
  if (typeof v !== "boolean") throw invalid(`${what} must be true or false`);
  return v;
}

/** Only the keys Excel's interface has; each one checked. */
function fields(v: unknown, what: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof v !== "object" || v === null) throw invalid(`${what} must be an object`);
  const extra = Object.keys(v).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw invalid(`${what} has no property ${extra.join(", ")}`);
  return v as Record<string, unknown>;
}

function parseRule(v: unknown): ListRuleModel {
  const rule = fields(v, "rule", [
    "list",
    "custom",
    "date",
    "decimal",
    "textLength",
    "time",
    "wholeNumber",
  ]);
  const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined);
  if (kinds.length !== 1) throw invalid("a data validation rule has exactly one criterion");
  if (kinds[0] !== "list") throw invalid(`rule "${kinds[0]}" (the fake models list rules only)`);
  const list = fields(rule.list, "rule.list", ["source", "inCellDropDown"]);
  const source = text(list.source, "rule.list.source", LIMITS.source);
  if (source.trim() === "") throw invalid("rule.list.source is empty");
  const inCellDropDown =
    list.inCellDropDown === undefined ? true : flag(list.inCellDropDown, "inCellDropDown");
  return { list: { source, inCellDropDown } };
}

function parseAlert(v: unknown, old: ErrorAlertModel): ErrorAlertModel {
  const a = fields(v, "errorAlert", ["message", "showAlert", "style", "title"]);
  if (a.style !== undefined && !STYLES.includes(a.style as string))
    throw invalid(`errorAlert.style "${String(a.style)}"`);
  return {
    message:
      a.message === undefined
        ? old.message
        : text(a.message, "errorAlert.message", LIMITS.errorMessage),
    showAlert: a.showAlert === undefined ? old.showAlert : flag(a.showAlert, "showAlert"),
    style: (a.style as ErrorAlertModel["style"] | undefined) ?? old.style,
    title: a.title === undefined ? old.title : text(a.title, "errorAlert.title", LIMITS.title),
  };
}

function parsePrompt(v: unknown, old: PromptModel): PromptModel {
  const p = fields(v, "prompt", ["message", "showPrompt", "title"]);
  return {
    message:
      p.message === undefined
        ? old.message
        : text(p.message, "prompt.message", LIMITS.promptMessage),
    showPrompt: p.showPrompt === undefined ? old.showPrompt : flag(p.showPrompt, "showPrompt"),
    title: p.title === undefined ? old.title : text(p.title, "prompt.title", LIMITS.title),
  };
}

const unsupported = (what: string) =>
  new FakeExcelError("InvalidOperation", `${what} (not modelled by the fake)`);

export class FakeDataValidation extends ClientObject {
  protected readonly scalars = ["rule", "errorAlert", "prompt", "ignoreBlanks", "type"];

  constructor(
    context: FakeContext,
    private readonly target: () => Target,
  ) {
    super(context);
  }

  /** The validations that touch the range. */
  private touching(): ValidationModel[] {
    const { sheet, bounds } = this.target();
    return validationsOf(sheet).filter((v) => intersects(v.area, bounds));
  }

  /** The one validation a range lies in, or undefined for none; mixed ranges are "Inconsistent". */
  private single(): ValidationModel | undefined | "mixed" {
    const { bounds } = this.target();
    const touching = this.touching();
    if (touching.length === 0) return undefined;
    return touching.length === 1 && inside(bounds, touching[0]!.area) ? touching[0] : "mixed";
  }

  protected current(prop: string): unknown {
    const v = this.single();
    if (v === "mixed") return prop === "type" ? "Inconsistent" : null;
    switch (prop) {
      case "type":
        return v?.rule ? "List" : "None";
      case "rule":
        return v?.rule ? { list: { ...v.rule.list } } : {};
      case "errorAlert":
        return { ...(v?.errorAlert ?? DEFAULT_ALERT) };
      case "prompt":
        return { ...(v?.prompt ?? DEFAULT_PROMPT) };
      default:
        return v?.ignoreBlanks ?? true;
    }
  }

  /** The validation over exactly this range, created when none touches it. */
  private own(): ValidationModel {
    this.context.requireApi(8, "Range.dataValidation");
    const { sheet, bounds } = this.target();
    writable({ sheet, areas: [] });
    const touching = this.touching();
    const found = touching.find((v) => same(v.area, bounds));
    if (found) return found;
    if (touching.length > 0) throw unsupported("a validation over part of another one");
    const created: ValidationModel = {
      area: bounds,
      rule: undefined,
      errorAlert: DEFAULT_ALERT,
      prompt: DEFAULT_PROMPT,
      ignoreBlanks: true,
    };
    validationsOf(sheet).push(created);
    return created;
  }

  get type(): string {
    return this.loaded("type");
  }
  get rule(): ListRuleModel | Record<string, never> {
    return this.loaded("rule");
  }
  set rule(v: ListRuleModel) {
    this.put("rule", v, () => {
      const rule = parseRule(v);
      const model = this.own();
      if (model.rule) throw unsupported("a rule over a range that has one: clear() it first");
      model.rule = rule;
    });
  }
  get errorAlert(): ErrorAlertModel {
    return this.loaded("errorAlert");
  }
  set errorAlert(v: Partial<ErrorAlertModel>) {
    this.put("errorAlert", v, () => {
      const model = this.own();
      model.errorAlert = parseAlert(v, model.errorAlert);
    });
  }
  get prompt(): PromptModel {
    return this.loaded("prompt");
  }
  set prompt(v: Partial<PromptModel>) {
    this.put("prompt", v, () => {
      const model = this.own();
      model.prompt = parsePrompt(v, model.prompt);
    });
  }
  get ignoreBlanks(): boolean {
    return this.loaded("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.put("ignoreBlanks", v, () => {
      const model = this.own();
      model.ignoreBlanks = flag(v, "ignoreBlanks");
    });
  }

  clear(): void {
    this.context.enqueue(8, () => {
      this.context.requireApi(8, "DataValidation.clear");
      const { sheet, bounds } = this.target();
      writable({ sheet, areas: [] });
      const touching = this.touching();
      if (touching.some((v) => !inside(v.area, bounds)))
        throw unsupported("clearing part of a validation");
      VALIDATIONS.set(
        sheet,
        validationsOf(sheet).filter((v) => !touching.includes(v)),
      );
    });
  }
}
