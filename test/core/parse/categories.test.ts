import { HARDSHIP_CATEGORIES, parseHardship, parseStatus } from "../../../src/core/parse/values";

const nfd = (s: string): string => s.normalize("NFD");

describe("parseStatus", () => {
  it.each([undefined, null, "", " "])("blank %p is null", (v) => {
    expect(parseStatus(v)).toEqual({ ok: true, value: null });
  });

  it.each([
    "Đang hoạt động",
    "đang hoạt động",
    "ĐANG HOẠT ĐỘNG",
    nfd("Đang hoạt động"),
    "Dang hoat dong",
    "Hoạt động",
    "Active",
    "active",
  ])("%p is active", (v) => {
    expect(parseStatus(v)).toEqual({ ok: true, value: "active" });
  });

  it.each([
    "Ngừng hoạt động",
    "ngung hoat dong",
    "Giải thể",
    "GIẢI THỂ",
    "giai the",
    "Tạm ngừng",
    nfd("Tạm ngừng"),
    "Closed",
    "Dissolved",
    "Đã giải thể",
  ])("%p is closed", (v) => {
    expect(parseStatus(v)).toEqual({ ok: true, value: "closed" });
  });

  it.each(["abc", 1, true, "Có"])("%p is an error", (v) => {
    const r = parseStatus(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.expected.vi).toContain("Đang hoạt động");
  });
});

describe("parseHardship", () => {
  it.each([undefined, null, "", " ", "Không", "không có", "-", "0"])("%p is no hardship", (v) => {
    expect(parseHardship(v)).toEqual({ ok: true, value: null });
  });

  it.each([
    ["Hộ nghèo", "Hộ nghèo"],
    ["hộ nghèo", "Hộ nghèo"],
    ["nghèo", "Hộ nghèo"],
    ["HN", "Hộ nghèo"],
    ["ho ngheo", "Hộ nghèo"],
    [nfd("Hộ nghèo"), "Hộ nghèo"],
    ["Cận nghèo", "Cận nghèo"],
    ["cận nghèo", "Cận nghèo"],
    ["CN", "Cận nghèo"],
    ["hộ cận nghèo", "Cận nghèo"],
    ["DTTS", "DTTS"],
    ["dtts", "DTTS"],
    ["dân tộc thiểu số", "DTTS"],
    ["Neo đơn", "Neo đơn"],
    ["neo don", "Neo đơn"],
    ["cô đơn", "Neo đơn"],
    ["Cô đơn không nơi nương tựa", "Neo đơn"],
    ["Khuyết tật", "Khuyết tật"],
    ["khuyết tật", "Khuyết tật"],
    ["KT", "Khuyết tật"],
    ["Khác", "Khác"],
    ["khác", "Khác"],
    ["x", "Khác"],
    ["X", "Khác"],
    ["Có", "Khác"],
    // Lists of known categories give the first one.
    ["Hộ nghèo, khuyết tật", "Hộ nghèo"],
    ["HN + KT", "Hộ nghèo"],
    ["DTTS và neo đơn", "DTTS"],
    ["Không, Cận nghèo", "Cận nghèo"],
  ])("%p -> %p", (v, want) => {
    expect(parseHardship(v)).toEqual({ ok: true, value: want });
  });

  it("normalises to the six categories only", () => {
    expect(HARDSHIP_CATEGORIES).toEqual([
      "Hộ nghèo",
      "Cận nghèo",
      "DTTS",
      "Neo đơn",
      "Khuyết tật",
      "Khác",
    ]);
  });

  it.each(["abc", "Hộ giàu", "Hộ nghèo, abc", 2, true, ","])(
    "%p is an error listing the categories",
    (v) => {
      const r = parseHardship(v);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        for (const c of HARDSHIP_CATEGORIES) expect(r.expected.vi).toContain(c);
        expect(r.expected.en).toContain("near-poor");
      }
    },
  );
});
