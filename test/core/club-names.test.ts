import fc from "fast-check";
import { asClubId } from "../../src/core/model/brand";
import { Club } from "../../src/core/model/records";
import { ClubNames } from "../../src/core/read/club-names";

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

describe("ClubNames.find on one text", () => {
  // Few words, so that clubs share names, ids and parts of them, as a province's clubs do.
  const word = fc.constantFrom("Đức", "Giang", "Ân", "Phú", "Kỳ", "Bắc", "số 2", "Sơn");
  const nameOf = fc
    .array(word, { minLength: 1, maxLength: 3 })
    .chain((ws) =>
      fc
        .constantFrom("CLB liên thế hệ tự giúp nhau xã ", "CLB LTHTGN thôn ", "xã ", "")
        .map((p) => p + ws.join(" ")),
    );
  const clubsArb = fc.array(
    fc.record({ id: fc.constantFrom("VQ-01", "VQ-02", "VQ-03", "KA-01", "Sơn"), name: nameOf }),
    { minLength: 1, maxLength: 8 },
  );
  const variant = (t: string) =>
    fc.constantFrom(t, t.toUpperCase(), t.normalize("NFD"), `  ${t} `, `CLB ${t}`, t.slice(4));

  test("gives what the search over every club gives", () => {
    fc.assert(
      fc.property(
        clubsArb,
        fc.array(fc.oneof(nameOf, word), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (list, extra, seed) => {
          const clubs = list.map((c) => club(c.id, c.name));
          const texts = [...list.flatMap((c) => [c.name, c.id]), ...extra];
          const names = new ClubNames(clubs);
          for (const t of texts)
            fc.assert(
              fc.property(variant(t), (v) => {
                // Two copies of a text take the search over every club; one takes the index.
                expect(names.find([v])).toBe(names.find([v, v]));
              }),
              { numRuns: 6, seed },
            );
        },
      ),
      { numRuns: 150 },
    );
  });
});
