/**
 * File mode keeps its checked copy in memory and writes the review marks into it on download. The
 * parts it copies were written by this engine a moment before: opened with openOwnXlsx they are
 * not inflated again to be verified (a country's member sheet is 160 MB). Bytes from anywhere
 * else still are.
 */
import { Codec, openOwnXlsx, openXlsx } from "../../../src/hosts/xlsx";
import { NODE_CODEC } from "../../../src/cli/node-codec";
import { checkWorkbook } from "../../../src/hosts/workbook/check-workbook";
import { asXlsx, scenario, SETTINGS } from "../office/scenario";
import { unzip, text } from "./fixtures";
import { GeneratedSheet } from "../../../src/core/model/write-plan";

/** Node's codec, recording the size of everything it inflates. */
function spyCodec(): Codec & { inflated: number[] } {
  const inflated: number[] = [];
  return {
    inflated,
    inflateRaw: (data, max) => {
      const out = NODE_CODEC.inflateRaw(data, max);
      inflated.push(out.length);
      return out;
    },
    deflateRaw: (data, level, more) => NODE_CODEC.deflateRaw(data, level, more),
    crc32: (data, crc) => NODE_CODEC.crc32(data, crc),
  };
}

async function checkedCopy(): Promise<{ bytes: Uint8Array; findings: GeneratedSheet }> {
  const wb = await asXlsx(scenario());
  const { plan } = await checkWorkbook(wb, SETTINGS);
  return { bytes: wb.toBytes(), findings: plan.sheets.find((s) => s.kind === "findings")! };
}

/** The size of a sheet's part, found as Excel finds it: workbook.xml, then its rels. */
function memberPartSize(bytes: Uint8Array, sheet = "Thành viên"): number {
  const parts = unzip(bytes);
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(
    text(parts, "xl/workbook.xml"),
  );
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${id![1]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  return parts[`xl/${target.replace(/^\/?xl\//, "")}`]!.length;
}

describe("a package this engine wrote, opened again", () => {
  it("copies its parts without inflating them again", async () => {
    const { bytes, findings } = await checkedCopy();
    const members = memberPartSize(bytes);
    const plan = { sheets: [findings], highlights: [], keepHighlights: true };

    const input = spyCodec();
    const asInput = openXlsx(bytes, {}, input);
    await asInput.apply(plan);
    // As input, every part copied is verified: the member sheet is inflated once.
    expect(input.inflated).toContain(members);

    const own = spyCodec();
    const asOwn = openOwnXlsx(bytes, own);
    await asOwn.apply(plan);
    expect(own.inflated).not.toContain(members);
    // The same package either way.
    expect(asOwn.toBytes()).toEqual(asInput.toBytes());
  });

  it("tells a generated sheet changed or not by its size and CRC, without inflating it", async () => {
    const { bytes, findings } = await checkedCopy();
    const before = memberPartSize(bytes, findings.name);
    // A review mark changes the findings sheet: it is written anew, the old one never inflated.
    const id = findings.rows.findIndex((row, r) => r > 0 && row.some((c) => c.v === "Lỗi"));
    expect(id).toBeGreaterThan(0);
    const marked: GeneratedSheet = {
      ...findings,
      rows: findings.rows.map((row, r) =>
        r === id ? row.map((c, i) => (i === row.length - 1 ? { ...c, v: "ghi chú" } : c)) : row,
      ),
    };
    const own = spyCodec();
    const wb = openOwnXlsx(bytes, own);
    await wb.apply({ sheets: [marked], highlights: [], keepHighlights: true });
    expect(own.inflated).not.toContain(before);
    expect(
      text(unzip(wb.toBytes()), `xl/worksheets/${findingsPart(bytes, findings.name)}`),
    ).toContain("ghi chú");
    // Unchanged, it keeps its stored bytes: the package is the one it was.
    const again = openOwnXlsx(bytes, spyCodec());
    await again.apply({ sheets: [findings], highlights: [], keepHighlights: true });
    expect(Buffer.compare(again.toBytes(), bytes)).toBe(0);
    // Anyone else's package is compared byte for byte (a CRC can be forged): the part is read.
    const input = spyCodec();
    const asInput = openXlsx(bytes, {}, input);
    await asInput.apply({ sheets: [findings], highlights: [], keepHighlights: true });
    expect(input.inflated).toContain(before);
    expect(Buffer.compare(asInput.toBytes(), bytes)).toBe(0);
  });
});

/** The file name of a sheet's part (under xl/worksheets/). */
function findingsPart(bytes: Uint8Array, sheet: string): string {
  const parts = unzip(bytes);
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(
    text(parts, "xl/workbook.xml"),
  );
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  return new RegExp(`Id="${id![1]}"[^>]*Target="[^"]*?([^/"]+)"`).exec(rels)![1]!;
}
