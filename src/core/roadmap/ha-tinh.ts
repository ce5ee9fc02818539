/**
 * The Hà Tĩnh appendix (docs/plan/phu-luc-ha-tinh.csv), embedded so that the check runs with no
 * file at hand: "Lộ trình thành lập, nhân rộng mô hình câu lạc bộ". The plan lists years 2021-2024;
 * 2025 has no column of its own and is 0.
 */
import { RoadmapEntry } from "../model/records";

const CSV_ROWS: ReadonlyArray<
  readonly [string, number, number, number, number, number, number, number]
> = [
  ["Huyện Kỳ Anh", 16, 4, 1, 1, 1, 1, 20],
  ["Thị xã Kỳ Anh", 10, 4, 1, 1, 1, 1, 14],
  ["Huyện Cẩm Xuyên", 20, 4, 1, 1, 1, 1, 24],
  ["Huyện Lộc Hà", 20, 4, 1, 1, 1, 1, 24],
  ["Huyện Nghi Xuân", 20, 4, 1, 1, 1, 1, 24],
  ["Huyện Thạch Hà", 8, 8, 2, 2, 2, 2, 16],
  ["Huyện Can Lộc", 8, 8, 2, 2, 2, 2, 16],
  ["Huyện Đức Thọ", 8, 8, 2, 2, 2, 2, 16],
  ["Huyện Hương Sơn", 7, 8, 2, 2, 2, 2, 15],
  ["Huyện Hương Khê", 7, 8, 2, 2, 2, 2, 15],
  ["Huyện Vũ Quang", 4, 8, 2, 2, 2, 2, 12],
  ["Thành phố Hà Tĩnh", 7, 8, 2, 2, 2, 2, 15],
  ["Thị xã Hồng Lĩnh", 5, 4, 1, 1, 1, 1, 9],
];

export const HA_TINH_ROADMAP: readonly RoadmapEntry[] = CSV_ROWS.map(
  ([unit, before, planTotal, y21, y22, y23, y24, total]) => ({
    unit,
    before,
    planTotal,
    plan: { 2021: y21, 2022: y22, 2023: y23, 2024: y24, 2025: 0 },
    total,
  }),
);

/** The appendix's own "Tổng cộng" row, as printed in the plan. */
export const HA_TINH_TOTALS = {
  before: 140,
  planTotal: 80,
  plan: { 2021: 20, 2022: 20, 2023: 20, 2024: 20, 2025: 0 },
  total: 220,
} as const;
