/** The pane's Vietnamese text: the default language of the add-in. */
import { SETTINGS_SCHEMA } from "../core/model/settings";
import { STATE_LABEL, STATUS_LABEL } from "../core/review/labels";
import { ACTIONS, VERDICT, sourceText, summaryText } from "../core/text/glossary";
import { formatCount, rowList, shortHeader } from "./number-text";
import type { MergeStrings, PageText, ReviewStrings, RibbonStrings, Strings } from "./strings";

/** Unread columns named one by one; the rest are counted, so the line fits a narrow pane. */
const UNREAD_SHOWN = 10;

export const vi: Strings = {
  title: "ISHC Check — Kiểm tra CLB liên thế hệ tự giúp nhau",
  intro:
    "ISHC Check đối chiếu sổ theo dõi của câu lạc bộ liên thế hệ tự giúp nhau (thành viên, quỹ, " +
    "hoạt động) với các tiêu chí của Đề án và chỉ ra những ô cần sửa.",
  hostLabel: "Đang chạy",
  hostExcel: (platform) => `Trong Excel (${platform})`,
  hostFile: "Kiểm tra tệp trên trình duyệt (ngoài Excel)",
  hostFileHint: "Trang này đang mở trong trình duyệt, không nằm trong Excel.",
  loading: "Đang tải…",
  loadFailed: "Không tải được trang kiểm tra tệp",
  openFile: "Mở tệp .xlsx",
  fileInputLabel: "Tệp .xlsx cần kiểm tra",
  noFile: "Chưa chọn tệp.",
  asOf: SETTINGS_SCHEMA.asOf.label.vi,
  ageLine: SETTINGS_SCHEMA.ageLine.label.vi,
  ageLineOption: (age) => `Từ ${age} tuổi`,
  check: "Kiểm tra",
  stages: { reading: "Đang đọc tệp…", checking: "Đang kiểm tra…", writing: "Đang ghi…" },
  failedTitle: "Không kiểm tra được tệp",
  summary: (s) => summaryText(s, "vi"),
  download: "Tải tệp đã kiểm tra",
  clubsHeading: "Kết quả từng CLB",
  columns: {
    id: "Mã CLB",
    name: "Tên CLB",
    unit: "Đơn vị",
    members: "Thành viên",
    women: "Nữ",
    older: "Cao tuổi",
    younger: "Trẻ tuổi",
    borrowers: "Vay vốn",
    verdict: "Kết luận",
    failed: "Tiêu chí chưa đạt",
  },
  pass: VERDICT.pass.vi,
  fail: VERDICT.fail.vi,
  failing: "chưa đạt",
  noValue: "—",
  rowsShown: (shown, total) =>
    `Hiển thị ${formatCount(shown, "vi")}/${formatCount(total, "vi")} CLB đầu tiên; tệp đã kiểm tra có đủ tất cả.`,
  findingsHeading: "Các phát hiện",
  noFindings: "Không có phát hiện nào.",
  severity: { error: "lỗi", warning: "cảnh báo", info: "thông tin" },
  language: "Ngôn ngữ",
  languageNames: { vi: "Tiếng Việt", en: "English" },
  actions: {
    check: ACTIONS.check.vi,
    appendix: ACTIONS.appendix.vi,
    clear: ACTIONS.clear.vi,
    template: ACTIONS.template.vi,
  },
  actionHints: {
    check: "Kiểm tra sổ đang mở, tô các ô chưa đạt và ghi ba sheet kết quả.",
    appendix: "Chỉ ghi sheet phụ lục tiến độ (giữ nguyên các ô đã tô).",
    clear: "Bỏ các ô do ISHC Check tô; định dạng của bạn giữ nguyên.",
    template: "Thêm các sheet mẫu CLB, Thành viên, Quỹ, Lộ trình còn thiếu.",
  },
  cancel: "Hủy",
  excelStages: {
    reading: "Đang đọc sổ…",
    checking: "Đang kiểm tra…",
    writing: "Đang ghi kết quả vào sổ…",
  },
  writingNoCancel: "Đang ghi kết quả vào sổ: không hủy được nữa.",
  actionFailed: {
    check: "Không kiểm tra được",
    appendix: "Không lập được phụ lục",
    clear: "Không xóa được đánh dấu",
    template: "Không tạo được mẫu",
  },
  appendixDone: (sheet) => `Đã lập phụ lục ở sheet "${sheet}".`,
  cleared: (count) =>
    count === 0
      ? "Không có ô nào do ISHC Check tô."
      : `Đã bỏ ${formatCount(count, "vi")} quy tắc tô màu của ISHC Check.`,
  templateDone: (created, skipped, perClub) =>
    [
      created.length > 0 ? `Đã thêm: ${created.join(", ")}.` : "Không thêm sheet nào.",
      skipped.length > 0 ? `Đã có sẵn, giữ nguyên: ${skipped.join(", ")}.` : "",
      perClub.length > 0
        ? `Không thêm sheet Thành viên: sổ ghi thành viên theo từng CLB (${perClub.join(", ")}).`
        : "",
    ]
      .filter((s) => s !== "")
      .join(" "),
  goToCell: (sheet, cell) => `Đến ô ${cell} của sheet ${sheet}`,
  selectFailed: (sheet, cell) =>
    `Không chọn được ô ${sheet}!${cell} (sheet đã đổi tên hoặc bị xóa?).`,
  settingsHeading: "Thiết lập",
  settingsStoredHint:
    "Thiết lập được lưu trong sổ, dùng cho cả nút Kiểm tra CLB trên thanh công cụ.",
  asOfToday: "Tính đến hôm nay",
  percentHint: "Nhập phần trăm, ví dụ 60.",
  saveSettings: "Lưu vào sổ",
  resetSettings: "Khôi phục mặc định",
  settingsSaved: "Đã lưu thiết lập vào sổ.",
  layoutHeading: "Sổ được đọc thế nào",
  roles: { clubs: "Danh sách CLB", members: "Thành viên", funds: "Quỹ", roadmap: "Lộ trình" },
  layoutSheet: (sheet, role) => `Sheet "${sheet}": ${role}`,
  layoutHeaderRows: (rows) => `Dòng tiêu đề: ${rowList(rows, "vi")}`,
  layoutCounts: (data, blank, totals) =>
    `${formatCount(data, "vi")} dòng dữ liệu, ${formatCount(blank, "vi")} dòng trống` +
    (totals.length > 0 ? `, bỏ qua dòng tổng ${rowList(totals, "vi")}` : ""),
  layoutColumn: "Cột",
  layoutHeader: "Tiêu đề trong sổ",
  layoutField: "Hiểu là",
  layoutAmbiguous: (field, columns) => `"${field}" có thể là cột ${columns.join(" hoặc ")}`,
  layoutUnread: (columns) => {
    const shown = columns.slice(0, UNREAD_SHOWN).map((c) => `${c.column} ${shortHeader(c.header)}`);
    const more = columns.length - shown.length;
    return (
      `Không đọc ${columns.length === 1 ? "cột" : "các cột"} ${shown.join(", ")}` +
      (more > 0 ? ` và ${formatCount(more, "vi")} cột khác` : "")
    );
  },
  layoutSections: (rows) =>
    `${formatCount(rows.length, "vi")} dòng mục CLB (dòng ${rowList(rows, "vi")})`,
  layoutSectionsUnknown: (rows) =>
    `Dòng mục không khớp CLB nào trong danh sách: dòng ${rowList(rows, "vi")}; thành viên bên dưới không được tính.`,
  fixMapping: "Chọn cột",
  mappingHeading: (sheet) => `Chọn cột cho sheet "${sheet}"`,
  mappingIntro:
    "ISHC Check chưa chắc cột nào là gì. Hãy chọn dòng tiêu đề và cột cho từng mục; lựa chọn được lưu trong sổ.",
  mappingRole: "Sheet này là",
  mappingHeaderRow: "Dòng tiêu đề",
  mappingNone: "(không có)",
  mappingPreview: "Các dòng đầu của sheet",
  mappingSave: "Lưu và kiểm tra lại",
  mappingClose: "Đóng",
  mappingSheet: "Sheet",
  mappingStored: (count) => `Đang dùng lựa chọn cột đã lưu cho ${formatCount(count, "vi")} sheet.`,
  mappingForget: "Bỏ lựa chọn cột đã lưu",
  fileMappingIntro:
    "ISHC Check chưa chắc cột nào là gì trong tệp này. Hãy chọn dòng tiêu đề và cột cho từng mục; lựa chọn được giữ cho tệp này khi trang còn mở (không ghi vào tệp) và dùng cho mỗi lần kiểm tra sau.",
  fileMappingSave: "Dùng cho tệp này và kiểm tra lại",
  fileMappingKept: (sheets) =>
    `Đang dùng lựa chọn cột cho ${formatCount(sheets, "vi")} sheet của tệp này.`,
  fileMappingForget: "Bỏ lựa chọn cột",
};

