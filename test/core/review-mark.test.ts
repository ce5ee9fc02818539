import { RawValue } from "../../src/core/model/cells";
import { InputError } from "../../src/core/model/errors";
import { COLUMN_HEADER, TRAIL_COLUMNS } from "../../src/core/review/columns";
import { isoToSerial } from "../../src/core/review/days";
import { markCells, trailLayout } from "../../src/core/review/mark";

/**
 * The core's decision for an auditor's mark (src/core/review/mark.ts), the one both hosts apply:
 * which row (by finding id) and which columns (by header words) get which value.
 */
const SHEET = "Danh sách lỗi";
const header = (lang: "vi" | "en") => TRAIL_COLUMNS.map((c) => COLUMN_HEADER[c][lang]);
const row = (id: string) => TRAIL_COLUMNS.map((c) => (c === "id" ? id : c === "rule" ? "r" : null));

/** A findings sheet's grid: the title, the header, two findings. */
const grid = (lang: "vi" | "en" = "vi"): RawValue[][] => [
  ["title"],
  header(lang),
  row("A|1"),
  row("B|2"),
];
const col = (c: (typeof TRAIL_COLUMNS)[number]) => TRAIL_COLUMNS.indexOf(c);
const DAY = isoToSerial("2026-01-11");

describe("markCells", () => {
  it("writes the status label in the sheet's language, the note and the day on the finding's row", () => {
    expect(markCells(grid(), SHEET, "B|2", { status: "mustFix", note: "n" }, "2026-01-11")).toEqual(
      [
        { row0: 3, col: col("status"), kind: "text", value: "Cần sửa" },
        { row0: 3, col: col("note"), kind: "text", value: "n" },
        { row0: 3, col: col("reviewedOn"), kind: "day", value: DAY },
      ],
    );
    expect(markCells(grid("en"), SHEET, "A|1", { status: "Đã sửa" }, "2026-01-11")[0]).toEqual({
      row0: 2,
      col: col("status"),
      kind: "text",
      value: "Fixed",
    });
    // The reviewer's own word is kept as typed.
    expect(markCells(grid(), SHEET, "A|1", { status: "Chờ huyện" }, "2026-01-11")[0]!.value).toBe(
      "Chờ huyện",
    );
  });

  it("finds the header below rows of the reviewer's and the columns in any order", () => {
    const g = grid();
    const order = [...TRAIL_COLUMNS.keys()].reverse();
    const moved = [["note of the audit"], [], ...g.map((r) => order.map((c) => r[c] ?? null))];
    const edits = markCells(moved, SHEET, "A|1", { note: "x" }, "2026-01-11");
    const layout = trailLayout(moved)!;
    expect(layout.headerRow0).toBe(3);
    expect(edits.map((e) => [e.row0, e.col, e.value])).toEqual([
      [4, order.indexOf(col("note")), "x"],
      [4, order.indexOf(col("reviewedOn")), DAY],
    ]);
  });

  it("writes no day when the reviewer deleted the day column, and refuses what it cannot place", () => {
    const without = (c: number) => grid().map((r) => r.filter((_, i) => i !== c));
    expect(
      markCells(without(col("reviewedOn")), SHEET, "A|1", { note: "x" }, "2026-01-11"),
    ).toEqual([{ row0: 2, col: col("note"), kind: "text", value: "x" }]);
    const refusal = (rows: RawValue[][], id: string) => {
      try {
        markCells(rows, SHEET, id, { status: "fixed" }, "2026-01-11");
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return e as InputError;
      }
      throw new Error("no refusal");
    };
    const noStatus = refusal(without(col("status")), "A|1");
    expect([noStatus.code, noStatus.sheet]).toEqual(["missing-column", SHEET]);
    expect(noStatus.text.vi).toContain(`Sheet "${SHEET}" không còn cột "Trạng thái xem xét"`);
    expect(noStatus.text.en).toContain(`has no "Review status" column in its header row (row 2)`);
    expect(refusal(grid(), "C|3").code).toBe("unknown-finding");
    expect(refusal([["title"], ...grid().slice(2)], "A|1").code).toBe("no-header");
    expect(() => markCells(grid(), SHEET, "A|1", { note: "x" }, "11/01/2026")).toThrow(RangeError);
  });
});
