import ExcelJS from "exceljs";
import { RawSheet, fontKey } from "../../src/core/model/cells";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { toTcvn3, toVni } from "../../src/core/text/legacy";
import { OfficeWorkbook } from "../../src/hosts/office";
import { WorkbookPort } from "../../src/hosts/workbook/port";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { openXlsx } from "../../src/hosts/xlsx";
import { FakeExcel } from "../fakes/excel";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { rowsOf } from "../helpers/rows";

/**
 * A legacy font travels from the host to the reader: a capital TCVN3 font (".VnTimeH") shows the
 * lower-case codes typists used as capitals, so its text reads as upper case; the same codes in
 * ".VnTime" read as lower case; and a "VNI-Times" cell is VNI even when its characters alone would
 * pass for Unicode ("Sôn Mô" is VNI for "Sơn Mơ"). The Office host asks for fonts only in columns
 * where some text of the block looks legacy ("CLB Ñöùc Giang" above "CLB Sôn Mô").
 */
const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

/** Club names as typed: TCVN3 codes of the lower-case name, or VNI. Column B of the club sheet. */
const NAMES = {
  tcvn3: ["clb xã đức giang", "clb xã hương minh"].map(toTcvn3),
  vni: ["CLB Đức Giang", "CLB Sơn Mơ"].map(toVni),
};

function sheets(names: readonly string[]): RawSheet[] {
  return [
    clubsSheet([club("C1", { name: names[0]! }), club("C2", { name: names[1]! })]),
    membersSheet([...members("C1", 50, 33, 32, 27), ...members("C2", 50, 33, 32, 27)]),
    fundsSheet([fund("C1"), fund("C2")]),
  ];
}

/** The same workbook as an .xlsx written by ExcelJS, club names (B2:B3) in `font`. */
async function xlsx(names: readonly string[], font: string | null): Promise<WorkbookPort> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets(names)) {
    const ws = wb.addWorksheet(sheet.name);
    rowsOf(sheet).forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  if (font) {
    const ws = wb.getWorksheet("CLB")!;
    for (const a of ["B2", "B3", "A2"]) ws.getCell(a).font = { name: font, size: 13 };
  }
  return openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
}

function office(names: readonly string[], font: string | null, api19 = true) {
  const excel = new FakeExcel(sheets(names));
  if (font) excel.setFont("CLB", "A2:B3", font);
  const port = new OfficeWorkbook(excel.run, {
    supports: (set, version) => set === "ExcelApi" && (api19 || Number(version) < 1.9),
  });
  return { excel, port };
}

const clubNames = async (port: WorkbookPort) =>
  (await checkWorkbook(port, settings)).report.clubs.map((c) => c.name);

describe.each([
  ["xlsx", (names: readonly string[], font: string | null) => xlsx(names, font)],
  ["Office", async (names: readonly string[], font: string | null) => office(names, font).port],
])("through the %s host", (_, open) => {
  test("text in .VnTimeH reads as upper case", async () => {
    expect(await clubNames(await open(NAMES.tcvn3, ".VnTimeH"))).toEqual([
      "CLB XÃ ĐỨC GIANG",
      "CLB XÃ HƯƠNG MINH",
    ]);
  });

  test("the same codes in .VnTime read as lower case", async () => {
    expect(await clubNames(await open(NAMES.tcvn3, ".VnTime"))).toEqual([
      "clb xã đức giang",
      "clb xã hương minh",
    ]);
  });

  test("a VNI-Times cell is VNI even when its characters would pass for Unicode", async () => {
    expect(await clubNames(await open(NAMES.vni, "VNI-Times"))).toEqual([
      "CLB Đức Giang",
      "CLB Sơn Mơ",
    ]);
    // Without the font "Sôn Mô" is read as it is: its characters alone cannot tell.
    expect(await clubNames(await open(NAMES.vni, null))).toEqual(["CLB Đức Giang", "CLB Sôn Mô"]);
  });
});

