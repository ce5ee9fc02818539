import { Lang, LocalText, say } from "../model/i18n";
import { formatDate } from "../check/dates";
import { FullDate } from "../model/dates";

/** The generated sheets' names and the severities' labels: the glossary's (docs/glossary.md). */
export { GENERATED_NAMES, SEVERITY_LABEL } from "../text/glossary";

export const yesNo = (b: boolean, lang: Lang): string =>
  (b ? say("Có", "Yes") : say("Không", "No"))[lang];

export const refDateText = (ref: FullDate): string => formatDate(ref);

/** The line under a generated sheet's title: "Số liệu đến ngày 31/12/2024". */
export const dataAsOfText = (ref: FullDate): LocalText =>
  say(`Số liệu đến ngày ${refDateText(ref)}`, `Data as of ${refDateText(ref)}`);
