import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { validateMapping } from "../../src/core/check/mapping";
import { runCheck } from "../../src/core/check/run-check";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { RawValue } from "../../src/core/model/cells";
import { club, clubsSheet, fund, fundsSheet, members } from "../helpers/registers";

const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

/**
 * A register with two columns that could be the birth year: "Năm sinh" (D, born 1950 or 1990) and
 * "Ngày sinh" (G, every member born 1980). Which one is read changes the count of older members.
 */
function register(): { name: string; rows: RawValue[][] } {
  return {
    name: "Thành viên",
    rows: [
      ["DANH SÁCH THÀNH VIÊN"],
      ["Mã CLB", "Họ và tên", "Giới tính", "Năm sinh", "Vay vốn", "Ghi chú", "Ngày sinh"],
      ...members("C1", 50, 33, 32, 27).map((m) => [
        m.clubId!,
        m.name!,
        m.sex!,
        m.birth!,
        m.borrowed!,
        null,
        "01/01/1980",
      ]),
    ],
  };
}

const run = (rows = register(), mapping = {}) =>
  checkWorkbook(
    new MemoryWorkbook([clubsSheet([club("C1")]), fundsSheet([fund("C1")]), rows]),
    settings,
    validateMapping(mapping),
  );

describe("two columns that could be the same field", () => {
  test("the leftmost is used, and a warning at its header names every candidate", async () => {
    const { report } = await run();
    expect(report.clubs[0]).toMatchObject({ members: 50, older: 32 });
    const notes = report.findings.filter((f) => f.rule === "layout.ambiguous");
    expect(notes).toEqual([
      {
        id: "layout.ambiguous|Thành viên:birth",
        rule: "layout.ambiguous",
        severity: "warning",
        sheet: "Thành viên",
        cell: "D2",
        message:
          'Sheet "Thành viên": các cột D ("Năm sinh"), G ("Ngày sinh") đều có thể là "Năm sinh"; đã dùng cột D. Nếu sai, hãy chọn cột khác trong ngăn tác vụ hoặc bằng --mapping.',
        // The review trail's fields (a first run, no day given).
        state: "new",
        status: "open",
        note: "",
        reviewedOn: null,
        firstSeen: null,
      },
    ]);
    const core = runCheck(
      { clubs: clubsSheet([club("C1")]), members: register(), funds: null, roadmap: null },
      settings,
    );
    expect(core.findings.find((f) => f.rule === "layout.ambiguous")?.message.en).toBe(
      'Sheet "Thành viên": columns D ("Năm sinh"), G ("Ngày sinh") could each be "Năm sinh"; column D was used. If that is wrong, pick another column in the task pane or with --mapping.',
    );
    const layout = report.layout.find((l) => l.sheet === "Thành viên")!;
    expect(layout.ambiguous).toEqual([{ field: "birth", columns: ["D", "G"] }]);
  });

  test("a mapping that names the column settles it: no warning, the chosen column is read", async () => {
    const { report } = await run(register(), { "Thành viên": { columns: { G: "birth" } } });
    expect(report.clubs[0]).toMatchObject({ members: 50, older: 0 });
    expect(report.findings.filter((f) => f.rule === "layout.ambiguous")).toEqual([]);
    const layout = report.layout.find((l) => l.sheet === "Thành viên")!;
    expect(layout).not.toHaveProperty("ambiguous");
    expect(layout.columns.find((c) => c.field === "birth")?.column).toBe("G");
  });

  test("a mapping with a header row settles it too, even for a synonym left of the choice", async () => {
    const sheet = register();
    // "Ngày sinh" now stands left of "Năm sinh": the reader alone would take it.
    sheet.rows = sheet.rows.map((r) => [r[6] ?? null, ...r.slice(0, 6)]);
    const { report } = await run(sheet, {
      "Thành viên": { headerRow: 2, columns: { E: "birth" } },
    });
    expect(report.clubs[0]).toMatchObject({ members: 50, older: 32 });
    expect(report.findings.filter((f) => f.rule === "layout.ambiguous")).toEqual([]);
  });

  test("ignoring the other column with the mapping settles it", async () => {
    const { report } = await run(register(), { "Thành viên": { columns: { G: "" } } });
    expect(report.findings.filter((f) => f.rule === "layout.ambiguous")).toEqual([]);
    expect(report.clubs[0]).toMatchObject({ older: 32 });
  });

  test("a plain register, and the Nam/Nữ and hardship-mark sub-columns, are not ambiguous", async () => {
    const rows: RawValue[][] = [
      ["TT", "Họ và tên", "Năm sinh", null, "Mã CLB", "Vay vốn", "Hoàn cảnh khó khăn", null],
      [null, null, "Nam", "Nữ", null, null, "Hộ nghèo", "Khuyết tật"],
      ...members("C1", 50, 33, 32, 27).map((m, i) => [
        i + 1,
        m.name!,
        m.sex === "Nam" ? m.birth! : null,
        m.sex === "Nữ" ? m.birth! : null,
        "C1",
        m.borrowed!,
        i === 0 ? "x" : null,
        null,
      ]),
    ];
    const { report } = await run({ name: "Thành viên", rows });
    expect(report.clubs[0]).toMatchObject({ members: 50, women: 33, hardship: 1 });
    expect(report.findings.filter((f) => f.rule === "layout.ambiguous")).toEqual([]);
    expect(report.layout.every((l) => !("ambiguous" in l))).toBe(true);
  });
});
