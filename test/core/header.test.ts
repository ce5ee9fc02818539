import { findHeader } from "../../src/core/read/header";
import { InputError } from "../../src/core/model/errors";
import { MEMBERS_SPEC } from "../../src/core/sheets/specs";
import { runCheck } from "../../src/core/check/run-check";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { club, clubsSheet, fund, fundsSheet, members } from "../helpers/registers";

describe("finding the header", () => {
  test("below title rows, in any column order, with synonyms, case and NFD, extra columns ignored", () => {
    const sheet = {
      name: "Danh sách thành viên",
      rows: [
        ["HỘI NGƯỜI CAO TUỔI XÃ ĐỨC GIANG"],
        ["DANH SÁCH THÀNH VIÊN CLB LIÊN THẾ HỆ TỰ GIÚP NHAU"],
        undefined,
        ["TT", "HỌ TÊN", "Dân tộc", "Năm sinh".normalize("NFD"), "giới tính", "Vay vốn", "Mã CLB"],
        [1, "Nguyễn Thị Hoa", "", 1950, "Nữ", "Có", "C1"],
      ],
    };
    const h = findHeader(sheet, MEMBERS_SPEC);
    expect(h.dataRow0).toBe(4);
    expect(Object.fromEntries(h.columns)).toEqual({
      name: 1,
      birth: 3,
      sex: 4,
      borrowed: 5,
      clubId: 6,
    });
  });

  test("a missing required column is an error naming the sheet and the column", () => {
    const sheet = { name: "Thành viên", rows: [["Mã CLB", "Họ và tên", "Năm sinh", "Vay vốn"]] };
    expect(() => findHeader(sheet, MEMBERS_SPEC)).toThrow(InputError);
    try {
      findHeader(sheet, MEMBERS_SPEC);
    } catch (e) {
      expect((e as InputError).code).toBe("missing-column");
      expect((e as InputError).text.vi).toContain('Sheet "Thành viên"');
      expect((e as InputError).text.en).toContain('"Giới tính"');
    }
  });

  test("no header at all is a clear error", () => {
    const sheet = {
      name: "Thành viên",
      rows: [
        ["a", "b"],
        [1, 2],
      ],
    };
    expect(() => findHeader(sheet, MEMBERS_SPEC)).toThrow(/no header row found/);
  });

  test("total rows and blank rows inside the table are skipped, not counted", () => {
    const rows = members("C1", 50, 33, 32, 27);
    const sheet = {
      name: "Thành viên",
      rows: [
        ["Mã CLB", "Họ và tên", "Giới tính", "Năm sinh", "Được vay vốn"],
        ...rows.slice(0, 20).map((m) => [m.clubId, m.name, m.sex, m.birth, m.borrowed]),
        [],
        ...rows.slice(20).map((m) => [m.clubId, m.name, m.sex, m.birth, m.borrowed]),
        ["Tổng cộng", "", "", "", ""],
      ],
    };
    const r = runCheck(
      {
        clubs: clubsSheet([club("C1")]),
        members: sheet,
        funds: fundsSheet([fund("C1")]),
        roadmap: null,
      },
      { ...DEFAULT_SETTINGS, asOf: "2025-12-31" },
    );
    expect(r.verdicts[0]!.stats.members).toBe(50);
    expect(r.findings.filter((f) => f.rule.startsWith("member."))).toEqual([]);
  });
});
