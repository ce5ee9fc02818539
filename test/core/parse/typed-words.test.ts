import { parseHardship, parseSex, parseStatus, parseYesNo } from "../../../src/core/parse/values";
import { foldDiacritics } from "../../../src/core/text/normalize";

/** A word as typed: as written, in capitals, decomposed (NFD), and without a Vietnamese keyboard. */
const typings = (w: string): string[] => [
  w,
  w.toUpperCase(),
  w.toLowerCase(),
  w.normalize("NFD"),
  foldDiacritics(w),
  foldDiacritics(w).toUpperCase(),
];

const YES = ["Đã có", "Có rồi", "Đã", "Rồi", "Đạt", "Tốt", "Đã ban hành", "Đã xây dựng"];
const NO = [
  "Chưa có",
  "Chưa",
  "Không có",
  "Chưa đạt",
  "Chưa ban hành",
  "Chưa xây dựng",
  "Chưa tốt",
  "Không tốt",
];
const OLD_YES = ["Có", "C", "x", "✓", "✔", "☑", "1", "Yes", "Y", "True"];
const OLD_NO = ["Không", "K", "Ko", "0", "No", "N", "False", "-", "☐", "Không đạt"];

describe("parseYesNo: the words officials type", () => {
  it.each(YES.flatMap(typings))("%p is yes", (v) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: true });
  });

  it.each(NO.flatMap(typings))("%p is no", (v) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: false });
  });

  it.each(OLD_YES)("the old word %p is still yes", (v) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: true });
  });

  it.each(OLD_NO)("the old word %p is still no", (v) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: false });
  });

  it.each([" Đã  có ", "đã có\u00A0", "Đã có".normalize("NFD")])(
    "%p with odd spaces or forms is yes",
    (v) => {
      expect(parseYesNo(v)).toEqual({ ok: true, value: true });
    },
  );

  // Strict: a wrong mark is another word ("Chùa" is a pagoda, "Dã" is wild), not a yes or a no.
  it.each(["Chùa", "Dã", "Rối", "Tột", "Đá", "Chưa có lẽ", "Tốt lắm", "Đã có?"])(
    "%p is an error",
    (v) => {
      const r = parseYesNo(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.expected.vi).toContain("Có hoặc Không");
    },
  );

  // No word of the yes/no vocabulary means something in the sex or status vocabularies.
  it.each([...YES, ...NO])("%p is neither a sex nor a club status", (v) => {
    expect(parseSex(v).ok).toBe(false);
    expect(parseStatus(v).ok).toBe(false);
  });

  it.each([
    "Nam",
    "Nữ",
    "Nu",
    "M",
    "F",
    "Male",
    "Đang hoạt động",
    "Hoạt động",
    "Ngừng hoạt động",
    "Không hoạt động",
    "Đã giải thể",
    "Tạm ngừng",
  ])("the sex or status word %p is not a yes/no", (v) => {
    expect(parseYesNo(v).ok).toBe(false);
  });
});

describe("parseHardship: descriptions under 'Hoàn cảnh khó khăn (ghi rõ)'", () => {
  const cases: Array<[string, string]> = [
    ["Khuyết tật vận động", "Khuyết tật"],
    ["KT nặng", "Khuyết tật"],
    ["Người tàn tật", "Khuyết tật"],
    ["Dân tộc Chứt", "DTTS"],
    ["Người DTTS", "DTTS"],
    ["Người dân tộc Mường", "DTTS"],
    ["NCT neo đơn", "Neo đơn"],
    ["Người già neo đơn", "Neo đơn"],
    ["Người già cô đơn", "Neo đơn"],
    ["Người già không nơi nương tựa", "Neo đơn"],
    ["Không có nơi nương tựa", "Neo đơn"],
    ["Hộ nghèo năm 2025", "Hộ nghèo"],
    ["Thuộc hộ nghèo", "Hộ nghèo"],
    ["Cận nghèo (2024)", "Cận nghèo"],
    ["Thuộc hộ cận nghèo năm 2024", "Cận nghèo"],
    ["Ốm đau thường xuyên", "Khác"],
    ["Gia đình chính sách", "Khác"],
    ["Gia đình khó khăn", "Khác"],
    ["Bệnh hiểm nghèo", "Khác"],
    ["Mắc bệnh hiểm nghèo", "Khác"],
    ["Hộ mới thoát nghèo", "Khác"],
    // The first category named gives the answer; words that deny hardship give way to one.
    ["Hộ nghèo, bệnh hiểm nghèo", "Hộ nghèo"],
    ["Khuyết tật vận động, hộ nghèo", "Khuyết tật"],
    ["KT nặng + NCT neo đơn", "Khuyết tật"],
    ["Dân tộc Kinh thuộc hộ nghèo", "Hộ nghèo"],
    ["Khuyết tật không đi lại được", "Khuyết tật"],
  ];
  const typed = cases.flatMap(([v, want]) => typings(v).map((t) => [t, want] as [string, string]));

  it.each(typed)("%p -> %p", (v, want) => {
    expect(parseHardship(v)).toEqual({ ok: true, value: want });
  });

  // Unchanged: the "no hardship" words, numbers and single marks.
  it.each([undefined, null, "", " ", "Không", "KHONG", "không có", "-", "0", 0, "Không khó khăn"])(
    "%p is no hardship",
    (v) => {
      expect(parseHardship(v)).toEqual({ ok: true, value: null });
    },
  );

  // One word is a description only with its Vietnamese marks: "om" could be anything.
  it.each(["Ốm", "ỐM", "Góa"])("the single marked word %p is Khác", (v) => {
    expect(parseHardship(v)).toEqual({ ok: true, value: "Khác" });
  });

  it.each(["x", "X", "1", 1, "Có", "co", "Khác"])("the mark %p is still Khác", (v) => {
    expect(parseHardship(v)).toEqual({ ok: true, value: "Khác" });
  });

  it.each([
    // As before: unknown short text, numbers other than 0/1, other marks, booleans.
    "abc",
    "a",
    "om",
    "2",
    2,
    1.5,
    "✓",
    true,
    ",",
    "Hộ nghèo, abc",
    // Words that deny hardship, alone.
    "Hộ giàu",
    "Hộ khá",
    "Dân tộc Kinh",
    "Dân tộc Kinh, hộ nghèo", // a list is read only when each of its parts is
    // A negation before anything is named may deny it.
    "Không nghèo",
    "Không thuộc hộ nghèo",
    "Chưa phải DTTS",
    "Không thuộc diện khó khăn",
    // Yes/no words describe nothing in a hardship column.
    "Tốt",
    "Đạt",
    "Rồi",
    "Đã có",
    "Chưa có",
    "Đã ban hành",
  ])("%p is an error listing the categories", (v) => {
    const r = parseHardship(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.expected.vi).toContain("Khuyết tật");
  });

  it("reads a repeated description the same way every time", () => {
    for (let i = 0; i < 3; i++) {
      expect(parseHardship("KT nặng")).toEqual({ ok: true, value: "Khuyết tật" });
      expect(parseHardship("Hộ giàu").ok).toBe(false);
    }
  });
});
