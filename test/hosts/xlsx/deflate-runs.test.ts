/**
 * Big parts are deflated in runs (deflate-run.ts), so that file mode can deflate them on several
 * cores and still write the very bytes one thread writes. The runs must cut the content the same
 * way whatever its pieces, join into one valid deflate stream, and writeZipAsync must give
 * writeZip's bytes whoever deflates the runs, in whatever order they come back.
 */
import fc from "fast-check";
import { inflateRawSync } from "node:zlib";
import {
  cutRuns,
  deflateRun,
  deflateRunsHere,
  Run,
  RunDeflater,
  RUN_BYTES,
} from "../../../src/hosts/xlsx/deflate-run";
import { OutEntry, writeZip, writeZipAsync } from "../../../src/hosts/xlsx/zip-write";
import { unzip } from "./fixtures";

/** Rows like a register's: they compress several times over, never repeating (mulberry32). */
function noisy(bytes: number, seed = 7): Uint8Array {
  let a = seed;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const rows: string[] = [];
  let length = 0;
  for (let r = 1; length < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}"><v>${next()}</v></c><c r="B${r}" t="s"><v>${next() % 5000}</v></c></row>`;
    rows.push(row);
    length += row.length;
  }
  return new TextEncoder().encode(rows.join("")).subarray(0, bytes);
}

const join = (parts: readonly Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

/** Pieces of `content` cut at the given offsets. */
function piecesOf(content: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (content.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, content.length]) {
    pieces.push(content.subarray(from, c));
    from = c;
  }
  return pieces;
}

describe("cutting a part into runs", () => {
  const content = noisy(2 * RUN_BYTES + 12345);

  it("cuts at every RUN_BYTES, however the content is pieced, and marks the last run", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), (cuts) => {
        const runs = cutRuns(piecesOf(content, cuts));
        expect(runs.map((r) => r.data.length)).toEqual([RUN_BYTES, RUN_BYTES, 12345]);
        expect(runs.map((r) => r.last)).toEqual([false, false, true]);
        expect(Buffer.compare(join(runs.map((r) => r.data)), content)).toBe(0);
      }),
      { numRuns: 20 },
    );
  });

  it("gives one empty last run for an empty part", () => {
    const runs = cutRuns([]);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.data.length).toBe(0);
    expect(runs[0]!.last).toBe(true);
  });

  it("joins deflated runs into one deflate stream of the content", () => {
    const runs = cutRuns([content]);
    const deflated = runs.map((r) => deflateRun(r.data, 3, r.last));
    expect(Buffer.compare(inflateRawSync(join(deflated)), content)).toBe(0);
    // Each run on its own costs little: within 0.5% of deflating the part whole (0.05% measured
    // on a country's member sheet).
    const whole = deflateRun(content, 3, true).length;
    expect(join(deflated).length).toBeLessThan(whole * 1.005);
  });
});

describe("the end of a run that does not finish its part", () => {
  it("lets the next run follow, whatever bits its last byte holds", () => {
    // 200 runs of random lengths end on every bit position (0-7) many times over; fflate 0.8.3's
    // own sync flush broke the stream at one of them.
    const text = noisy(60_000, 11);
    let seed = 5;
    for (let i = 0; i < 200; i++) {
      seed = (seed * 48271) % 2147483647;
      const run = text.subarray(seed % 1000, (seed % 1000) + 1 + (seed % 50_000));
      const next = text.subarray(0, 300);
      const stream = join([deflateRun(run, 3, false), deflateRun(next, 3, true)]);
      expect(Buffer.compare(inflateRawSync(stream), join([run, next]))).toBe(0);
    }
  });
});

/** Deflates runs "elsewhere": each after a random delay, so answers come back out of order. */
const shuffled: RunDeflater = (runs: readonly Run[], level) =>
  Promise.all(
    runs.map(
      (r) =>
        new Promise<Uint8Array>((resolve) =>
          setTimeout(() => resolve(deflateRun(r.data, level, r.last)), Math.random() * 20),
        ),
    ),
  );

describe("writing a package whose parts are deflated in runs elsewhere", () => {
  const big = noisy(RUN_BYTES + 777_777, 3);
  const entries: OutEntry[] = [
    {
      kind: "new",
      name: "xl/worksheets/sheet1.xml",
      content: [big.subarray(0, 1000), big.subarray(1000)],
    },
    { kind: "new", name: "xl/styles.xml", content: [new TextEncoder().encode("<styleSheet/>")] },
    { kind: "new", name: "xl/worksheets/sheet2.xml", content: [noisy(2 * RUN_BYTES + 5, 9)] },
  ];

  it("gives writeZip's bytes, whoever deflates the runs and in whatever order", async () => {
    const one = writeZip(entries);
    expect(Buffer.compare(Buffer.concat(await writeZipAsync(entries, deflateRunsHere)), one)).toBe(
      0,
    );
    expect(Buffer.compare(Buffer.concat(await writeZipAsync(entries, shuffled)), one)).toBe(0);
    const parts = unzip(one);
    expect(Buffer.compare(parts["xl/worksheets/sheet1.xml"]!, big)).toBe(0);
    expect(parts["xl/worksheets/sheet2.xml"]!.length).toBe(2 * RUN_BYTES + 5);
  });

  it("hands over only the big parts' runs, all in one call", async () => {
    const calls: number[] = [];
    const counting: RunDeflater = (runs, level) => {
      calls.push(runs.length);
      return deflateRunsHere(runs, level);
    };
    await writeZipAsync(entries, counting);
    // sheet1: 2 runs, sheet2: 3 runs; styles.xml is small and deflated in place.
    expect(calls).toEqual([5]);
  });
});
