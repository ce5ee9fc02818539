import { GeneratedSheet, PlanCell, StyleKey } from "../../../src/core/model/write-plan";
import { asA1 } from "../../../src/core/model/brand";
import { sheetDataEnd } from "../../../src/hosts/xlsx/highlights";
import { worksheetPieces } from "../../../src/hosts/xlsx/sheet-writer";
import { resultsSheet } from "./plans";

/** A generated sheet's part whole: its pieces joined. */
function worksheetBytes(
  sheet: GeneratedSheet,
  xf: (key: StyleKey) => number,
  drawingId?: string,
): Uint8Array {
  const { start, tail } = worksheetPieces(sheet, xf, drawingId);
  return new Uint8Array(Buffer.concat([...start, tail]));
}

/**
 * A generated sheet's part is written as UTF-8 a piece at a time (a country's findings sheet was
 * 200 MB of heap as one string): the pieces must join into the very part, whatever falls on their
 * edges.
 */
describe("a generated sheet's part as UTF-8 (worksheetBytes)", () => {
  /** Rows enough for several pieces, with text that is two and four bytes a character. */
  function bigSheet(rows: number): GeneratedSheet {
    const base = resultsSheet();
    const extra: PlanCell[][] = [];
    for (let r = 0; r < rows; r++)
      extra.push([
        { v: `Nguyễn Thị Hoà ${r} 𝔸😀`, style: "text" },
        { v: r, style: "integer" },
        { v: "Được vay vốn: Có".repeat(1 + (r % 7)) },
      ]);
    return { ...base, rows: [...base.rows, ...extra] };
  }

  test("joins into one part holding every row's text, in order, inside its sheetData", () => {
    const sheet = bigSheet(12_000);
    const bytes = worksheetBytes(sheet, () => 1);
    // Several pieces' worth: the joins are exercised.
    expect(bytes.length).toBeGreaterThan(3 * 256 * 1024);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    expect(text).not.toContain("\uFFFD");
    const rows = [...text.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)];
    expect(rows.map((m) => Number(m[1]))).toEqual(sheet.rows.map((_, i) => i + 1));
    const firstText = (i: number) => /<t xml:space="preserve">([^<]*)<\/t>/.exec(rows[i]![2]!)?.[1];
    for (const i of [5, 777, 6_000, 12_004])
      expect(firstText(i)).toBe(`Nguyễn Thị Hoà ${i - 5} 𝔸😀`);
    expect(/<dimension ref="([^"]+)"/.exec(text)?.[1]).toBe("A1:E12005");
    expect(text.indexOf("<sheetData>")).toBeLessThan(text.indexOf("<row "));
    expect(text.lastIndexOf("</row>")).toBeLessThan(text.indexOf("</sheetData>"));
    expect(text.endsWith("</worksheet>")).toBe(true);
  });

  test("a sheet without rows is an empty sheetData", () => {
    const text = new TextDecoder().decode(worksheetBytes({ ...resultsSheet(), rows: [] }, () => 1));
    expect(text).toContain("<sheetData/>");
    expect(text).not.toContain("</sheetData>");
  });
});

/**
 * The part is handed to the writer in pieces, never joined (a country's findings sheet is 26 MB):
 * cut where sheetDataEnd cuts the whole part, so that highlights edit the same tail, and joined
 * the very bytes of worksheetBytes.
 */
describe("a generated sheet's part in pieces (worksheetPieces)", () => {
  const text = (t: string): PlanCell => ({ v: t, style: "text" });
  const sheets: [string, GeneratedSheet][] = [
    ["a plain sheet", resultsSheet()],
    ["no rows", { ...resultsSheet(), rows: [] }],
    ["blank cells only", { ...resultsSheet(), rows: [[{ v: null }]] }],
    [
      "text that looks like the sheet's own tags",
      {
        ...resultsSheet(),
        rows: [[text("</sheetData><sheetData/>"), text("<mergeCells>"), text("ishc:")]],
      },
    ],
    [
      "everything after the rows: merges, lists, links, print setup, breaks",
      {
        ...resultsSheet(),
        validations: [{ range: asA1("B3:B9"), values: ["Có", "Không"], prompt: "Chọn" }],
        print: {
          orientation: "landscape",
          paper: "A4",
          titleRows: [1, 2],
          rowBreaks: [3],
          centerHorizontally: true,
        },
      },
    ],
  ];

  test.each(sheets)("%s: cut where its sheetData ends, joined the whole part", (_, sheet) => {
    const { start, tail } = worksheetPieces(sheet, () => 1, "rId3");
    const whole = worksheetBytes(sheet, () => 1, "rId3");
    const startLength = start.reduce((n, p) => n + p.length, 0);
    expect(startLength + tail.length).toBe(whole.length);
    expect(Buffer.from(whole.subarray(0, startLength))).toEqual(Buffer.concat(start));
    expect(Buffer.from(whole.subarray(startLength))).toEqual(Buffer.from(tail));
    expect(sheetDataEnd(whole)).toBe(startLength);
  });
});
