import fc from "fast-check";
import {
  cleanText,
  foldDiacritics,
  headerKey,
  isBlank,
  nameKey,
} from "../../../src/core/text/normalize";

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

describe("isBlank", () => {
  // Every character below U+2000 and the spaces above it, alone or before a letter, a space or
  // an invisible character: the fast path by first character must agree with cleaning.
  const EXOTIC = [0x2000, 0x200a, 0x200b, 0x200d, 0x2028, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff];
  const firsts = [...Array.from({ length: 0x2000 }, (_, c) => c), ...EXOTIC].map((c) =>
    String.fromCharCode(c),
  );

  it.each(["", "a", " ", "\u200B", "\u0301"])(
    "agrees with cleanText for each first character, then %j",
    (rest) => {
      const disagree = firsts
        .map((f) => f + rest)
        .filter((s) => isBlank(s) !== (cleanText(s) === ""));
      expect(disagree).toEqual([]);
    },
  );

  it("agrees with cleanText on any value", () => {
    const value = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({
        unit: fc.constantFrom(" ", "\u00A0", "\u200B", "\u00AD", "\u180E", "\t", "x", "Đ"),
      }),
      fc.double(),
      fc.boolean(),
      fc.constantFrom(null, undefined),
    );
    fc.assert(
      fc.property(value, (v) => expect(isBlank(v)).toBe(cleanText(v) === "")),
      { numRuns: 2000 },
    );
  });

  it.each([
    [undefined, true],
    [null, true],
    ["", true],
    [" \u00A0\u200B ", true],
    [0, false],
    [false, false],
    ["Nguyễn", false],
    ["\u1680x", false],
  ])("%j is blank: %s", (v, blank) => expect(isBlank(v)).toBe(blank));
});
