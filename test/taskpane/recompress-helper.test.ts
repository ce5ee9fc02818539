/**
 * File mode's recompressing helper (src/taskpane/worker/recompress-helper.ts): one helper Worker
 * per check, its jobs told apart by number, stood in for here by a Worker whose other side is the
 * helper's own code (RecompressJobs), messages cloned and buffers moved as postMessage does. The
 * result must be what the engine's thread would give, whatever the helper does: answers, stays
 * silent, breaks, refuses, or answers late because this thread was busy.
 */
import { deflateRawSync } from "node:zlib";
import { LaterKeep } from "../../src/hosts/xlsx";
import { RUN_BYTES } from "../../src/hosts/xlsx/deflate-run";
import { recompressRuns } from "../../src/hosts/xlsx/recompress-runs";
import {
  RecompressHelper,
  RecompressJobs,
  RecompressMessage,
  RecompressReply,
  RecompressWorker,
} from "../../src/taskpane/worker/recompress-helper";

type Behaviour = "answers" | "never-answers" | "breaks" | "refuses" | "starts-late" | "busy";

class FakeHelper implements RecompressWorker {
  onmessage: ((event: MessageEvent<RecompressReply>) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = false;
  readonly sent: RecompressMessage["kind"][] = [];
  readonly replies: RecompressReply["kind"][] = [];
  private readonly jobs = new RecompressJobs((reply, transfer) => {
    const moved = structuredClone(reply, { transfer });
    // Late to start: every job ("starts-late"), or all but the first, as if working on it ("busy").
    const late =
      reply.kind === "started" &&
      (this.behaviour === "starts-late" || (this.behaviour === "busy" && reply.id > 0));
    const delay = late ? (this.behaviour === "busy" ? 300 : 100) : 0;
    setTimeout(() => {
      if (this.terminated) return;
      this.replies.push(moved.kind);
      this.onmessage?.({ data: moved } as MessageEvent<RecompressReply>);
    }, delay);
  });

  constructor(private readonly behaviour: Behaviour) {}

  postMessage(message: RecompressMessage, transfer: Transferable[]): void {
    this.sent.push(message.kind);
    if (message.kind === "recompress") {
      // A copy of its own is moved, never a view of the package.
      expect(message.data.byteOffset).toBe(0);
      expect(message.data.byteLength).toBe(message.data.buffer.byteLength);
      expect(transfer).toEqual([message.data.buffer]);
    }
    const moved = structuredClone(message, { transfer: transfer as ArrayBuffer[] });
    if (this.behaviour === "never-answers") return;
    if (this.behaviour === "breaks") {
      setTimeout(() => this.onerror?.(new Error("broken")), 5);
      return;
    }
    if (this.behaviour === "refuses" && moved.kind === "recompress") {
      setTimeout(
        () =>
          this.onmessage?.({
            data: { kind: "error", id: moved.id, error: "out of memory" },
          } as MessageEvent<RecompressReply>),
        5,
      );
      return;
    }
    this.jobs.take(moved);
  }

  terminate(): void {
    this.terminated = true;
  }
}

function part(runs: number): Uint8Array {
  const rows: string[] = [];
  for (let r = 1, length = 0; length < runs * RUN_BYTES; r++) {
    const row = `<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 100_003}</v></c></row>`;
    rows.push(row);
    length += row.length;
  }
  return new TextEncoder().encode(rows.join(""));
}

// Just past a run (fflate is slow under Jest): each job deflates one run.
const bytes = part(1.1);
const stored = new Uint8Array(deflateRawSync(bytes));
// The part inside a bigger buffer, as it lies in a package.
const pkg = new Uint8Array(stored.length + 10);
pkg.set(stored, 5);
const data = pkg.subarray(5, 5 + stored.length);
const keep = RUN_BYTES + 1234;

/** The answer as one string of hex (toEqual walks a big Buffer byte by byte, slowly). */
const flat = (r: { deflated: readonly Uint8Array[]; rest: Uint8Array }): string =>
  Buffer.concat([...r.deflated, Buffer.from("|"), r.rest]).toString("hex");
let expected: string;
beforeAll(async () => {
  expected = flat(await recompressRuns(stored, keep, 3));
});

/** A helper; its watchdog's time short only where a silent helper is the point (the fake works on this thread). */
function helper(behaviour: Behaviour, timeout = behaviour === "never-answers" ? 50 : 5000) {
  const workers: FakeHelper[] = [];
  const h = new RecompressHelper(async () => {
    const w = new FakeHelper(behaviour);
    workers.push(w);
    return w;
  }, timeout);
  return { h, workers };
}

const later = (n: number, atLeast: number): LaterKeep => ({
  atLeast,
  atMost: bytes.length,
  known: new Promise((resolve) => setTimeout(() => resolve(n), 10)),
});

describe("RecompressHelper", () => {
  test("the helper's answer is the engine's, for a keep known or known later", async () => {
    const { h, workers } = helper("answers");
    expect(flat(await h.recompress(data, keep, 3))).toEqual(expected);
    expect(flat(await h.recompress(data, later(keep, keep - 1000), 3))).toEqual(expected);
    // Both went through the one helper, which is ended only when released.
    expect(workers.length).toBe(1);
    expect(workers[0]!.replies.filter((k) => k === "done").length).toBe(2);
    expect(workers[0]!.sent).toEqual(["recompress", "recompress", "keep"]);
    expect(workers[0]!.terminated).toBe(false);
    h.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(workers[0]!.terminated).toBe(true);
    // The package's bytes are as they were.
    expect(Buffer.from(data).equals(Buffer.from(stored))).toBe(true);
  });

  test("jobs at once, their keeps told in another order, each get their own", async () => {
    const { h } = helper("answers");
    const other = RUN_BYTES - 10;
    const otherExpected = flat(await recompressRuns(stored, other, 3));
    const [a, b] = await Promise.all([
      h.recompress(data, later(keep, keep - 5000), 3),
      h.recompress(
        data,
        { atLeast: other - 100, atMost: bytes.length, known: Promise.resolve(other) },
        3,
      ),
    ]);
    expect(flat(a)).toEqual(expected);
    expect(flat(b)).toEqual(otherExpected);
    h.release();
  });

  test.each(["never-answers", "breaks", "refuses"] as const)(
    "a helper that %s: the work is done here, to the same bytes",
    async (behaviour) => {
      const { h, workers } = helper(behaviour);
      expect(flat(await h.recompress(data, later(keep, keep - 1000), 3))).toEqual(expected);
      if (behaviour !== "refuses") {
        // Ended, and not used again.
        expect(workers[0]!.terminated).toBe(true);
        expect(flat(await h.recompress(data, keep, 3))).toEqual(expected);
        expect(workers[0]!.sent).toEqual(["recompress", "keep"].slice(0, workers[0]!.sent.length));
      }
      h.release();
    },
  );

  test("a helper that cannot be started: the work is done here", async () => {
    const h = new RecompressHelper(() => Promise.reject(new Error("no Worker")));
    expect(flat(await h.recompress(data, keep, 3))).toEqual(expected);
  });

  test("a helper heard late because this thread was busy is still waited for", async () => {
    const { h, workers } = helper("starts-late", 50);
    const running = h.recompress(data, keep, 3);
    // Busy past the watchdog's time and its lateness margin: its timer fires late.
    await new Promise((r) => setTimeout(r, 0));
    const until = Date.now() + 1300;
    while (Date.now() < until);
    expect(flat(await running)).toEqual(expected);
    expect(workers[0]!.terminated).toBe(false);
    expect(workers[0]!.replies).toEqual(["started", "done"]);
    h.release();
  });

  test("a helper heard once is not taken for dead while a job waits for it", async () => {
    const { h, workers } = helper("busy", 50);
    const first = h.recompress(data, keep, 3);
    const second = h.recompress(data, later(keep, keep - 1000), 3);
    expect([flat(await first), flat(await second)]).toEqual([expected, expected]);
    expect(workers[0]!.terminated).toBe(false);
    expect(workers[0]!.replies.filter((k) => k === "done").length).toBe(2);
    h.release();
  });

  test("released with a job pending: the job is refused as stopped, never done here", async () => {
    const { h, workers } = helper("never-answers", 50);
    const pending = h.recompress(data, keep, 3);
    h.release();
    await expect(pending).rejects.toThrow(/stopped/);
    // Past the watchdog's time: nothing falls back to this thread.
    await new Promise((r) => setTimeout(r, 150));
    expect(workers[0]!.terminated).toBe(true);
    await expect(h.recompress(data, keep, 3)).rejects.toThrow(/stopped/);
  });

  test("a stopped job is refused at once and stopped in the helper, which sends nothing back", async () => {
    const { h, workers } = helper("answers");
    const stop = new AbortController();
    const running = h.recompress(data, later(keep, keep - 1000), 3, stop.signal);
    await new Promise((r) => setTimeout(r, 5));
    stop.abort();
    await expect(running).rejects.toThrow(/stopped/);
    await new Promise((r) => setTimeout(r, 200));
    expect(workers[0]!.sent).toEqual(["recompress", "stop"]);
    expect(workers[0]!.replies.filter((k) => k !== "started")).toEqual([]);
    const before = new AbortController();
    before.abort();
    await expect(h.recompress(data, keep, 3, before.signal)).rejects.toThrow(/stopped/);
    h.release();
  });
});