describe("fonts as the hosts give them", () => {
  test("xlsx: only text cells in a legacy font are listed, none for a Unicode workbook", async () => {
    const sheet = await (await xlsx(NAMES.tcvn3, ".VnTimeH")).readSheet("CLB");
    // A2 (the id "C1", text) and B2:B3; A3 keeps the default font.
    expect(sheet.fonts).toEqual(
      new Map([
        [fontKey(1, 0), ".VnTimeH"],
        [fontKey(1, 1), ".VnTimeH"],
        [fontKey(2, 1), ".VnTimeH"],
      ]),
    );
    expect((await (await xlsx(NAMES.tcvn3, "Times New Roman")).readSheet("CLB")).fonts).toBe(
      undefined,
    );
    expect((await (await xlsx(NAMES.tcvn3, null)).readSheet("CLB")).fonts).toBe(undefined);
  });

  test("Office: fonts are asked in one more sync per block, only for blocks with legacy text", async () => {
    const legacy = office(NAMES.tcvn3, ".VnTimeH");
    const sheet = await legacy.port.readSheet("CLB");
    expect(sheet.fonts?.get(fontKey(1, 1))).toBe(".VnTimeH");
    expect(sheet.fonts?.has(fontKey(1, 0))).toBe(false); // "C1" looks like nothing legacy
    // The sheet, its used range, one block of values, its fonts.
    expect(legacy.excel.stats.syncs).toBe(4);

    const unicode = office(["CLB xã Đức Giang", "CLB xã Hương Minh"], ".VnTimeH");
    expect((await unicode.port.readSheet("CLB")).fonts).toBe(undefined);
    expect(unicode.excel.stats.syncs).toBe(3);
  });

  test("Office without ExcelApi 1.9: no fonts, the characters decide (lower case)", async () => {
    const { excel, port } = office(NAMES.tcvn3, ".VnTimeH", false);
    expect((await port.readSheet("CLB")).fonts).toBe(undefined);
    expect(excel.stats.syncs).toBe(3);
    expect(await clubNames(office(NAMES.tcvn3, ".VnTimeH", false).port)).toEqual([
      "clb xã đức giang",
      "clb xã hương minh",
    ]);
  });

  test("Office: a block too large for one answer of fonts is cut, and the rest read again", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [toTcvn3(`hội viên ${i}`), i]);
    const excel = new FakeExcel([{ name: "S", rows }]);
    excel.setFont("S", "A1:A300", ".VnTimeH");
    const port = new OfficeWorkbook(excel.run, { supports: () => true, payloadBytes: 8_000 });
    const sheet = await port.readSheet("S");
    expect(sheet.rows.length).toBe(300);
    expect(sheet.fonts?.size).toBe(300);
    // Fonts of 100 rows fit one answer (80 bytes a cell): the first block of 125 rows is cut to
    // 100, the next ones are 100 rows. The sheet, its used range, then 3 × (values, fonts).
    expect(excel.stats.syncs).toBe(8);
    expect(excel.stats.largestResponse).toBeLessThanOrEqual(8_000 * 1.2);
  });
});

describe("the fake's getCellProperties", () => {
  test("answers only after a sync, with each cell's font (Calibri when none is set)", async () => {
    const excel = new FakeExcel([{ name: "S", rows: [["a", "b"]] }]);
    excel.setFont("S", "B1", ".VnTime");
    await excel.run(async (context) => {
      const props = context.workbook.worksheets
        .getItem("S")
        .getRange("A1:B1")
        .getCellProperties({ format: { font: { name: true } } });
      expect(() => props.value).toThrow(/not available/);
      await context.sync();
      expect(props.value.map((r) => r.map((c) => c.format?.font?.name))).toEqual([
        ["Calibri", ".VnTime"],
      ]);
    });
  });

  test("refuses, at the sync, properties it does not model", async () => {
    const excel = new FakeExcel([{ name: "S", rows: [["a"]] }]);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets
          .getItem("S")
          .getRange("A1")
          .getCellProperties({ format: { font: { name: true, bold: true } } });
        await context.sync();
      }),
    ).rejects.toThrow(/font.name only/);
  });
});
