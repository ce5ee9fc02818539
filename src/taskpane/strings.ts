/**
 * The pane's text, one object per language. Vietnamese is the default: the add-in is for club
 * officers in Vietnam. English is shown when Office's display language is English.
 */

export type Language = "vi" | "en";

export interface Strings {
  readonly title: string;
  readonly intro: string;
  readonly notYet: string;
  readonly hostLabel: string;
  readonly hostExcel: (platform: string) => string;
  readonly hostFile: string;
  readonly hostFileHint: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly openFile: string;
  readonly fileInputLabel: string;
  readonly noFile: string;
  readonly asOf: string;
  readonly ageLine: string;
  readonly ageLineOption: (age: number) => string;
  readonly check: string;
  readonly stages: Readonly<Record<"reading" | "checking" | "writing", string>>;
  readonly failedTitle: string;
  readonly summary: (s: SummaryFigures) => string;
  readonly download: string;
  readonly clubsHeading: string;
  readonly columns: Readonly<Record<ClubColumn, string>>;
  readonly pass: string;
  readonly fail: string;
  readonly failing: string;
  readonly noValue: string;
  readonly rowsShown: (shown: number, total: number) => string;
  readonly findingsHeading: string;
  readonly noFindings: string;
  readonly severity: Readonly<Record<"error" | "warning" | "info", string>>;
}

export interface SummaryFigures {
  readonly clubs: number;
  readonly compliant: number;
  readonly errors: number;
  readonly warnings: number;
}

export type ClubColumn =
  | "id"
  | "name"
  | "unit"
  | "members"
  | "women"
  | "older"
  | "younger"
  | "borrowers"
  | "verdict"
  | "failed";

export const strings: Readonly<Record<Language, Strings>> = {
  vi: {
    title: "ISHC Check — Kiểm tra CLB liên thế hệ tự giúp nhau",
    intro:
      "ISHC Check đối chiếu sổ theo dõi của câu lạc bộ liên thế hệ tự giúp nhau (thành viên, quỹ, " +
      "hoạt động) với các tiêu chí của Đề án và chỉ ra những ô cần sửa.",
    notYet: "Phiên bản này chưa có chức năng kiểm tra.",
    hostLabel: "Đang chạy",
    hostExcel: (platform) => `Trong Excel (${platform})`,
    hostFile: "Chế độ tệp (ngoài Excel)",
    hostFileHint: "Trang này đang mở trong trình duyệt, không nằm trong Excel.",
    loading: "Đang tải…",
    loadFailed: "Không tải được chế độ tệp",
    openFile: "Mở tệp .xlsx",
    fileInputLabel: "Tệp .xlsx cần kiểm tra",
    noFile: "Chưa chọn tệp.",
    asOf: "Ngày báo cáo",
    ageLine: "Tuổi tính là người cao tuổi",
    ageLineOption: (age) => `Từ ${age} tuổi`,
    check: "Kiểm tra",
    stages: { reading: "Đang đọc tệp…", checking: "Đang kiểm tra…", writing: "Đang ghi…" },
    failedTitle: "Không kiểm tra được tệp",
    summary: (s) => `${s.compliant}/${s.clubs} CLB đạt; ${s.errors} lỗi, ${s.warnings} cảnh báo`,
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
      verdict: "Kết quả",
      failed: "Tiêu chí chưa đạt",
    },
    pass: "Đạt",
    fail: "Chưa đạt",
    failing: "chưa đạt",
    noValue: "—",
    rowsShown: (shown, total) =>
      `Hiển thị ${shown}/${total} CLB đầu tiên; tệp đã kiểm tra có đủ tất cả.`,
    findingsHeading: "Phát hiện theo quy tắc",
    noFindings: "Không có phát hiện nào.",
    severity: { error: "lỗi", warning: "cảnh báo", info: "thông tin" },
  },
  en: {
    title: "ISHC Check — Intergenerational self-help club checker",
    intro:
      "ISHC Check compares an intergenerational self-help club's registers (members, funds, " +
      "activities) with the programme's criteria and points out the cells to fix.",
    notYet: "This version cannot run a check yet.",
    hostLabel: "Running",
    hostExcel: (platform) => `Inside Excel (${platform})`,
    hostFile: "File mode (outside Excel)",
    hostFileHint: "This page is open in a browser, not inside Excel.",
    loading: "Loading…",
    loadFailed: "File mode could not be loaded",
    openFile: "Open .xlsx file",
    fileInputLabel: "The .xlsx file to check",
    noFile: "No file chosen.",
    asOf: "Reference date",
    ageLine: "Older people from age",
    ageLineOption: (age) => `From ${age}`,
    check: "Check",
    stages: { reading: "Reading the file…", checking: "Checking…", writing: "Writing…" },
    failedTitle: "The file could not be checked",
    summary: (s) =>
      `${s.compliant}/${s.clubs} clubs pass; ${s.errors} errors, ${s.warnings} warnings`,
    download: "Download checked workbook",
    clubsHeading: "Clubs",
    columns: {
      id: "Club id",
      name: "Name",
      unit: "Unit",
      members: "Members",
      women: "Women",
      older: "Older",
      younger: "Younger",
      borrowers: "Borrowers",
      verdict: "Verdict",
      failed: "Failed criteria",
    },
    pass: "Pass",
    fail: "Fail",
    failing: "failing",
    noValue: "—",
    rowsShown: (shown, total) =>
      `Showing the first ${shown} of ${total} clubs; the checked workbook has them all.`,
    findingsHeading: "Findings by rule",
    noFindings: "No findings.",
    severity: { error: "errors", warning: "warnings", info: "info" },
  },
};

/** English when the display language is English (en, en-US, en-GB, …), Vietnamese otherwise. */
export function languageFor(displayLanguage: string | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "vi";
}
