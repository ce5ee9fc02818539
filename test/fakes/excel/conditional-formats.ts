/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Conditional formats: a collection on a range (or RangeAreas) lists the formats that intersect
 * it; add("Custom") creates one over the range's areas; each format is deleted by itself.
 */
import { ClientObject, loadNames, LoadOption, notFound } from "./client-object";
import { FakeContext, jsonBytes } from "./context";
import { FakeExcelError, invalid, notLoaded } from "./errors";
import { Areas, writable } from "./format";
import { CfModel, intersects } from "./model";

type CfSlot = { model?: CfModel; sheet?: Areas["sheet"] };

export class FakeConditionalFormatCollection {
  private snapshot: FakeConditionalFormat[] | undefined;

  constructor(
    private readonly context: FakeContext,
    private readonly target: () => Areas,
  ) {}

  private list(): CfModel[] {
    const { sheet, areas } = this.target();
    return sheet.conditionalFormats.filter(
      (cf) => !cf.deleted && cf.areas.some((a) => areas.some((b) => intersects(a, b))),
    );
  }

  add(type: string): FakeConditionalFormat {
    if (type !== "Custom")
      throw invalid(`conditional format type "${type}" (the fake supports Custom)`);
    const slot: CfSlot = {};
    this.context.enqueue(20, () => {
      const { sheet, areas } = writable(this.target());
      const model: CfModel = {
        id: `cf${++this.context.model.nextId}`,
        type: "Custom",
        areas: [...areas],
        formula: "",
        fill: undefined,
        deleted: false,
      };
      sheet.conditionalFormats.unshift(model); // a new format takes the top priority
      slot.model = model;
      slot.sheet = sheet;
    });
    return new FakeConditionalFormat(this.context, slot);
  }

  getItem(id: string): FakeConditionalFormat {
    const slot: CfSlot = {};
    this.context.enqueue(id.length, () => {
      const model = this.list().find((cf) => cf.id === id);
      if (!model) throw notFound(`conditional format ${id}`);
      slot.model = model;
      slot.sheet = this.target().sheet;
    });
    return new FakeConditionalFormat(this.context, slot);
  }

  /** load("items/type,items/id") or load("type,id"): the items with those properties. */
  load(option?: LoadOption): this {
    const names = loadNames(option).map((n) => n.replace(/^items\//, ""));
    this.context.enqueue(jsonBytes(names), () => {
      const items = this.list().map(
        (m) => new FakeConditionalFormat(this.context, { model: m, sheet: this.target().sheet }),
      );
      this.snapshot = items;
      return items.reduce((n, cf) => n + cf.capture(names.length ? names : ["id", "type"]), 0);
    });
    return this;
  }

  get items(): FakeConditionalFormat[] {
    if (!this.snapshot) throw notLoaded("items", "ConditionalFormatCollection");
    return this.snapshot;
  }
}

export class FakeConditionalFormat extends ClientObject {
  protected readonly scalars = ["id", "type", "priority", "stopIfTrue"];

  constructor(
    context: FakeContext,
    private readonly slot: CfSlot,
  ) {
    super(context);
  }

  model(): CfModel {
    if (!this.slot.model || this.slot.model.deleted) throw notFound("conditional format");
    return this.slot.model;
  }

  protected current(prop: string): unknown {
    const m = this.model();
    if (prop === "priority") return this.slot.sheet!.conditionalFormats.indexOf(m);
    return prop === "stopIfTrue" ? false : m[prop as "id" | "type"];
  }

  get id(): string {
    return this.loaded("id");
  }
  get type(): string {
    return this.loaded("type");
  }

  /** Excel: reaching .custom on a format of another type fails the batch. */
  get custom(): FakeCustomFormat {
    const custom = (): CfModel => {
      const m = this.model();
      if (m.type !== "Custom")
        throw new FakeExcelError("InvalidOperation", "Not a custom conditional format.");
      return m;
    };
    return new FakeCustomFormat(this.context, custom, () =>
      writable({ sheet: this.slot.sheet!, areas: [] }),
    );
  }

  delete(): void {
    this.context.enqueue(10, () => {
      const m = this.model();
      writable({ sheet: this.slot.sheet!, areas: [] });
      m.deleted = true;
      this.slot.sheet!.conditionalFormats = this.slot.sheet!.conditionalFormats.filter(
        (cf) => cf !== m,
      );
    });
  }
}

export class FakeCustomFormat {
  readonly rule: FakeCfRule;
  readonly format: { readonly fill: FakeCfFill };

  constructor(context: FakeContext, model: () => CfModel, guard: () => void) {
    this.rule = new FakeCfRule(context, model, guard);
    this.format = { fill: new FakeCfFill(context, model, guard) };
  }
}

export class FakeCfRule extends ClientObject {
  protected readonly scalars = ["formula"];
  constructor(
    context: FakeContext,
    private readonly model: () => CfModel,
    private readonly guard: () => void,
  ) {
    super(context);
  }
  protected current(): unknown {
    return this.model().formula;
  }
  get formula(): string {
    return this.loaded("formula");
  }
  set formula(v: string) {
    this.put("formula", v, () => {
      this.guard();
      this.model().formula = v;
    });
  }
}

export class FakeCfFill extends ClientObject {
  protected readonly scalars = ["color"];
  constructor(
    context: FakeContext,
    private readonly model: () => CfModel,
    private readonly guard: () => void,
  ) {
    super(context);
  }
  protected current(): unknown {
    return this.model().fill ?? null;
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(v: string) {
    this.put("color", v, () => {
      this.guard();
      this.model().fill = v;
    });
  }
}
