import fc from "fast-check";
import {
  cellIndex,
  cellValues,
  copyRow,
  findCell,
  forEachCell,
  RawRow,
  RawValue,
  someCell,
} from "../../../src/core/model/cells";

/**
 * Rows are walked by the cells they hold (issue 14): a row whose one cell is in column XFD is an
 * array of length 16,384 with one entry, and 30,000 such rows padded or walked to their length
 * took 48 s and 4.2 GB. The rows here are built from their ground truth (which columns hold
 * which values), dense and sparse, short and as wide as a sheet.
 */

/** The last column of a sheet (XFD), zero-based. */
const XFD = 16_383;

type Cells = ReadonlyArray<readonly [col0: number, value: RawValue]>;

/** A row holding exactly `cells` (columns unique), assigned by index as the xlsx reader does. */
function rowOf(cells: Cells): RawRow {
  const row: (RawValue | undefined)[] = [];
  for (const [c, v] of cells) row[c] = v;
  return row;
}

const value: fc.Arbitrary<RawValue> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);

/** Cells in any order of assignment, in a narrow row (walked by index) or a wide one (by keys). */
const cells = (maxCol: number): fc.Arbitrary<Cells> =>
  fc
    .uniqueArray(fc.tuple(fc.integer({ min: 0, max: maxCol }), value), {
      selector: ([c]) => c,
      maxLength: 40,
    })
    .map((cs) => (cs.length > 0 && maxCol === XFD ? [...cs, [XFD, "XFD"] as const] : cs))
    .map((cs) => cs.filter(([c], i) => cs.findIndex(([d]) => d === c) === i));

const anyCells = fc.oneof(cells(10), cells(63), cells(64), cells(200), cells(XFD));

const inOrder = (cs: Cells): Array<[number, RawValue]> =>
  [...cs].sort((a, b) => a[0] - b[0]).map(([c, v]) => [c, v]);

const visits = (row: RawRow | undefined): Array<[number, RawValue]> => {
  const seen: Array<[number, RawValue]> = [];
  forEachCell(row, (v, c) => seen.push([c, v]));
  return seen;
};

describe("forEachCell", () => {
  it("visits exactly the cells present, left to right, however the row was filled", () => {
    fc.assert(
      fc.property(anyCells, (cs) => {
        expect(visits(rowOf(cs))).toEqual(inOrder(cs));
      }),
    );
  });

  it("visits one cell of a row whose one cell is in column XFD", () => {
    const row = rowOf([[XFD, 7]]);
    expect(row.length).toBe(XFD + 1);
    expect(visits(row)).toEqual([[XFD, 7]]);
  });

  it("visits nothing of an absent or empty row, and skips cells set to undefined", () => {
    expect(visits(undefined)).toEqual([]);
    expect(visits([])).toEqual([]);
    const holes: (RawValue | undefined)[] = [];
    holes[3] = undefined;
    holes[100] = "x";
    holes[200] = undefined;
    expect(visits(holes)).toEqual([[100, "x"]]);
    expect(visits([undefined, null, undefined, 0, ""])).toEqual([
      [1, null],
      [3, 0],
      [4, ""],
    ]);
  });

  it("visits a dense row wider than a register's every column", () => {
    const dense = Array.from({ length: 300 }, (_, c) => c * 2);
    expect(visits(dense)).toEqual(dense.map((v, c) => [c, v]));
  });
});

describe("someCell", () => {
  it("answers as Array.some over the present cells, stopping at the first", () => {
    fc.assert(
      fc.property(anyCells, fc.integer({ min: 0, max: 3 }), (cs, mod) => {
        const row = rowOf(cs);
        const truth = inOrder(cs);
        const f = (v: RawValue, c: number): boolean => c % 4 === mod && v !== false;
        const asked: number[] = [];
        const answer = someCell(row, (v, c) => {
          asked.push(c);
          return f(v, c);
        });
        const first = truth.findIndex(([c, v]) => f(v, c));
        expect(answer).toBe(first >= 0);
        expect(asked).toEqual(
          truth.slice(0, first >= 0 ? first + 1 : truth.length).map(([c]) => c),
        );
      }),
    );
  });

  it("is false for an absent row", () => {
    expect(someCell(undefined, () => true)).toBe(false);
  });
});

describe("cellIndex and findCell", () => {
  it("give the first present cell that holds, as Array.findIndex over the present cells", () => {
    fc.assert(
      fc.property(anyCells, fc.integer({ min: 0, max: 3 }), (cs, mod) => {
        const row = rowOf(cs);
        const f = (v: RawValue, c: number): boolean => c % 4 === mod && v !== false;
        const first = inOrder(cs).find(([c, v]) => f(v, c));
        expect(cellIndex(row, f)).toBe(first ? first[0] : -1);
        const byValue = (v: RawValue): boolean => typeof v === "number";
        expect(findCell(row, byValue)).toBe(inOrder(cs).find(([, v]) => byValue(v))?.[1]);
      }),
    );
  });

  it("find nothing in an absent row", () => {
    expect(cellIndex(undefined, () => true)).toBe(-1);
    expect(findCell(undefined, () => true)).toBeUndefined();
  });
});

describe("cellValues", () => {
  it("lists the present values, left to right", () => {
    fc.assert(
      fc.property(anyCells, (cs) => {
        expect(cellValues(rowOf(cs))).toEqual(inOrder(cs).map(([, v]) => v));
      }),
    );
  });
});

describe("copyRow", () => {
  it("copies the present cells, at the same columns, and only them", () => {
    fc.assert(
      fc.property(anyCells, (cs) => {
        const row = rowOf(cs);
        const copy = copyRow(row);
        expect(copy).not.toBe(row);
        expect(visits(copy)).toEqual(inOrder(cs));
        // As sparse as the row: its own entries are the cells (a spread would fill every hole).
        expect(Object.keys(copy).length).toBe(Object.keys(row).length);
        for (const [c, v] of cs) expect(copy[c]).toBe(v);
      }),
    );
  });

  it("keeps a row whose one cell is in column XFD one entry", () => {
    const copy = copyRow(rowOf([[XFD, "x"]]));
    expect(Object.keys(copy)).toEqual([String(XFD)]);
    expect(copy[XFD]).toBe("x");
    expect(copy.length).toBe(XFD + 1);
  });

  it("gives a writable copy: writing it leaves the row as it was", () => {
    const row = rowOf([
      [0, "a"],
      [XFD, "z"],
    ]);
    const copy = copyRow(row);
    copy[5] = "new";
    copy[XFD] = null;
    expect(visits(row)).toEqual([
      [0, "a"],
      [XFD, "z"],
    ]);
    expect(visits(copy)).toEqual([
      [0, "a"],
      [5, "new"],
      [XFD, null],
    ]);
  });

  it("copies an absent row as an empty one", () => {
    expect(copyRow(undefined)).toEqual([]);
  });

  it("copies 30,000 rows with one cell in XFD visiting 30,000 cells", () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => rowOf([[XFD, i]]));
    let visited = 0;
    for (const r of rows) forEachCell(copyRow(r), () => visited++);
    expect(visited).toBe(30_000);
  });
});
