/**
 * With a codec (the command line), a big generated sheet is deflated as it is made, in runs, and
 * never held as UTF-8 (issue 15): the part must inflate to what it would have been, a re-run that
 * changes nothing must keep its stored bytes, and a change must still be written.
 */
import { inflateRawSync } from "node:zlib";
import { crc32 } from "../../../src/hosts/xlsx/crc32";
import { DeflatingPieces } from "../../../src/hosts/xlsx/deflating-pieces";
import { openOwnXlsx, openXlsx } from "../../../src/hosts/xlsx";
import { NODE_CODEC } from "../../../src/cli/node-codec";
import { GeneratedSheet, PlanCell, WritePlan } from "../../../src/core/model/write-plan";
import { BIG_PART } from "../../../src/hosts/xlsx/zip-write";
import { buildPackage, unzip, text } from "./fixtures";
import { highlight, plan } from "./plans";
import { DEFAULT_XLSX_LIMITS as LIMITS } from "../../../src/hosts/xlsx/errors";
import { readZip } from "../../../src/hosts/xlsx/zip-read";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A part's compressed bytes as stored in a package. */
function storedData(bytes: Uint8Array, part: string): Uint8Array {
  const entry = readZip(bytes, LIMITS).find((e) => e.name === part)!;
  return bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
}

/** How often the empty stored block a sync flush ends with (00 00 FF FF) stands in `data`. */
function syncFlushes(data: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 3 < data.length; i++)
    if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 0xff && data[i + 3] === 0xff) n++;
  return n;
}
const joined = (pieces: readonly Uint8Array[]): Uint8Array => Buffer.concat(pieces);

/** Pieces of Vietnamese XML-like text, `total` bytes or a little more, no two rows alike. */
function pieces(total: number, seed = 1): Uint8Array[] {
  const out: Uint8Array[] = [];
  let bytes = 0;
  for (let i = 0; bytes < total; i++) {
    const rows: string[] = [];
    for (let r = 0; r < 2000; r++)
      rows.push(`<row r="${i * 2000 + r}"><c t="inlineStr"><is><t>Nguyễn ${seed * r * 7919}</t>`);
    const p = utf8(rows.join(""));
    out.push(p);
    bytes += p.length;
  }
  return out;
}

describe("a generated sheet's start deflated as it is made (DeflatingPieces)", () => {
  const tail = utf8("</sheetData><pageMargins/></worksheet>");

  test("a big part: runs that inflate to its bytes, with their size and CRC", () => {
    const start = pieces(BIG_PART + 1_500_000);
    const d = new DeflatingPieces(NODE_CODEC);
    start.forEach((p) => d.add(p));
    d.startDone();
    const done = d.finish(tail);
    expect(done.kind).toBe("deflated");
    if (done.kind !== "deflated") return;
    const whole = joined([...start, tail]);
    expect(done.deflated.size).toBe(whole.length);
    expect(done.deflated.crc).toBe(crc32(whole));
    // Runs joined into one raw deflate stream: the 4 MiB held until the part was known to be
    // big, then one of at least a MiB, then the rest with the tail.
    expect(done.deflated.data.length).toBe(3);
    expect(Buffer.compare(inflateRawSync(joined(done.deflated.data)), whole)).toBe(0);
    expect(done.same).toBe(false);
  });

  test("a small part stays its pieces, to be written as small parts always were", () => {
    const start = pieces(100_000);
    const d = new DeflatingPieces(NODE_CODEC);
    start.forEach((p) => d.add(p));
    d.startDone();
    const done = d.finish(tail);
    expect(done.kind).toBe("pieces");
    if (done.kind === "pieces") expect(joined(done.start)).toEqual(joined(start));
  });

  test("tells whether the part it replaces holds the very same bytes", () => {
    const start = pieces(BIG_PART + 200_000);
    const whole = joined([...start, tail]);
    const sameAs = (old: Uint8Array, end = tail) => {
      const d = new DeflatingPieces(NODE_CODEC, old);
      start.forEach((p) => d.add(p));
      d.startDone();
      const done = d.finish(end);
      return done.kind === "deflated" && done.same;
    };
    expect(sameAs(whole)).toBe(true);
    const early = whole.slice();
    early[1000] ^= 1;
    expect(sameAs(early)).toBe(false);
    expect(sameAs(whole, utf8("</sheetData><pageMargins/></worksheet >"))).toBe(false);
    expect(sameAs(joined([whole, utf8(" ")]))).toBe(false);
    expect(sameAs(whole.subarray(0, whole.length - 1))).toBe(false);
  });

  test("a small part keeps the old one whole while it may be the same, and lets go otherwise", () => {
    const start = pieces(50_000);
    const whole = joined([...start, tail]);
    const oldOf = (old: Uint8Array) => {
      const d = new DeflatingPieces(NODE_CODEC, old);
      start.forEach((p) => d.add(p));
      d.startDone();
      const done = d.finish(tail);
      return done.kind === "pieces" ? done.old : "deflated";
    };
    expect(oldOf(whole)).toBe(whole);
    expect(oldOf(utf8("something else"))).toBeUndefined();
  });
});

