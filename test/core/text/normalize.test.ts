import { cleanText, foldDiacritics, headerKey, nameKey } from "../../../src/core/text/normalize";

const nfd = (s: string): string => s.normalize("NFD");

describe("cleanText", () => {
  it.each([
    [undefined, ""],
    [null, ""],
    ["", ""],
    [5, "5"],
    [5.0, "5"],
    [-0, "0"],
    [1955, "1955"],
    [2.5, "2.5"],
    [0.1 + 0.2, "0.3"],
    [true, "TRUE"],
    [false, "FALSE"],
    ["  Nguyễn   Văn  A  ", "Nguyễn Văn A"],
    ["Nguyễn\u00A0Văn\u2003A", "Nguyễn Văn A"],
    ["dòng 1\ndòng 2\r\n", "dòng 1 dòng 2"],
    ["\u3000\uFEFFx\u202F", "x"],
    ["Ng\u200Buyễn", "Nguyễn"],
  ] as const)("%p -> %p", (v, want) => {
    expect(cleanText(v)).toBe(want);
  });

  it("recomposes NFD text", () => {
    const typed = nfd("Nguyễn Thị Hồng");
    expect(typed).not.toBe("Nguyễn Thị Hồng");
    expect(cleanText(typed)).toBe("Nguyễn Thị Hồng");
  });

  it("removes an invisible char that splits a letter from its mark", () => {
    expect(cleanText("e\u200B\u0301")).toBe("é");
  });
});

describe("headerKey", () => {
  it.each([
    ["Họ và tên", "họ và tên"],
    ["HỌ VÀ TÊN", "họ và tên"],
    ["Họ và tên:", "họ và tên"],
    ["Họ và tên *", "họ và tên"],
    ["Họ và tên (*):", "họ và tên"],
    ["ĐƠN VỊ", "đơn vị"],
    ["Huyện / Thị xã / Thành phố", "huyện/thị xã/thành phố"],
    ["Huyện/Thị xã/Thành phố", "huyện/thị xã/thành phố"],
    ["Văn hóa - thể thao", "văn hóa-thể thao"],
    ["Văn hóa – thể thao", "văn hóa-thể thao"],
    ["Quỹ hoạt động ( đồng )", "quỹ hoạt động (đồng)"],
    ["  Năm\u00A0sinh  ", "năm sinh"],
  ])("%p -> %p", (s, want) => {
    expect(headerKey(s)).toBe(want);
  });

  it("matches NFD headers", () => {
    expect(headerKey(nfd("Giới tính"))).toBe(headerKey("Giới tính"));
  });
});

describe("nameKey", () => {
  it.each([
    ["Hòa", "Hoà"],
    ["Thủy", "Thuỷ"],
    ["Khỏa", "Khoả"],
    ["Nguyễn Thị Hòa", "nguyễn  thị   hoà"],
    ["Thúy", "THUÝ"],
    ["Đặng Văn Thụy", "ĐẶNG VĂN THUỴ"],
    ["Nguyễn Thị Hòa", nfd("Nguyễn Thị Hoà")],
    ["Hòa-Bình", "Hoà-Bình"],
    ["Ðức", "Đức"],
  ])("%p = %p", (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ["Hòa", "Hóa"],
    ["Hòa", "Hoa"],
    ["Hoa", "Hơa"],
    ["Hoa", "Hoă"],
    ["Hồ", "Hổ"],
    ["Đức", "Dức"],
    ["Hòa Bình", "Hoa Bình"],
    // Tones stay with their syllable, across a hyphen too.
    ["Hòa-Binh", "Hoa-Bình"],
    ["Nguyễn Văn A", "Nguyễn Văn B"],
  ])("%p != %p", (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it("is blank for blank input", () => {
    expect(nameKey(" \u00A0 ")).toBe("");
  });
});

describe("foldDiacritics", () => {
  it.each([
    ["Không", "khong"],
    ["KHÔNG", "khong"],
    ["Đạt", "dat"],
    [nfd("Nữ"), "nu"],
    ["Dân tộc thiểu số", "dan toc thieu so"],
    ["  Ðang  hoạt động ", "dang hoat dong"],
  ])("%p -> %p", (s, want) => {
    expect(foldDiacritics(s)).toBe(want);
  });
});
