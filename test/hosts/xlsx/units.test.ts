import fc from "fast-check";
import { crc32 } from "../../../src/hosts/xlsx/crc32";
import { number } from "../../../src/hosts/xlsx/bytes";
import { sqrefs } from "../../../src/hosts/xlsx/highlights";
import { coalesceAreas as areas } from "../../../src/core/model/areas";
import { resolveTarget } from "../../../src/hosts/xlsx/package";
import { decodeXString, escapeAttr, escapeText, escapeXString } from "../../../src/hosts/xlsx/xml";

describe("small pieces", () => {
  it("computes the standard CRC-32, also across chunks", () => {
    const bytes = new TextEncoder().encode("123456789");
    expect(crc32(bytes)).toBe(0xcbf43926);
    expect(crc32(bytes.subarray(5), crc32(bytes.subarray(0, 5)))).toBe(0xcbf43926);
  });

  it("parses numbers exactly as Number() does", () => {
    const cases = [
      "0",
      "-0",
      "42",
      "0.1",
      "0.30000000000000004",
      "123456789012345",
      "1234567890123456789",
      "-1.5",
      "1e-7",
      "1.5E+300",
      "",
      ".",
      "1.",
      "abc",
      " 7 ",
    ];
    for (const s of cases) {
      const b = new TextEncoder().encode(s);
      const expected = s.trim() === "" || s === "abc" || s === "." ? NaN : Number(s);
      expect(Object.is(number(b, 0, b.length), expected)).toBe(true);
    }
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 17 }),
        (d, digits) => {
          const s = d.toFixed(Math.min(digits, 17)).replace(/^(-?)0+(?=\d)/, "$1");
          const b = new TextEncoder().encode(s);
          return Object.is(number(b, 0, b.length), Number(s));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("coalesces highlighted cells per column and splits long reference lists", () => {
    expect(areas(["D18", "D17", "D19", "D17", "E2", "D21", "A1:B2", "$C$3"])).toEqual([
      "C3",
      "D17:D19",
      "D21",
      "E2",
      "A1:B2",
    ]);
    expect(() => areas(["Sheet1!A1"])).toThrow("Not a cell address");
    const many = Array.from({ length: 3000 }, (_, i) => `C${2 * i + 1}`);
    const lists = sqrefs(many);
    expect(lists.length).toBeGreaterThan(1);
    expect(lists.every((l) => l.length <= 8000)).toBe(true);
    expect(lists.join(" ").split(" ")).toHaveLength(3000);
  });

  it("resolves relationship targets, relative or absolute", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml",
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml",
    );
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/./drawing1.xml")).toBe(
      "xl/drawings/drawing1.xml",
    );
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });

  it("round-trips any text through the cell escapes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const legal = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
        return decodeXString(escapeXString(legal)) === legal;
      }),
      { numRuns: 2000 },
    );
    expect(escapeXString("a_x0041_<&>")).toBe("a_x005F_x0041_&lt;&amp;&gt;");
  });
});

describe("escaping for the XML we write", () => {
  // The escapes as they were before the fast path for plain text: the reference.
  const ILLEGAL =
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  const text = (s: string): string =>
    s
      .replace(ILLEGAL, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/\r/g, "&#13;");
  const attr = (s: string): string =>
    text(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
  const xString = (s: string): string => text(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1"));
  const tricky = fc.string({
    unit: fc.constantFrom(
      ..."aĐễ _x0041&<>\"'\t\n\r\u0000\u001f\ufffe\uffff\ud800\udc00\u00a0😀".split(""),
      "_x0041_",
      "_x000D_",
    ),
  });

  it.each([
    ["escapeText", escapeText, text],
    ["escapeAttr", escapeAttr, attr],
    ["escapeXString", escapeXString, xString],
  ] as const)("%s gives what it gave before, plain or not", (_name, fast, reference) => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: "binary" })), (s) => {
        expect(fast(s)).toBe(reference(s));
      }),
      { numRuns: 1000 },
    );
  });
});
