import { MergedArea, RawSheet } from "../../src/core/model/cells";

/**
 * A member list with merged cells, for the hosts' tests of reading merges: a title merged across,
 * a club code merged down its members' rows, a block over rows and columns. The values stand in
 * each area's top-left cell only, as in Excel.
 */
export const MERGES: readonly MergedArea[] = [
  { row0: 0, col0: 0, row1: 0, col1: 3 },
  { row0: 3, col0: 0, row1: 8, col1: 0 },
  { row0: 10, col0: 2, row1: 12, col1: 3 },
];

export const MERGED_ROWS: RawSheet["rows"] = [
  ["Danh sách thành viên"],
  [],
  ["Mã CLB", "Họ và tên", "Năm sinh", "Giới tính"],
  ["VQ-01", "Nguyễn Thị A", 1950, "Nữ"],
  [null, "Trần Văn B", 1948, "Nam"],
  [null, "Lê Thị C", 1990, "Nữ"],
  [null, "Phạm Văn D", 1955, "Nam"],
  [null, "Hoàng Thị E", 1962, "Nữ"],
  [null, "Đỗ Văn G", 1970, "Nam"],
  [],
  ["VQ-02", "Vũ Thị H", "Ghi chú chung"],
];

/** Areas in reading order, for comparing lists that a host may give in another order. */
export const byPosition = (a: MergedArea, b: MergedArea): number =>
  a.row0 - b.row0 || a.col0 - b.col0 || a.row1 - b.row1 || a.col1 - b.col1;
