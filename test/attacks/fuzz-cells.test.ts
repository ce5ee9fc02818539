import fc from "fast-check";
import {
  CellXml,
  checkLikeCli,
  columnName,
  escapeXml,
  Outcome,
  packEntry,
  registerEntries,
  rowXml,
  runs,
} from "./fuzz-workbook";
import { zipRaw } from "./zip-raw";

/**
 * Fuzz over cell contents: rows under a real register sheet's header whose cells hold any text
 * (lone surrogates written as bytes that are not UTF-8 or as character references, control
 * characters, 40,000-character strings, Vietnamese in both Unicode forms), any number, any type
 * (t="s" pointing past the shared strings, "b", "e", "d", "inlineStr", "str", unknown), any
 * reference (r="XFD1048576", out of order, repeated, malformed, missing). `ishc check`'s
 * in-process path (checkLikeCli) either checks the file and writes a copy it reads back, or
 * refuses it with a clear bilingual InputError; never another exception, never a change to the input.
 *
 * Replay a failure: fast-check prints `seed` and `path`; FC_SEED=<seed> npx jest
 * test/attacks/fuzz-cells replays the whole file's draws (test/setup/fast-check-seed.ts).
 * FUZZ_SCALE=10 runs ten times as many cases.
 */

const LONE_SURROGATE = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const CONTROL = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

