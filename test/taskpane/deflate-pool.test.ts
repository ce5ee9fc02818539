/**
 * File mode's helper Workers for deflating (src/taskpane/worker/deflate-pool.ts), with stand-ins
 * for the Workers that answer as the real helper does (deflate.worker.ts's deflateRun), late and out
 * of order, or fail. The runs must come back exactly as deflated here, whichever helper failed;
 * every helper is ended at the end; the runs sent are copies of their own (a view would have its
 * whole part cloned, and a transferred piece of the part would be taken away from it).
 */
import { cutRuns, deflateRun, deflateRunsHere, RUN_BYTES } from "../../src/hosts/xlsx/deflate-run";
import {
  DeflateDone,
  deflateInPool,
  DeflateJob,
  HelperWorker,
} from "../../src/taskpane/worker/deflate-pool";

type Behaviour = "answers" | "breaks" | "refuses" | "fails-to-start" | "never-answers";

class FakeHelper implements HelperWorker {
  onmessage: ((event: MessageEvent<DeflateDone>) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = false;
  readonly jobs: DeflateJob[] = [];

  constructor(private readonly behaviour: Behaviour) {}

  postMessage(job: DeflateJob, transfer: Transferable[]): void {
    expect(job.data.byteOffset).toBe(0);
    expect(job.data.byteLength).toBe(job.data.buffer.byteLength);
    expect(transfer).toEqual([job.data.buffer]);
    // Transferred as postMessage does: the sender's buffer is detached.
    job = structuredClone(job, { transfer: transfer as ArrayBuffer[] });
    this.jobs.push(job);
    setTimeout(() => {
      if (this.terminated || this.behaviour === "never-answers") return;
      if (this.behaviour === "breaks") return this.onerror?.(new Event("error"));
      const reply: DeflateDone =
        this.behaviour === "refuses"
          ? { index: job.index, error: "out of memory" }
          : { index: job.index, data: deflateRun(job.data, job.level, job.last) };
      this.onmessage?.({ data: reply } as MessageEvent<DeflateDone>);
    }, Math.random() * 15);
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** A part of a few runs, rows like a register's. */
function part(runs: number): Uint8Array {
  const rows: string[] = [];
  for (let r = 1, length = 0; length < runs * RUN_BYTES - 1000; r++) {
    const row = `<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 100003}</v></c></row>`;
    rows.push(row);
    length += row.length;
  }
  return new TextEncoder().encode(rows.join(""));
}

const content = part(2);
// The last run is a whole buffer (a piece of a part on its own), as a generated sheet's can be.
const whole = content.slice(0, 1000);
const runs = [
  ...cutRuns([content]),
  ...cutRuns([content.subarray(0, RUN_BYTES + 5)]),
  { data: whole, last: true },
];
let here: Uint8Array[] | undefined;

async function pooled(behaviours: Behaviour[]): Promise<{
  same: boolean;
  helpers: FakeHelper[];
}> {
  here ??= await deflateRunsHere(runs, 3);
  const expected = here;
  const helpers: FakeHelper[] = [];
  let h = 0;
  // A helper silent for 300 ms is taken as failed (5 s in the pane).
  const got = await deflateInPool(
    runs,
    3,
    behaviours.length,
    () => {
      const behaviour = behaviours[h++]!;
      if (behaviour === "fails-to-start") throw new Error("no Worker here");
      const helper = new FakeHelper(behaviour);
      helpers.push(helper);
      return helper;
    },
    300,
  );
  const same =
    got.length === expected.length && got.every((d, i) => Buffer.compare(d, expected[i]!) === 0);
  return { same, helpers };
}

describe("deflating runs with helper Workers", () => {
  it("gives the runs as deflated here, the helpers doing a share, all ended at the end", async () => {
    expect(runs).toHaveLength(5);
    const { same, helpers } = await pooled(["answers", "answers"]);
    expect(same).toBe(true);
    // The part's own bytes were copied to be sent, never taken away.
    expect(whole.length).toBe(1000);
    expect(Buffer.compare(whole, content.subarray(0, 1000))).toBe(0);
    expect(helpers.every((w) => w.jobs.length > 0)).toBe(true);
    expect(helpers.every((w) => w.terminated)).toBe(true);
  });

  it("deflates here what a broken, refusing or silent helper held, and what none could start for", async () => {
    for (const broken of ["breaks", "refuses", "fails-to-start", "never-answers"] as const) {
      const { same, helpers } = await pooled([broken, "answers"]);
      expect(same).toBe(true);
      expect(helpers.every((w) => w.terminated)).toBe(true);
    }
    const { same } = await pooled(["breaks", "refuses"]);
    expect(same).toBe(true);
  });
});