/** "Gộp tệp": merging the districts' files. */
export const mergeVi: MergeStrings = {
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
  source: (s) => sourceText(s, "vi"),
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
  mapped: (n) => `đã chọn cột cho ${formatCount(n, "vi")} sheet`,
  forget: "Bỏ chọn cột",
  forgetMapping: (file) => `Bỏ chọn cột của tệp "${file}"`,
  ambiguousHeading: "Cột chưa rõ",
  ambiguousFile: (file, sheet, fields) =>
    `${file}, sheet "${sheet}": chưa rõ cột nào là ${fields.map((f) => `"${f}"`).join(", ")}`,
};

/** The review trail's words in the pane. */
export const reviewVi: ReviewStrings = {
  filterLabel: "Lọc theo trạng thái xem xét",
  filters: {
    all: "Tất cả, trừ đã hết",
    new: `${STATE_LABEL.new.vi} (lần kiểm tra này)`,
    open: STATUS_LABEL.open.vi,
    mustFix: STATUS_LABEL.mustFix.vi,
    accepted: STATUS_LABEL.accepted.vi,
    fixed: STATUS_LABEL.fixed.vi,
    other: "Trạng thái khác",
    resolved: `${STATE_LABEL.resolved.vi} (không còn phát hiện)`,
  },
  statusOf: (where) => `Trạng thái xem xét: ${where}`,
  newBadge: STATE_LABEL.new.vi,
  reappearedBadge: STATE_LABEL.reappeared.vi,
  noneMatch: "Không có lỗi nào ở trạng thái này.",
  resolvedOn: (day) => `hết từ ngày ${day}`,
  firstSeen: (day) => `phát hiện lần đầu ${day}`,
  reviewedOn: (day) => `xem xét ngày ${day}`,
  saved: (status) => `Đã ghi "${status}" vào sheet Danh sách lỗi.`,
  savedInCopy: (status) =>
    `Đã ghi "${status}" vào sheet Danh sách lỗi của bản đã kiểm tra: tải bản này về để giữ.`,
  saveFailed: (reason) => `Chưa ghi được trạng thái: ${reason}`,
  note: "Ghi chú",
};

