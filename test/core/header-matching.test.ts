import { fieldsNamedBy } from "../../src/core/read/header-lookup";
import { headersMarkdown } from "../../src/core/sheets/header-docs";
import { readmeRegion, tableRows } from "../helpers/readme-region";
import { noteDate, splitHeader, unitScale } from "../../src/core/read/header-text";
import {
  CLUBS_SPEC,
  FUNDS_SPEC,
  MEMBERS_SPEC,
  ROADMAP_SPEC,
  SHEET_SPECS,
  SheetSpec,
} from "../../src/core/sheets/specs";
import { foldDiacritics } from "../../src/core/text/normalize";

/** Headers as officials type them, and the field each must name. */
const keyOf = (spec: SheetSpec, text: string) => fieldsNamedBy(spec, text).map((f) => f.key);

describe("a header's words, its notes and what the notes mean", () => {
  test.each([
    ["Vay vốn (đồng)", "Vay vốn", ["đồng"]],
    ["Giới tính (1: Nam, 2: Nữ)", "Giới tính", ["1: Nam, 2: Nữ"]],
    ["Hoàn cảnh khó khăn [ghi rõ]", "Hoàn cảnh khó khăn", ["ghi rõ"]],
    ["Quỹ (triệu đồng) hoạt động", "Quỹ hoạt động", ["triệu đồng"]],
    ["Họ và tên", "Họ và tên", []],
  ])("%p", (text, base, notes) => {
    expect(splitHeader(text)).toEqual({ base, notes });
  });

  test.each([
    ["triệu đồng", 1_000_000],
    ["Triệu đ", 1_000_000],
    ["tr.đ", 1_000_000],
    ["trieu dong", 1_000_000],
    ["nghìn đồng", 1_000],
    ["ngàn đ", 1_000],
    ["1.000đ", 1_000],
    ["1000 đồng", 1_000],
    ["đồng", 1],
    ["VNĐ", 1],
    ["đ", 1],
    ["ghi rõ", null],
    ["Nam/Nữ", null],
    ["1: Nam, 2: Nữ", null],
  ])("the unit of (%s) multiplies by %p", (note, scale) => {
    expect(unitScale(note)).toBe(scale);
  });

  test.each([
    ["tính đến 31/12/2024", { year: 2024, month: 12, day: 31 }],
    ["tinh den 30/06/2025", { year: 2025, month: 6, day: 30 }],
    ["đến ngày 01/01/2025", { year: 2025, month: 1, day: 1 }],
    ["năm 2024", { year: 2024, month: 12, day: 31 }],
    ["2023", { year: 2023, month: 12, day: 31 }],
    ["ghi rõ", null],
  ])("the date of (%s)", (note, date) => {
    expect(noteDate(note)).toEqual(date);
  });
});

describe("headers as people type them name their field", () => {
  test.each([
    // Notes in brackets, ignored for matching.
    [MEMBERS_SPEC, "Vay vốn (đồng)", "borrowed"],
    [MEMBERS_SPEC, "Giới tính (Nam/Nữ)", "sex"],
    [MEMBERS_SPEC, "Năm sinh (dương lịch)", "birth"],
    [MEMBERS_SPEC, "Hoàn cảnh khó khăn (ghi rõ)", "hardship"],
    [FUNDS_SPEC, "Quỹ hoạt động (triệu đồng)", "operatingFund"],
    // Without accents, in capitals.
    [MEMBERS_SPEC, "Ma CLB", "clubId"],
    [MEMBERS_SPEC, "Ho va ten", "name"],
    [MEMBERS_SPEC, "GIOI TINH", "sex"],
    [MEMBERS_SPEC, "Nam sinh", "birth"],
    [MEMBERS_SPEC, "Duoc vay von", "borrowed"],
    [FUNDS_SPEC, "Quy che quan ly quy", "regulation"],
    [FUNDS_SPEC, "Quy hoat dong (trieu dong)", "operatingFund"],
    [CLUBS_SPEC, "Nam thanh lap", "founded"],
    [CLUBS_SPEC, "Van hoa - the thao", "act7"],
    // Extra words after the header.
    [MEMBERS_SPEC, "Họ và tên thành viên", "name"],
    [MEMBERS_SPEC, "Năm sinh của thành viên", "birth"],
    [MEMBERS_SPEC, "Số tiền được vay (đồng)", "borrowed"],
    // Synonyms met in real forms.
    [MEMBERS_SPEC, "Ngày ra khỏi CLB", "left"],
    [MEMBERS_SPEC, "Ngày rời CLB", "left"],
    [MEMBERS_SPEC, "Ngày chuyển đi", "left"],
    [MEMBERS_SPEC, "Ngày kết nạp", "joined"],
    // Notes, read for departures where there is no leave-date column.
    [MEMBERS_SPEC, "Ghi chú", "leaveNote"],
    [MEMBERS_SPEC, "Ngày vào CLB", "joined"],
    [MEMBERS_SPEC, "Tuổi", "age"],
    [MEMBERS_SPEC, "Tuổi (tính đến 31/12/2024)", "age"],
    [MEMBERS_SPEC, "Mã số CLB", "clubId"],
    [CLUBS_SPEC, "Thời gian thành lập", "founded"],
    [CLUBS_SPEC, "Ngày thành lập", "founded"],
    [ROADMAP_SPEC, "Năm 2021", "y2021"],
    [ROADMAP_SPEC, "Nam 2022", "y2022"],
  ] as const)("%#: %p", (spec, text, key) => {
    expect(keyOf(spec, text)).toContain(key);
  });

  test.each([
    // One-word headers do not begin longer ones: "Năm vào Hội" is no sex mark, "Tuổi Đảng" no age.
    [MEMBERS_SPEC, "Nam vao Hoi"],
    [MEMBERS_SPEC, "Tuổi Đảng"],
    [MEMBERS_SPEC, "Dân tộc"],
    [MEMBERS_SPEC, "(ghi chú)"],
    [CLUBS_SPEC, "Chủ nhiệm CLB"],
  ] as const)("%#: %p names no field", (spec, text) => {
    expect(keyOf(spec, text)).toEqual([]);
  });

  test("folding never makes two fields of a sheet meet, except the layouts' shared Nam / Nữ", () => {
    for (const spec of SHEET_SPECS) {
      const owners = new Map<string, Set<string>>();
      const fields = [...spec.fields, ...(spec.layouts ?? []).flatMap((l) => l.fields)];
      for (const f of fields)
        for (const name of [f.header, ...f.synonyms]) {
          const k = foldDiacritics(name);
          owners.set(k, (owners.get(k) ?? new Set()).add(f.key));
        }
      const shared = [...owners].filter(([, keys]) => keys.size > 1).map(([k]) => k);
      expect(shared.sort()).toEqual(spec.role === "members" ? ["female", "male", "nam", "nu"] : []);
    }
  });
});

test("docs/workbook-format.md lists every field's headers as the specs do (`npm run docs`)", () => {
  const region = readmeRegion("headers", "docs/workbook-format.md");
  expect(region).not.toBeNull();
  expect(tableRows(region!)).toEqual(tableRows(headersMarkdown()));
  expect(tableRows(region!).length).toBeGreaterThan(40);
});
