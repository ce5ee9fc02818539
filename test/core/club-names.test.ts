import fc from "fast-check";
import { asClubId } from "../../src/core/model/brand";
import { Club } from "../../src/core/model/records";
import { ClubNames, KEYINGS } from "../../src/core/read/club-names";

const club = (id: string, name: string): Club => ({
  id: asClubId(id),
  name,
  unitText: "Vũ Quang",
  commune: "",
  founded: null,
  activities: [],
  wellManaged: true,
  closed: false,
  origin: { sheet: "CLB", row0: 1, columns: new Map() },
});

describe("ClubNames.resolve", () => {
  const clubs = [
    club("VQ-01", "CLB liên thế hệ tự giúp nhau xã Đức Giang"),
    club("VQ-02", "CLB liên thế hệ tự giúp nhau xã Ân Phú"),
  ];

  test("gives the id as the club list types it, however the cell spells it, every time", () => {
    const names = new ClubNames(clubs);
    for (let i = 0; i < 3; i++) {
      expect(names.resolve("VQ-01")).toBe("VQ-01");
      expect(names.resolve(" vq-01 ")).toBe("VQ-01");
      expect(names.resolve("VQ-02")).toBe("VQ-02");
    }
  });

  test("gives the club a name names, and null for a text naming none, every time", () => {
    const names = new ClubNames(clubs);
    for (let i = 0; i < 3; i++) {
      expect(names.resolve("xã Đức Giang")).toBe("VQ-01");
      expect(names.resolve("CLB Ân Phú")).toBe("VQ-02");
      expect(names.resolve("VQ-99")).toBeNull();
    }
  });
});

/**
 * The search as the plan of ClubNames defines it: every club's keys tried for containment in the
 * text's key, the longest winning, two ids equally long a tie. ClubNames looks the text's runs of
 * words up instead; this is the oracle it must agree with.
 */
function searchEveryClub(clubs: readonly Club[], texts: readonly string[]): Club | null {
  for (const way of KEYINGS) {
    let best: Club | null = null;
    let bestLength = 0;
    let tied = false;
    for (const text of texts) {
      const key = way.textKey(text);
      for (const c of clubs)
        for (const k of way.clubKeys(c)) {
          if (k.length < bestLength || !key.includes(k)) continue;
          if (k.length === bestLength && best !== null && best.id !== c.id) tied = true;
          else if (k.length > bestLength) [best, bestLength, tied] = [c, k.length, false];
        }
    }
    if (!tied && best !== null) return best;
  }
  return null;
}

describe("ClubNames.find", () => {
  // Few words, so that clubs share names, ids and parts of them, as a province's clubs do.
  const word = fc.constantFrom("Đức", "Giang", "Ân", "Phú", "Kỳ", "Bắc", "số 2", "Sơn", "xã", "");
  const nameOf = fc
    .array(word, { minLength: 1, maxLength: 3 })
    .chain((ws) =>
      fc
        .constantFrom("CLB liên thế hệ tự giúp nhau xã ", "CLB LTHTGN thôn ", "xã ", "", "...")
        .map((p) => p + ws.join(" ")),
    );
  const clubsArb = fc.array(
    fc.record({
      id: fc.constantFrom("VQ-01", "VQ-02", "VQ-03", "KA-01", "Sơn", "-"),
      name: nameOf,
    }),
    { minLength: 1, maxLength: 8 },
  );
  const variant = (t: string) =>
    fc.constantFrom(
      t,
      t.toUpperCase(),
      t.normalize("NFD"),
      `  ${t} `,
      `I. CLB ${t}, huyện`,
      t.slice(4),
    );

  test("gives what trying every club's keys in the text gives, for one text or several", () => {
    fc.assert(
      fc.property(
        clubsArb,
        fc.array(fc.oneof(nameOf, word), { maxLength: 4 }),
        fc.nat(),
        (list, extra, seed) => {
          const clubs = list.map((c) => club(c.id, c.name));
          const names = new ClubNames(clubs);
          const texts = [...list.flatMap((c) => [c.name, c.id]), ...extra];
          fc.assert(
            fc.property(
              fc.array(fc.constantFrom(...texts).chain(variant), { minLength: 1, maxLength: 3 }),
              (vs) => {
                expect(names.find(vs)).toBe(searchEveryClub(clubs, vs));
              },
            ),
            { numRuns: 20, seed },
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