/** The ribbon dialog page. */
export const dialogVi: PageText = {
  title: { done: "Kết quả kiểm tra", failed: "Không kiểm tra được" },
  close: "Đóng",
  empty: "Không có thông báo.",
};

/** The ribbon button's dialog. */
export const ribbonVi: RibbonStrings = {
  summary: ({ clubs, compliant, findings: f }) =>
    `${summaryText({ clubs, compliant, errors: f.error, warnings: f.warning, info: f.info }, "vi")}.`,
  seeSheets: (sheets) => `Xem các trang: ${sheets.join(", ")}.`,
  checkFailed: "Không kiểm tra được",
  engineNotLoaded:
    "Không tải được phần kiểm tra của ISHC Check. Hãy kiểm tra kết nối mạng rồi bấm lại; lệnh " +
    "này cũng cần Microsoft 365 hoặc Office 2021 trở lên, Excel trên web hoặc Excel cho Mac.",
  cellEditing:
    "Excel đang sửa một ô nên chưa kiểm tra được. Hãy nhấn Enter hoặc Esc để xong việc sửa ô, rồi " +
    "bấm lại Kiểm tra CLB. Sổ làm việc không thay đổi.",
  newerExcel:
    "Nút Kiểm tra CLB cần phiên bản Excel mới hơn: Microsoft 365 hoặc Office 2021 trở lên, Excel " +
    "trên web hoặc Excel cho Mac. Phiên bản Excel này (như Office 2019) không chạy được phần " +
    "kiểm tra của ISHC Check. Sổ làm việc không thay đổi.",
  timeLimit:
    "Sổ làm việc này lớn, nút trên thanh công cụ không kiểm tra xong được trong thời gian Office " +
    "cho phép một lệnh (khoảng 5 phút), nên đã dừng trước khi ghi: sổ làm việc không thay " +
    "đổi.\nHãy bấm Mở bảng (nhóm ISHC Check trên thẻ Trang đầu) rồi bấm Kiểm tra CLB trong " +
    "bảng: bảng không bị giới hạn thời gian này.",
};
