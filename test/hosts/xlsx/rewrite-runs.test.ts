import {
  AsyncInflate,
  LaterKeep,
  Recompress,
  nativeInflate,
  openXlsx,
} from "../../../src/hosts/xlsx";
import { deflateRunsHere, RUN_BYTES } from "../../../src/hosts/xlsx/deflate-run";
import { recompressRuns } from "../../../src/hosts/xlsx/recompress-runs";
import { WritePlan } from "../../../src/core/model/write-plan";
import { buildPackage, text, unzip, worksheet } from "./fixtures";
import { highlight, plan, resultsSheet } from "./plans";

/**
 * File mode's streamed rewrite (no codec): a big worksheet's start recompressed in runs from the
 * moment its reading begins (recompressWhileReading, a LaterKeep), then joined to the new tail.
 * The package must be byte for byte the one written by inflating the part whole, and the part
 * must not be inflated again to be written. File mode splices the start from the stored stream
 * instead where it can (splicedStart): then nothing is recompressed, and the parts are the same.
 */

const SHEET = "xl/worksheets/sheet1.xml";
const MERGES = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>';

/** A member sheet of about 2.4 runs, with a tail of its own. */
function bigSheet(tail: string): string {
  const rows: string[] = [];
  for (let i = 1, length = 0; length < 2.4 * RUN_BYTES; i++) {
    const row = `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>Trần Thị ${i}</t></is></c><c r="B${i}"><v>${1940 + (i % 60)}</v></c></row>`;
    rows.push(row);
    length += row.length;
  }
  return worksheet(rows.join(""), tail);
}

const marks = plan(
  [resultsSheet()],
  [highlight("Thành viên", "B5"), highlight("Thành viên", "A7:A9", "warning")],
);

/** The platform's inflater, recording how many bytes each part it inflates gives. */
function counted(): { inflate: AsyncInflate; sizes: number[] } {
  const native = nativeInflate()!;
  const sizes: number[] = [];
  return {
    sizes,
    inflate: async (data, sink) => {
      let n = 0;
      await native(data, (piece) => {
        n += piece.length;
        sink(piece);
      });
      sizes.push(n);
    },
  };
}

/** recompressRuns on this thread, recording each call: its keep, and whether it was stopped. */
function recorder() {
  const calls: { keep: number | LaterKeep; stopped: () => boolean }[] = [];
  const recompress: Recompress = (data, keep, level, signal) => {
    calls.push({ keep, stopped: () => signal?.aborted === true });
    return recompressRuns(data, keep, level, nativeInflate(), signal);
  };
  return { calls, recompress };
}

/**
 * Reads the sheet, applies the plan: with its start streamed from its reading on, or inflated
 * whole (neither spliced from the stored stream), or as file mode opens a package (spliced).
 */
async function written(bytes: Uint8Array, p: WritePlan, how: boolean | "spliced", pool = false) {
  const { inflate, sizes } = counted();
  const { calls, recompress } = recorder();
  const wb = openXlsx(bytes, {}, undefined, {
    inflate,
    ...(pool ? { deflate: deflateRunsHere } : {}),
    ...(how ? { recompress, recompressWhileReading: true } : {}),
    ...(how === "spliced" ? {} : { spliceStored: false }),
  });
  await wb.readSheet("Thành viên");
  const whileReading = calls.length;
  await wb.apply(p);
  return { bytes: Buffer.from(wb.toBytes()), sizes, calls, whileReading };
}

