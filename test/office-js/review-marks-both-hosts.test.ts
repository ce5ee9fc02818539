/**
 * One implementation of the auditor's marks (src/core/review/mark.ts), two hosts: Excel through
 * the pane's setReviewMark (the real office.js client over the simulated host) and file mode
 * through its checked copy (the xlsx host writing the core's plan) put the same values in the same
 * cells of the findings sheet for the same marks, even after the auditor moved its columns and
 * sorted its rows, and refuse the same marks with the same bilingual InputError.
 */
import { rangeA1 } from "../../src/core/model/address";
import { RawValue } from "../../src/core/model/cells";
import { InputError } from "../../src/core/model/errors";
import { Lang } from "../../src/core/model/i18n";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/model/settings";
import { GeneratedSheet } from "../../src/core/model/write-plan";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { COLUMN_HEADER } from "../../src/core/review/columns";
import { isoToSerial } from "../../src/core/review/days";
import { ReviewMarkInput } from "../../src/core/review/mark";
import { readPreviousTrail } from "../../src/core/review/trail";
import { setReviewMark } from "../../src/addin/review-actions";
import { OfficeWorkbook } from "../../src/hosts/office";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { openXlsx } from "../../src/hosts/xlsx";
import { CheckedCopy } from "../../src/taskpane/checked-copy";
import { asXlsx, plain } from "../hosts/office/scenario";
import { smallRegister } from "../helpers/small-register";
import { rewriteSheet } from "../helpers/xlsx-edit";
import { SimulatedHost } from "./simulated-host";

const FINDINGS = GENERATED_NAMES.findings;
const CHECKED_ON = "2026-01-10";
const settingsIn = (lang: Lang): Settings => ({ ...DEFAULT_SETTINGS, asOf: "2025-12-31", lang });

type Mark = readonly [id: string, mark: ReviewMarkInput, day: string];

/** The same register checked in Excel and in file mode; the findings sheet's grid as each holds it. */
async function bothChecked(lang: Lang = "vi") {
  const host = new SimulatedHost(smallRegister());
  const office = new OfficeWorkbook(host.run, { supports: host.excel.supports });
  const inExcel = await checkWorkbook(office, settingsIn(lang), {}, { checkedOn: CHECKED_ON });
  const xlsx = await asXlsx(smallRegister());
  const inFile = await checkWorkbook(xlsx, settingsIn(lang), {}, { checkedOn: CHECKED_ON });
  const sheet = inFile.plan.sheets.find((s) => s.kind === "findings")!;
  const copy = new CheckedCopy(xlsx.toBytes(), sheet);
  const ids = inExcel.report.findings.map((f) => f.id);
  expect(inFile.report.findings.map((f) => f.id)).toEqual(ids);
  return { host, copy, sheet, bytes: xlsx.toBytes(), ids };
}

const excelGrid = (host: SimulatedHost): RawValue[][] => plain(host.excel.values(FINDINGS));
const fileGrid = async (copy: CheckedCopy): Promise<RawValue[][]> =>
  plain((await openXlsx(await copy.bytes()).readSheet(FINDINGS)).rows);

/** The same marks, in the same order, in both hosts. */
async function markBoth(host: SimulatedHost, copy: CheckedCopy, marks: readonly Mark[]) {
  for (const [id, mark, day] of marks) {
    await setReviewMark(host.run, id, mark, day);
    await copy.mark(id, mark, day);
  }
}

/** Replaces the findings sheet's cells in Excel, as the auditor's edits would leave them. */
async function putInExcel(host: SimulatedHost, grid: readonly (readonly RawValue[])[]) {
  const width = Math.max(...grid.map((r) => r.length));
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(FINDINGS);
    ws.getRange().clear("Contents");
    ws.getRange(rangeA1(0, 0, grid.length - 1, width - 1)).values = grid.map((r) =>
      Array.from({ length: width }, (_, c) => r[c] ?? ""),
    ) as (string | number | boolean)[][];
    await context.sync();
  });
}

