import { deflateRawSync } from "node:zlib";
import { OutputLimitError } from "../../../src/hosts/xlsx";
import { openXlsx } from "../../../src/hosts/xlsx";
import { NODE_CODEC, nodeDeflateStream } from "../../../src/cli/node-codec";
import { StreamDeflate } from "../../../src/hosts/xlsx/codec";
import { buildPackage, errorCode, excel, unzip, worksheet } from "./fixtures";
import { highlight, plan, resultsSheet } from "./plans";

/** The command line swaps fflate for Node's zlib: it must read, limit and write exactly alike. */
const bomb = (mb: number): string => worksheet(" ".repeat(mb * 1024 * 1024));

async function workbook(): Promise<Uint8Array> {
  return excel((wb) => {
    const ws = wb.addWorksheet("Thành viên");
    ws.addRow(["Mã CLB", "Họ và tên", "Năm sinh", "Ghi chú"]);
    for (let i = 0; i < 3000; i++)
      ws.addRow([`C${i % 40}`, `Nguyễn Thị Hoà ${i}`, 1950 + (i % 50), i % 7 ? null : "x"]);
  });
}

describe("the xlsx host with Node's zlib", () => {
  test("reads the same cells as with fflate", async () => {
    const bytes = await workbook();
    const a = await openXlsx(bytes).readSheet("Thành viên");
    const b = await openXlsx(bytes, {}, NODE_CODEC).readSheet("Thành viên");
    expect(b).toEqual(a);
    expect(b.rows.at(3000)).toEqual(["C39", "Nguyễn Thị Hoà 2999", 1999]);
  });

  test("writes a package with the same parts as with fflate", async () => {
    const bytes = await workbook();
    const p = plan([resultsSheet("Kết quả CLB")], [highlight("Thành viên", "B5")]);
    const withFflate = openXlsx(bytes);
    const withZlib = openXlsx(bytes, {}, NODE_CODEC);
    await withFflate.apply(p);
    await withZlib.apply(p);
    const a = unzip(withFflate.toBytes());
    const b = unzip(withZlib.toBytes());
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a))
      expect(Buffer.from(b[name]!).equals(Buffer.from(a[name]!))).toBe(true);
  });

  test("deflates a generated sheet's pieces through the stream deflater: the same package, the pieces never joined", async () => {
    const bytes = await workbook();
    const base = resultsSheet("Danh sách lỗi");
    const rows = Array.from({ length: 9000 }, (_, i) => [
      { v: `Nguyễn Thị Hoà ${i}: thiếu ngày sinh`, style: "text" as const },
      { v: i, style: "integer" as const },
    ]);
    const p = plan([{ ...base, rows: [...base.rows, ...rows] }], [highlight("Thành viên", "B5")]);
    const wholes: number[] = [];
    const codec = {
      ...NODE_CODEC,
      deflateRaw: (data: Uint8Array, level: number, more?: boolean) => {
        wholes.push(data.length);
        return NODE_CODEC.deflateRaw(data, level, more);
      },
    };
    const streamed: number[] = [];
    const stream: StreamDeflate = (pieces, level) => {
      streamed.push(pieces.length);
      return nodeDeflateStream(pieces, level);
    };
    const joined = openXlsx(bytes, {}, NODE_CODEC);
    const apart = openXlsx(bytes, {}, codec, { deflateStream: stream });
    await joined.apply(p);
    await apart.apply(p);
    expect(Buffer.from(apart.toBytes()).equals(Buffer.from(joined.toBytes()))).toBe(true);
    const size = unzip(apart.toBytes())["xl/worksheets/sheet2.xml"]!.length;
    expect(size).toBeGreaterThan(600_000);
    // Several pieces went to the stream, and no buffer the sheet's size to the codec.
    expect(Math.max(...streamed)).toBeGreaterThan(2);
    expect(wholes.filter((n) => n >= size)).toEqual([]);
  });

  test("enforces the same limits on zip bombs", async () => {
    const one = buildPackage({ sheets: [{ name: "S", doc: bomb(8) }] });
    expect(
      await errorCode(() =>
        openXlsx(one, { maxPartBytes: 2 * 2 ** 20 }, NODE_CODEC).readSheet("S"),
      ),
    ).toBe("too-large");
    const ratio = openXlsx(
      one,
      { ratioCheckFromBytes: 2 ** 20, maxCompressionRatio: 50 },
      NODE_CODEC,
    );
    expect(await errorCode(() => ratio.readSheet("S"))).toBe("too-large");
    const two = buildPackage({
      sheets: [
        { name: "A", doc: bomb(2) },
        { name: "B", doc: bomb(2) },
      ],
    });
    const total = openXlsx(two, { maxUnpackedBytes: 3 * 2 ** 20 }, NODE_CODEC);
    await total.readSheet("A");
    expect(await errorCode(() => total.readSheet("B"))).toBe("too-large");
  });

  test("damaged compressed data is 'corrupt'", async () => {
    const bytes = await workbook();
    const entries = unzip(bytes);
    expect(Object.keys(entries)).toContain("xl/worksheets/sheet1.xml");
    const damaged = bytes.slice();
    // Flip bytes in the middle of the package, inside the worksheet's compressed data.
    for (let i = Math.floor(damaged.length / 3); i < Math.floor(damaged.length / 3) + 64; i++)
      damaged[i] ^= 0x5a;
    const code = await errorCode(async () => {
      const wb = openXlsx(damaged, {}, NODE_CODEC);
      for (const s of await wb.listSheets()) await wb.readSheet(s.name);
    });
    expect(["corrupt", "not-xlsx"]).toContain(code);
  });
});

test("Node's CRC-32 agrees with ours, also when continued across chunks", () => {
  const { crc32 } = jest.requireActual(
    "../../../src/hosts/xlsx/crc32",
  ) as typeof import("../../../src/hosts/xlsx/crc32");
  const data = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 251);
  expect(NODE_CODEC.crc32(data, 0)).toBe(crc32(data));
  const half = NODE_CODEC.crc32(data.subarray(0, 40_000), 0);
  expect(NODE_CODEC.crc32(data.subarray(40_000), half)).toBe(crc32(data));
});

describe("Node's whole-part inflater (NODE_CODEC.inflateRaw)", () => {
  const data = new TextEncoder().encode(worksheet("<row r='1'/>".repeat(40_000)));
  const deflated = deflateRawSync(data);

  test("gives the true output whatever size the directory declared", () => {
    for (const hint of [
      undefined,
      0,
      1,
      data.length - 1,
      data.length,
      data.length + 1,
      3 * data.length,
    ]) {
      const out = NODE_CODEC.inflateRaw(deflated, 10 * data.length, hint);
      expect(out.length).toBe(data.length);
      expect(Buffer.from(out).equals(Buffer.from(data))).toBe(true);
    }
  });

  test("with the true size, the output is one buffer of that size, not pieces joined", () => {
    const out = NODE_CODEC.inflateRaw(deflated, 10 * data.length, data.length);
    expect(out.byteOffset).toBe(0);
    expect(out.buffer.byteLength).toBe(data.length);
  });

  test("stops at the limit whatever the hint", () => {
    for (const hint of [undefined, 1000, data.length])
      expect(() => NODE_CODEC.inflateRaw(deflated, data.length - 1, hint)).toThrow(
        OutputLimitError,
      );
  });
});
