import { ListValidation } from "../../core/model/write-plan";
import { escapeAttr, escapeText } from "./xml";

/**
 * Excel refuses an inline list whose text (between the quotes) is longer than this, and a prompt
 * longer than its own limit: the file opens only after a "repair" that drops the validation.
 */
const MAX_LIST_CHARS = 255;
const MAX_PROMPT_CHARS = 255;

/**
 * The formula of an inline list: "Đạt,Chưa đạt". A value with a comma cannot be written (Excel
 * would read two values), a quote is doubled, and values that would pass the 255-character limit
 * are left out rather than cut in the middle: the dropdown is a convenience and only warns.
 */
export function listFormula(values: readonly string[]): string | undefined {
  const kept: string[] = [];
  let length = -1;
  for (const value of values) {
    if (value.includes(",") || !value.trim()) continue;
    const item = value.replace(/"/g, '""');
    if (length + 1 + item.length > MAX_LIST_CHARS) break;
    kept.push(item);
    length += 1 + item.length;
  }
  return kept.length ? `"${kept.join(",")}"` : undefined;
}

/**
 * <dataValidations> for a generated sheet. errorStyle="warning" lets the reviewer keep other text
 * after a warning (Excel's default "stop" would refuse it); blanks stay allowed.
 */
export function dataValidationsXml(validations: readonly ListValidation[] | undefined): string {
  const items = (validations ?? []).flatMap((v) => {
    const formula = listFormula(v.values);
    if (formula === undefined) return [];
    const prompt = v.prompt
      ? ` showInputMessage="1" prompt="${escapeAttr(v.prompt.slice(0, MAX_PROMPT_CHARS))}"`
      : "";
    return [
      `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1"${prompt} sqref="${escapeAttr(v.range)}">` +
        `<formula1>${escapeText(formula)}</formula1></dataValidation>`,
    ];
  });
  return items.length
    ? `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`
    : "";
}