/** File mode's copy whose findings sheet holds `grid` (the package and the copy's sheet alike). */
function copyHolding(
  bytes: Uint8Array,
  sheet: GeneratedSheet,
  grid: readonly (readonly RawValue[])[],
) {
  const rows = grid.map((r) => r.map((v) => ({ v: v ?? null })));
  return new CheckedCopy(rewriteSheet(bytes, FINDINGS, grid), {
    ...sheet,
    rows,
    merges: [],
    validations: [],
  });
}

/**
 * The auditor's rearrangement: two rows of their own above the table, the id column first and the
 * other columns reversed, the findings sorted by id descending.
 */
function rearranged(grid: readonly (readonly RawValue[])[]): RawValue[][] {
  const header = grid[1]!;
  const idCol = header.indexOf(COLUMN_HEADER.id.vi);
  const order = [
    idCol,
    ...header
      .map((_, c) => c)
      .filter((c) => c !== idCol)
      .reverse(),
  ];
  const moved = grid.map((r) => order.map((c) => r[c] ?? null));
  const data = moved.slice(2).sort((a, b) => String(b[0]).localeCompare(String(a[0])));
  return [["Đoàn kiểm tra huyện, tháng 1"], [], ...moved.slice(0, 2), ...data];
}

describe("review marks: one implementation, the same cells in Excel and in file mode", () => {
  it.each(["vi", "en"] as const)(
    "a sequence of marks on a fresh findings sheet (%s)",
    async (lang) => {
      const { host, copy, ids } = await bothChecked(lang);
      const before = excelGrid(host);
      expect(await fileGrid(copy)).toEqual(before);
      const [a, b, c] = ids;
      await markBoth(host, copy, [
        [a!, { status: "mustFix", note: "Hỏi lại xã" }, "2026-01-11"],
        [b!, { status: "Chờ huyện trả lời" }, "2026-01-12"],
        [c!, { note: "xem lại" }, "2026-01-12"],
        [a!, { status: "fixed" }, "2026-01-13"],
      ]);
      const after = excelGrid(host);
      expect(after).not.toEqual(before);
      expect(await fileGrid(copy)).toEqual(after);
      // Read back as the next check reads them: the last mark wins, the note stays.
      const trail = readPreviousTrail({ name: FINDINGS, rows: after });
      expect(trail.get(a!)!.marks).toEqual({
        status: { kind: "known", status: "fixed" },
        note: "Hỏi lại xã",
        reviewedOn: "2026-01-13",
      });
      expect(trail.get(b!)!.marks.status).toEqual({ kind: "other", text: "Chờ huyện trả lời" });
      expect(trail.get(c!)!.marks.note).toBe("xem lại");
      const header = after[1]!;
      const rowOf = (id: string) =>
        after.find((r) => r[header.indexOf(COLUMN_HEADER.id[lang])] === id)!;
      expect(rowOf(a!)[header.indexOf(COLUMN_HEADER.status[lang])]).toBe(
        lang === "en" ? "Fixed" : "Đã sửa",
      );
    },
  );

  it("after the auditor moved the columns, sorted the rows and added rows above", async () => {
    const { host, copy: fresh, sheet, bytes, ids } = await bothChecked();
    const grid = rearranged(excelGrid(host));
    await putInExcel(host, grid);
    const copy = copyHolding(bytes, sheet, grid);
    expect(await fileGrid(copy)).toEqual(excelGrid(host));
    expect(fresh).not.toBe(copy);

    const [a, b] = [ids[0]!, ids[ids.length - 1]!];
    await markBoth(host, copy, [
      [a, { status: "mustFix" }, "2026-01-11"],
      [b, { status: "accepted", note: "đã rõ" }, "2026-01-12"],
    ]);
    const after = excelGrid(host);
    expect(await fileGrid(copy)).toEqual(after);
    // Each mark is on its finding's row (found by id), in the column its header names.
    const header = after[3]!;
    const at = (id: string, column: keyof typeof COLUMN_HEADER) =>
      after.find((r) => r[0] === id)![header.indexOf(COLUMN_HEADER[column].vi)];
    expect([at(a, "status"), at(a, "reviewedOn")]).toEqual(["Cần sửa", isoToSerial("2026-01-11")]);
    expect([at(b, "status"), at(b, "note"), at(b, "reviewedOn")]).toEqual([
      "Chấp nhận",
      "đã rõ",
      isoToSerial("2026-01-12"),
    ]);
    // Nothing else moved: only those two rows differ from the auditor's grid.
    const changed = after.flatMap((r, i) =>
      r.flatMap((v, c) => (v !== (grid[i]?.[c] ?? null) ? [[i, c]] : [])),
    );
    expect(changed).toHaveLength(5);
  });

  it("refuses a mark with the same InputError in both hosts, naming the sheet", async () => {
    /** What each host answers: the error's code and its two texts. */
    const refusals = async (
      excel: () => Promise<unknown>,
      file: () => Promise<unknown>,
    ): Promise<{ code: string; text: { vi: string; en: string } }> => {
      const [e1, e2] = await Promise.all([excel().catch((e) => e), file().catch((e) => e)]);
      expect(e1).toBeInstanceOf(InputError);
      expect(e2).toBeInstanceOf(InputError);
      const of = (e: InputError) => ({ code: e.code, text: e.text });
      expect(of(e2 as InputError)).toEqual(of(e1 as InputError));
      return of(e1 as InputError);
    };

    // No findings sheet: nothing checked yet.
    const unchecked = new SimulatedHost(smallRegister());
    const none = await refusals(
      () => setReviewMark(unchecked.run, "x", { status: "fixed" }, "2026-01-11"),
      () =>
        new CheckedCopy(new Uint8Array(), undefined).mark("x", { status: "fixed" }, "2026-01-11"),
    );
    expect(none.code).toBe("missing-sheet");
    expect(none.text.en).toContain(`no sheet "${FINDINGS}"`);
    expect(none.text.vi).toContain(`Không có sheet "${FINDINGS}"`);

    // A finding the sheet does not hold.
    const { host, copy, sheet, bytes, ids } = await bothChecked();
    const unknown = await refusals(
      () => setReviewMark(host.run, "no|such", { note: "x" }, "2026-01-11"),
      () => copy.mark("no|such", { note: "x" }, "2026-01-11"),
    );
    expect(unknown).toEqual({
      code: "unknown-finding",
      text: {
        vi: `Không tìm thấy lỗi có mã "no|such" ở cột "Mã lỗi" của sheet "${FINDINGS}": hãy chạy lại Kiểm tra CLB.`,
        en: `Finding "no|such" is not in the "Finding id" column of sheet "${FINDINGS}": run the check again.`,
      },
    });

    // The auditor deleted the status column: a status cannot be set, a note still can.
    const full = excelGrid(host);
    const statusCol = full[1]!.indexOf(COLUMN_HEADER.status.vi);
    const noStatus = full.map((r) => r.filter((_, c) => c !== statusCol));
    await putInExcel(host, noStatus);
    const trimmed = copyHolding(bytes, sheet, noStatus);
    const gone = await refusals(
      () => setReviewMark(host.run, ids[0]!, { status: "fixed" }, "2026-01-11"),
      () => trimmed.mark(ids[0]!, { status: "fixed" }, "2026-01-11"),
    );
    expect(gone.code).toBe("missing-column");
    expect(gone.text.en).toBe(
      `Sheet "${FINDINGS}" has no "Review status" column in its header row (row 2): add the column back or run the check again.`,
    );
    expect(gone.text.vi).toContain(`cột "Trạng thái xem xét"`);
    await markBoth(host, trimmed, [[ids[0]!, { note: "cột đã xoá" }, "2026-01-11"]]);
    expect(await fileGrid(trimmed)).toEqual(excelGrid(host));
    expect(excelGrid(host).some((r) => r.includes("cột đã xoá"))).toBe(true);

    // The header row itself is gone.
    const headless = excelGrid(host).map((r, i) => (i < 3 ? [] : r));
    await putInExcel(host, headless);
    const lost = await refusals(
      () => setReviewMark(host.run, ids[0]!, { note: "y" }, "2026-01-11"),
      () => copyHolding(bytes, sheet, headless).mark(ids[0]!, { note: "y" }, "2026-01-11"),
    );
    expect(lost.code).toBe("no-header");
    expect(lost.text.en).toContain(`Sheet "${FINDINGS}" has lost its header row`);
    expect(lost.text.en).toContain(`"Finding id", "Review status", "Note"`);
  });
});
