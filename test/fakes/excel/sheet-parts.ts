/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * What hangs off a worksheet besides its cells: scoped names (ExcelApi 1.4), protection and
 * frozen panes.
 */
import { ClientObject, NullState, notFound } from "./client-object";
import { FakeContext, jsonBytes } from "./context";
import { FakeExcelError, invalid } from "./errors";
import { NameModel, SheetModel, accessDenied } from "./model";

export class FakeNamedItem extends ClientObject {
  protected readonly scalars = ["name", "formula", "value", "visible", "comment", "type"];
  private readonly nullState: NullState;

  constructor(
    context: FakeContext,
    private readonly find: () => NameModel | undefined,
  ) {
    super(context);
    this.nullState = new NullState(context, () => find() !== undefined);
  }
  protected override exists(): boolean {
    return this.find() !== undefined;
  }
  private model(): NameModel {
    const m = this.find();
    if (!m) throw notFound("named item");
    return m;
  }
  protected current(prop: string): unknown {
    const m = this.model();
    if (prop === "value") return /^="(.*)"$/.exec(m.formula)?.[1] ?? m.formula;
    if (prop === "type") return /^="/.test(m.formula) ? "String" : "Range";
    return m[prop as "name" | "formula" | "visible" | "comment"];
  }
  get isNullObject(): boolean {
    return this.nullState.isNullObject;
  }
  get name(): string {
    return this.loaded("name");
  }
  get formula(): string {
    return this.loaded("formula");
  }
  set formula(v: string) {
    this.put("formula", v, () => (this.model().formula = v));
  }
  get visible(): boolean {
    return this.loaded("visible");
  }
  set visible(v: boolean) {
    this.put("visible", v, () => (this.model().visible = v));
  }
}

/** Worksheet-scoped names (ExcelApi 1.4). */
export class FakeNamedItemCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {}

  add(name: string, reference: string, comment = ""): FakeNamedItem {
    let added: NameModel | undefined;
    this.context.enqueue(jsonBytes([name, reference, comment]), () => {
      const sheet = this.sheet();
      if (sheet.protected) throw accessDenied(sheet.name);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw invalid(`name "${name}"`);
      if (sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new FakeExcelError("ItemAlreadyExists", `The name "${name}" exists in this scope.`);
      sheet.names.push(
        (added = {
          name,
          formula: reference.startsWith("=") ? reference : `=${reference}`,
          comment,
          visible: true,
        }),
      );
    });
    return new FakeNamedItem(this.context, () => added);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () =>
      this.sheet().names.find((n) => n.name.toLowerCase() === name.toLowerCase()),
    );
  }

  /** A name that must exist: using it fails with ItemNotFound otherwise. */
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => {
      const found = this.sheet().names.find((n) => n.name.toLowerCase() === name.toLowerCase());
      if (!found) throw notFound(`name "${name}"`);
      return found;
    });
  }
}

export class FakeProtection extends ClientObject {
  protected readonly scalars = ["protected"];
  constructor(
    context: FakeContext,
    private readonly model: () => { protected: boolean },
  ) {
    super(context);
  }
  protected current(): unknown {
    return this.model().protected;
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
}

export class FakeFreezePanes {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {}
  freezeRows(count = 1): void {
    this.context.enqueue(8, () => {
      const s = this.sheet();
      if (s.protected) throw accessDenied(s.name);
      s.frozenRows = count;
    });
  }
  unfreeze(): void {
    this.context.enqueue(8, () => (this.sheet().frozenRows = 0));
  }
}
