import ExcelJS from "exceljs";
import { RawSheet, RawValue } from "../../src/core/model/cells";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { openXlsx, XlsxWorkbook } from "../../src/hosts/xlsx";
import { rewriteSheet } from "../helpers/xlsx-edit";
import { asXlsx, officeOver, scenario, SETTINGS } from "./office/scenario";
import {
  definedNames,
  dropAllNames,
  dropOurNames,
  dropStyles,
  dropValidations,
  renameOurNames,
  savedBy,
  sharedStrings,
  splitMerges,
  Transform,
  trailingEmpties,
} from "./round-trips/saved-by";
import { rowsOf } from "../helpers/rows";

/**
 * A checked copy, reviewed by the auditor, saved by another program and checked again: our sheets
 * are known again (rewritten in place, never a "(2)" beside them), the review is carried, and the
 * old appendix is not read as a roadmap. ExcelJS runs for real; WPS Office, Google Sheets and
 * LibreOffice's variants are simulated (round-trips/saved-by.ts says what and why); LibreOffice's
 * real outputs are in round-trips-libreoffice.test.ts.
 */
const FINDINGS = GENERATED_NAMES.findings;
const OURS = Object.values(GENERATED_NAMES);
const ORDER = ["CLB", "Thành viên", "Quỹ", ...OURS];

const grid = (s: RawSheet): RawValue[][] =>
  rowsOf(s).map((r) => [...(r ?? [])].map((v) => v ?? null));

/** What the auditor types on the findings sheet: the ground truth of every round trip. */
const REVIEW = [
  { status: "Chấp nhận", note: "Xã đã giải trình", expect: "accepted" },
  { status: "Cần sửa", note: "", expect: "mustFix" },
  { status: "Chờ huyện", note: "Tháng sau", expect: "Chờ huyện" },
];

interface Reviewed {
  readonly bytes: Uint8Array;
  /** The first run's findings. */
  readonly ids: readonly string[];
  readonly errors: number;
  /** The reviewed finding ids, with what was typed. */
  readonly marks: readonly { id: string; status: string; note: string; expect: string }[];
}

/** A register checked once, and the review typed into the findings sheet (as Excel saves it). */
async function reviewed(): Promise<Reviewed> {
  const wb = await asXlsx(scenario());
  const run = await checkWorkbook(wb, SETTINGS, {}, { checkedOn: "2026-01-10" });
  const rules = [...new Set(run.report.findings.map((f) => f.rule))];
  const marks = REVIEW.map((m, i) => ({
    ...m,
    id: run.report.findings.find((f) => f.rule === rules[i])!.id,
  }));
  const rows = grid(await wb.readSheet(FINDINGS));
  const header = rows[1]!;
  for (const m of marks) {
    const row = rows.find((r) => r[header.indexOf("Mã lỗi")] === m.id)!;
    row[header.indexOf("Trạng thái xem xét")] = m.status;
    row[header.indexOf("Ghi chú")] = m.note;
  }
  return {
    bytes: rewriteSheet(wb.toBytes(), FINDINGS, rows),
    ids: run.report.findings.map((f) => f.id),
    errors: run.report.summary.findings.error,
    marks,
  };
}

/** Checks the saved copy again, and asserts what every round trip must give. */
async function checkedAgain(before: Reviewed, saved: Uint8Array): Promise<XlsxWorkbook> {
  const wb = openXlsx(saved);
  const run = await checkWorkbook(wb, SETTINGS, {}, { checkedOn: "2026-02-01" });
  // The same sheets, ours rewritten in place: no "(2)".
  expect((await wb.listSheets()).map((s) => s.name)).toEqual(ORDER);
  // Ours carry the tag again, hidden, as we write it.
  expect((await wb.listSheets()).filter((s) => s.generated).map((s) => s.name)).toEqual(OURS);
  const tags = definedNames(wb.toBytes()).filter((n) => n.includes('"ISHC_Generated"'));
  expect(tags).toHaveLength(3);
  for (const t of tags) expect(t).toContain('hidden="1"');
  // The old appendix was not read as a roadmap, nor the results as a club list: same findings.
  expect(run.report.findings.map((f) => f.id)).toEqual(before.ids);
  expect(run.report.summary.findings.error).toBe(before.errors);
  expect(run.report.roadmapSource).toBe("default:Hà Tĩnh 2020");
  // Every mark carried, to the report and to the rewritten findings sheet.
  for (const m of before.marks) {
    const f = run.report.findings.find((x) => x.id === m.id)!;
    expect([f.state, f.status, f.note]).toEqual(["still", m.expect, m.note]);
  }
  const rows = grid(await wb.readSheet(FINDINGS));
  const header = rows[1]!;
  for (const m of before.marks) {
    const row = rows.find((r) => r[header.indexOf("Mã lỗi")] === m.id)!;
    expect([
      row[header.indexOf("Trạng thái xem xét")],
      row[header.indexOf("Ghi chú")] ?? "",
    ]).toEqual([m.status, m.note]);
  }
  return wb;
}

