/**
 * "Tạo mẫu / Create template" in the open workbook, over the strict fake Excel: the sheets of the
 * core's template description, never over the user's own sheets, in three round trips.
 */
import { InputError } from "../../../src/core/model/errors";
import {
  listAddress,
  noteText,
  TEMPLATE_HEADER_FILL,
  TEMPLATE_ROWS,
  TEMPLATE_SHEETS,
  TemplateSheet,
} from "../../../src/core/report/template-sheets";
import { HA_TINH_ROADMAP, HA_TINH_TOTALS } from "../../../src/core/roadmap/ha-tinh";
import { ROADMAP_YEARS } from "../../../src/core/sheets/specs";
import { checkWorkbook } from "../../../src/hosts/workbook/check-workbook";
import { createTemplate, OfficeWorkbook } from "../../../src/hosts/office";
import { FakeExcel } from "../../fakes/excel";
import { officeOver, scenario, SETTINGS } from "./scenario";

const NAMES = TEMPLATE_SHEETS.map((t) => t.name);
const all = () => true;
/** Office 2019: ExcelApi 1.7, no data validation. */
const excel2019 = (set: string, version: string) => set === "ExcelApi" && Number(version) <= 1.7;
const blank = () => new FakeExcel([{ name: "Sheet1", rows: [] }]);
const roadmap = TEMPLATE_SHEETS.find((t) => t.role === "roadmap")!;
const listColumns = (t: TemplateSheet) => t.columns.flatMap((c, i) => (c.list ? [{ c, i }] : []));

