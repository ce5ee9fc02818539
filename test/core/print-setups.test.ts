import { asA1 } from "../../src/core/model/brand";
import { PlanCell } from "../../src/core/model/write-plan";
import { resultsSheet } from "../../src/core/report/results-sheet";
import { club, fund, members } from "../helpers/registers";
import { check } from "../helpers/run";
import {
  columnPoints,
  listPrintSetup,
  PRINTABLE,
  rowHeightsPoints,
  SheetShape,
  tablesPrintSetup,
  tableWidthPoints,
  wrappedLines,
} from "../../src/core/report/print-setups";

const text = (v: string, style?: PlanCell["style"]): PlanCell => (style ? { v, style } : { v });

/** A sheet of `rows` rows of `columns` cells, a title row first and a header row second. */
function sheetOf(rows: number, widths: readonly number[]): SheetShape {
  return {
    rows: Array.from({ length: rows }, (_, r) =>
      widths.map((_w, c) =>
        r === 0 ? text(c === 0 ? "Title" : "", "title") : r === 1 ? text("H", "header") : text("x"),
      ),
    ),
    merges: [],
    columnWidths: widths,
  };
}

describe("print setups", () => {
  test("the geometry: A4 landscape less the margins, 7 px a character plus 5", () => {
    expect(PRINTABLE.width).toBeCloseTo(741.09, 2);
    expect(PRINTABLE.height).toBeCloseTo(487.28, 2);
    expect(columnPoints(10)).toBeCloseTo(56.25, 2);
    expect(tableWidthPoints([10, 20], 3)).toBeCloseTo(56.25 + 108.75 + 48, 2);
  });

  test("a wide table gets the largest scale at which it fits the printable width", () => {
    const widths = Array<number>(20).fill(12); // 20 × 66.75 pt = 1335 pt
    const sheet = sheetOf(10, widths);
    const setup = tablesPrintSetup(sheet, [{ first: 1, last: 10, columns: 20 }], [1, 2], "vi");
    const width = tableWidthPoints(widths, 20);
    expect(width).toBeCloseTo(1335, 2);
    expect(setup.scale).toBeDefined();
    expect((setup.scale! / 100) * width).toBeLessThanOrEqual(PRINTABLE.width);
    // Not needlessly small: 10 points more and it would no longer keep 5% headroom.
    expect(((setup.scale! + 1) / 100) * width).toBeGreaterThan(PRINTABLE.width * 0.95);
    expect(setup.scale).toBe(52);
  });

  test("a long table gets a scale at which it fits the page height", () => {
    const sheet = sheetOf(60, [10, 10]);
    const setup = tablesPrintSetup(sheet, [{ first: 1, last: 60, columns: 2 }], [1, 2], "vi");
    const height = rowHeightsPoints(sheet).reduce((s, h) => s + h, 0);
    expect(height).toBe(24 + 59 * 15);
    expect((setup.scale! / 100) * height).toBeLessThanOrEqual(PRINTABLE.height);
    expect(setup.scale).toBeLessThan(100);
  });

  test("a small table prints at 100%, a huge one at no less than 10%", () => {
    const small = tablesPrintSetup(
      sheetOf(5, [10]),
      [{ first: 1, last: 5, columns: 1 }],
      null,
      "vi",
    );
    expect(small.scale).toBe(100);
    const huge = sheetOf(3, Array<number>(200).fill(50));
    expect(tablesPrintSetup(huge, [{ first: 1, last: 3, columns: 200 }], null, "vi").scale).toBe(
      10,
    );
  });

  test("two tables: a break between them, both in the area, each page fitting", () => {
    // Rows 1-18: the first table, 19 blank, 20-45 the second (26 rows).
    const sheet = sheetOf(45, Array<number>(8).fill(10));
    const setup = tablesPrintSetup(
      sheet,
      [
        { first: 1, last: 18, columns: 6 },
        { first: 20, last: 45, columns: 8 },
      ],
      [1, 2],
      "en",
    );
    expect(setup).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      titleRows: [1, 2],
      rowBreaks: [19],
      area: "A1:H45",
      centerHorizontally: true,
      footer: "Page &P/&N",
    });
    // Page 2 is the repeated title rows (24 + 15) and rows 20-45 (26 × 15).
    expect((setup.scale! / 100) * (39 + 26 * 15)).toBeLessThanOrEqual(PRINTABLE.height);
  });

  test("header rows grow with their wrapped text, not with merged cells", () => {
    expect(wrappedLines("Kế hoạch lũy kế đến 2024", 16)).toBe(2);
    expect(wrappedLines("Kế hoạch lũy kế đến 2024", 40)).toBe(1);
    // Bold letters count 1.1: "aaaa bbbb" is 9.8 characters, one more word does not fit in 10.
    expect(wrappedLines("aaaa bbbb cccc dddd", 10)).toBe(2);
    expect(wrappedLines("aaaa bbbb cccc dddd", 9)).toBe(4);
    expect(wrappedLines("abcdefghijklmnopqrst", 10)).toBe(3);
    const sheet: SheetShape = {
      rows: [
        [text("aaaa bbbb cccc dddd eeee", "header"), text("Ngắn", "header")],
        [text("aaaa bbbb cccc dddd eeee", "header"), text("Ngắn", "header")],
      ],
      merges: [asA1("A2:A3")],
      columnWidths: [10, 10],
    };
    expect(rowHeightsPoints(sheet)).toEqual([45, 15]);
  });

  test("a list prints one page wide, its header rows on every page", () => {
    const sheet = sheetOf(300, Array<number>(20).fill(10));
    const setup = listPrintSetup(sheet, [1, 2], "vi");
    expect(setup).toEqual({
      orientation: "landscape",
      paper: "A4",
      titleRows: [1, 2],
      area: "A1:T300",
      footer: "Trang &P/&N",
    });
    expect(setup.scale).toBeUndefined();
  });

  test("the club results print as a list, the title and the header on every page", () => {
    const result = check([club("C1"), club("C2")], members("C1", 50, 33, 32, 27), [fund("C1")]);
    const sheet = resultsSheet(result, "Kết quả CLB");
    expect(sheet.rows).toHaveLength(4);
    expect(sheet.print).toEqual({
      orientation: "landscape",
      paper: "A4",
      titleRows: [1, 2],
      area: "A1:T4",
      footer: "Trang &P/&N",
    });
  });
});