/** A findings-like sheet of `rows` rows of text: past BIG_PART as XML from about 30,000. */
function bigSheet(rows: number, change = ""): GeneratedSheet {
  const cells = (r: number): PlanCell[] => [
    { v: `VQ-${r % 97}`, style: "text" },
    { v: `Thành viên "Nguyễn Thị ${r}" thuộc CLB ${r % 97}${change}`, style: "text" },
    { v: r, style: "integer" },
    { v: "Chưa xem xét" },
  ];
  return {
    kind: "findings",
    name: "Phát hiện",
    rows: Array.from({ length: rows }, (_, r) => cells(r)),
    merges: [],
    columnWidths: [10, 60, 8, 14],
    freezeRows: 1,
  };
}

describe("a big generated sheet written with a codec", () => {
  const input = buildPackage({
    sheets: [{ name: "CLB", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` }],
  });
  const findingsPart = (bytes: Uint8Array): string => {
    const parts = unzip(bytes);
    const name = Object.keys(parts).find(
      (n) => n.startsWith("xl/worksheets/") && text(parts, n).includes("Chưa xem xét"),
    )!;
    return name;
  };
  const apply = async (bytes: Uint8Array, p: WritePlan, own = false) => {
    const wb = own ? openOwnXlsx(bytes, NODE_CODEC) : openXlsx(bytes, {}, NODE_CODEC);
    await wb.apply(p);
    return wb.toBytes();
  };
  const big = bigSheet(40_000);

  test("holds what the same sheet written without a codec holds", async () => {
    const withCodec = await apply(input, plan([big]));
    const plain = openXlsx(input);
    await plain.apply(plan([big]));
    const part = findingsPart(withCodec);
    const made = unzip(withCodec)[part]!;
    expect(made.length).toBeGreaterThan(BIG_PART);
    expect(Buffer.compare(made, unzip(plain.toBytes())[part]!)).toBe(0);
    // Deflated in runs (each ends with a sync flush's empty stored block), not in one stream.
    expect(syncFlushes(storedData(withCodec, part))).toBeGreaterThan(3);
  });

  test("a re-run that changes nothing keeps the sheet's stored bytes; a change is written", async () => {
    const first = await apply(input, plan([big]));
    const part = findingsPart(first);
    const stored = (bytes: Uint8Array) => storedData(bytes, part);
    // As anyone's package (compared byte for byte), and as ours (by size and CRC).
    for (const own of [false, true]) {
      const again = await apply(first, plan([big]), own);
      expect(Buffer.compare(stored(again), stored(first))).toBe(0);
    }
    const changed = await apply(first, plan([bigSheet(40_000, " (đã sửa)")]));
    expect(Buffer.compare(stored(changed), stored(first))).not.toBe(0);
    expect(text(unzip(changed), part)).toContain("(đã sửa)");
  });

  test("highlights on it are written after its rows", async () => {
    const out = await apply(input, plan([big], [highlight("Phát hiện", "B2")]));
    const xml = text(unzip(out), findingsPart(out));
    expect(xml.indexOf("<conditionalFormatting")).toBeGreaterThan(xml.indexOf("</sheetData>"));
    expect(xml).toContain('sqref="B2"');
  });
});
