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
}

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
  },
};

/** English when the display language is English (en, en-US, en-GB, …), Vietnamese otherwise. */
export function languageFor(displayLanguage: string | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "vi";
}
