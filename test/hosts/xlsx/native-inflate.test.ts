/**
 * The browser file mode inflates big parts with the platform's DecompressionStream (Node 20 has
 * the same API, so it is tested here as it runs there). It must hold to everything fflate's path
 * holds to: the same bytes, the limits enforced on what it actually produced (a lying directory or
 * a bomb is refused as too large), damage and wrong CRCs refused as corrupt, and the same workbook
 * read and written.
 */
import { crc32, deflateRawSync } from "node:zlib";
import { InputError } from "../../../src/core/model/errors";
import { nativeInflate, openXlsx } from "../../../src/hosts/xlsx";
import { nodeInflate } from "../../../src/cli/node-codec";
import { AsyncInflate } from "../../../src/hosts/xlsx/codec";
import { DEFAULT_XLSX_LIMITS, XlsxLimits } from "../../../src/hosts/xlsx/errors";
import { Budget, inflateEntry, inflateEntryAsync } from "../../../src/hosts/xlsx/inflate";
import { ZipEntry } from "../../../src/hosts/xlsx/zip-read";
import { buildPackage, worksheet } from "./fixtures";
import { WritePlan } from "../../../src/core/model/write-plan";
import { A1 } from "../../../src/core/model/brand";

const native = nativeInflate();

/** Text that compresses only about 3:1, so that `n` rows pass the async threshold (64 KiB). */
function noisyRows(n: number): string {
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  let rows = "";
  for (let r = 1; r <= n; r++)
    rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Tên ${next().toString(36)}</t></is></c><c r="B${r}"><v>${next() % 100000}</v></c></row>`;
  return rows;
}

/** A package of one entry: `data` deflated (or as given), its headers as declared. */
function entryOf(
  bytes: Uint8Array,
  declared: Partial<Pick<ZipEntry, "crc" | "size">> = {},
  data: Uint8Array = deflateRawSync(bytes),
): { pkg: Uint8Array; entry: ZipEntry } {
  const pkg = new Uint8Array(data.length + 10);
  pkg.set(data, 10);
  const entry: ZipEntry = {
    name: "xl/worksheets/sheet1.xml",
    nameBytes: new TextEncoder().encode("xl/worksheets/sheet1.xml"),
    flags: 0,
    method: 8,
    time: 0,
    date: 0,
    crc: declared.crc ?? crc32(bytes),
    compressedSize: data.length,
    size: declared.size ?? bytes.length,
    externalAttrs: 0,
    dataStart: 10,
  };
  return { pkg, entry };
}

async function inflated(
  pkg: Uint8Array,
  entry: ZipEntry,
  inflate: AsyncInflate | undefined,
  limits: Partial<XlsxLimits> = {},
): Promise<Uint8Array> {
  const budget = new Budget({ ...DEFAULT_XLSX_LIMITS, ...limits });
  const pieces: Uint8Array[] = [];
  if (inflate) await inflateEntryAsync(pkg, entry, budget, inflate, (p) => pieces.push(p.slice()));
  else inflateEntry(pkg, entry, budget, (p) => pieces.push(p.slice()));
  return new Uint8Array(Buffer.concat(pieces));
}

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InputError) return e.code;
    throw e;
  }
  return "none";
}

test("the native inflater exists where DecompressionStream knows deflate-raw (Node 20, as in the browser)", () => {
  expect(native).toBeDefined();
});

// The command line streams its big parts through Node's zlib (nodeInflate): it holds to the same.
describe.each([
  ["the native inflater", native!],
  ["Node's zlib as a stream (the command line)", nodeInflate],
])("%s", (_name, inflater) => {
  it("gives the same bytes as fflate's path, in pieces", async () => {
    const bytes = new TextEncoder().encode(worksheet(noisyRows(5000)));
    const { pkg, entry } = entryOf(bytes);
    expect(entry.compressedSize).toBeGreaterThan(64 * 1024);
    let pieces = 0;
    const counting: AsyncInflate = (data, sink) => inflater(data, (p) => (pieces++, sink(p)));
    const got = await inflated(pkg, entry, counting);
    expect(Buffer.compare(got, bytes)).toBe(0);
    // Streamed: the parser never needs the whole part at once.
    expect(bytes.length).toBeGreaterThan(300 * 1024);
    expect(pieces).toBeGreaterThan(1);
    expect(Buffer.compare(got, await inflated(pkg, entry, undefined))).toBe(0);
  });

  it("refuses what inflates past the part limit, whatever the directory declares", async () => {
    const bomb = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    const { pkg, entry } = entryOf(bomb, { size: 100 });
    let produced = 0;
    const counting: AsyncInflate = (data, sink) =>
      inflater(data, (p) => {
        produced += p.length;
        sink(p);
      });
    expect(await codeOf(() => inflated(pkg, entry, counting, { maxPartBytes: 1024 * 1024 }))).toBe(
      "too-large",
    );
    // Stopped soon after the limit, not after the whole 8 MB.
    expect(produced).toBeLessThan(2 * 1024 * 1024);
  });

  it("refuses a wrong size, a wrong CRC and damaged data as corrupt", async () => {
    const bytes = new TextEncoder().encode(worksheet(noisyRows(200)));
    const wrongSize = entryOf(bytes, { size: bytes.length - 1 });
    expect(await codeOf(() => inflated(wrongSize.pkg, wrongSize.entry, inflater))).toBe("corrupt");
    const wrongCrc = entryOf(bytes, { crc: (crc32(bytes) ^ 1) >>> 0 });
    expect(await codeOf(() => inflated(wrongCrc.pkg, wrongCrc.entry, inflater))).toBe("corrupt");
    const good = deflateRawSync(bytes);
    const truncated = entryOf(bytes, {}, good.subarray(0, good.length >> 1));
    expect(await codeOf(() => inflated(truncated.pkg, truncated.entry, inflater))).toBe("corrupt");
    const garbage = entryOf(bytes, {}, new Uint8Array(good.length).fill(0xff));
    expect(await codeOf(() => inflated(garbage.pkg, garbage.entry, inflater))).toBe("corrupt");
  });

  it("reads and writes a workbook exactly as fflate's path does", async () => {
    const bytes = buildPackage({
      sheets: [{ name: "Thành viên", rows: noisyRows(6000) }],
    });
    const plain = openXlsx(bytes);
    let calls = 0;
    const spy: AsyncInflate = (data, sink) => (calls++, inflater(data, sink));
    const fast = openXlsx(bytes, undefined, undefined, { inflate: spy });
    const [a, b] = [await plain.readSheet("Thành viên"), await fast.readSheet("Thành viên")];
    expect(b.rows.length).toBe(6000);
    expect(b).toEqual(a);
    // The sheet is big enough to take the native path, for reading and again for writing.
    expect(calls).toBe(1);
    const plan: WritePlan = {
      sheets: [],
      highlights: [
        {
          sheet: "Thành viên",
          cell: "B3" as A1,
          rule: "member.sex",
          severity: "error",
          reason: "x",
        },
      ],
    };
    await plain.apply(plan);
    await fast.apply(plan);
    expect(calls).toBe(2);
    expect(Buffer.compare(fast.toBytes(), plain.toBytes())).toBe(0);
  });
});
