import { detectLegacy, toTcvn3, toVni } from "../../../../src/core/text/legacy";
import { isVietnameseSyllable } from "../../../../src/core/text/legacy/syllable";

/** Typical register strings: names, answers, categories, headers. */
const REGISTER = [
  "Nguyễn Thị Thuỷ",
  "Trần Văn Hùng",
  "Lê Thị Hương",
  "Phạm Đức Thắng",
  "Không",
  "Hộ nghèo",
  "Cận nghèo",
  "Người cao tuổi",
  "Họ và tên",
  "Nữ",
  "Đức Giang",
  "Câu lạc bộ liên thế hệ tự giúp nhau",
  "5.000.000 đồng",
  "Đơn vị",
  "Sở LĐ-TB&XH",
  "Mường Khương",
  "HỘI NGƯỜI CAO TUỔI XÃ ĐỨC GIANG",
];

describe("detectLegacy finds", () => {
  it.each(REGISTER)("VNI %s", (s) => {
    expect(detectLegacy(toVni(s))).toBe("vni");
  });

  it.each(REGISTER)("TCVN3 %s", (s) => {
    expect(detectLegacy(toTcvn3(s))).toBe("tcvn3");
  });

  it.each([
    ["Coù", "vni"],
    ["Hoä ngheøo", "vni"],
    ["Kh«ng", "tcvn3"],
    ["Hé nghÌo", "tcvn3"],
    ["B¸t X¸t", "tcvn3"],
    // TCVN3 "ư" is 0xAD, the soft hyphen.
    ["M\u00adêng Kh\u00ad¬ng", "tcvn3"],
  ] as const)("%s as %s", (s, want) => {
    expect(detectLegacy(s)).toBe(want);
  });
});

describe("detectLegacy leaves alone", () => {
  it.each([
    "",
    "Nguyen Van A",
    "TT",
    "Nam",
    "1955",
    "5.000.000",
    "Tổng cộng",
    "Nguyễn Thị Thuỷ",
    "Có",
    "Không",
    "Bà Hà",
    "Võ Thị Lý",
    "Hộ nghèo",
    "Café",
    "José",
    "Müller",
    "Noël",
    "Crème brûlée",
    "São Paulo",
    "naïve résumé",
    "°C",
    "50 m²",
    "«Không»",
  ])("%j", (s) => {
    expect(detectLegacy(s)).toBeNull();
    expect(detectLegacy(s.normalize("NFD"))).toBeNull();
  });

  it("leaves short words that read as valid both ways (TCVN3 Có is Cã)", () => {
    expect(toTcvn3("Có")).toBe("Cã");
    expect(detectLegacy("Cã")).toBeNull();
  });
});

describe("isVietnameseSyllable", () => {
  it.each([
    "Nguyễn", "Thuỷ", "Thủy", "Hoà", "Hòa", "khoẻ", "người", "khuya", "huỳnh", "quốc", "giữa",
    "gì", "yêu", "Đức", "ĐỨC", "oanh", "tuyết",
  ])("accepts %s", (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  }); // prettier-ignore

  it.each([
    "", "Café", "Müller", "nghìo", "Ñôn", "nghÌo", "Nguyeãn", "Kh«ng", "khơng", "ốá", "TT", "Josộ",
  ])("rejects %s", (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  }); // prettier-ignore
});

describe("detectLegacy on generated full names", () => {
  const family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Hồ", "Lý"];
  const middle = ["Thị", "Văn", "Đình", "Hữu", "Xuân", "Minh", "Quang", "Đức", "Ngọc"];
  const given = ["Hùng", "Hương", "Lan", "Thuỷ", "Hoà", "Tuấn", "Dũng", "Hà", "Sơn", "Phúc", "Lộc"];
  const names = family.flatMap((f) => middle.flatMap((m) => given.map((g) => `${f} ${m} ${g}`)));

  it("never flags the Unicode names", () => {
    expect(names.filter((n) => detectLegacy(n) !== null)).toEqual([]);
  });

  it("never picks the wrong encoding, and finds nearly all (the rest read validly both ways)", () => {
    const vni = names.map((n) => detectLegacy(toVni(n)));
    const tcvn3 = names.map((n) => detectLegacy(toTcvn3(n)));
    expect(vni.filter((e) => e === "tcvn3")).toEqual([]);
    expect(tcvn3.filter((e) => e === "vni")).toEqual([]);
    expect(vni.filter((e) => e === "vni").length).toBeGreaterThan(names.length * 0.95);
    expect(tcvn3.filter((e) => e === "tcvn3").length).toBeGreaterThan(names.length * 0.95);
    // "Lý Minh Lan" is the same string in TCVN3 (ý is 0xFD in both): nothing to detect.
    expect(toTcvn3("Lý Minh Lan")).toBe("Lý Minh Lan");
  });
});
