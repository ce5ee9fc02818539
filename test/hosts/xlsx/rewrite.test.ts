import { constants, deflateRawSync, inflateRawSync } from "node:zlib";
import { NODE_CODEC, nodeInflate, nodeRecompress } from "../../../src/cli/node-codec";
import { Codec, Recompress, openXlsx } from "../../../src/hosts/xlsx";
import { DEFAULT_XLSX_LIMITS as LIMITS } from "../../../src/hosts/xlsx/errors";
import { REWRITE_FROM } from "../../../src/hosts/xlsx/rewrite";
import { readZip } from "../../../src/hosts/xlsx/zip-read";
import { WritePlan } from "../../../src/core/model/write-plan";
import { buildPackage, text, unzip, worksheet } from "./fixtures";
import { highlight, plan, resultsSheet } from "./plans";

/**
 * The command line writes a big worksheet's highlights without inflating it whole again: its tail
 * was kept as it was read, and its start is streamed from the stored part into the new package
 * (nodeRecompress). The package must be byte for byte the one written by inflating it whole.
 * Where it can, the command line splices the start from the stored stream instead (splicedStart):
 * then its parts are the ones written by inflating it whole, and its start's bits are the stored.
 */

const SHEET = "xl/worksheets/sheet1.xml";

/** A member sheet past REWRITE_FROM, with a tail of its own. */
function bigSheet(tail: string): string {
  const rows: string[] = [];
  for (let i = 1; rows.length * 90 < REWRITE_FROM * 1.2; i++)
    rows.push(
      `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>Nguyễn Thị ${i}</t></is></c><c r="B${i}"><v>${1940 + (i % 60)}</v></c></row>`,
    );
  return worksheet(rows.join(""), tail);
}

const MERGES = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>';

/** Node's codec, recording the size of every part it inflates whole. */
function watched(): Codec & { whole: number[] } {
  const spy: Codec & { whole: number[] } = {
    whole: [],
    inflateRaw: (data, max, hint) => {
      const out = NODE_CODEC.inflateRaw(data, max, hint);
      spy.whole.push(out.length);
      return out;
    },
    deflateRaw: NODE_CODEC.deflateRaw,
    crc32: NODE_CODEC.crc32,
  };
  return spy;
}

/**
 * Reads the sheet, applies the plan: with its start streamed (nodeRecompress), or inflated whole
 * (neither spliced from the stored stream), or as the command line opens a package (spliced).
 */
async function written(bytes: Uint8Array, p: WritePlan, how: boolean | "spliced") {
  const codec = watched();
  const options = {
    inflate: nodeInflate,
    ...(how ? { recompress: nodeRecompress } : {}),
    ...(how === "spliced" ? {} : { spliceStored: false }),
  };
  const wb = openXlsx(bytes, {}, codec, options);
  await wb.readSheet("Thành viên");
  await wb.apply(p);
  return { bytes: wb.toBytes(), whole: codec.whole, wb };
}

const sheetSize = (bytes: Uint8Array): number => unzip(bytes)[SHEET]!.length;

/** A part's compressed bytes as stored in a package (its local header read for where they start). */
function storedData(bytes: Uint8Array, part: string): Uint8Array {
  const entry = readZip(bytes, LIMITS).find((e) => e.name === part)!;
  return bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
}

