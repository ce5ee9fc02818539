import {
  encodingOfFont,
  fromTcvn3,
  fromVni,
  toTcvn3,
  toUnicode,
  toVni,
} from "../../../../src/core/text/legacy";

const SENTENCES = [
  "Nguyễn Thị Thuỷ",
  "Câu lạc bộ liên thế hệ tự giúp nhau xã Đức Giang",
  "Hộ nghèo, cận nghèo: 12 người (60%)",
  "Trần Văn Ẩn - Ủy ban nhân dân huyện Vũ Quang",
  "Quỹ hoạt động do câu lạc bộ tự quản lý theo quy chế",
];

describe("round trips", () => {
  it.each(SENTENCES)("VNI: %s", (s) => {
    expect(fromVni(toVni(s))).toBe(s);
  });

  it.each(SENTENCES.filter((s) => !/[ẨỦ]/u.test(s)))("TCVN3: %s", (s) => {
    expect(fromTcvn3(toTcvn3(s))).toBe(s);
  });

  it("TCVN3 brings capitals it lacks back in lower case", () => {
    expect(fromTcvn3(toTcvn3("Ủy ban"))).toBe("ủy ban");
  });

  it("accepts NFD input", () => {
    const s = "Nguyễn Thị Thuỷ";
    expect(toVni(s.normalize("NFD"))).toBe(toVni(s));
    expect(toTcvn3(s.normalize("NFD"))).toBe(toTcvn3(s));
  });

  it("encodes whole words as the fonts store them", () => {
    expect(toVni("Nguyễn Thị Thuỷ")).toBe("Nguyeãn Thò Thuyû");
    expect(toVni("Đức Giang")).toBe("Ñöùc Giang");
    expect(toTcvn3("Nguyễn Thị Thuỷ")).toBe("NguyÔn ThÞ Thuû");
    expect(toTcvn3("Đức Giang")).toBe("§øc Giang");
  });
});

describe("capital fonts", () => {
  it("show TCVN3 lower-case codes as capitals", () => {
    expect(fromTcvn3("danh s¸ch thµnh viªn", true)).toBe("DANH SÁCH THÀNH VIÊN");
    expect(toUnicode("héi ng­êi cao tuæi", { font: ".VnTimeH" })).toEqual({
      text: "HỘI NGƯỜI CAO TUỔI",
      converted: "tcvn3",
    });
    expect(toUnicode("héi ng­êi cao tuæi", { font: ".VnTime" }).text).toBe("hội người cao tuổi");
  });
});

describe("encodingOfFont", () => {
  it.each([
    [".VnTime", { encoding: "tcvn3", upper: false }],
    [".VnArial", { encoding: "tcvn3", upper: false }],
    [".VnArial Narrow", { encoding: "tcvn3", upper: false }],
    [".VnTimeH", { encoding: "tcvn3", upper: true }],
    [".VnArialH", { encoding: "tcvn3", upper: true }],
    ["  .vntimeh ", { encoding: "tcvn3", upper: true }],
    ["VNI-Times", { encoding: "vni", upper: false }],
    ["VNI-Helve", { encoding: "vni", upper: false }],
    ["vni-times", { encoding: "vni", upper: false }],
    ["Times New Roman", null],
    ["Arial", null],
    ["Calibri", null],
    ["", null],
    [".Vn", null],
    ["VNI", null],
  ] as const)("%j", (font, want) => {
    expect(encodingOfFont(font)).toEqual(want);
  });
});

describe("toUnicode", () => {
  it("converts by font", () => {
    expect(toUnicode("NguyÔn ThÞ Thuû", { font: ".VnTime" })).toEqual({
      text: "Nguyễn Thị Thuỷ",
      converted: "tcvn3",
    });
    expect(toUnicode("Nguyeãn Thò Thuyû", { font: "VNI-Times" })).toEqual({
      text: "Nguyễn Thị Thuỷ",
      converted: "vni",
    });
    // Windows-1252 punctuation (0x80-0x9F) does not make text Unicode.
    expect(toUnicode("Nguyªn – “Œ”", { font: ".VnTime" }).text).toBe("Nguyên – “Œ”");
    // Ambiguous without a font (also valid Unicode), settled by it.
    expect(toUnicode("Cã", { font: ".VnTime" })).toEqual({ text: "Có", converted: "tcvn3" });
    expect(toUnicode("Cã")).toEqual({ text: "Cã", converted: null });
  });

  it("detects without a font, or under a Unicode font", () => {
    expect(toUnicode("Khoâng")).toEqual({ text: "Không", converted: "vni" });
    expect(toUnicode("Kh«ng", { font: "Times New Roman" })).toEqual({
      text: "Không",
      converted: "tcvn3",
    });
  });

  it("reads detected TCVN3 in capitals as typed for a capital font", () => {
    expect(toTcvn3("HỘI NGƯỜI CAO TUỔI")).toBe("HéI NG¦êI CAO TUæI");
    expect(toUnicode("HéI NG¦êI CAO TUæI")).toEqual({
      text: "HỘI NGƯỜI CAO TUỔI",
      converted: "tcvn3",
    });
    expect(toUnicode("Hé nghÌo").text).toBe("Hộ nghèo");
    expect(toUnicode("Së L§-TB&XH").text).toBe("Sở LĐ-TB&XH");
    expect(toUnicode("X· §øC GIANG").text).toBe("XÃ ĐỨC GIANG");
  });

  it("leaves Unicode text alone whatever the font says, in NFC", () => {
    const s = "Nguyễn Thị Thuỷ";
    expect(toUnicode(s, { font: ".VnTime" })).toEqual({ text: s, converted: null });
    expect(toUnicode(s.normalize("NFD"), { font: "VNI-Times" })).toEqual({
      text: s,
      converted: null,
    });
    expect(toUnicode("Nam", { font: ".VnTime" })).toEqual({ text: "Nam", converted: null });
    expect(toUnicode("Café")).toEqual({ text: "Café", converted: null });
  });
});
