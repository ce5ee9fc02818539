import { Lang, LocalText, say } from "../model/i18n";
import { Severity } from "../model/finding";
import { formatDate } from "../check/dates";
import { FullDate } from "../model/dates";

/** Canonical names of the generated sheets (docs/workbook-format.md): the same in every language. */
export const GENERATED_NAMES = {
  results: "Kết quả CLB",
  appendix: "Phụ lục",
  findings: "Danh sách lỗi",
} as const;

export const SEVERITY_LABEL: Readonly<Record<Severity, LocalText>> = {
  error: say("Lỗi", "Error"),
  warning: say("Cảnh báo", "Warning"),
  info: say("Thông tin", "Info"),
};

export const yesNo = (b: boolean, lang: Lang): string =>
  (b ? say("Có", "Yes") : say("Không", "No"))[lang];

export const refDateText = (ref: FullDate): string => formatDate(ref);

/** The line under a generated sheet's title: "Số liệu đến ngày 31/12/2024". */
export const dataAsOfText = (ref: FullDate): LocalText =>
  say(`Số liệu đến ngày ${refDateText(ref)}`, `Data as of ${refDateText(ref)}`);
