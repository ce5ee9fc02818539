import fc from "fast-check";
import {
  checkLikeCli,
  Entry,
  Outcome,
  packEntry,
  registerEntries,
  runs,
  utf8,
} from "./fuzz-workbook";
import { RawEntry, zipRaw } from "./zip-raw";

/**
 * Fuzz over the package's structure: a small register's zip entries dropped, duplicated, renamed,
 * moved, stored or deflated, their content types and XML damaged, then their packed bytes cut,
 * bit-flipped, given a wrong CRC or a huge declared size. Whatever comes out, `ishc check` (its
 * in-process path, checkLikeCli) either checks it and writes a copy it reads back, or refuses it
 * with a clear bilingual InputError; never another exception, never a change to the input.
 *
 * Replay a failure: fast-check prints `seed` and `path`; FC_SEED=<seed> npx jest
 * test/attacks/fuzz-package replays the whole file's draws (test/setup/fast-check-seed.ts).
 * FUZZ_SCALE=10 runs ten times as many cases.
 */

const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Names a zip may carry and a careless or hostile writer uses. */
const ODD_NAMES = [
  "../x",
  "../../xl/workbook.xml",
  "/xl/workbook.xml",
  "xl//worksheets/sheet1.xml",
  "xl/./worksheets/sheet2.xml",
  "xl\\worksheets\\sheet1.xml",
  "XL/WORKBOOK.XML",
  "[content_types].xml",
  "xl/worksheets/",
  "xl/worksheets/sheet1.xml\u0000.txt",
  "",
  "C:/xl/workbook.xml",
  "xl/sharedStrings.xml ",
  "xl/vbaProject.bin",
  "xl/workbook.bin",
];

/** What a [Content_Types].xml can say wrongly. */
const CONTENT_TYPE_EDITS: ReadonlyArray<(xml: string) => string> = [
  (x) => x.replace(/<Override PartName="\/xl\/workbook.xml"[^>]*\/>/, ""),
  (x) => x.replace(/<Default Extension="xml"[^>]*\/>/, ""),
  (x) => x.replace(/<Override PartName="\/xl\/worksheets\/sheet2.xml"[^>]*\/>/, ""),
  (x) => x.replace(/sheet\.main\+xml/, "sheet.macroEnabled.main+xml"),
  (x) => x.replace(/spreadsheetml\.sheet\.main\+xml/, "ms-excel.sheet.binary.macroEnabled.main"),
  (x) => x.replace(/spreadsheetml\.sheet\.main\+xml/, "spreadsheetml.template.main+xml"),
  (x) => x.replace(/worksheet\+xml/g, "chartsheet+xml"),
  (x) => x.replace(/PartName="\/xl\/workbook.xml"/, 'PartName="/XL/Workbook.xml"'),
  (x) => x.replace("<Types", '<Types><Override PartName="/xl/workbook.xml" ContentType="x"/'),
  () => "",
  (x) => x.slice(0, x.length >> 1),
];

/** Pieces of XML that parsers trip on, spliced in at a tag boundary. */
const XML_INSERTS = [
  "&amp;",
  "&lt;",
  "&#0;",
  "&#xD800;",
  "&#1114112;",
  "&#x1F600;",
  "&nbsp;",
  "&undefined;",
  "&",
  '<!-- <sheetData/><row r="1"><c r="A1"><v>1</v></c></row> -->',
  '<!-- <sheet name="x" r:id="rId1"/> -->',
  "<![CDATA[<sheetData>]]>",
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  "<?pi <row/>?>",
  '<x:row xmlns:x="urn:x"/>',
  "</sheetData>",
  "<sheetData>",
  "<row>",
  "</row>",
  '<c r="A1"><v>1',
  "\u0000",
  "\u0001",
  "\uFEFF",
  "]]>",
];