describe("a big worksheet rewritten as a stream", () => {
  const plain = buildPackage({ sheets: [{ name: "Thành viên", doc: bigSheet(MERGES) }] });
  const marks = plan(
    [resultsSheet()],
    [highlight("Thành viên", "B5"), highlight("Thành viên", "A7:A9", "warning")],
  );

  test("gives the very package written by inflating it whole, without inflating it", async () => {
    const size = sheetSize(plain);
    expect(size).toBeGreaterThan(REWRITE_FROM);
    const streamed = await written(plain, marks, true);
    const whole = await written(plain, marks, false);
    expect(whole.whole).toContain(size);
    expect(streamed.whole.filter((n) => n >= REWRITE_FROM)).toEqual([]);
    expect(Buffer.from(streamed.bytes).equals(Buffer.from(whole.bytes))).toBe(true);
    const sheet = text(unzip(streamed.bytes), SHEET);
    expect(sheet).toContain(`${MERGES}<conditionalFormatting sqref="B5">`);
    expect(sheet.startsWith(bigSheet(MERGES).slice(0, 100_000))).toBe(true);
  });

  test("spliced: the stored stream to its last block before the tail, the parts as inflated whole", async () => {
    const spliced = await written(plain, marks, "spliced");
    const whole = await written(plain, marks, false);
    expect(spliced.whole.filter((n) => n >= REWRITE_FROM)).toEqual([]);
    const [a, b] = [unzip(spliced.bytes), unzip(whole.bytes)];
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const part of Object.keys(a))
      expect([part, Buffer.from(a[part]!).equals(Buffer.from(b[part]!))]).toEqual([part, true]);
    // The stored part's compressed bytes, as they were, begin the new one's.
    const stored = storedData(plain, SHEET);
    const now = storedData(spliced.bytes, SHEET);
    const same = Buffer.from(stored).compare(
      Buffer.from(now),
      0,
      stored.length - 64 * 1024,
      0,
      stored.length - 64 * 1024,
    );
    expect(same).toBe(0);
  });

  test("spliced from a package resting on its source: the start read back after a collection", async () => {
    const expected = (await written(plain, marks, "spliced")).bytes;
    const events: string[] = [];
    const stored = storedData(plain, SHEET).length;
    const source = {
      read: (begin: number, end: number) => {
        events.push(end - begin >= stored ? "the sheet's start" : "range");
        return plain.slice(begin, end);
      },
    };
    const collect = () => void events.push("collect");
    const wb = openXlsx(plain.slice(), {}, NODE_CODEC, { inflate: nodeInflate, source, collect });
    await wb.readSheet("Thành viên");
    wb.rest();
    await wb.apply(marks);
    expect(Buffer.from(wb.toBytes()).equals(Buffer.from(expected))).toBe(true);
    // The member sheet's stored start comes back once, after the collection, as one range.
    expect(events.filter((e) => e !== "range")).toEqual(["collect", "the sheet's start"]);
  });

  test("takes old highlights away again, spliced too", async () => {
    const first = await written(plain, marks, "spliced");
    const again = await written(first.bytes, plan([resultsSheet()]), "spliced");
    const whole = await written(first.bytes, plan([resultsSheet()]), false);
    expect(again.whole.filter((n) => n >= REWRITE_FROM)).toEqual([]);
    expect(text(unzip(again.bytes), SHEET)).toBe(bigSheet(MERGES));
    expect(text(unzip(whole.bytes), SHEET)).toBe(bigSheet(MERGES));
  });

  test("takes old highlights away again, as a stream too", async () => {
    const first = await written(plain, marks, true);
    const again = await written(first.bytes, plan([resultsSheet()]), true);
    const whole = await written(first.bytes, plan([resultsSheet()]), false);
    expect(again.whole.filter((n) => n >= REWRITE_FROM)).toEqual([]);
    expect(Buffer.from(again.bytes).equals(Buffer.from(whole.bytes))).toBe(true);
    expect(text(unzip(again.bytes), SHEET)).toBe(bigSheet(MERGES));
  });

  test("a second apply on the same workbook does not use the first package's tail", async () => {
    const { wb } = await written(plain, marks, "spliced");
    await wb.apply(plan([resultsSheet()], [highlight("Thành viên", "C3")]));
    const sheet = text(unzip(wb.toBytes()), SHEET);
    expect(sheet).toContain('<conditionalFormatting sqref="C3">');
    expect(sheet).not.toContain('sqref="B5"');
    expect(
      sheet.endsWith(
        `${MERGES}<conditionalFormatting sqref="C3"><cfRule type="expression" dxfId="0" priority="1"><formula>ISTEXT("ishc:error")</formula></cfRule></conditionalFormatting></worksheet>`,
      ),
    ).toBe(true);
  });

  test("a tail that does not say where the part is cut: the part is edited whole", async () => {
    // A comment after the root with a sheetData tag in it: sheetDataEnd walks the part from its start.
    const odd = buildPackage({
      sheets: [{ name: "Thành viên", doc: bigSheet(MERGES) + "<!-- <sheetData/> -->" }],
    });
    const streamed = await written(odd, marks, true);
    const whole = await written(odd, marks, false);
    const spliced = await written(odd, marks, "spliced");
    expect(streamed.whole).toContain(sheetSize(odd));
    expect(Buffer.from(spliced.bytes).equals(Buffer.from(whole.bytes))).toBe(true);
    expect(Buffer.from(streamed.bytes).equals(Buffer.from(whole.bytes))).toBe(true);
    expect(text(unzip(streamed.bytes), SHEET)).toContain('<conditionalFormatting sqref="B5">');
  });
});

