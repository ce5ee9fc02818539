import { asA1 } from "../../../src/core/model/brand";
import { Severity } from "../../../src/core/model/finding";
import { GeneratedSheet, Highlight, PlanCell, WritePlan } from "../../../src/core/model/write-plan";

/** Plans as the core would produce them, small enough to check cell by cell. */
export function resultsSheet(
  name = "Kết quả CLB",
  kind: GeneratedSheet["kind"] = "results",
): GeneratedSheet {
  const row = (...cells: PlanCell[]): PlanCell[] => cells;
  return {
    kind,
    name,
    rows: [
      row({ v: "Kết quả kiểm tra CLB", style: "title" }),
      row(
        { v: "Mã CLB", style: "header" },
        { v: "Thành viên", style: "header" },
        { v: "Tỷ lệ nữ", style: "header" },
        { v: "Đạt", style: "header" },
        { v: "Ô", style: "header" },
      ),
      row(
        { v: "VQ-01", style: "text" },
        { v: 50, style: "integer" },
        { v: 0.66, style: "percent" },
        { v: true, style: "pass" },
        { v: "D17", style: "link", link: { sheet: "Thành viên", cell: asA1("D17") } },
      ),
      row(
        { v: 'VQ-02 <&> "_x0041_"' },
        { v: 12, style: "failInteger" },
        { v: 0.4, style: "failPercent" },
        { v: false, style: "fail" },
        { v: null, style: "warn" },
      ),
      row(
        { v: "Tổng cộng", style: "total" },
        { v: 62, style: "total" },
        { v: 0.6, style: "totalPercent" },
      ),
    ],
    merges: [asA1("A1:E1")],
    columnWidths: [12, 10, 10, 8, 30],
    freezeRows: 2,
  };
}

export const highlight = (
  sheet: string,
  cell: string,
  severity: Severity = "error",
): Highlight => ({
  sheet,
  cell: asA1(cell),
  rule: "member.sex",
  severity,
  reason: "…",
});

export function plan(sheets: GeneratedSheet[], highlights: Highlight[] = []): WritePlan {
  return { sheets, highlights };
}
