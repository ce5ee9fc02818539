/**
 * TEST-ONLY: Office's document settings (Office.context.document.settings) in memory. Like Office,
 * `set` changes only the in-memory copy; `saveAsync` persists it into the document, and a reload
 * (a new MemoryDocumentSettings over the same `saved`) sees only what was saved.
 */
import type { DocumentSettings, SaveResult } from "../../src/addin/document-config";

export class MemoryDocumentSettings implements DocumentSettings {
  private readonly live: Map<string, unknown>;
  saves = 0;
  /** Set to make the next saveAsync fail, as Office does when the document is read-only. */
  failNextSave: string | null = null;

  constructor(readonly saved: Map<string, unknown> = new Map()) {
    this.live = new Map(saved);
  }

  get(name: string): unknown {
    return this.live.has(name) ? this.live.get(name) : null;
  }

  set(name: string, value: unknown): void {
    this.live.set(name, value);
  }

  remove(name: string): void {
    this.live.delete(name);
  }

  saveAsync(callback?: (result: SaveResult) => void): void {
    const failure = this.failNextSave;
    this.failNextSave = null;
    if (failure === null) {
      this.saved.clear();
      for (const [k, v] of this.live) this.saved.set(k, v);
      this.saves++;
    }
    // Office calls back asynchronously. A promise rather than a timer, so that tests with fake
    // timers (a fixed "today") still get their answer.
    void Promise.resolve().then(() =>
      callback?.(
        failure === null
          ? { status: "succeeded" }
          : { status: "failed", error: { message: failure } },
      ),
    );
  }

  /** Office.Settings.refreshAsync: this runtime's copy becomes what the document has saved. */
  refreshAsync(callback?: (result: SaveResult) => void): void {
    this.live.clear();
    for (const [k, v] of this.saved) this.live.set(k, v);
    void Promise.resolve().then(() => callback?.({ status: "succeeded" }));
  }

  /** The document as the next session opens it. */
  reopen(): MemoryDocumentSettings {
    return new MemoryDocumentSettings(this.saved);
  }
}