/** Text as a user, a converter or an attacker leaves it in a cell. */
const text = fc.oneof(
  { weight: 40, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
  {
    weight: 20,
    arbitrary: fc.string({
      unit: fc.oneof(LONE_SURROGATE, CONTROL, fc.constant("a")),
      maxLength: 8,
    }),
  },
  {
    weight: 20,
    arbitrary: fc.constantFrom(
      "Nguyễn Thị Hoà",
      "Nguye\u0302\u0303n Thi\u0323 Hoa\u0300",
      "Nữ",
      "Nam",
      "Có",
      "Không",
      "C1",
      "C2",
      "Hộ nghèo",
      "=cmd|' /C calc'!A0",
      "@SUM(1+1)",
      "+1",
      "_x0000_",
      "_xD800_",
      " ",
      "",
      "\u200b",
      "\ufeff",
    ),
  },
  // Excel's cell limit is 32,767 characters: one past it and more, in a register's alphabet.
  { weight: 1, arbitrary: fc.constantFrom(40_000, 32_768).map((n) => "Đ".repeat(n)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("a", "ễ", "\u0300", "😀"), fc.integer({ min: 1_000, max: 40_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

/** Numbers as a <v> holds them, and text that only looks like one. */
const number = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(
    "-1e308",
    "1e309",
    "-0",
    "NaN",
    "Infinity",
    "99999999999999999999",
    "2958466",
    "-1",
    "1950",
    "0x10",
    "1,5",
    " 12 ",
    "",
    "1e-400",
  ),
);

/** Character references the XML reader must turn into text or refuse. */
const reference = fc.constantFrom("&#xD800;", "&#0;", "&#1;", "&#x1F600;", "&#1114112;", "&amp;");

/** Text inside an element: escaped as a writer should, or with references mixed in. */
const xmlText = fc.oneof(
  { weight: 5, arbitrary: text.map(escapeXml) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(text.map(escapeXml), reference), { maxLength: 4 })
      .map((a) => a.join("")),
  },
);

/** A cell reference: usually the right one, sometimes anything. */
const ODD_REFS = [
  "XFD1048576",
  "A1048576",
  "XFD1",
  "XFE1",
  "A0",
  "A1048577",
  "",
  "1A",
  "a1",
  "$A$1",
  "AAAA1",
  " A1",
  "A-1",
  "A99999999999",
];

const cell = fc.record({
  col: fc.nat({ max: 12 }),
  ref: fc.oneof(
    { weight: 6, arbitrary: fc.constant("right" as const) },
    { weight: 1, arbitrary: fc.constant("none" as const) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD_REFS) },
  ),
  value: fc.oneof(
    fc.record({ t: fc.constant(undefined), v: number }),
    fc.record({ t: fc.constant("n"), v: fc.oneof(number, xmlText) }),
    fc.record({ t: fc.constant("str"), v: xmlText }),
    fc.record({ t: fc.constant("inlineStr"), is: xmlText }),
    fc.record({
      t: fc.constant("s"),
      v: fc.oneof(
        fc.nat({ max: 80 }).map(String),
        fc.constantFrom("999999", "-1", "1.5", "x", "", "4294967296"),
      ),
    }),
    fc.record({ t: fc.constant("b"), v: fc.constantFrom("0", "1", "2", "true", "", "-1") }),
    fc.record({
      t: fc.constant("e"),
      v: fc.oneof(fc.constantFrom("#N/A", "#DIV/0!", "#REF!"), xmlText),
    }),
    fc.record({
      t: fc.constant("d"),
      v: fc.oneof(
        fc.constantFrom(
          "2025-12-31",
          "1950-01-01T00:00:00",
          "2025-13-45",
          "0000-00-00",
          "9999-12-31T23:59:59.999",
        ),
        xmlText,
      ),
    }),
    fc.record({ t: fc.constantFrom("zz", ""), v: xmlText }),
  ),
});

const row = fc.record({
  r: fc.oneof(
    { weight: 8, arbitrary: fc.constant("next" as const) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("1048576", "1048577", "0", "-1", "1.5", "x", "99999999999", "2"),
    },
  ),
  cells: fc.array(cell, { maxLength: 8 }),
});

const sheetRows = fc.record({
  /**
   * Two cases in three keep the structure right (references, row numbers, shared-string indexes
   * in range) so that the contents reach the check; a wrong reference alone is refused as damage.
   */
  wellFormed: fc.boolean().chain((b) => (b ? fc.constant(true) : fc.boolean())),
  sheet: fc.constantFrom(0, 1, 1, 2),
  rows: fc.array(row, { maxLength: 16 }),
  strings: fc.array(text, { maxLength: 4 }),
});

/** The rows' XML below the header (row 1): rows 2, 3, … unless a row says otherwise. */
function rowsXml(s: typeof sheetRows extends fc.Arbitrary<infer T> ? T : never): string {
  return s.rows
    .map((r, i) => {
      const n = r.r === "next" || s.wellFormed ? String(i + 2) : r.r;
      const cells = r.cells.map((c): CellXml => {
        const ref = s.wellFormed ? "right" : c.ref;
        // The header rows alone hold more than 20 shared strings: an index below 20 is in range.
        const v =
          s.wellFormed && c.value.t === "s" ? String((Number(c.value.v) >>> 0) % 20) : undefined;
        return {
          ...(ref === "none" ? {} : { r: ref === "right" ? `${columnName(c.col)}${n}` : ref }),
          ...c.value,
          ...(v === undefined ? {} : { v }),
        };
      });
      return rowXml(n, cells);
    })
    .join("");
}

const tally = new Map<string, number>();
const count = (o: Outcome): void => {
  const key = "checked" in o ? "checked" : o.refused;
  tally.set(key, (tally.get(key) ?? 0) + 1);
};

describe("any cell content is checked or refused with a clear message, nothing else", () => {
  afterAll(() => {
    process.stdout.write(`fuzz-cells outcomes: ${JSON.stringify(Object.fromEntries(tally))}\n`);
  });

  it("rows of random cells under a register sheet's header", async () => {
    await fc.assert(
      fc.asyncProperty(sheetRows, async (s) => {
        const entries = registerEntries({
          sheet: s.sheet,
          rows: rowsXml(s),
          strings: s.strings,
        });
        count(await checkLikeCli(zipRaw(entries.map(packEntry))));
      }),
      { numRuns: runs(1000) },
    );
    // Most such files are checked: cells are findings, not refusals.
    expect(tally.get("checked") ?? 0).toBeGreaterThan(0);
  }, 300_000);
});
