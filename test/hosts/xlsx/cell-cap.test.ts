import { openXlsx } from "../../../src/hosts/xlsx";
import { MAX_CELL_TEXT } from "../../../src/hosts/xlsx/cell-values";
import { buildPackage } from "./fixtures";
import { rowsOf } from "../../helpers/rows";

/**
 * A cell's text is read up to Excel's limit of 32,767 characters (issue 14): a value of 10 MB (which
 * only a hand-made file holds) costs what a full Excel cell costs. The cut falls between whole
 * characters, wherever entities, escapes, CDATA sections or rich-text runs put it. Each expected
 * value is built from the generator's pieces, not from the reader.
 */

const LIMIT = 32_767;

/**
 * Expects `got` to be the text `want`, said by its length and ends when it is not (a failure
 * printing two texts of 32,767 characters would hide where they differ).
 */
function expectText(got: unknown, want: string): void {
  const shape = (t: unknown) =>
    typeof t !== "string"
      ? { type: typeof t }
      : { length: t.length, start: t.slice(0, 12), end: t.slice(-12), same: t === want };
  expect(shape(got)).toEqual({ ...shape(want), same: true });
}

/** The first cell of sheet S. */
async function firstCell(spec: Parameters<typeof buildPackage>[0]): Promise<unknown> {
  const rows = (await openXlsx(buildPackage(spec)).readSheet("S")).rows;
  return rows.at(0)?.[0];
}

const inline = (xml: string) => ({
  sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="inlineStr"><is>${xml}</is></c></row>` }],
});

const shared = (si: string) => ({
  sharedStrings: `<si>${si}</si>`,
  sheets: [{ name: "S", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
});

const formula = (v: string) => ({
  sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="str"><f>A2</f><v>${v}</v></c></row>` }],
});

/** Ten different digits over and over: where a cut falls shows in the text. */
const digits = (n: number): string => "0123456789".repeat(Math.ceil(n / 10)).slice(0, n);

/** The three ways a cell holds text, each given the same XML text content. */
const HOLDERS: ReadonlyArray<[string, (t: string) => Parameters<typeof buildPackage>[0]]> = [
  ["an inline string", (t) => inline(`<t>${t}</t>`)],
  ["a shared string", (t) => shared(`<t>${t}</t>`)],
  ["a formula's cached text", formula],
];

describe("a cell's text capped at Excel's limit", () => {
  it("is Excel's own limit", () => {
    expect(MAX_CELL_TEXT).toBe(LIMIT);
  });

  describe.each(HOLDERS)("in %s", (_what, holder) => {
    it("reads a text of 100,000 characters as its first 32,767", async () => {
      expectText(await firstCell(holder(digits(100_000))), digits(LIMIT));
    });

    it("reads a text of exactly 32,767 characters whole", async () => {
      const t = `${"ễ".repeat(LIMIT - 1)}!`;
      expectText(await firstCell(holder(t)), t);
    });

    it("never cuts a surrogate pair in two", async () => {
      const before = "a".repeat(LIMIT - 1);
      expectText(await firstCell(holder(`${before}😀${"b".repeat(70_000)}`)), before);
    });

    it("never cuts a letter from its combining marks", async () => {
      const before = "a".repeat(LIMIT - 2);
      // "ễ" in NFD: the limit falls between the "e" and its marks.
      expectText(await firstCell(holder(`${before}e\u0302\u0303${"b".repeat(70_000)}`)), before);
    });

    it.each([
      ["&amp;", "&"],
      ["&quot;", '"'],
      ["&#x1EC5;", "ễ"],
      ["&#0000007877;", "ễ"], // the longest reference the reader decodes: 13 bytes for 1 character
      ["_x0041_", "A"],
      ["_x000D_", "\r"],
    ])("reads 100,000 %p as 32,767 %p, however many bytes they take", async (ref, char) => {
      expectText(await firstCell(holder(ref.repeat(100_000))), char.repeat(LIMIT));
    });

    it("reads references spelling characters beyond the BMP as whole pairs", async () => {
      const got = await firstCell(holder("&#x1F600;".repeat(50_000)));
      expectText(got, "😀".repeat((LIMIT - 1) / 2));
    });

    it("cuts after a reference that spans the limit in the file, not inside it", async () => {
      const before = "a".repeat(LIMIT - 1);
      expectText(
        await firstCell(holder(`${before}&amp;&amp;${"b".repeat(300_000)}`)),
        `${before}&`,
      );
    });
  });

  it("reads a CDATA section across the limit as its characters", async () => {
    const before = digits(LIMIT - 10);
    const cdata = "&<>&&".repeat(20_000);
    const got = await firstCell(inline(`<t>${before}<![CDATA[${cdata}]]>tail</t>`));
    expectText(got, `${before}${cdata.slice(0, 10)}`);
  });

  it("reads a CDATA section of 100,000 '&' as 32,767 of them", async () => {
    const got = await firstCell(inline(`<t><![CDATA[${"&".repeat(100_000)}]]></t>`));
    expectText(got, "&".repeat(LIMIT));
  });

  it("reads a formula's text with comments and CDATA across the limit", async () => {
    const got = await firstCell(
      formula(`${digits(LIMIT - 3)}<!-- ${"c".repeat(1000)} --><![CDATA[&&&&&&]]>zzz`),
    );
    expectText(got, `${digits(LIMIT - 3)}&&&`);
  });

  it("joins rich-text runs up to the limit, the run across it cut", async () => {
    const runs = [digits(20_000), "ễ".repeat(12_000), "&amp;".repeat(50_000), "after"];
    const xml = runs.map((r, i) => `<r><rPr><b val="${i % 2}"/></rPr><t>${r}</t></r>`).join("");
    const want = `${digits(20_000)}${"ễ".repeat(12_000)}${"&".repeat(LIMIT - 32_000)}`;
    expectText(await firstCell(shared(xml)), want);
    expectText(await firstCell(inline(xml)), want);
  });

  it("reads many runs past the limit without keeping them", async () => {
    const xml = Array.from({ length: 5000 }, (_, i) => `<r><t>${digits(100)}${i}</t></r>`).join("");
    const got = (await firstCell(shared(xml))) as string;
    expect(got.length).toBeLessThanOrEqual(LIMIT);
    expect(got.length).toBeGreaterThan(LIMIT - 10);
    expect(got.startsWith(`${digits(100)}0${digits(100)}1`)).toBe(true);
  });

  it("gives every cell naming one long shared string the same capped text", async () => {
    const rows = Array.from(
      { length: 100 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`,
    ).join("");
    const wb = openXlsx(
      buildPackage({
        sharedStrings: [digits(1_000_000)],
        sheets: [{ name: "S", rows }],
      }),
    );
    const read = rowsOf(await wb.readSheet("S")).map((r) => r?.[0]);
    expect(read).toEqual(Array.from({ length: 100 }, () => digits(LIMIT)));
  });
});
