import { RawRow } from "../../src/core/model/cells";
import { findHeader } from "../../src/core/read/header";
import { noteSaysLeft } from "../../src/core/read/member-layouts";
import { rowKinds } from "../../src/core/read/row-kinds";
import { MEMBERS_SPEC } from "../../src/core/sheets/specs";

/** Rows inside a member table that hold no record, and rows that only look like them. */
const HEADER = ["TT", "Họ và tên", "Giới tính", "Năm sinh", "Được vay vốn", "Mã CLB"];

function kindOf(row: RawRow): string | undefined {
  const sheet = { name: "S", rows: [HEADER, row] };
  return rowKinds(sheet, MEMBERS_SPEC, findHeader(sheet, MEMBERS_SPEC))(1);
}

test.each([
  [["Cộng", null, 50], "total"],
  [["Cộng: 57 người"], "total"],
  [["Tổng số: 346 người"], "total"],
  [["Tổng cộng: 06 CLB"], "total"],
  [["TONG CONG"], "total"],
  [["Total", null, 50], "total"],
  [["SUM:", 12], "total"],
  [["T\u1ed5ng c\u1ed9ng".normalize("NFD")], "total"],
  [[null, "Cong II", 40], "total"],
  [[1, 2, 3, 4, 5, 6], "numbering"],
  [["(1)", "(2)", "(3)", "(4)"], "numbering"],
  [HEADER, "header"],
  [[null, "  Họ và tên", "Giới tính ".normalize("NFD"), "Năm sinh"], "header"],
  [[null, "\u200bHọ và tên", "GIỚI TÍNH", "Năm  sinh"], "header"],
  [["Tổ 1"], "group"],
  [["2", "Tổ 2 - thôn 1"], "group"],
  [[null, "Nhóm 3"], "group"],
  [["Vũ Quang, ngày 31 tháng 12 năm 2025"], "footer"],
  [["NGƯỜI LẬP BIỂU", null, null, "CHỦ TỊCH"], "footer"],
  [["(Ký, ghi rõ họ tên)"], "footer"],
])("%p is a %s row", (row, kind) => {
  expect(kindOf(row)).toBe(kind);
});

test.each([
  [[1, "Tô Văn Giang", "Nam", 1950, "Có", "C1"]],
  [[2, "Tô Thị Hoa"]],
  [[3, "Nguyễn Văn Cộng", "Nam", 1990, "Không", "C1"]],
  [[1, 2, "Nữ", 1950, "Có", "C1"]],
  [[4, "Trần Văn Tổng"]],
  [[5, "Thái Thị Sum", "Nữ", 1950, "Có", "C1"]],
  [[6, "Cao Văn Tổng", "Nam", 1950, "Có", "C1"]],
  [[7, "Sơn"]],
  [[8, "Hoa Lý Tên", "Nữ", "Năm sanh", "Có", "Mã CLC"]],
])("%p is a record", (row) => {
  expect(kindOf(row)).toBeUndefined();
});

test.each([
  ["Đã chuyển đi", true],
  ["Chuyển đi nơi khác", true],
  ["Đã mất", true],
  ["mất năm 2024", true],
  ["Xin ra khỏi CLB", true],
  ["Thôi sinh hoạt từ 2024", true],
  ["DA CHUYEN DI", true],
  ["Chủ nhiệm CLB", false],
  ["Cán bộ Mặt trận", false],
  ["Thủ quỹ", false],
  ["", false],
])("the note %p says the member left: %p", (note, left) => {
  expect(noteSaysLeft(note)).toBe(left);
});

test("a row spread to column XFD is told by its cells, as a register's row is", () => {
  const sparse = (cells: [number, string | number][]): RawRow => {
    const row: (string | number)[] = [];
    for (const [c, v] of cells) row[c] = v;
    return row;
  };
  expect(
    kindOf(
      sparse([
        [0, "Tổ 2"],
        [16_383, ""],
      ]),
    ),
  ).toBe("group");
  expect(
    kindOf(
      sparse([
        [0, 1],
        [1, 2],
        [16_383, 3],
      ]),
    ),
  ).toBe("numbering");
  expect(
    kindOf(
      sparse([
        [0, 1],
        [1, 2],
        [16_383, 5],
      ]),
    ),
  ).toBeUndefined();
  expect(
    kindOf(
      sparse([
        [0, "Tổ 2"],
        [5, "x"],
        [16_383, "y"],
      ]),
    ),
  ).toBeUndefined();
});
