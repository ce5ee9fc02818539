import { deflateRawSync } from "node:zlib";
import { AsyncInflate, LaterKeep, nativeInflate } from "../../../src/hosts/xlsx";
import { cutRuns, deflateRun, RUN_BYTES } from "../../../src/hosts/xlsx/deflate-run";
import { recompressRuns } from "../../../src/hosts/xlsx/recompress-runs";

/**
 * File mode's recompressor (recompressRuns): a stored part's start inflated and deflated again in
 * the runs the writer deflates a big part in, so that the start's whole runs, then its rest with
 * the new tail, make the very bytes of the part inflated whole. Expected bytes come from cutRuns
 * and deflateRun on the plain start, never from the recompressor.
 */

/** About 2.2 runs of rows like a register's (fflate is slow under Jest: few runs, each once). */
function part(): Uint8Array {
  const rows: string[] = [];
  for (let r = 1, length = 0; length < 2.2 * RUN_BYTES; r++) {
    const row = `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Lê Văn ${(r * 7919) % 100_003}</t></is></c></row>`;
    rows.push(row);
    length += row.length;
  }
  return new TextEncoder().encode(rows.join(""));
}

const bytes = part();
const data = new Uint8Array(deflateRawSync(bytes, { level: 6 }));

/** The part's whole runs, each deflated as the writer would (not last): worked out once. */
const runs = cutRuns([bytes.subarray(0, Math.floor(bytes.length / RUN_BYTES) * RUN_BYTES)]);
const deflatedRuns: Buffer[] = [];

/** The start's whole runs deflated as the writer would, and the bytes past them. */
function expected(keep: number): { deflated: string[]; rest: string } {
  const whole = Math.floor(keep / RUN_BYTES);
  for (let i = deflatedRuns.length; i < whole; i++)
    deflatedRuns.push(Buffer.from(deflateRun(runs[i]!.data, 3, false)));
  return {
    deflated: deflatedRuns.slice(0, whole).map((d) => d.toString("hex")),
    rest: Buffer.from(bytes.subarray(whole * RUN_BYTES, keep)).toString("hex"),
  };
}

/** As hex strings: toEqual walks a big Buffer byte by byte, slowly. */
const asBuffers = (r: { deflated: readonly Uint8Array[]; rest: Uint8Array }) => ({
  deflated: r.deflated.map((d) => Buffer.from(d).toString("hex")),
  rest: Buffer.from(r.rest).toString("hex"),
});

/** A keep known a moment later, at least `atLeast` and at most `atMost` (the part's size). */
function later(keep: number, atLeast: number, atMost = bytes.length): LaterKeep {
  return {
    atLeast,
    atMost,
    known: new Promise((resolve) => setTimeout(() => resolve(keep), 20)),
  };
}

describe("recompressRuns", () => {
  test.each([
    ["fflate", undefined, [RUN_BYTES + 5, bytes.length]],
    ["the platform's inflater", nativeInflate(), [1000, RUN_BYTES, 2 * RUN_BYTES + 777]],
  ])("deflates the kept start's whole runs as the writer would (%s)", async (_, inflate, keeps) => {
    for (const keep of keeps)
      expect(asBuffers(await recompressRuns(data, keep, 3, inflate))).toEqual(expected(keep));
  });

  test("gives the same when the keep is known only later, a run held past its bound", async () => {
    const inflate = nativeInflate();
    for (const [keep, atLeast] of [
      [2 * RUN_BYTES + 10, 2 * RUN_BYTES - 100],
      [bytes.length, bytes.length - 300_000],
    ] as const) {
      const got = await recompressRuns(data, later(keep, atLeast), 3, inflate);
      expect(asBuffers(got)).toEqual(expected(keep));
    }
    const fflate = await recompressRuns(data, later(RUN_BYTES, RUN_BYTES), 3);
    expect(asBuffers(fflate)).toEqual(expected(RUN_BYTES));
  });

  test("refuses more than the part holds, a keep below its bound, or none at all", async () => {
    await expect(recompressRuns(data, bytes.length + 1, 3)).rejects.toThrow(/fewer/);
    await expect(
      recompressRuns(data, later(bytes.length + 1, bytes.length - 10, bytes.length + 1), 3),
    ).rejects.toThrow(/fewer/);
    await expect(recompressRuns(data, later(RUN_BYTES, RUN_BYTES + 1), 3)).rejects.toThrow(
      /promised/,
    );
    // Never past the size declared, whatever the data holds (a part that lies about its size).
    const declared = RUN_BYTES + 100;
    await expect(
      recompressRuns(data, later(declared + 1, RUN_BYTES, declared), 3, nativeInflate()),
    ).rejects.toThrow(/promised/);
    const within = await recompressRuns(data, later(declared, RUN_BYTES, declared), 3);
    expect(asBuffers(within)).toEqual(expected(declared));
    // The inflater is stopped there: it gave a piece past it at most, not the rest of the part.
    let given = 0;
    const native = nativeInflate()!;
    const counted: AsyncInflate = (d, sink) =>
      native(d, (piece) => {
        given += piece.length;
        sink(piece);
      });
    await recompressRuns(data, later(declared, RUN_BYTES, declared), 3, counted);
    expect(given).toBeGreaterThanOrEqual(declared);
    expect(given).toBeLessThan(declared + 256 * 1024);
    const none: LaterKeep = {
      atLeast: 10,
      atMost: bytes.length,
      known: Promise.reject(new Error("nothing to keep")),
    };
    await expect(recompressRuns(data, none, 3)).rejects.toThrow(/nothing/);
  });

  test("refuses damaged data, and stops when its signal aborts", async () => {
    const damaged = data.slice();
    for (let i = 1000; i < 1100; i++) damaged[i]! ^= 0x5a;
    await expect(recompressRuns(damaged, bytes.length, 3)).rejects.toThrow();
    await expect(recompressRuns(damaged, bytes.length, 3, nativeInflate())).rejects.toThrow();
    const stop = new AbortController();
    const running = recompressRuns(data, bytes.length, 3, nativeInflate(), stop.signal);
    stop.abort();
    await expect(running).rejects.toThrow();
  });
});
