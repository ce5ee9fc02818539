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
