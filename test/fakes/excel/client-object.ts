/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Load-before-read: a proxy's scalar properties are snapshots taken by the sync that follows a
 * load(). Reading one that was never loaded (or loaded but not yet synced) throws
 * PropertyNotLoaded, and loading a name the object does not have fails at sync, as in Excel.
 */
import { FakeContext, jsonBytes } from "./context";
import { FakeExcelError, invalid, notLoaded } from "./errors";

export type LoadOption = string | string[] | { select?: string | string[] };

export function loadNames(option: LoadOption | undefined): string[] {
  const raw =
    option === undefined
      ? []
      : typeof option === "string"
        ? option.split(",")
        : Array.isArray(option)
          ? option
          : typeof option.select === "string"
            ? option.select.split(",")
            : (option.select ?? []);
  return raw.map((s) => s.trim()).filter((s) => s.length > 0);
}

export abstract class ClientObject {
  private readonly snapshot = new Map<string, unknown>();

  constructor(protected readonly context: FakeContext) {}

  /** Scalar properties load() accepts. */
  protected abstract readonly scalars: readonly string[];
  /** A property's current value in the model (called only inside sync). */
  protected abstract current(prop: string): unknown;
  /** False when this proxy stands for a null object (then nothing is loaded). */
  protected exists(): boolean {
    return true;
  }

  load(option?: LoadOption): this {
    const names = loadNames(option);
    const all = names.length === 0 ? this.scalars : names;
    this.context.enqueue(jsonBytes(all), () => this.capture(all));
    return this;
  }

  /** Inside a sync only: takes the snapshot now (a collection loading its items). */
  capture(names: readonly string[]): number {
    for (const n of names) if (!this.scalars.includes(n)) throw invalid(`property "${n}"`);
    if (!this.exists()) return 0;
    let bytes = 0;
    for (const n of names) {
      const v = this.current(n);
      this.snapshot.set(n, v);
      bytes += jsonBytes(v) + n.length + 4;
    }
    return bytes;
  }

  protected loaded<T>(prop: string): T {
    if (!this.snapshot.has(prop)) throw notLoaded(prop, this.constructor.name.replace(/^Fake/, ""));
    return this.snapshot.get(prop) as T;
  }

  /** A property write, applied at sync. */
  protected put(prop: string, value: unknown, apply: () => void): void {
    this.context.enqueue(jsonBytes(value) + prop.length, () => {
      apply();
      this.snapshot.delete(prop);
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.snapshot);
  }
}

/** Null-object support for getItemOrNullObject: isNullObject is known after the next sync. */
export class NullState {
  private known: boolean | undefined;

  constructor(context: FakeContext, exists: () => boolean) {
    context.onSynced(() => {
      // An object got by getItem and deleted in the same batch is simply gone afterwards.
      try {
        this.known = !exists();
      } catch {
        this.known = true;
      }
    });
  }

  get isNullObject(): boolean {
    if (this.known === undefined) throw notLoaded("isNullObject", "object");
    return this.known;
  }
}

export const notFound = (what: string): FakeExcelError =>
  new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${what}`);
