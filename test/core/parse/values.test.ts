import { parseSex, parseYesNo } from "../../../src/core/parse/values";

const nfd = (s: string): string => s.normalize("NFD");
const BLANKS = [undefined, null, "", "  ", "\u00A0", "\u200B"];

describe("parseSex", () => {
  it.each(BLANKS)("blank %p is null", (v) => {
    expect(parseSex(v)).toEqual({ ok: true, value: null });
  });

  it.each([
    "Nam",
    "nam",
    "NAM",
    " Nam ",
    "M",
    "m",
    "Male",
    "male",
    "nam giới",
    "Nam Giới",
    "nam gioi",
  ])("%p is male", (v) => {
    expect(parseSex(v)).toEqual({ ok: true, value: "M" });
  });

  it.each([
    "Nữ",
    "nữ",
    "NỮ",
    nfd("Nữ"),
    nfd("NỮ"),
    "Nu",
    "nu",
    "NU",
    "F",
    "f",
    "Female",
    "nữ giới",
    "nu gioi",
  ])("%p is female", (v) => {
    expect(parseSex(v)).toEqual({ ok: true, value: "F" });
  });

  it.each(["x", "X", true, "Năm", "Nứ", "Nũ", "abc", "Nam/Nữ"])("%p is an error", (v) => {
    expect(parseSex(v)).toEqual({
      ok: false,
      expected: { vi: "Nam hoặc Nữ", en: "Nam (male) or Nữ (female)" },
    });
  });

  it.each([1, 0, 2, "1", "0"])("a bare number %p is an error that says how to code it", (v) => {
    const r = parseSex(v);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.expected.vi).toContain('ghi mã vào tiêu đề cột, vd. "Giới tính (1=Nam, 0=Nữ)"');
    expect(r.expected.en).toContain('put their code in its header, e.g. "Giới tính (1=Nam, 0=Nữ)"');
  });
});

describe("parseYesNo", () => {
  it.each(BLANKS)("blank %p is null", (v) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: null });
  });

  it.each([
    "Có",
    "có",
    "CÓ",
    nfd("Có"),
    "co",
    "Co",
    "C",
    "c",
    "x",
    "X",
    " x ",
    "✓",
    "✔",
    "1",
    1,
    true,
    "Yes",
    "yes",
    "Y",
    "Đạt",
    "đạt",
    "Dat",
  ])("%p is yes", (v) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: true });
  });

  it.each([
    "Không",
    "không",
    "KHÔNG",
    nfd("Không"),
    "khong",
    "Khong",
    "K",
    "k",
    "Ko",
    "0",
    0,
    false,
    "No",
    "no",
    "N",
    "-",
    "Không đạt",
  ])("%p is no", (v) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: false });
  });

  it.each(["Cô", "Cố", "Khống", "có lẽ", "2", 2, 0.5, -1, Number.NaN, "xx"])(
    "%p is an error",
    (v) => {
      const r = parseYesNo(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.expected.vi).toContain("Có hoặc Không");
    },
  );
});
