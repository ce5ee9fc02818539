import { HA_TINH_ROADMAP } from "../../../src/core/roadmap/ha-tinh";
import { matchUnit, parseUnit, UnitKind } from "../../../src/core/text/units";
import { nameKey } from "../../../src/core/text/normalize";

const HA_TINH = HA_TINH_ROADMAP.map((r) => r.unit);

describe("parseUnit", () => {
  it.each<[string, UnitKind, string]>([
    ["Huyện Vũ Quang", "huyen", "Vũ Quang"],
    ["huyện vũ quang", "huyen", "Vũ Quang"],
    ["HUYỆN VŨ QUANG", "huyen", "Vũ Quang"],
    ["Huyen Vu Quang", "huyen", "Vu Quang"],
    ["H. Vũ Quang", "huyen", "Vũ Quang"],
    ["H.Vũ Quang", "huyen", "Vũ Quang"],
    ["H Vũ Quang", "huyen", "Vũ Quang"],
    ["Thị xã Kỳ Anh", "thixa", "Kỳ Anh"],
    ["Thị Xã Kỳ Anh", "thixa", "Kỳ Anh"],
    ["TX Kỳ Anh", "thixa", "Kỳ Anh"],
    ["TX. Kỳ Anh", "thixa", "Kỳ Anh"],
    ["TX.Kỳ Anh", "thixa", "Kỳ Anh"],
    ["T.X. Kỳ Anh", "thixa", "Kỳ Anh"],
    ["tx kỳ anh", "thixa", "Kỳ Anh"],
    ["Thành phố Hà Tĩnh", "thanhpho", "Hà Tĩnh"],
    ["TP Hà Tĩnh", "thanhpho", "Hà Tĩnh"],
    ["TP.Hà Tĩnh", "thanhpho", "Hà Tĩnh"],
    ["T.P. Hà Tĩnh", "thanhpho", "Hà Tĩnh"],
    ["Tp. Hà Tĩnh", "thanhpho", "Hà Tĩnh"],
    ["Quận Ba Đình", "quan", "Ba Đình"],
    ["Q. Ba Đình", "quan", "Ba Đình"],
    // No prefix: names that merely start like one keep their first letters.
    ["Hương Sơn", null, "Hương Sơn"],
    ["Hà Tĩnh", null, "Hà Tĩnh"],
    ["Hồng Lĩnh", null, "Hồng Lĩnh"],
    ["Thạch Hà", null, "Thạch Hà"],
    ["Quan Hóa", null, "Quan Hóa"],
    ["Huyện", null, "Huyện"],
    ["H.", null, "H."],
  ])("%p -> %p %p", (s, kind, base) => {
    expect(parseUnit(s)).toEqual({ kind, base: nameKey(base) });
  });

  it("reads NFD and old tone placement", () => {
    expect(parseUnit("Huyện Kỳ Anh".normalize("NFD"))).toEqual(parseUnit("Huyện Kỳ Anh"));
    expect(parseUnit("Huyện Quỳnh Lưu").base).toBe(nameKey("Quỳnh Lưu"));
  });

  it("keeps the prefix in the name when it is misspelled", () => {
    expect(parseUnit("Huyên Vũ Quang").kind).toBeNull();
  });
});

describe("matchUnit (Hà Tĩnh)", () => {
  it.each([
    ["Huyện Vũ Quang", "Huyện Vũ Quang"],
    ["huyện  vũ quang", "Huyện Vũ Quang"],
    ["Huyện Vũ Quang".normalize("NFD"), "Huyện Vũ Quang"],
    ["H. Vũ Quang", "Huyện Vũ Quang"],
    ["TX Kỳ Anh", "Thị xã Kỳ Anh"],
    ["H.Kỳ Anh", "Huyện Kỳ Anh"],
    ["TP Hà Tĩnh", "Thành phố Hà Tĩnh"],
  ])("%p -> %p, not loose", (input, want) => {
    expect(matchUnit(input, HA_TINH)).toMatchObject({ match: want, loose: false });
  });

  it.each([
    ["Vũ Quang", "Huyện Vũ Quang"],
    ["Hương Sơn", "Huyện Hương Sơn"],
    ["Hà Tĩnh", "Thành phố Hà Tĩnh"],
    ["Hồng Lĩnh", "Thị xã Hồng Lĩnh"],
    // Wrong prefix kind, but only one unit of that name.
    ["Huyện Hồng Lĩnh", "Thị xã Hồng Lĩnh"],
    ["TX Vũ Quang", "Huyện Vũ Quang"],
    // Typed without diacritics.
    ["Vu Quang", "Huyện Vũ Quang"],
    ["huyen vu quang", "Huyện Vũ Quang"],
  ])("%p -> %p, loose", (input, want) => {
    expect(matchUnit(input, HA_TINH)).toEqual({ match: want, loose: true, candidates: [want] });
  });

  it.each(["Kỳ Anh", "Kì Anh", "Ky Anh", "Quận Kỳ Anh"])("%p is ambiguous", (input) => {
    expect(matchUnit(input, HA_TINH)).toEqual({
      match: null,
      loose: false,
      candidates: ["Huyện Kỳ Anh", "Thị xã Kỳ Anh"],
    });
  });

  it("spells Kỳ Anh with i after the prefix", () => {
    expect(matchUnit("Thị xã Kì Anh", HA_TINH)).toMatchObject({ match: "Thị xã Kỳ Anh" });
  });

  it.each(["", "  ", "Hà Nội", "Huyện Vũ Quang Bắc"])("%p matches nothing", (input) => {
    expect(matchUnit(input, HA_TINH)).toEqual({ match: null, loose: false, candidates: [] });
  });

  it("does not fold diacritics the input has", () => {
    expect(matchUnit("Vú Quang", HA_TINH).match).toBeNull();
  });

  it("treats two spellings of one unit as one", () => {
    const known = ["Huyện Vũ Quang", "H. Vũ Quang"];
    expect(matchUnit("Huyện Vũ Quang", known).match).toBe("Huyện Vũ Quang");
    expect(matchUnit("Vũ Quang", known)).toEqual({
      match: "Huyện Vũ Quang",
      loose: true,
      candidates: known,
    });
  });

  it("matches known names that have no prefix", () => {
    expect(matchUnit("Huyện Vũ Quang", ["Vũ Quang"])).toEqual({
      match: "Vũ Quang",
      loose: true,
      candidates: ["Vũ Quang"],
    });
  });
});
