import fc from "fast-check";
import { runCheck } from "../../src/core/check/run-check";
import { InputError } from "../../src/core/model/errors";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { RawValue } from "../../src/core/model/cells";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { rowsOf } from "../helpers/rows";

const value: fc.Arbitrary<RawValue | undefined> = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "Nữ",
    "nam",
    "x",
    "Có",
    "Không",
    "5.000.000",
    "31/12/1965",
    "1/2/55",
    "Tổng cộng",
    "#N/A",
    "",
  ),
  fc.double(),
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

describe("damaged registers never crash the check", () => {
  test("random cells in a valid layout become findings, never exceptions", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 8 }), { maxLength: 30 }),
        fc.nat(),
        (noise, seed) => {
          const base = membersSheet(members("C1", 10, 6, 6, 5));
          const rows = [...rowsOf(base), ...noise];
          const r = runCheck(
            {
              clubs: clubsSheet([club("C1")]),
              members: { name: base.name, rows },
              funds: fundsSheet([fund("C1")]),
              roadmap: null,
            },
            { ...settings, ageLine: 55 + (seed % 6) },
          );
          expect(r.verdicts).toHaveLength(1);
          for (const f of r.findings) expect(f.message.vi.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  test("random grids either check or fail with a clear InputError", () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 12 }), { maxLength: 20 }), (grid) => {
        try {
          runCheck(
            {
              clubs: { name: "CLB", rows: grid },
              members: { name: "Thành viên", rows: grid },
              funds: null,
              roadmap: null,
            },
            settings,
          );
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).text.en).toMatch(/Sheet "(CLB|Thành viên)"/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
