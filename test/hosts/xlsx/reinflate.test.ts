/**
 * An entry is verified (size and CRC) the first time it is inflated whole. Writing inflates big
 * parts again (file mode's member sheet: 160 MB, CRCs in JavaScript): the CRC is not computed a
 * second time, since the package's bytes have not changed, but an entry that failed stays refused.
 */
import { crc32, deflateRawSync } from "node:zlib";
import { InputError } from "../../../src/core/model/errors";
import { NODE_CODEC } from "../../../src/cli/node-codec";
import { Codec } from "../../../src/hosts/xlsx/codec";
import { DEFAULT_XLSX_LIMITS } from "../../../src/hosts/xlsx/errors";
import { Budget, readEntry } from "../../../src/hosts/xlsx/inflate";
import { ZipEntry } from "../../../src/hosts/xlsx/zip-read";

/** Node's codec, counting the bytes it computes CRCs over. */
function crcCounting(): Codec & { crcBytes: number } {
  const spy = {
    crcBytes: 0,
    inflateRaw: NODE_CODEC.inflateRaw,
    deflateRaw: NODE_CODEC.deflateRaw,
    crc32: (data: Uint8Array, crc: number) => {
      spy.crcBytes += data.length;
      return NODE_CODEC.crc32(data, crc);
    },
  };
  return spy;
}

function entryOf(bytes: Uint8Array, crc = crc32(bytes)): { pkg: Uint8Array; entry: ZipEntry } {
  const data = deflateRawSync(bytes);
  const name = "xl/worksheets/sheet1.xml";
  const entry: ZipEntry = {
    name,
    nameBytes: new TextEncoder().encode(name),
    flags: 0,
    method: 8,
    time: 0,
    date: 0,
    crc,
    compressedSize: data.length,
    size: bytes.length,
    externalAttrs: 0,
    dataStart: 0,
  };
  return { pkg: new Uint8Array(data), entry };
}

const bytes = new TextEncoder().encode("<sheetData>" + "<row/>".repeat(20000) + "</sheetData>");

describe("inflating an entry again", () => {
  it("skips the CRC of an entry already verified, and gives the same bytes", () => {
    const codec = crcCounting();
    const budget = new Budget(DEFAULT_XLSX_LIMITS, codec);
    const { pkg, entry } = entryOf(bytes);
    const first = readEntry(pkg, entry, budget);
    expect(codec.crcBytes).toBe(bytes.length);
    expect(budget.has(entry)).toBe(true);
    const second = readEntry(pkg, entry, budget);
    expect(codec.crcBytes).toBe(bytes.length);
    expect(Buffer.compare(second, first)).toBe(0);
    expect(Buffer.compare(second, bytes)).toBe(0);
  });

  it("still refuses an entry whose CRC failed, every time", () => {
    const codec = crcCounting();
    const budget = new Budget(DEFAULT_XLSX_LIMITS, codec);
    const { pkg, entry } = entryOf(bytes, (crc32(bytes) ^ 1) >>> 0);
    for (let i = 0; i < 2; i++) {
      expect(() => readEntry(pkg, entry, budget)).toThrow(InputError);
      expect(budget.has(entry)).toBe(false);
    }
    expect(codec.crcBytes).toBe(2 * bytes.length);
  });
});
