import fc from "fast-check";
import { InputError } from "../../../src/core/model/errors";
import { openXlsx } from "../../../src/hosts/xlsx";
import { buildPackage, excel, unzip, zip } from "./fixtures";
import { highlight, plan, resultsSheet } from "./plans";

/**
 * Whatever the bytes, the host either works or throws InputError: never a TypeError, a RangeError
 * or a hang. Damage is applied both to whole packages (where CRCs catch most of it) and to the XML
 * inside well-formed zips (where only the parsers stand between the bytes and a crash).
 */
/** FUZZ_RUNS=5000 npx jest test/hosts/xlsx/property for a longer hunt. */
const runs = (n: number): number => Number(process.env.FUZZ_RUNS ?? n);
const LIMITS = { maxPartBytes: 4 * 1024 * 1024, maxUnpackedBytes: 16 * 1024 * 1024, maxRows: 5000 };

async function exercise(bytes: Uint8Array): Promise<void> {
  try {
    const wb = openXlsx(bytes, LIMITS);
    const sheets = await wb.listSheets();
    const readable: string[] = [];
    for (const s of sheets) {
      try {
        await wb.readSheet(s.name);
        if (!s.generated) readable.push(s.name);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
      }
    }
    await wb.apply(
      plan([resultsSheet("Fuzz results")], readable.length ? [highlight(readable[0]!, "B2")] : []),
    );
    const again = openXlsx(wb.toBytes(), LIMITS);
    await again.readSheet("Fuzz results");
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
}

const XML_BITS = [
  "<",
  ">",
  "/",
  "</",
  "/>",
  '"',
  "'",
  "=",
  "&",
  ";",
  "&#",
  "&#x",
  "&amp;",
  "<!--",
  "-->",
  "<![CDATA[",
  "<?",
  "?>",
  " ",
  "\n",
  "row",
  "<row",
  "</row>",
  '<row r="',
  "<c",
  "</c>",
  ' r="',
  ' t="s"',
  ' t="inlineStr"',
  ' t="d"',
  "<v>",
  "</v>",
  "<is><t>",
  "</t></is>",
  "<si>",
  "</si>",
  "sheetData",
  "<sheetData>",
  "</sheetData>",
  "<sheet",
  "definedName",
  "conditionalFormatting",
  "cfRule",
  'ISTEXT("ishc:error")',
  "x:",
  "_x",
  "_x0041_",
  "A1",
  "XFD1048577",
  "ZZZZ9",
  "1",
  "0",
  "-",
  "1e308",
  "99999999999999999999",
  "Đ",
  "\u0000",
  "\ud800",
  "ishc:",
];

const xmlNoise = fc
  .array(fc.oneof(fc.constantFrom(...XML_BITS), fc.string({ maxLength: 4 })), { maxLength: 12 })
  .map((a) => a.join(""));

const PARTS = [
  "xl/workbook.xml",
  "xl/worksheets/sheet1.xml",
  "xl/worksheets/sheet2.xml",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "_rels/.rels",
];

describe("damaged input never throws anything but InputError", () => {
  let bases: Uint8Array[];

  beforeAll(async () => {
    const fromExcelJs = await excel((wb) => {
      const ws = wb.addWorksheet("Thành viên");
      ws.addRow(["Mã CLB", "Họ và tên", 1950, true, new Date(Date.UTC(2020, 1, 2))]);
      ws.getCell("B2").note = "note";
      ws.getCell("C2").value = { formula: "C1+1", result: 1951 };
      ws.mergeCells("A3:B3");
      wb.addWorksheet("CLB").addRow(["VQ-01", { richText: [{ text: "a" }, { text: "b" }] }]);
    });
    const handWritten = buildPackage({
      sharedStrings: ["x", "y &amp; z"],
      sheets: [
        {
          name: "S",
          rows: '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>i</t></is></c></row><row r="3"><c r="C3"><v>2.5</v></c></row>',
        },
        { name: "Kết quả CLB", rows: "", tag: "results" },
      ],
    });
    bases = [fromExcelJs, handWritten, zip(unzip(handWritten), 0)];
  });

  it("random bytes", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), exercise), {
      numRuns: runs(300),
    });
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), (tail) =>
        exercise(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail])),
      ),
      { numRuns: runs(200) },
    );
  });

  it("truncated, bit-flipped and overwritten packages", async () => {
    const damage = fc.record({
      base: fc.nat(),
      cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      flips: fc.array(
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 7 })),
        { maxLength: 6 },
      ),
      overwrite: fc.option(
        fc.tuple(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.uint8Array({ minLength: 1, maxLength: 16 }),
        ),
      ),
      inDirectory: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        const bytes = bases[d.base % bases.length]!.slice();
        // Half the time aim at the central directory and local headers' neighbourhood at the end.
        const at = (f: number): number =>
          Math.floor((d.inDirectory ? 0.8 + 0.2 * f : f) * (bytes.length - 1));
        for (const [f, bit] of d.flips) bytes[at(f)]! ^= 1 << bit;
        if (d.overwrite) {
          const pos = at(d.overwrite[0]);
          bytes.set(d.overwrite[1].subarray(0, bytes.length - pos), pos);
        }
        await exercise(
          d.cut === null ? bytes : bytes.subarray(0, Math.floor(d.cut * bytes.length)),
        );
      }),
      { numRuns: runs(400) },
    );
  });

  it("damaged XML inside a well-formed package", async () => {
    const damage = fc.record({
      base: fc.nat(),
      part: fc.constantFrom(...PARTS),
      edits: fc.array(
        fc.record({
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          drop: fc.nat({ max: 20 }),
          insert: xmlNoise,
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        const parts = unzip(bases[d.base % 2]!);
        const original = parts[d.part];
        if (!original) return;
        let xml = new TextDecoder().decode(original);
        for (const e of d.edits) {
          const at = Math.floor(e.at * xml.length);
          xml = xml.slice(0, at) + e.insert + xml.slice(at + e.drop);
        }
        parts[d.part] = new TextEncoder().encode(xml);
        await exercise(zip(parts));
      }),
      { numRuns: runs(600) },
    );
  });
});

describe("a sheet whose relationship lost its worksheet type", () => {
  // Found by the fuzzer above (seed -944995059): the sheet is still listed and readable by its
  // target, but a highlight on it has no worksheet part to go to.
  it("is reported as a damaged file, never as a crash", async () => {
    const parts = unzip(buildPackage({ sheets: [{ name: "S", rows: "" }] }));
    const rels = new TextDecoder().decode(parts["xl/_rels/workbook.xml.rels"]);
    parts["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(
      rels.replace("/worksheet", "/worksheeX"),
    );
    const wb = openXlsx(zip(parts));
    const error = await wb
      .apply(plan([resultsSheet("Fuzz results")], [highlight("S", "B2")]))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe("corrupt");
    expect((error as InputError).text.en).toMatch(/sheet "S" is no longer a worksheet/);
  });
});
