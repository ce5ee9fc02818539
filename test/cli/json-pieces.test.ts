import fc from "fast-check";
import { jsonPieces } from "../../src/cli/json-pieces";

/**
 * The report is written as UTF-8 pieces (jsonPieces) rather than one string: the bytes must be
 * exactly `${JSON.stringify(value, null, 2)}\n`, whatever the value holds.
 */
const expected = (v: unknown): Buffer => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, "utf8");
const written = (v: unknown): Buffer => Buffer.concat(jsonPieces(v));

describe("the report as UTF-8 pieces (jsonPieces)", () => {
  const odd = fc.oneof(
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.constant(new Date(Date.UTC(2025, 11, 31))),
    fc.constant({ toJSON: () => ({ a: [1, "x\ny"] }) }),
    fc.constant({ toJSON: () => undefined }),
    fc.constant(Object.assign(Object.create(null) as object, { k: 1 })),
    fc.constant([]),
    fc.constant({}),
    fc.string({ unit: "binary" }),
    fc.double(),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.jsonValue({ maxDepth: 2 }),
      odd,
      fc.array(tie("value"), { maxLength: 5 }),
      fc.dictionary(fc.string(), tie("value"), { maxKeys: 5 }),
    ),
  }));

  test("are the bytes of JSON.stringify with an indent of two, and a newline", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(written(v).equals(expected(v))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test("a long report comes in many pieces, none of them the whole", () => {
    const report = {
      summary: { clubs: 2, note: "Đạt" },
      findings: Array.from({ length: 20_000 }, (_, i) => ({
        id: `member.duplicate:VQ-${i}`,
        message: { vi: `Thành viên "Nguyễn Thị Hoà ${i}" ghi hai lần`, en: "listed twice" },
        cell: i % 3 ? `B${i}` : undefined,
      })),
    };
    const pieces = jsonPieces(report);
    expect(pieces.length).toBeGreaterThan(20);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(300 * 1024);
    expect(Buffer.concat(pieces).equals(expected(report))).toBe(true);
  });
});