describe("a big worksheet's start streamed as writing begins", () => {
  const plain = buildPackage({ sheets: [{ name: "Thành viên", doc: bigSheet(MERGES) }] });
  const marks = plan([resultsSheet()], [highlight("Thành viên", "B5")]);

  /** nodeRecompress, recording its calls and whether each was stopped (or failing, when asked). */
  function watched(fail = false) {
    const calls: { stopped: () => boolean }[] = [];
    const recompress: Recompress = (data, keep, level, signal) => {
      calls.push({ stopped: () => signal?.aborted === true });
      return fail ? Promise.reject(new Error("boom")) : nodeRecompress(data, keep, level, signal);
    };
    return { calls, recompress };
  }

  async function apply(p: WritePlan, fail = false) {
    const { calls, recompress } = watched(fail);
    const wb = openXlsx(plain, {}, NODE_CODEC, {
      inflate: nodeInflate,
      recompress,
      spliceStored: false,
    });
    await wb.readSheet("Thành viên");
    const before = calls.length;
    await wb.apply(p);
    return { bytes: wb.toBytes(), before, calls };
  }

  test("starts once, before the plan is applied, and gives the same bytes", async () => {
    const { bytes, before, calls } = await apply(marks);
    expect([before, calls.length]).toEqual([0, 1]);
    const whole = await written(plain, marks, false);
    expect(Buffer.from(bytes).equals(Buffer.from(whole.bytes))).toBe(true);
  });

  test("is never started when the start is spliced from the stored stream", async () => {
    const { calls, recompress } = watched(true);
    const wb = openXlsx(plain, {}, NODE_CODEC, { inflate: nodeInflate, recompress });
    await wb.readSheet("Thành viên");
    await wb.apply(marks);
    expect(calls).toEqual([]);
    expect(text(unzip(wb.toBytes()), SHEET)).toContain('<conditionalFormatting sqref="B5">');
  });

  test("is called when the stored stream's last block starts too far before the tail", async () => {
    // The same row over and over: each code stands for 258 bytes, and a block holds megabytes,
    // more than the kept tail's lead. The start cannot be spliced: it is streamed instead.
    const row = '<row><c t="inlineStr"><is><t>Nguyễn Thị Hoa</t></is></c><c><v>1950</v></c></row>';
    const doc = worksheet(row.repeat(Math.ceil((REWRITE_FROM * 1.5) / row.length)), MERGES);
    const same = buildPackage({ sheets: [{ name: "Thành viên", doc }] });
    const { calls, recompress } = watched();
    const wb = openXlsx(same, {}, NODE_CODEC, { inflate: nodeInflate, recompress });
    await wb.readSheet("Thành viên");
    await wb.apply(marks);
    expect(calls.length).toBe(1);
    const sheet = text(unzip(wb.toBytes()), SHEET);
    expect(sheet.startsWith(doc.slice(0, doc.indexOf(MERGES)))).toBe(true);
    expect(sheet).toContain(`${MERGES}<conditionalFormatting sqref="B5">`);
  });

  test("is stopped when the plan leaves the sheet as it was", async () => {
    const { bytes, calls } = await apply(plan([resultsSheet()]));
    expect(calls.map((c) => c.stopped())).toEqual([true]);
    const whole = await written(plain, plan([resultsSheet()]), false);
    expect(Buffer.from(bytes).equals(Buffer.from(whole.bytes))).toBe(true);
  });

  test("a failure is the write's when the plan needs it, and nobody's otherwise", async () => {
    const unhandled = jest.fn();
    process.on("unhandledRejection", unhandled);
    try {
      await expect(apply(marks, true)).rejects.toMatchObject({ code: "corrupt" });
      await apply(plan([resultsSheet()]), true);
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });
});

describe("Node's streaming recompressor (nodeRecompress)", () => {
  const bytes = new TextEncoder().encode(bigSheet(MERGES));
  const data = deflateRawSync(bytes, { level: 6 });

  test("deflates the kept start as the codec would", async () => {
    for (const keep of [1, 300_000, bytes.length - 7, bytes.length]) {
      const { deflated, rest } = await nodeRecompress(data, keep, 3);
      expect(rest.length).toBe(0);
      const out = Buffer.concat(deflated);
      expect(out.equals(Buffer.from(NODE_CODEC.deflateRaw(bytes.subarray(0, keep), 3, true)))).toBe(
        true,
      );
      // A sync flush ends it: no final block, so it is inflated as a stream that goes on.
      const back = inflateRawSync(out, { finishFlush: constants.Z_SYNC_FLUSH });
      expect(back.equals(Buffer.from(bytes.subarray(0, keep)))).toBe(true);
    }
  });

  test("leaves the caller's bytes as they were (a view of a package, as the CLI's Buffer is)", async () => {
    const pkg = Buffer.concat([Buffer.from("PK.."), data, Buffer.from("..")]);
    const view = pkg.subarray(4, 4 + data.length);
    await nodeRecompress(view, 1000, 3);
    expect(pkg.length).toBe(data.length + 6);
    expect(view.equals(data)).toBe(true);
  });

  test("reads bytes in shared memory where they lie, and leaves them as they were", async () => {
    const pkg = Buffer.from(new SharedArrayBuffer(data.length + 6));
    data.copy(pkg, 4);
    const view = pkg.subarray(4, 4 + data.length);
    const { deflated } = await nodeRecompress(view, 300_000, 3);
    expect(view.equals(data)).toBe(true);
    const expected = NODE_CODEC.deflateRaw(bytes.subarray(0, 300_000), 3, true);
    expect(Buffer.concat(deflated).equals(Buffer.from(expected))).toBe(true);
  });

  test("stops when its signal aborts, before or while it runs", async () => {
    const before = new AbortController();
    before.abort();
    await expect(nodeRecompress(data, bytes.length, 3, before.signal)).rejects.toThrow(/stopped/);
    const during = new AbortController();
    const running = nodeRecompress(data, bytes.length, 3, during.signal);
    during.abort();
    await expect(running).rejects.toThrow(/stopped/);
  });

  test("refuses data that inflates to fewer bytes than to keep, or is damaged", async () => {
    await expect(nodeRecompress(data, bytes.length + 1, 3)).rejects.toThrow(/fewer/);
    const damaged = Buffer.from(data);
    for (let i = 1000; i < 1100; i++) damaged[i] ^= 0x5a;
    await expect(nodeRecompress(damaged, bytes.length, 3)).rejects.toThrow();
  });
});
