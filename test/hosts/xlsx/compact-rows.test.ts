import fc from "fast-check";
import { RawRow, RawValue } from "../../../src/core/model/cells";
import { CompactRows, RowBuilder } from "../../../src/hosts/xlsx/compact-rows";

/**
 * CompactRows keeps a sheet's cells in typed arrays and makes each row when asked: what it gives
 * must be what the arrays the reader kept before gave, for every kind of value, every shape of
 * row, and rows or cells that come out of order.
 */
const SST = ["Mã CLB", "Nguyễn Thị Mai", "Có", "", "x"];

/** A cell as the parser gives it: its column, its value, and its shared string's index or -1. */
type Given = readonly [col: number, value: RawValue, shared: number];

const value: fc.Arbitrary<[RawValue, number]> = fc.oneof(
  fc.nat({ max: SST.length - 1 }).map((i): [RawValue, number] => [SST[i]!, i]),
  fc.integer().map((n): [RawValue, number] => [n, -1]),
  fc
    .constantFrom(2 ** 31 - 1, -(2 ** 31), 2 ** 31, -0, 0.5, -1.25e-7, 1e300, 45306)
    .map((n): [RawValue, number] => [n, -1]),
  fc
    .constantFrom<RawValue>(true, false, null, "inline", "#N/A")
    .map((v): [RawValue, number] => [v, -1]),
);

/** Rows of cells, each row's columns rising (as every program writes them). */
const orderedRows = fc.array(
  fc.tuple(
    fc.nat({ max: 3 }),
    fc.uniqueArray(fc.tuple(fc.nat({ max: 80 }), value), { selector: ([c]) => c, maxLength: 12 }),
  ),
  { maxLength: 40 },
);

/** Builds rows through RowBuilder, and the arrays the parser used to keep for the same cells. */
function build(rows: readonly (readonly [number, readonly Given[]])[]) {
  const builder = new RowBuilder(SST);
  const expected: (RawRow | undefined)[] = [];
  for (const [row0, cells] of rows) {
    builder.beginRow();
    const row: (RawValue | undefined)[] = [];
    for (const [col, v, shared] of cells) {
      builder.cell(col, v, shared);
      row[col] = v;
    }
    builder.endRow(row0);
    if (row.length > 0) {
      while (expected.length < row0) expected.push(undefined);
      expected[row0] = row;
    }
  }
  return { list: builder.rows(), expected };
}

/** The rows given, each at a row below the last (gaps of `skip` empty rows). */
function placed(rows: readonly [number, readonly [number, [RawValue, number]][]][]) {
  let row0 = -1;
  return rows.map(([skip, cells]): [number, Given[]] => {
    row0 += 1 + skip;
    return [row0, [...cells].sort((a, b) => a[0] - b[0]).map(([c, [v, s]]) => [c, v, s])];
  });
}

const asArrays = (list: { length: number; at(r: number): RawRow | undefined }) =>
  Array.from({ length: list.length }, (_, r) => list.at(r));

describe("CompactRows", () => {
  it("gives every row as the arrays did, for any values and gaps", () => {
    fc.assert(
      fc.property(orderedRows, (rows) => {
        const { list, expected } = build(placed(rows));
        expect(list).toBeInstanceOf(CompactRows);
        expect(list.length).toBe(expected.length);
        expect(asArrays(list)).toEqual(expected);
        // -0 stays -0, and past either end there is no row.
        for (let r = 0; r < expected.length; r++)
          expected[r]?.forEach((v, c) => expect(Object.is(list.at(r)![c], v)).toBe(true));
        expect(list.at(-1)).toBeUndefined();
        expect(list.at(expected.length)).toBeUndefined();
      }),
    );
  });

  it("keeps a sparse row sparse: one cell in column XFD is one entry", () => {
    const { list } = build([[0, [[16_383, "xa", -1]]]]);
    const row = list.at(0)!;
    expect(row.length).toBe(16_384);
    expect(Object.keys(row)).toEqual(["16383"]);
  });

  it("reads rows of many cells across its blocks, none split between two", () => {
    const rows: [number, Given[]][] = Array.from({ length: 200 }, (_, r) => [
      r,
      Array.from({ length: 700 + (r % 7) }, (_, c): Given => [c, r * 10_000 + c, -1]),
    ]);
    const { list, expected } = build(rows);
    expect(list).toBeInstanceOf(CompactRows);
    expect(asArrays(list)).toEqual(expected);
  });

  it("goes on as plain arrays from a row that comes again or a cell out of order", () => {
    const again: [number, Given[]][] = [
      [0, [[0, "a", -1]]],
      [2, [[1, 5, -1]]],
      [1, [[0, "b", -1]]],
      [2, [[0, 0.5, -1]]],
    ];
    const a = build(again);
    expect(Array.isArray(a.list)).toBe(true);
    expect(asArrays(a.list)).toEqual([["a"], ["b"], [0.5]]);
    const backwards = build([
      [
        0,
        [
          [3, "late", -1],
          [1, "early", 0],
        ],
      ],
      [
        1,
        [
          [0, 1, -1],
          [0, 2, -1],
        ],
      ],
    ]);
    expect(Array.isArray(backwards.list)).toBe(true);
    expect(asArrays(backwards.list)).toEqual([[undefined, "early", undefined, "late"], [2]]);
  });

  it("forgets what was given of a row begun again (a row cut by the end of a chunk)", () => {
    const builder = new RowBuilder(SST);
    builder.beginRow();
    builder.cell(0, "half", -1);
    builder.beginRow();
    builder.cell(0, "whole", -1);
    builder.cell(1, 7, -1);
    builder.endRow(0);
    expect(builder.rows()).toBeInstanceOf(CompactRows);
    expect(asArrays(builder.rows())).toEqual([["whole", 7]]);
  });

  it("lets go of a block once all its rows are let go of, and of nothing else", () => {
    const rows: [number, Given[]][] = Array.from({ length: 300 }, (_, r) => [
      r,
      Array.from({ length: 500 }, (_, c): Given => [c, c, -1]),
    ]);
    const list = build(rows).list as CompactRows;
    const blocks = list.blocksHeld;
    expect(blocks).toBeGreaterThan(2);
    // Rows per block: 65,536 cells of rows of 500.
    const perBlock = Math.floor(65_536 / 500);
    for (let r = 0; r < perBlock - 1; r++) list.release(r);
    expect(list.blocksHeld).toBe(blocks);
    list.release(perBlock - 1);
    list.release(perBlock - 1);
    expect(list.blocksHeld).toBe(blocks - 1);
    expect(list.at(0)).toBeUndefined();
    expect(list.at(perBlock)).toEqual(rows[perBlock]![1].map(([, v]) => v));
    for (let r = 0; r < 300; r++) list.release(r);
    expect(list.blocksHeld).toBe(0);
    expect(list.at(299)).toBeUndefined();
  });
});