describe("a checked copy saved by another program, checked again", () => {
  let before: Reviewed;
  beforeAll(async () => {
    before = await reviewed();
  });

  it("as Excel saves it (tags kept): the baseline", async () => {
    await checkedAgain(before, before.bytes);
  });

  it("ExcelJS (run for real): load, save; our tags dropped", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(before.bytes) as unknown as ArrayBuffer);
    const saved = new Uint8Array(await wb.xlsx.writeBuffer());
    // What the round trip did: no tag of ours left.
    expect(definedNames(saved).filter((n) => n.includes("ISHC_"))).toEqual([]);
    const again = await checkedAgain(before, saved);
    // And the copy checked a third time stays as it is: nothing more is added.
    const third = openXlsx(again.toBytes());
    await checkWorkbook(third, SETTINGS, {}, { checkedOn: "2026-02-01" });
    expect((await third.listSheets()).map((s) => s.name)).toEqual(ORDER);
  });

  const SIMULATED: Record<string, readonly Transform[]> = {
    "Google Sheets (simulated): every name, dropdown and style gone, shared strings": [
      dropAllNames,
      dropValidations,
      dropStyles,
      sharedStrings,
    ],
    "WPS Office (simulated): hidden names dropped, merges split, shared strings": [
      dropOurNames,
      splitMerges,
      sharedStrings,
      trailingEmpties,
    ],
    "LibreOffice variant (simulated): tags visible and renamed _xlnm.": [
      renameOurNames("_xlnm."),
      sharedStrings,
    ],
    "LibreOffice variant (simulated): tags visible and renamed __": [renameOurNames("__")],
  };
  it.each(Object.keys(SIMULATED))("%s", async (how) => {
    await checkedAgain(before, savedBy(before.bytes, SIMULATED[how]!));
  });

  it("in Excel (the Office host), after a save that dropped the tags", async () => {
    const { excel, office } = officeOver(scenario());
    const run1 = await checkWorkbook(office, SETTINGS, {}, { checkedOn: "2026-01-10" });
    const mark = run1.report.findings[0]!;
    const sheet = excel.sheet(FINDINGS);
    const header = excel.values(FINDINGS)[1]!;
    const row = excel.values(FINDINGS).findIndex((r) => r[header.indexOf("Mã lỗi")] === mark.id);
    sheet.set(row, header.indexOf("Trạng thái xem xét"), "Cần sửa");
    sheet.set(row, header.indexOf("Ghi chú"), "Hỏi lại xã");
    for (const name of OURS) excel.sheet(name).names.length = 0;

    const run2 = await checkWorkbook(office, SETTINGS, {}, { checkedOn: "2026-02-01" });
    expect(excel.sheetNames().filter((n) => excel.sheet(n).visibility === "Visible")).toEqual(
      ORDER,
    );
    const again = run2.report.findings.find((f) => f.id === mark.id)!;
    expect([again.status, again.note]).toEqual(["mustFix", "Hỏi lại xã"]);
    expect(run2.report.findings.map((f) => f.id)).toEqual(run1.report.findings.map((f) => f.id));
    for (const name of OURS)
      expect(excel.sheet(name).names).toEqual([
        expect.objectContaining({ name: "ISHC_Generated", visible: false }),
      ]);
  });
});

describe("a user's sheet under our name", () => {
  it("is kept untouched, ours is written beside it, and a note says so", async () => {
    const mine = [
      ["Danh sách lỗi cần xử lý (tự theo dõi)"],
      ["STT", "Việc", "Người làm"],
      [1, "Gọi xã Đức Giang", "Lan"],
    ];
    const wb = await asXlsx([...scenario(), { name: FINDINGS, rows: mine }]);
    const bytes = wb.toBytes();
    const run = await checkWorkbook(wb, SETTINGS);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual([
      "CLB",
      "Thành viên",
      "Quỹ",
      FINDINGS,
      GENERATED_NAMES.results,
      GENERATED_NAMES.appendix,
      `${FINDINGS} (2)`,
    ]);
    expect(grid(await wb.readSheet(FINDINGS))).toEqual(mine);
    expect(grid(await openXlsx(bytes).readSheet(FINDINGS))).toEqual(mine);
    const note = run.report.findings.find(
      (f) => f.rule === "sheet.skipped" && f.sheet === FINDINGS,
    );
    expect(note?.message).toContain(`kết quả ghi vào sheet "${FINDINGS} (2)"`);
    const en = await checkWorkbook(await asXlsx([...scenario(), { name: FINDINGS, rows: mine }]), {
      ...SETTINGS,
      lang: "en",
    });
    expect(en.report.findings.find((f) => f.rule === "sheet.skipped")?.message).toContain(
      "never overwritten",
    );
  });
});
