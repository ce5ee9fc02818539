import { RawSheet, RawValue } from "../../src/core/model/cells";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { asXlsx, plain, scenario, SETTINGS } from "./office/scenario";
import { rowsOf } from "../helpers/rows";

/**
 * Near misses of the recognition by content, through the xlsx host: a sheet of the user's that
 * holds some or all of what ours holds is never overwritten, whatever its name. Our sheets' tags
 * are lost in every workbook here (asXlsx writes plain values, as a program that drops hidden
 * names saves them), so only their content can tell them apart.
 */
const { findings: FINDINGS, results: RESULTS, appendix: APPENDIX } = GENERATED_NAMES;
const INPUT = ["CLB", "Thành viên", "Quỹ"];

interface FirstRun {
  /** Our three sheets as a first check wrote them, values only. */
  readonly ours: readonly RawSheet[];
  readonly ids: readonly string[];
}

/** A first check of the small register: what it wrote, and what it found. */
async function firstRun(): Promise<FirstRun> {
  const wb = await asXlsx(scenario());
  const run = await checkWorkbook(wb, SETTINGS, {}, { checkedOn: "2026-01-10" });
  const ours = [];
  for (const name of [RESULTS, APPENDIX, FINDINGS]) ours.push(await wb.readSheet(name));
  return { ours, ids: run.report.findings.map((f) => f.id) };
}

const grid = (s: RawSheet): RawValue[][] =>
  rowsOf(s).map((r) => [...(r ?? [])].map((v) => v ?? null));

/** Our findings sheet with a status and a note typed on its first finding. */
function reviewed(findings: RawSheet, status: string, note: string): RawSheet {
  const rows = grid(findings);
  const header = rows[1]!;
  rows[2]![header.indexOf("Trạng thái xem xét")] = status;
  rows[2]![header.indexOf("Ghi chú")] = note;
  return { ...findings, rows };
}

/** Each sheet's values before a check, to compare with after. */
async function snapshot(wb: XlsxWorkbook, names: readonly string[]) {
  const out = new Map<string, RawValue[][]>();
  for (const n of names) out.set(n, plain((await wb.readSheet(n)).rows));
  return out;
}

const tagged = async (wb: XlsxWorkbook) =>
  (await wb.listSheets()).filter((s) => s.generated).map((s) => s.name);

describe("a user's sheet that looks like ours is never overwritten", () => {
  let first: FirstRun;
  let results: RawSheet;
  let appendix: RawSheet;
  let findings: RawSheet;
  beforeAll(async () => {
    first = await firstRun();
    [results, appendix, findings] = first.ours as [RawSheet, RawSheet, RawSheet];
  });

  it("a copy of our findings sheet the user renamed and kept: untouched, untagged", async () => {
    const ours = reviewed(findings, "Chấp nhận", "Đã giải trình");
    const copy = { ...reviewed(findings, "Cần sửa", "Bản lưu tháng 1"), name: "Lỗi tháng 1" };
    const wb = await asXlsx([...scenario(), results, appendix, ours, copy]);
    const before = await snapshot(wb, [copy.name]);
    const run = await checkWorkbook(wb, SETTINGS, {}, { checkedOn: "2026-02-01" });
    const names = [...INPUT, RESULTS, APPENDIX, FINDINGS, copy.name];
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(names);
    expect(await tagged(wb)).toEqual([RESULTS, APPENDIX, FINDINGS]);
    expect(await snapshot(wb, [copy.name])).toEqual(before);
    // The review carried is the one under our name, not the copy's.
    const f = run.report.findings.find((x) => x.id === first.ids[0])!;
    expect([f.status, f.note]).toEqual(["accepted", "Đã giải trình"]);
    // Nor is the copy read as input: the same findings as the first check.
    expect(run.report.findings.map((x) => x.id)).toEqual(first.ids);
  });

  it("two findings sheets of ours: the one under our name rewritten, the other kept", async () => {
    const stale = { ...reviewed(findings, "Cần sửa", "cũ"), name: `${FINDINGS} (2)` };
    const current = reviewed(findings, "Chấp nhận", "mới");
    const wb = await asXlsx([...scenario(), results, appendix, current, stale]);
    const before = await snapshot(wb, [stale.name]);
    const run = await checkWorkbook(wb, SETTINGS, {}, { checkedOn: "2026-02-01" });
    expect((await wb.listSheets()).map((s) => s.name)).toEqual([
      ...INPUT,
      RESULTS,
      APPENDIX,
      FINDINGS,
      stale.name,
    ]);
    expect(await tagged(wb)).toEqual([RESULTS, APPENDIX, FINDINGS]);
    expect(await snapshot(wb, [stale.name])).toEqual(before);
    const f = run.report.findings.find((x) => x.id === first.ids[0])!;
    expect([f.status, f.note]).toEqual(["accepted", "mới"]);
  });

  it("the user's own log under our name, with our header and no ids: kept, ours beside it", async () => {
    const rows = grid(findings);
    const header = rows[1]!;
    const own = [
      rows[0]!,
      header,
      header.map((h) => (h === "STT" ? 1 : h === "Nội dung" ? "Gọi xã Đức Giang" : null)),
      header.map((h) => (h === "STT" ? 2 : h === "Ghi chú" ? "Lan phụ trách" : null)),
    ];
    const wb = await asXlsx([...scenario(), results, appendix, { name: FINDINGS, rows: own }]);
    const before = await snapshot(wb, [FINDINGS]);
    const run = await checkWorkbook(wb, SETTINGS, {}, { checkedOn: "2026-02-01" });
    expect((await wb.listSheets()).map((s) => s.name)).toEqual([
      ...INPUT,
      RESULTS,
      APPENDIX,
      FINDINGS,
      `${FINDINGS} (2)`,
    ]);
    expect(await snapshot(wb, [FINDINGS])).toEqual(before);
    expect(await tagged(wb)).toEqual([RESULTS, APPENDIX, `${FINDINGS} (2)`]);
    const note = run.report.findings.find(
      (f) => f.rule === "sheet.skipped" && f.sheet === FINDINGS,
    );
    expect(note?.message).toContain(`kết quả ghi vào sheet "${FINDINGS} (2)"`);
  });

  it("a user's roadmap under our appendix's name, titled like it: read as the roadmap, kept", async () => {
    const roadmap: RawSheet = {
      name: APPENDIX,
      rows: [
        ["PHỤ LỤC - Lộ trình thành lập, nhân rộng mô hình câu lạc bộ"],
        ["(Nguồn: Kế hoạch số 12/KH-UBND)"],
        [
          "Đơn vị",
          "Số CLB đã thành lập giai đoạn trước",
          "Kế hoạch giai đoạn 2021-2025",
          "Năm 2021",
          "Năm 2022",
          "Năm 2023",
          "Năm 2024",
          "Năm 2025",
          "Tổng cả hai giai đoạn",
        ],
        ["Huyện Vũ Quang", 4, 8, 2, 2, 2, 1, 1, 12],
      ],
    };
    const wb = await asXlsx([...scenario(), roadmap]);
    const before = await snapshot(wb, [APPENDIX]);
    const run = await checkWorkbook(wb, SETTINGS, {}, { checkedOn: "2026-02-01" });
    expect(run.report.roadmapSource).toBe(`sheet:${APPENDIX}`);
    expect(await snapshot(wb, [APPENDIX])).toEqual(before);
    expect((await wb.listSheets()).map((s) => s.name)).toContain(`${APPENDIX} (2)`);
  });
});