describe("creating the template in the open workbook", () => {
  it("adds the four canonical sheets: headers, look, widths, frozen header, roadmap rows", async () => {
    const excel = blank();
    const outcome = await createTemplate(excel.run, all);
    expect(outcome).toEqual({ created: NAMES, skipped: [], perClub: [] });
    expect(excel.sheetNames()).toEqual(["Sheet1", ...NAMES]);
    for (const t of TEMPLATE_SHEETS) {
      const sheet = excel.sheet(t.name);
      expect(excel.values(t.name)[0]).toEqual(t.columns.map((c) => c.header));
      expect(excel.format(t.name, "A1")).toMatchObject({ bold: true, fill: TEMPLATE_HEADER_FILL });
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.columnWidths.size).toBe(t.columns.length);
      if (t !== roadmap) expect(excel.values(t.name)).toHaveLength(1);
    }
    // The prefilled roadmap: the description's rows, the totals as live SUM formulas.
    const values = excel.values(roadmap.name).slice(1);
    expect(values).toEqual(
      roadmap.rows.map((r) => r.cells.map((c) => (typeof c === "object" ? c.result : c))),
    );
    const totalsRow = roadmap.rows.length + 1;
    expect(excel.formula(roadmap.name, `B${totalsRow}`)).toBe(`=SUM(B2:B${totalsRow - 1})`);
    expect(excel.format(roadmap.name, `A${totalsRow}`)).toMatchObject({ bold: true });
    expect(excel.activeSheet()).toBe(NAMES[0]);
  });

  it("totals the roadmap to the plan's own 'Tổng cộng' row (140, 80, 20 a year, 220)", async () => {
    const excel = blank();
    await createTemplate(excel.run, all);
    const rows = excel.values(roadmap.name);
    expect(rows.slice(1, -1).map((r) => r[0])).toEqual(HA_TINH_ROADMAP.map((u) => u.unit));
    const totals = rows[rows.length - 1]!;
    const plan = HA_TINH_TOTALS;
    expect(totals).toEqual([
      "Tổng cộng",
      plan.before,
      plan.planTotal,
      ...ROADMAP_YEARS.map((y) => plan.plan[y]),
      plan.total,
    ]);
    expect(totals.slice(1)).toEqual([140, 80, 20, 20, 20, 20, 0, 220]);
  });

  it("puts a dropdown with its alert and the header's note on rows 2..TEMPLATE_ROWS of each list column", async () => {
    const excel = blank();
    await createTemplate(excel.run, all);
    for (const t of TEMPLATE_SHEETS) {
      const expected = listColumns(t).map(({ c, i }) => ({
        address: listAddress(i),
        rule: { list: { source: c.list!.values.join(","), inCellDropDown: true } },
        errorAlert: {
          showAlert: true,
          style: c.list!.style === "stop" ? "Stop" : "Warning",
          title: c.list!.errorTitle,
          message: c.list!.errorMessage,
        },
        // The whole note fits Excel's 255-character prompt: nothing was clipped.
        prompt: { showPrompt: true, title: c.header, message: noteText(c.note) },
        ignoreBlanks: true,
      }));
      expect(excel.dataValidations(t.name)).toEqual(expected);
    }
    expect(listAddress(2)).toBe(`C2:C${TEMPLATE_ROWS}`);
    const members = excel.dataValidations("Thành viên");
    expect(members.map((v) => v.rule?.list.source)).toEqual([
      "Nam,Nữ",
      expect.stringContaining("Cận nghèo"),
      "Có,Không",
    ]);
    // An amount is a valid answer to "Được vay vốn": the dropdown only warns.
    expect(members[2]!.errorAlert.style).toBe("Warning");

    // Read back through the API, as a later feature would.
    await excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem("Thành viên").getRange("C7").dataValidation;
      expect(() => dv.type).toThrow(/not available/);
      dv.load("type,rule");
      await context.sync();
      expect(dv.type).toBe("List");
      expect(dv.rule.list?.source).toBe("Nam,Nữ");
    });
  });

  it("adds no member list to a workbook that keeps one sheet per club", async () => {
    const perClub = (name: string) => ({
      name,
      rows: [
        [`Danh sách thành viên ${name}`],
        ["Họ và tên", "Giới tính", "Năm sinh"],
        ["An", "Nữ", 1950],
      ],
    });
    const excel = new FakeExcel([
      {
        name: "CLB",
        rows: [
          ["Mã CLB", "Tên CLB"],
          ["C1", "CLB Đức Giang"],
        ],
      },
      perClub("CLB Đức Giang"),
    ]);
    const outcome = await createTemplate(excel.run, all);
    expect(outcome).toEqual({
      created: ["Quỹ", "Lộ trình"],
      skipped: ["CLB"],
      perClub: ["CLB Đức Giang"],
    });
    // An empty "Thành viên" would have been read instead of the club's own sheet.
    expect(excel.sheetNames()).toEqual(["CLB", "CLB Đức Giang", "Quỹ", "Lộ trình"]);
  });

  it("leaves a user's sheet exactly as it was and reports it skipped", async () => {
    const excel = new FakeExcel([
      { name: "Thành viên", rows: [["Sổ thành viên 2024"], ["Mã CLB", "Họ tên"], ["C1", "An"]] },
    ]);
    const user = excel.sheet("Thành viên");
    user.formats.set("0,0", { bold: true, fill: "#FFFF00" });
    user.columnWidths.set(1, 99);
    const before = structuredClone(user);

    const outcome = await createTemplate(excel.run, all);
    expect(outcome).toEqual({
      created: ["CLB", "Quỹ", "Lộ trình"],
      skipped: ["Thành viên"],
      perClub: [],
    });
    expect(excel.sheet("Thành viên")).toBe(user);
    expect(user).toEqual(before);
    expect(excel.dataValidations("Thành viên")).toEqual([]);
    expect(excel.activeSheet()).toBe("CLB");
  });

  it("treats another name of the same role, in any case, as the user's sheet", async () => {
    // An empty "Thành viên" beside "MEMBERS" would be read by the check instead of the user's data.
    const excel = new FakeExcel([
      { name: "MEMBERS", rows: [["Mã CLB"]] },
      { name: "clb", rows: [] },
    ]);
    const outcome = await createTemplate(excel.run, all);
    expect(outcome).toEqual({
      created: ["Quỹ", "Lộ trình"],
      skipped: ["clb", "MEMBERS"],
      perClub: [],
    });
  });

  it("does not take the generated appendix 'Phụ lục' for a roadmap", async () => {
    const { excel, office } = officeOver(scenario());
    await checkWorkbook(office, SETTINGS);
    expect(excel.sheetNames()).toContain("Phụ lục");
    const outcome = await createTemplate(excel.run, all);
    expect(outcome).toEqual({
      created: ["Lộ trình"],
      skipped: ["CLB", "Thành viên", "Quỹ"],
      perClub: [],
    });
  });

  it("creates nothing the second time", async () => {
    const excel = blank();
    await createTemplate(excel.run, all);
    const snapshot = structuredClone(excel.model.sheets);
    excel.resetStats();
    expect(await createTemplate(excel.run, all)).toEqual({
      created: [],
      skipped: NAMES,
      perClub: [],
    });
    expect(excel.model.sheets).toEqual(snapshot);
    expect(excel.stats.syncs).toBe(2);
  });

  it("still creates the sheets without data validation on ExcelApi 1.7 (Office 2019)", async () => {
    const excel = blank();
    const asked: string[] = [];
    const supports = (set: string, version: string) => {
      asked.push(`${set} ${version}`);
      return excel2019(set, version);
    };
    expect(await createTemplate(excel.run, supports)).toEqual({
      created: NAMES,
      skipped: [],
      perClub: [],
    });
    expect(asked).toContain("ExcelApi 1.8");
    for (const t of TEMPLATE_SHEETS) {
      expect(excel.dataValidations(t.name)).toEqual([]);
      expect(excel.values(t.name)[0]).toEqual(t.columns.map((c) => c.header));
    }
  });

  it("refuses a protected workbook with an InputError before adding anything", async () => {
    const excel = blank();
    excel.model.protected = true;
    const error = await createTemplate(excel.run, all).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe("protected");
    expect((error as InputError).text.vi).toMatch(/bảo vệ/);
    expect((error as InputError).text.en).toMatch(/protected/);
    expect(excel.sheetNames()).toEqual(["Sheet1"]);
    expect(excel.stats.failedSyncs).toBe(0);
  });

  it("takes three round trips whatever the rows or the workbook's size, in small requests", async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ name: `Sổ ${i + 1}`, rows: [["x"]] }));
    for (const excel of [blank(), new FakeExcel(many)]) {
      await createTemplate(excel.run, all);
      // The inventory (names and protection, then tags), then every write in one request.
      expect(excel.stats.syncs).toBe(3);
      expect(excel.stats.failedSyncs).toBe(0);
      // One validation per column, not per row: far less than a byte per dropdown row.
      const listRows = TEMPLATE_SHEETS.flatMap(listColumns).length * (TEMPLATE_ROWS - 1);
      expect(excel.stats.largestRequest).toBeLessThan(listRows);
    }
  });

  it("gives a template that the check reads: no clubs, the roadmap from the sheet, totals consistent", async () => {
    const excel = blank();
    await createTemplate(excel.run, all);
    const office = new OfficeWorkbook(excel.run, { supports: all });
    const { report, result } = await checkWorkbook(office, SETTINGS);
    // Empty registers are not an input error: there are simply no clubs to judge yet.
    expect(report.summary.clubs).toBe(0);
    expect(result?.roadmapSource).toEqual({ kind: "sheet", sheet: roadmap.name });
    // The SUM row agrees with the units (no roadmap.inconsistent); each unit says only that it has
    // no club in the data yet: a warning, since the roadmap is the workbook's own sheet.
    expect(report.summary.findings).toEqual({ error: 0, warning: HA_TINH_ROADMAP.length, info: 0 });
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(["roadmap.noData"]));
    expect(excel.sheetNames()).toEqual(expect.arrayContaining(NAMES));
  });
});
