import { RawSheet, RawValue } from "../../src/core/model/cells";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { PreviousEntry, readPreviousTrail } from "../../src/core/review/trail";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { openXlsx, XlsxWorkbook } from "../../src/hosts/xlsx";
import { rewriteSheet } from "../helpers/xlsx-edit";
import { asXlsx, scenario, SETTINGS } from "./office/scenario";
import { rowsOf } from "../helpers/rows";

/**
 * The auditor's review trail over the xlsx host (the command line and the browser's file mode):
 * the checked copy is edited as a user would (marks typed into the findings sheet, member rows
 * inserted, deleted and sorted, the findings sheet sorted), then checked again.
 */
const FINDINGS = GENERATED_NAMES.findings;
const MEMBERS = "Thành viên";

const grid = (s: RawSheet): RawValue[][] =>
  rowsOf(s).map((r) => [...(r ?? [])].map((v) => v ?? null));
const trailOf = async (wb: XlsxWorkbook): Promise<Map<string, PreviousEntry>> =>
  readPreviousTrail(await wb.readSheet(FINDINGS));

describe("the review trail over the xlsx host", () => {
  it("keeps every mark on its finding through inserted, deleted and sorted rows and re-runs", async () => {
    const wb1 = await asXlsx(scenario());
    const run1 = await checkWorkbook(wb1, SETTINGS, {}, { checkedOn: "2026-01-10" });
    const idOf = (rule: string) => run1.report.findings.find((f) => f.rule === rule)!.id;
    const [sexId, birthId, womenId] = ["member.sex", "member.birth", "club.women"].map(idOf);

    // The auditor marks three findings in the checked copy, in English and Vietnamese words and
    // one of their own, with a review day typed as text, and sorts the sheet by severity.
    const findings = grid(await wb1.readSheet(FINDINGS));
    const header = findings[1]!;
    const col = (h: string) => header.indexOf(h);
    const mark = (id: string, status: string, note: string, day: RawValue = null) => {
      const row = findings.find((r) => r[col("Mã lỗi")] === id)!;
      row[col("Trạng thái xem xét")] = status;
      row[col("Ghi chú")] = note;
      row[col("Ngày xem xét")] = day;
    };
    mark(sexId!, "must fix", "Hỏi lại xã", "11/01/2026");
    mark(birthId!, "Đã sửa", "");
    mark(womenId!, "Chờ huyện", "Tháng sau");
    const sorted = [
      ["Ghi chú của đoàn kiểm tra"],
      ...findings.slice(0, 2),
      ...findings.slice(2).sort((a, b) => String(a[3]).localeCompare(String(b[3]))),
    ];
    let bytes = rewriteSheet(wb1.toBytes(), FINDINGS, sorted);

    // Member rows: the unreadable birth deleted, a blank row and a new bad member inserted, sorted.
    const members = grid(await openXlsx(bytes).readSheet(MEMBERS));
    const head = members[0]!;
    const rows = members.slice(1).filter((r) => r[head.indexOf("Năm sinh")] !== "năm ngoái");
    const added = [...rows.at(0)!];
    added[head.indexOf("Họ và tên")] = "Người Mới Thêm";
    added[head.indexOf("Mã CLB")] = "C3";
    added[head.indexOf("Giới tính")] = "?";
    rows.sort((a, b) => String(b[1]).localeCompare(String(a[1])));
    bytes = rewriteSheet(bytes, MEMBERS, [head, [], added, ...rows]);

    const wb2 = openXlsx(bytes);
    expect((await wb2.listSheets()).find((s) => s.name === FINDINGS)?.generated).toBe("findings");
    const run2 = await checkWorkbook(wb2, SETTINGS, {}, { checkedOn: "2026-02-20" });
    const after = await trailOf(wb2);
    expect(after.get(sexId!)!.marks).toEqual({
      status: { kind: "known", status: "mustFix" },
      note: "Hỏi lại xã",
      reviewedOn: "2026-01-11",
    });
    expect(after.get(womenId!)!.marks).toEqual({
      status: { kind: "other", text: "Chờ huyện" },
      note: "Tháng sau",
      reviewedOn: "2026-02-20",
    });
    expect([after.get(sexId!)!.state, after.get(sexId!)!.firstSeen]).toEqual([
      "still",
      "2026-01-10",
    ]);
    const birth = after.get(birthId!)!;
    expect([birth.state, birth.resolvedOn, birth.marks.status]).toEqual([
      "resolved",
      "2026-02-20",
      { kind: "known", status: "fixed" },
    ]);
    const fresh = run2.report.findings.filter((f) => f.state === "new");
    expect(fresh.map((f) => f.rule)).toContain("member.sex");
    for (const f of fresh) expect(after.get(f.id)!.state).toBe("new");
    // Nothing the auditor wrote is lost: every id of the first run is still listed.
    for (const f of run1.report.findings) expect(after.has(f.id)).toBe(true);

    // A third run on the saved copy keeps the resolved day and the marks.
    const wb3 = openXlsx(wb2.toBytes());
    await checkWorkbook(wb3, SETTINGS, {}, { checkedOn: "2026-03-05" });
    const third = await trailOf(wb3);
    expect(third.get(birthId!)!.resolvedOn).toBe("2026-02-20");
    expect(third.get(sexId!)!.marks).toEqual(after.get(sexId!)!.marks);
    expect(third.get(womenId!)!.marks).toEqual(after.get(womenId!)!.marks);
  });

  it("carries the marks of a findings sheet in the first layout (status and note only)", async () => {
    const wb1 = await asXlsx(scenario());
    const run1 = await checkWorkbook(wb1, SETTINGS, {}, { checkedOn: "2026-01-10" });
    const first = run1.report.findings[0]!;
    const old = [
      ["DANH SÁCH LỖI (1)"],
      [
        "STT",
        "Quy tắc",
        "Mức độ",
        "Sheet",
        "Ô",
        "Nội dung",
        "Trạng thái xem xét",
        "Ghi chú",
        "Mã lỗi",
      ],
      [1, first.rule, "Lỗi", "", "", first.message, "Đã xem", "Hỏi lại", first.id],
    ];
    const wb2 = openXlsx(rewriteSheet(wb1.toBytes(), FINDINGS, old));
    await checkWorkbook(wb2, SETTINGS, {}, { checkedOn: "2026-02-01" });
    const e = (await trailOf(wb2)).get(first.id)!;
    expect([e.marks.status, e.marks.note, e.state]).toEqual([
      { kind: "other", text: "Đã xem" },
      "Hỏi lại",
      "still",
    ]);
  });
});