describe("file mode's big worksheet rewritten as a stream, from its reading on", () => {
  const doc = bigSheet(MERGES);
  const plain = buildPackage({ sheets: [{ name: "Thành viên", doc }] });
  const size = new TextEncoder().encode(doc).length;

  test.each([
    ["deflated here", false],
    ["deflated by a run deflater", true],
  ])("gives the very package written by inflating it whole (%s)", async (_, pool) => {
    const streamed = await written(plain, marks, true, pool);
    const whole = await written(plain, marks, false, pool);
    expect(streamed.bytes.equals(whole.bytes)).toBe(true);
    // Started as the sheet was read, its keep not known yet; never started again.
    expect(streamed.whileReading).toBe(1);
    expect(streamed.calls.length).toBe(1);
    expect(typeof streamed.calls[0]!.keep).toBe("object");
    // The whole path inflates the sheet to read it and again to write it; the stream only to read.
    expect(whole.sizes.filter((n) => n === size).length).toBe(2);
    expect(streamed.sizes.filter((n) => n === size).length).toBe(1);
    const sheet = text(unzip(streamed.bytes), SHEET);
    expect(sheet).toContain(`${MERGES}<conditionalFormatting sqref="B5">`);
    expect(sheet.startsWith(doc.slice(0, 100_000))).toBe(true);
  });

  test("takes old highlights away again, and stops a start the plan leaves alone", async () => {
    const first = await written(plain, marks, true);
    const again = await written(first.bytes, plan([resultsSheet()]), true);
    const whole = await written(first.bytes, plan([resultsSheet()]), false);
    expect(again.bytes.equals(whole.bytes)).toBe(true);
    expect(text(unzip(again.bytes), SHEET)).toBe(doc);
    // A sheet with neither highlights nor old ones keeps its stored bytes: its start is stopped.
    const untouched = await written(plain, plan([resultsSheet()]), true);
    expect(untouched.calls.map((c) => c.stopped())).toEqual([true]);
    expect(
      untouched.bytes.equals((await written(plain, plan([resultsSheet()]), false)).bytes),
    ).toBe(true);
  });

  test("a tail that does not say where the part is cut: the start stops, the part is edited whole", async () => {
    const odd = buildPackage({
      sheets: [{ name: "Thành viên", doc: doc + "<!-- <sheetData/> -->" }],
    });
    const streamed = await written(odd, marks, true);
    const whole = await written(odd, marks, false);
    expect(streamed.calls.map((c) => c.stopped())).toEqual([true]);
    expect(streamed.bytes.equals(whole.bytes)).toBe(true);
    expect(text(unzip(streamed.bytes), SHEET)).toContain('<conditionalFormatting sqref="B5">');
  });

  test("a sheet read again: the start of the first reading is stopped", async () => {
    const { calls, recompress } = recorder();
    const wb = openXlsx(plain, {}, undefined, {
      inflate: nativeInflate()!,
      recompress,
      recompressWhileReading: true,
      spliceStored: false,
    });
    await wb.readSheet("Thành viên");
    await wb.readSheet("Thành viên");
    expect(calls.map((c) => c.stopped())).toEqual([true, false]);
    await wb.apply(marks);
    expect(calls.length).toBe(2);
    expect(Buffer.from(wb.toBytes()).equals((await written(plain, marks, false)).bytes)).toBe(true);
  });

  test("spliced as file mode opens a package: nothing recompressed, the parts as inflated whole", async () => {
    const spliced = await written(plain, marks, "spliced", true);
    const whole = await written(plain, marks, false, true);
    expect(spliced.calls).toEqual([]);
    // Inflated to be read, never again to be written.
    expect(spliced.sizes.filter((n) => n === size).length).toBe(1);
    const [a, b] = [unzip(spliced.bytes), unzip(whole.bytes)];
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const part of Object.keys(a))
      expect([part, Buffer.from(a[part]!).equals(Buffer.from(b[part]!))]).toEqual([part, true]);
    // The very bytes a package opened with no options gives (the Node side of the browser test).
    const plainOpen = openXlsx(plain);
    await plainOpen.readSheet("Thành viên");
    await plainOpen.apply(marks);
    expect(spliced.bytes.equals(Buffer.from(plainOpen.toBytes()))).toBe(true);
  });

  test("a small sheet is not started while read", async () => {
    const small = buildPackage({
      sheets: [
        { name: "Thành viên", doc: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>', MERGES) },
      ],
    });
    const streamed = await written(small, marks, true);
    expect(streamed.calls).toEqual([]);
    expect(streamed.bytes.equals((await written(small, marks, false)).bytes)).toBe(true);
  });
});
