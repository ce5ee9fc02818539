import fc from "fast-check";
import { foldDiacritics, nameKey } from "../../../src/core/text/normalize";
import { matchUnit, parseUnit, UnitIndex, UnitMatch } from "../../../src/core/text/units";
import { readRoadmap } from "../../../src/core/read/roadmap";
import { FindingSink } from "../../../src/core/findings/sink";
import { ROADMAP_SPEC } from "../../../src/core/sheets/specs";

/**
 * Unit names matched through an index built once (issue 14): matching a list parsed every known
 * name again for each text, and a roadmap of 2,000 rows (each matched against the rows above it)
 * took 90 seconds. The index must answer exactly as the list did: it is compared here with the
 * list-based matching as it was, on random units spelled every way registers write them.
 */

const iyKey = (base: string): string =>
  base
    .normalize("NFD")
    .replace(/([bcdđghklmnprstvx])y/g, "$1i")
    .normalize("NFC");

/** matchUnit as it was before the index (quadratic when called once per row). */
function referenceMatch(input: string, known: readonly string[]): UnitMatch {
  const none: UnitMatch = { match: null, loose: false, candidates: [] };
  const key = nameKey(input);
  if (key === "") return none;
  const exact = known.filter((k) => nameKey(k) === key);
  if (exact.length > 0) return { match: exact[0]!, loose: false, candidates: exact };
  const u = parseUnit(input);
  const all = known.map((name) => ({ name, ...parseUnit(name) }));
  const keys = [(b: string): string => b, iyKey];
  if (/^[\x20-\x7e]*$/.test(u.base)) keys.push((b) => foldDiacritics(iyKey(b)));
  const decide = (hits: typeof all, loose: boolean): UnitMatch | null => {
    if (hits.length === 0) return null;
    const names = hits.map((h) => h.name);
    const units = new Set(hits.map((h) => `${h.kind ?? ""}|${h.base}`));
    if (units.size === 1) return { match: names[0]!, loose, candidates: names };
    return { match: null, loose: false, candidates: names };
  };
  for (const [i, k] of keys.entries()) {
    const hits = all.filter((x) => k(x.base) === k(u.base));
    const sameKind = hits.filter((x) => u.kind !== null && x.kind === u.kind);
    const found = decide(sameKind, i > 0) ?? decide(hits, true);
    if (found !== null) return found;
  }
  return none;
}

const PREFIXES = ["", "Huyện ", "huyen ", "H. ", "Thị xã ", "TX ", "Thành phố ", "TP.", "Quận "];
const NAMES = ["Kỳ Anh", "Kì Anh", "Ky Anh", "Vũ Quang", "Vu Quang", "Hồng Lĩnh", "Hà Tĩnh"];
const unit = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...NAMES), fc.boolean(), fc.boolean())
  .map(([p, n, upper, nfd]) => {
    const s = upper ? `${p}${n}`.toUpperCase() : `${p}${n}`;
    return nfd ? s.normalize("NFD") : s;
  });

describe("UnitIndex", () => {
  it("answers as matching against the list did", () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), unit, (known, input) => {
        expect(new UnitIndex(known).match(input)).toEqual(referenceMatch(input, known));
        expect(matchUnit(input, known)).toEqual(referenceMatch(input, known));
      }),
      { numRuns: 500 },
    );
  });

  it("answers the same when its names are added one by one", () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), unit, (known, input) => {
        const index = new UnitIndex();
        for (const k of known) index.add(k);
        expect(index.match(input)).toEqual(new UnitIndex(known).match(input));
      }),
    );
  });

  it("reads a roadmap of 3,000 units, each row told from the rows above it", () => {
    const rows = [
      ROADMAP_SPEC.fields.map((f) => f.header),
      ...Array.from({ length: 3000 }, (_, i) =>
        ROADMAP_SPEC.fields.map((f) => (f.key === "unit" ? `Xã Số ${i} Huyện Mẫu` : 1)),
      ),
      // A repeat of the first unit, spelled otherwise: not counted twice.
      ROADMAP_SPEC.fields.map((f) => (f.key === "unit" ? "XÃ SỐ 0 HUYỆN MẪU" : 2)),
    ];
    const sink = new FindingSink();
    const { entries } = readRoadmap({ name: "Lộ trình", rows }, sink);
    expect(entries.length).toBe(3000);
    expect(sink.all().map((f) => f.rule)).toContain("roadmap.duplicate");
  });
});
