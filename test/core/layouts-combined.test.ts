import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { openXlsx } from "../../src/hosts/xlsx";
import { InputError } from "../../src/core/model/errors";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { JsonReport } from "../../src/core/report/json-report";
import { toTcvn3, toVni } from "../../src/core/text/legacy";
import { asRaw, asXlsx, keptWorkbook, KeptSheet, recoded } from "../helpers/kept-registers";

/**
 * Every layout of domain.md in one workbook (test/helpers/kept-registers.ts states what each sheet
 * holds): the counts per club and the findings must be exactly those the sheets were built with,
 * through plain data and through a real .xlsx, in either Unicode form and in TCVN3 or VNI.
 */
const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

const viaMemory = async (sheets: readonly KeptSheet[]) =>
  (await checkWorkbook(new MemoryWorkbook(asRaw(sheets)), settings)).report;
const viaXlsx = async (sheets: readonly KeptSheet[]) =>
  (await checkWorkbook(openXlsx(await asXlsx(sheets)), settings)).report;

const counts = (r: JsonReport) =>
  r.clubs.map((c) => [c.id, c.members, c.women, c.older, c.younger, c.borrowers, c.hardship]);
/** Findings as "severity id @ sheet!cell" (without the place when they are about no cell). */
const listed = (r: JsonReport) =>
  r.findings.map((f) => `${f.severity} ${f.id}${f.cell ? ` @ ${f.sheet}!${f.cell}` : ""}`);

/** A report without the notes that legacy text was converted (and without them in its totals). */
function withoutLegacyNotes(r: JsonReport): JsonReport {
  const findings = r.findings.filter((f) => f.rule !== "text.legacy");
  const notes = r.findings.length - findings.length;
  const counted = r.summary.findings;
  return {
    ...r,
    summary: { ...r.summary, findings: { ...counted, info: counted.info - notes } },
    findings,
  };
}

describe("a workbook combining every layout", () => {
  let unicode: JsonReport;
  beforeAll(async () => {
    unicode = await viaMemory(keptWorkbook());
  });

  test("counts each club exactly", () => {
    expect(counts(unicode)).toEqual([
      // id, members, women, older, younger, borrowers, hardship
      ["VQ-01", 52, 34, 34, 17, 28, 8],
      ["VQ-02", 50, 30, 30, 20, 25, 3],
      ["VQ-03", 55, 36, 36, 19, 30, 2],
      ["VQ-04", 48, 25, 30, 18, 20, 0],
    ]);
    expect(unicode.clubs.map((c) => [c.id, c.compliant, c.failed])).toEqual([
      ["VQ-01", true, []],
      ["VQ-02", true, []],
      ["VQ-03", true, []],
      ["VQ-04", false, ["club.size", "club.women", "club.borrowers", "club.activities"]],
    ]);
  });

  test("reports exactly the ambiguous date, the skipped sheet, VQ-04's gaps and the roadmap", () => {
    const noData = (unit: string) => `info roadmap.noData|${unit}`;
    expect(listed(unicode)).toEqual([
      "info sheet.skipped|Ghi chú",
      // "5/3/55": a two-digit year is ambiguous, at the member's cell under "Nam".
      "error member.birth|VQ-01/nguyêñ thị hoà 52/:birthMale @ VQ-01!C59",
      // No member list has a leave-date column: everyone listed counts, and each list says so.
      "warning layout.assumed|VQ-01:left",
      "warning layout.assumed|Sheet2:left",
      "warning layout.assumed|Tổng hợp:left",
      "info roadmap.default|default",
      // VQ-03's unit is written "Vũ Quang", without its prefix.
      "info club.unitLoose|Vũ Quang @ Danh sách CLB!D9",
      "error club.size|VQ-04 @ Danh sách CLB!B10",
      "error club.women|VQ-04 @ Danh sách CLB!B10",
      "warning club.hardship|VQ-04 @ Danh sách CLB!B10",
      "error club.borrowers|VQ-04 @ Danh sách CLB!B10",
      "error club.activities|VQ-04 @ Danh sách CLB!N10",
      ...[
        "Huyện Kỳ Anh",
        "Thị xã Kỳ Anh",
        "Huyện Cẩm Xuyên",
        "Huyện Lộc Hà",
        "Huyện Nghi Xuân",
      ].map(noData),
      ...["Huyện Thạch Hà", "Huyện Can Lộc", "Huyện Đức Thọ", "Huyện Hương Sơn"].map(noData),
      noData("Huyện Hương Khê"),
      // Two clubs founded in 2021-2025 against a plan of 8; two before 2021 against 4.
      "error roadmap.behind|Huyện Vũ Quang",
      "warning roadmap.before|Huyện Vũ Quang",
      ...["Thành phố Hà Tĩnh", "Thị xã Hồng Lĩnh"].map(noData),
    ]);
    expect(unicode.findings.find((f) => f.rule === "member.birth")?.message).toContain('"5/3/55"');
  });

  test("understands every sheet's layout: header rows, data, blank and total rows", () => {
    expect(
      unicode.layout.map((l) => [l.sheet, l.headerRows, l.dataRows, l.blankRows, l.totalRows]),
    ).toEqual([
      ["Danh sách CLB", [4, 5], 4, 1, [11]],
      ["VQ-01", [4, 5], 52, 2, [60]],
      ["Sheet2", [3], 50, 0, [54]],
      ["Tổng hợp", [2], 103, 1, [58, 108]],
      ["Quỹ", [2], 4, 0, [7]],
    ]);
    expect(unicode.layout.find((l) => l.sheet === "VQ-01")?.columns.map((c) => c.field)).toEqual([
      "name",
      "birthMale",
      "birthFemale",
      "hardship1",
      "hardship2",
      "hardship5",
      "borrowed",
    ]);
    // Sex as 1 / 2, read by the code its header gives.
    expect(
      unicode.layout.find((l) => l.sheet === "Tổng hợp")?.columns.find((c) => c.field === "sex"),
    ).toEqual({ column: "D", header: "Giới tính (1: Nam, 2: Nữ)", field: "sex" });
  });

  test("reads the same through a real .xlsx (merged cells, Date cells)", async () => {
    expect(await viaXlsx(keptWorkbook())).toEqual(unicode);
  });

  test("the decomposed (NFD) copy gives the identical report", async () => {
    expect(await viaMemory(recoded(keptWorkbook(), (s) => s.normalize("NFD")))).toEqual(unicode);
  });

  test.each([
    ["TCVN3", toTcvn3],
    ["VNI", toVni],
  ])("the %s copy gives the Unicode result", async (_, encode) => {
    const legacy = await viaMemory(recoded(keptWorkbook(), encode));
    expect(withoutLegacyNotes(legacy)).toEqual(unicode);
    // Each sheet read says that it was converted; the notes sheet is not read (its header rows
    // are converted only to see that it is no register).
    expect(legacy.findings.filter((f) => f.rule === "text.legacy").map((f) => f.sheet)).toEqual([
      "Danh sách CLB",
      "Quỹ",
      "VQ-01",
      "Sheet2",
      "Tổng hợp",
    ]);
  });

  test("a sheet whose header cannot be found is an error naming the sheet", async () => {
    const sheets = keptWorkbook().map((s) =>
      s.name === "Quỹ" ? { ...s, rows: [["QUỸ CỦA CÁC CLB"], ["VQ-01", 5_000_000, "Có"]] } : s,
    );
    const error = await viaMemory(sheets).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe("no-header");
    expect((error as InputError).text.vi).toContain('Sheet "Quỹ"');
    expect((error as InputError).text.en).toContain('Sheet "Quỹ": no header row found');
  });
});
