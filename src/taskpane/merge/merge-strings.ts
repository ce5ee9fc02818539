import type { Language } from "../strings";

/** The texts of "Gộp tệp" (merging district files), in both languages. */
export interface MergeStrings {
  readonly open: string;
  readonly openHint: string;
  readonly close: string;
  readonly heading: string;
  readonly intro: string;
  readonly pick: string;
  readonly inputLabel: string;
  readonly none: string;
  readonly clear: string;
  readonly listLabel: string;
  readonly merge: string;
  readonly fileStage: (index: number, total: number, name: string) => string;
  readonly checkStage: string;
  readonly writeStage: string;
  readonly cancel: string;
  readonly cancelled: string;
  readonly failed: string;
  readonly sourcesHeading: string;
  readonly source: (s: {
    file: string;
    clubs: number;
    members: number;
    funds: number;
    roadmapUnits: number;
  }) => string;
  readonly download: string;
  readonly openInExcel: string;
  readonly openedInExcel: string;
  readonly openFailed: (reason: string) => string;
  /** The column picker for one file's sheet. */
  readonly fixColumns: string;
  readonly fixColumnsOf: (file: string, sheet?: string) => string;
  readonly mappingHeading: (file: string, sheet: string) => string;
  readonly mappingIntro: string;
  readonly mappingSave: string;
  readonly mapped: (sheets: number) => string;
  readonly forget: string;
  readonly forgetMapping: (file: string) => string;
  readonly ambiguousHeading: string;
  readonly ambiguousFile: (file: string, sheet: string, fields: readonly string[]) => string;
}

const vi: MergeStrings = {
  open: "Gộp tệp",
  openHint: "Gộp sổ của các huyện thành một sổ của tỉnh, rồi kiểm tra cả tỉnh.",
  close: "Đóng",
  heading: "Gộp tệp của các huyện",
  intro:
    "Chọn các tệp .xlsx của các huyện (có thể chọn nhiều lần). Mọi CLB, thành viên và quỹ được gộp vào một sổ, mỗi dòng ghi tệp nguồn; phụ lục và kết quả là của cả tỉnh.",
  pick: "Chọn tệp .xlsx",
  inputLabel: "Các tệp cần gộp",
  none: "Chưa chọn tệp nào.",
  clear: "Bỏ chọn hết",
  listLabel: "Tệp đã chọn",
  merge: "Gộp tệp",
  fileStage: (i, n, name) => `Đang đọc tệp ${i + 1}/${n}: ${name}…`,
  checkStage: "Đang kiểm tra cả tỉnh…",
  writeStage: "Đang ghi sổ của tỉnh…",
  cancel: "Hủy",
  cancelled: "Đã hủy gộp tệp.",
  failed: "Không gộp được",
  sourcesHeading: "Các tệp đã gộp",
  source: (s) =>
    `${s.file}: ${s.clubs} CLB, ${s.members} thành viên, ${s.funds} dòng quỹ, ${s.roadmapUnits} đơn vị lộ trình`,
  download: "Tải sổ của tỉnh",
  openInExcel: "Mở trong Excel",
  openedInExcel: "Sổ của tỉnh đã mở trong một cửa sổ Excel mới.",
  openFailed: (reason) => `Không mở được trong Excel: ${reason}. Hãy tải tệp về.`,
  fixColumns: "Chọn cột",
  fixColumnsOf: (file, sheet) =>
    sheet === undefined
      ? `Chọn cột của tệp "${file}"`
      : `Chọn cột của tệp "${file}", sheet "${sheet}"`,
  mappingHeading: (file, sheet) => `Chọn cột cho sheet "${sheet}" của tệp "${file}"`,
  mappingIntro:
    "ISHC Check chưa chắc cột nào là gì trong tệp này. Hãy chọn dòng tiêu đề và cột cho từng mục; lựa chọn được giữ cho tệp này trong lúc gộp (không ghi vào tệp) và dùng cho mỗi lần gộp sau.",
  mappingSave: "Dùng cho tệp này và gộp lại",
  mapped: (n) => `đã chọn cột cho ${n} sheet`,
  forget: "Bỏ chọn cột",
  forgetMapping: (file) => `Bỏ chọn cột của tệp "${file}"`,
  ambiguousHeading: "Cột chưa rõ",
  ambiguousFile: (file, sheet, fields) =>
    `${file}, sheet "${sheet}": chưa rõ cột nào là ${fields.map((f) => `"${f}"`).join(", ")}`,
};

const en: MergeStrings = {
  open: "Merge files",
  openHint: "Merge the districts' registers into one provincial workbook, then check the province.",
  close: "Close",
  heading: "Merge district files",
  intro:
    "Pick the districts' .xlsx files (you can pick more than once). Every club, member and fund goes into one workbook, each row naming its source file; the appendix and the results are the province's.",
  pick: "Pick .xlsx files",
  inputLabel: "Files to merge",
  none: "No file picked yet.",
  clear: "Clear the list",
  listLabel: "Files picked",
  merge: "Merge files",
  fileStage: (i, n, name) => `Reading file ${i + 1}/${n}: ${name}…`,
  checkStage: "Checking the province…",
  writeStage: "Writing the provincial workbook…",
  cancel: "Cancel",
  cancelled: "Merge cancelled.",
  failed: "Could not merge",
  sourcesHeading: "Files merged",
  source: (s) =>
    `${s.file}: ${s.clubs} clubs, ${s.members} members, ${s.funds} fund rows, ${s.roadmapUnits} roadmap units`,
  download: "Download the provincial workbook",
  openInExcel: "Open in Excel",
  openedInExcel: "The provincial workbook opened in a new Excel window.",
  openFailed: (reason) => `Could not open it in Excel: ${reason}. Download the file instead.`,
  fixColumns: "Pick columns",
  fixColumnsOf: (file, sheet) =>
    sheet === undefined
      ? `Pick columns of file "${file}"`
      : `Pick columns of file "${file}", sheet "${sheet}"`,
  mappingHeading: (file, sheet) => `Pick the columns of sheet "${sheet}" in file "${file}"`,
  mappingIntro:
    "ISHC Check is not sure which column is which in this file. Pick the header row and the column of each field; the choice is kept for this file while merging (the file is not changed) and used by every later merge.",
  mappingSave: "Use for this file and merge again",
  mapped: (n) => `columns picked for ${n} sheet(s)`,
  forget: "Forget columns",
  forgetMapping: (file) => `Forget columns of file "${file}"`,
  ambiguousHeading: "Columns not sure",
  ambiguousFile: (file, sheet, fields) =>
    `${file}, sheet "${sheet}": not sure which column is ${fields.map((f) => `"${f}"`).join(", ")}`,
};

export const mergeStrings: Readonly<Record<Language, MergeStrings>> = { vi, en };
