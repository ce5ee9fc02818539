import { strToU8, unzipSync, zipSync } from "fflate";
import { InputError } from "../../../src/core/model/errors";
import { openXlsx } from "../../../src/hosts/xlsx";
import { NODE_CODEC } from "../../../src/cli/node-codec";
import { buildPackage, PNG } from "./fixtures";
import { plan, resultsSheet } from "./plans";

/**
 * Parts the check never reads are copied as stored, so they are verified before they are: a bad
 * CRC is refused with the part named, not passed on to Excel. The limits guard the input: our own
 * output, a few parts more than the input, is never refused by them.
 */

const CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const LOCAL = [0x50, 0x4b, 0x03, 0x04];

/** Flips one bit of the CRC `name` declares, in its local header and its central record. */
function badCrc(bytes: Uint8Array, name: string): Uint8Array {
  const out = bytes.slice();
  const want = new TextEncoder().encode(name);
  // The name's length (at 26 or 28) and its bytes (at 30 or 46) are this entry's.
  const named = (p: number, lengthAt: number, at: number): boolean =>
    out[p + lengthAt] === want.length && want.every((b, i) => out[p + at + i] === b);
  let flipped = 0;
  for (let p = 0; p + 46 < out.length; p++) {
    const local = LOCAL.every((b, i) => out[p + i] === b);
    const central = CENTRAL.every((b, i) => out[p + i] === b);
    // The CRC is at 14 in a local header, at 16 in a central record.
    const crcAt = local && named(p, 26, 30) ? 14 : central && named(p, 28, 46) ? 16 : -1;
    if (crcAt < 0) continue;
    out[p + crcAt]! ^= 1;
    flipped++;
  }
  if (flipped !== 2) throw new Error(`${name}: ${flipped} headers changed, expected 2`);
  return out;
}

/** A register with parts the check never reads: a picture, printer settings, custom XML. */
function withUnreadParts(level: 0 | 6): Uint8Array {
  const parts = unzipSync(buildPackage({ sheets: [{ name: "CLB" }, { name: "Thành viên" }] }));
  parts["xl/media/image1.png"] = PNG;
  parts["xl/printerSettings/printerSettings1.bin"] = new Uint8Array(512).fill(7);
  parts["customXml/item1.xml"] = strToU8('<?xml version="1.0"?><r xmlns="urn:x">riêng</r>');
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [v, { level }]])));
}

async function applyError(bytes: Uint8Array, codec = true): Promise<InputError> {
  const wb = openXlsx(bytes, {}, codec ? NODE_CODEC : undefined);
  try {
    await wb.apply(plan([resultsSheet()]));
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected the copy to be refused");
}

describe("parts copied as stored", () => {
  it("are copied byte for byte when their CRC holds", async () => {
    const bytes = withUnreadParts(6);
    const wb = openXlsx(bytes, {}, NODE_CODEC);
    await wb.apply(plan([resultsSheet()]));
    const out = unzipSync(wb.toBytes());
    expect(out["xl/media/image1.png"]).toEqual(PNG);
    expect(out["customXml/item1.xml"]).toEqual(unzipSync(bytes)["customXml/item1.xml"]);
  });

  it.each([
    ["xl/media/image1.png", 6, true],
    ["xl/printerSettings/printerSettings1.bin", 6, false],
    ["customXml/item1.xml", 0, true],
    ["customXml/item1.xml", 0, false],
  ] as const)(
    "refuse %s (level %i, native codec %s) with a bad CRC, naming it",
    async (name, level, codec) => {
      const e = await applyError(badCrc(withUnreadParts(level), name), codec);
      expect(e.code).toBe("corrupt");
      expect(e.text.vi).toContain(`(${name}): sai mã kiểm tra CRC`);
      expect(e.text.en).toContain(`(${name}): its CRC check fails`);
    },
  );

  it("refuse a part whose bytes are damaged although its CRC field is whole", async () => {
    const bytes = withUnreadParts(0);
    // The stored printer settings: 512 bytes of 7; one of them changed.
    const at = bytes.findIndex((_, i) => bytes.subarray(i, i + 512).every((b) => b === 7));
    bytes[at + 100] = 8;
    const e = await applyError(bytes);
    expect(e.text.en).toContain("printerSettings1.bin");
  });

  it("count against the limits of the input, once", async () => {
    const parts = unzipSync(buildPackage({ sheets: [{ name: "CLB" }] }));
    // 3 MB of noise that does not compress: over a 2 MB limit only once the picture is counted.
    const noise = new Uint8Array(3 * 2 ** 20).map((_, i) => (i * 2654435761) >>> 24);
    parts["xl/media/image1.png"] = noise;
    const bytes = zipSync(parts, { level: 0 });
    const wb = openXlsx(bytes, { maxUnpackedBytes: 2 * 2 ** 20 }, NODE_CODEC);
    await expect(wb.apply(plan([resultsSheet()]))).rejects.toThrow(/limit of 2 MB/);
    const roomy = openXlsx(bytes, { maxUnpackedBytes: 4 * 2 ** 20 }, NODE_CODEC);
    await roomy.apply(plan([resultsSheet()]));
    const kept = unzipSync(roomy.toBytes())["xl/media/image1.png"]!;
    expect(Buffer.compare(Buffer.from(kept), Buffer.from(noise))).toBe(0);
  });
});

describe("the limits, applied to the input and not to our own output", () => {
  it("check and write an input just under the entry limit, which our sheets take over it", async () => {
    const parts = unzipSync(buildPackage({ sheets: [{ name: "CLB" }] }));
    const base = Object.keys(parts).length;
    const limit = 10_000;
    for (let i = 0; base + i < limit - 1; i++)
      parts[`customXml/item${i + 1}.xml`] = strToU8(`<r>${i}</r>`);
    expect(Object.keys(parts).length).toBe(limit - 1);
    const wb = openXlsx(zipSync(parts, { level: 0 }), { maxEntries: limit }, NODE_CODEC);
    await wb.apply(plan([resultsSheet(), resultsSheet("Danh sách lỗi", "findings")]));
    const out = unzipSync(wb.toBytes());
    expect(Object.keys(out).length).toBeGreaterThan(limit);
    expect(out["customXml/item9990.xml"]).toBeDefined();
    // The copy is still a package the same limits read when it is the input again.
    expect(() => openXlsx(wb.toBytes(), { maxEntries: limit })).toThrow(/over the limit of 10000/);
  });

  it("write a copy whose new sheets take it past the unpacked limit the input kept", async () => {
    const parts = unzipSync(buildPackage({ sheets: [{ name: "CLB" }] }));
    const input = Object.values(parts).reduce((n, p) => n + p.length, 0);
    const wb = openXlsx(zipSync(parts), { maxUnpackedBytes: input + 100 }, NODE_CODEC);
    await wb.apply(plan([resultsSheet(), resultsSheet("Danh sách lỗi", "findings")]));
    const out = Object.values(unzipSync(wb.toBytes())).reduce((n, p) => n + p.length, 0);
    expect(out).toBeGreaterThan(input + 100);
    // Every sheet of the copy read back, ours included, under the limits it was written with.
    const sheets = await wb.listSheets();
    expect(sheets.map((s) => s.name)).toContain("Danh sách lỗi");
    const read = await Promise.all(sheets.map((s) => wb.readSheet(s.name)));
    expect(read.find((s) => s.name === "Danh sách lỗi")?.rows.length).toBe(5);
  });
});