/** Edits of one part's XML, at a position given as a fraction of its length. */
const xmlEdit = fc.oneof(
  // An unclosed element: one closing tag removed.
  fc.record({
    kind: fc.constant("unclose" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  // A duplicated attribute: ` r="A1"` after the first attribute of an element.
  fc.record({
    kind: fc.constant("dup-attr" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    value: fc.constantFrom("A1", "", "XFD1048576", "rId1", "0", "&amp;"),
  }),
  // A piece spliced in after a '>'.
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(fc.constantFrom(...XML_INSERTS), fc.string({ maxLength: 8 })),
  }),
  // The text cut short (a writer that died).
  fc.record({ kind: fc.constant("cut" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  // Case changed everywhere: element names differ only by case.
  fc.record({ kind: fc.constantFrom("upper" as const, "lower" as const) }),
);
type XmlEdit = typeof xmlEdit extends fc.Arbitrary<infer T> ? T : never;

/** The index of the match of `re` nearest to fraction `at` of `xml`, or -1. */
function matchAt(xml: string, re: RegExp, at: number): RegExpExecArray | undefined {
  const found = [...xml.matchAll(re)];
  return found[Math.min(found.length - 1, Math.floor(at * found.length))];
}

function editXml(xml: string, e: XmlEdit): string {
  switch (e.kind) {
    case "unclose": {
      const m = matchAt(xml, /<\/[^>]+>/g, e.at);
      return m === undefined ? xml : xml.slice(0, m.index) + xml.slice(m.index + m[0].length);
    }
    case "dup-attr": {
      const m = matchAt(xml, /<[\w:]+ [\w:]+="[^"]*"/g, e.at);
      const end = m === undefined ? -1 : m.index + m[0].length;
      return end < 0 ? xml : `${xml.slice(0, end)} r="${e.value}"${xml.slice(end)}`;
    }
    case "insert": {
      const m = matchAt(xml, />/g, e.at);
      const end = m === undefined ? 0 : m.index + 1;
      return xml.slice(0, end) + e.text + xml.slice(end);
    }
    case "cut":
      return xml.slice(0, Math.floor(e.at * xml.length));
    case "upper":
      return xml.toUpperCase();
    case "lower":
      return xml.toLowerCase();
  }
}

const index = fc.nat({ max: 63 });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/** Changes to the list of entries, before packing. */
const entryOp = fc.oneof(
  fc.record({ op: fc.constant("drop" as const), i: index }),
  fc.record({ op: fc.constant("duplicate" as const), i: index, to: index }),
  fc.record({
    op: fc.constant("rename" as const),
    i: index,
    name: fc.oneof(
      fc.constantFrom(...ODD_NAMES),
      fc.constantFrom("upper", "lower", "double-slash", "leading-slash"),
      fc.string({ maxLength: 12 }),
    ),
  }),
  fc.record({ op: fc.constant("move" as const), i: index, to: index }),
  fc.record({ op: fc.constant("content-types" as const), edit: fc.nat() }),
  fc.record({ op: fc.constant("xml" as const), i: index, edit: xmlEdit }),
  fc.record({ op: fc.constant("method" as const), i: index, method: fc.constantFrom(0, 8) }),
);
type EntryOp = typeof entryOp extends fc.Arbitrary<infer T> ? T : never;

/** Changes to the packed bytes of an entry and to what its headers claim. */
const packedOp = fc.oneof(
  fc.record({ op: fc.constant("crc" as const), i: index, xor: fc.integer({ min: 1 }) }),
  fc.record({
    op: fc.constant("declared-size" as const),
    i: index,
    size: fc.oneof(
      fc.constantFrom(0, 1, 0xffffffff, 0x80000000, 0x7fffffff, 1024 * 1024 * 1024),
      fc.nat(),
    ),
  }),
  fc.record({ op: fc.constant("truncate" as const), i: index, at: fraction }),
  fc.record({
    op: fc.constant("flip" as const),
    i: index,
    at: fraction,
    bit: fc.integer({ min: 0, max: 7 }),
  }),
);
type PackedOp = typeof packedOp extends fc.Arbitrary<infer T> ? T : never;

function renamed(name: string, how: string): string {
  switch (how) {
    case "upper":
      return name.toUpperCase();
    case "lower":
      return name.toLowerCase();
    case "double-slash":
      return name.replace("/", "//");
    case "leading-slash":
      return `/${name}`;
    default:
      return how;
  }
}

function applyEntryOp(entries: Entry[], o: EntryOp): void {
  const n = entries.length;
  if (n === 0) return;
  const e = entries[("i" in o ? o.i : 0) % n]!;
  switch (o.op) {
    case "drop":
      entries.splice(o.i % n, 1);
      break;
    case "duplicate":
      entries.splice(o.to % (n + 1), 0, { ...e });
      break;
    case "rename":
      entries[o.i % n] = {
        ...e,
        name: renamed(typeof e.name === "string" ? e.name : decode(e.name), o.name),
      };
      break;
    case "move":
      entries.splice(o.i % n, 1);
      entries.splice(o.to % n, 0, e);
      break;
    case "content-types": {
      const at = entries.findIndex((x) => x.name === "[Content_Types].xml");
      if (at >= 0) {
        const edit = CONTENT_TYPE_EDITS[o.edit % CONTENT_TYPE_EDITS.length]!;
        entries[at] = { ...entries[at]!, data: utf8(edit(decode(entries[at]!.data))) };
      }
      break;
    }
    case "xml":
      entries[o.i % n] = { ...e, data: utf8(editXml(decode(e.data), o.edit)) };
      break;
    case "method":
      entries[o.i % n] = { ...e, method: o.method as 0 | 8 };
      break;
  }
}

function applyPackedOp(packed: RawEntry[], o: PackedOp): void {
  const n = packed.length;
  if (n === 0) return;
  const e = packed[o.i % n]!;
  switch (o.op) {
    case "crc":
      packed[o.i % n] = { ...e, crc: (e.crc ^ o.xor) >>> 0 };
      break;
    case "declared-size":
      packed[o.i % n] = { ...e, size: o.size >>> 0 };
      break;
    case "truncate":
      packed[o.i % n] = { ...e, data: e.data.slice(0, Math.floor(o.at * e.data.length)) };
      break;
    case "flip": {
      if (e.data.length === 0) break;
      const data = e.data.slice();
      data[Math.floor(o.at * (data.length - 1))]! ^= 1 << o.bit;
      packed[o.i % n] = { ...e, data };
      break;
    }
  }
}

const mutation = fc.record({
  entryOps: fc.array(entryOp, { minLength: 0, maxLength: 4 }),
  packedOps: fc.array(packedOp, { minLength: 0, maxLength: 2 }),
});

/** How many cases ended each way, by InputError code: printed so a run shows what it reached. */
const tally = new Map<string, number>();
const count = (o: Outcome): void => {
  const key = "checked" in o ? "checked" : o.refused;
  tally.set(key, (tally.get(key) ?? 0) + 1);
};

describe("a damaged package is checked or refused with a clear message, nothing else", () => {
  afterAll(() => {
    // What the draws reached: a fuzzer that only ever reaches "corrupt" tests little.
    process.stdout.write(`fuzz-package outcomes: ${JSON.stringify(Object.fromEntries(tally))}\n`);
  });

  it("the undamaged register is checked (the fuzz starts from a file that works)", async () => {
    expect(await checkLikeCli(zipRaw(registerEntries().map(packEntry)))).toEqual({
      checked: true,
    });
  });

  it("entries and their XML changed, then their bytes", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const entries = registerEntries();
        for (const o of m.entryOps) applyEntryOp(entries, o);
        const packed = entries.map(packEntry);
        for (const o of m.packedOps) applyPackedOp(packed, o);
        count(await checkLikeCli(zipRaw(packed)));
      }),
      { numRuns: runs(1200) },
    );
    // Both ends are reached: some damage is harmless (an entry moved), some is refused.
    expect(tally.get("checked") ?? 0).toBeGreaterThan(0);
    expect([...tally.keys()].filter((k) => k !== "checked").length).toBeGreaterThan(0);
  }, 300_000);

  it("only the XML of one part changed, in a zip that is otherwise whole", async () => {
    const edit = fc.record({
      part: index,
      edits: fc.array(xmlEdit, { minLength: 1, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(edit, async (d) => {
        const entries = registerEntries();
        const e = entries[d.part % entries.length]!;
        let xml = decode(e.data);
        for (const x of d.edits) xml = editXml(xml, x);
        entries[d.part % entries.length] = { ...e, data: utf8(xml) };
        count(await checkLikeCli(zipRaw(entries.map(packEntry))));
      }),
      { numRuns: runs(600) },
    );
  }, 300_000);
});
