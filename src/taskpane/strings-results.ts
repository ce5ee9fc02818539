/**
 * The words of the results' lists (clubs and findings) and of the file mode's form, in both
 * languages, in the glossary's terms (docs/glossary.md). Numbers as each language writes them.
 */
import type { Severity } from "../core/model/finding";
import { countOf, formatCount } from "../core/text/numbers";
import type { Language } from "./strings";
import type { GroupBy } from "./results/finding-rows";

export interface ResultStrings {
  /** The heading of what needs doing: failing clubs and findings. */
  readonly todoHeading: string;
  readonly clubsHeading: string;
  readonly clubsSearch: string;
  /** "12 / 216 CLB chưa đạt" above the list. */
  readonly clubsCount: (failing: number, total: number) => string;
  readonly clubsShown: (shown: number) => string;
  readonly clubDetails: (id: string) => string;
  readonly clubFacts: {
    readonly unit: string;
    readonly members: string;
    readonly women: string;
    readonly older: string;
    readonly younger: string;
    readonly borrowers: string;
    readonly fund: string;
    readonly regulation: string;
    readonly activities: string;
    readonly managed: string;
  };
  readonly yes: string;
  readonly no: string;
  readonly noneFailed: string;
  readonly findingsHeading: string;
  readonly findingsSearch: string;
  readonly groupBy: string;
  readonly groupByNames: Readonly<Record<GroupBy, string>>;
  readonly noClub: string;
  readonly findingsShown: (shown: number, total: number) => string;
  /** "3 lỗi" / "1 error", a severity's count. */
  readonly severityCount: (severity: Severity, n: number) => string;
  readonly nothingFound: string;
  readonly restHeading: string;
  readonly pickFileFirst: string;
  readonly cancel: string;
  readonly modeCheck: string;
  readonly modeMerge: string;
  readonly modeLabel: string;
  readonly preparing: string;
  /** Review marks set in the pane that are not in a downloaded copy yet. */
  readonly marksPending: (n: number) => string;
  readonly leaveWarning: string;
}

const VI_SEVERITY: Readonly<Record<Severity, string>> = {
  error: "lỗi",
  warning: "cảnh báo",
  info: "thông tin",
};
const EN_SEVERITY: Readonly<Record<Severity, readonly [string, string]>> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["note", "notes"],
};

export const resultsVi: ResultStrings = {
  todoHeading: "Cần xử lý",
  clubsHeading: "Câu lạc bộ",
  clubsSearch: "Tìm CLB theo mã, tên, đơn vị",
  clubsCount: (failing, total) =>
    `${formatCount(failing, "vi")}/${formatCount(total, "vi")} CLB chưa đạt, xếp trước`,
  clubsShown: (shown) => `${formatCount(shown, "vi")} CLB khớp`,
  clubDetails: (id) => `Chi tiết CLB ${id}`,
  clubFacts: {
    unit: "Đơn vị",
    members: "Thành viên",
    women: "Nữ",
    older: "Người cao tuổi",
    younger: "Người trẻ tuổi",
    borrowers: "Vay vốn",
    fund: "Có quỹ hoạt động",
    regulation: "Có quy chế quỹ",
    activities: "Đủ 8 hoạt động",
    managed: "Quản lý tốt",
  },
  yes: "Có",
  no: "Không",
  noneFailed: "Đạt mọi tiêu chí",
  findingsHeading: "Phát hiện",
  findingsSearch: "Tìm trong phát hiện",
  groupBy: "Nhóm theo",
  groupByNames: { rule: "Tiêu chí", club: "CLB", unit: "Đơn vị" },
  noClub: "Chung cho sổ",
  findingsShown: (shown, total) =>
    shown === total
      ? `${formatCount(total, "vi")} phát hiện`
      : `${formatCount(shown, "vi")}/${formatCount(total, "vi")} phát hiện khớp`,
  severityCount: (severity, n) => `${formatCount(n, "vi")} ${VI_SEVERITY[severity]}`,
  nothingFound: "Không có phát hiện nào khớp.",
  restHeading: "Lộ trình và cách đọc sổ",
  pickFileFirst: "Mở một tệp .xlsx để kiểm tra.",
  cancel: "Hủy",
  modeCheck: "Kiểm tra một tệp",
  modeMerge: "Gộp tệp huyện",
  modeLabel: "Việc cần làm",
  preparing: "Đang chuẩn bị tệp…",
  marksPending: (n) =>
    `${formatCount(n, "vi")} trạng thái xem xét mới chỉ có trong bảng: hãy tải bản đã kiểm tra để giữ.`,
  leaveWarning: "Các trạng thái xem xét chưa được tải về sẽ mất.",
};

export const resultsEn: ResultStrings = {
  todoHeading: "Needs attention",
  clubsHeading: "Clubs",
  clubsSearch: "Search clubs by id, name, unit",
  clubsCount: (failing, total) =>
    `${formatCount(failing, "en")} of ${countOf(total, "club")} not met, listed first`,
  clubsShown: (shown) => `${countOf(shown, "club")} match`,
  clubDetails: (id) => `Details of club ${id}`,
  clubFacts: {
    unit: "Unit",
    members: "Members",
    women: "Women",
    older: "Older people",
    younger: "Younger people",
    borrowers: "Borrowers",
    fund: "Has an operating fund",
    regulation: "Has a fund regulation",
    activities: "All 8 activities",
    managed: "Well managed",
  },
  yes: "Yes",
  no: "No",
  noneFailed: "Meets every criterion",
  findingsHeading: "Findings",
  findingsSearch: "Search the findings",
  groupBy: "Group by",
  groupByNames: { rule: "Criterion", club: "Club", unit: "Unit" },
  noClub: "Whole workbook",
  findingsShown: (shown, total) =>
    shown === total
      ? countOf(total, "finding")
      : `${formatCount(shown, "en")} of ${countOf(total, "finding")} match`,
  severityCount: (severity, n) => countOf(n, ...EN_SEVERITY[severity]),
  nothingFound: "No finding matches.",
  restHeading: "Roadmap and how the workbook was read",
  pickFileFirst: "Open an .xlsx file to check.",
  cancel: "Cancel",
  modeCheck: "Check one file",
  modeMerge: "Merge district files",
  modeLabel: "Task",
  preparing: "Preparing the file…",
  marksPending: (n) =>
    `${countOf(n, "review status", "review statuses")} only in the pane so far: download the checked copy to keep them.`,
  leaveWarning: "Review statuses not downloaded yet will be lost.",
};

export const resultStrings: Readonly<Record<Language, ResultStrings>> = {
  vi: resultsVi,
  en: resultsEn,
};
