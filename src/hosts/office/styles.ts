import { StyleKey } from "../../core/model/write-plan";

/**
 * The xlsx host's looks (src/hosts/xlsx/styles.ts) in Office.js terms: colours as #RRGGBB, the
 * number formats as format codes ("#,##0" is the xlsx host's built-in id 3).
 */
export interface Look {
  readonly bold?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly underline?: boolean;
  readonly fill?: string;
  readonly numberFormat?: string;
  readonly header?: boolean;
}

const FAIL: Look = { fill: "#FFC7CE", color: "#9C0006" };
export const LOOKS: Record<StyleKey, Look> = {
  title: { bold: true, size: 14 },
  header: { bold: true, fill: "#D9D9D9", header: true },
  text: {},
  integer: { numberFormat: "#,##0" },
  percent: { numberFormat: "0.0%" },
  fail: FAIL,
  failPercent: { ...FAIL, numberFormat: "0.0%" },
  failInteger: { ...FAIL, numberFormat: "#,##0" },
  pass: { fill: "#C6EFCE", color: "#006100" },
  warn: { fill: "#FFEB9C", color: "#9C5700" },
  total: { bold: true, numberFormat: "#,##0" },
  totalPercent: { bold: true, numberFormat: "0.0%" },
  link: { underline: true, color: "#0563C1" },
  date: { numberFormat: "dd/mm/yyyy" },
  muted: { color: "#808080" },
};

/** Points: room for the 14 pt title font with the marks above Vietnamese capitals. */
export const TITLE_ROW_HEIGHT = 24;

/** Column widths come in characters; Excel's columnWidth is in points (7 px a character + 5 px). */
export const widthInPoints = (chars: number): number =>
  Math.round(0.75 * (7 * Math.min(255, chars) + 5) * 100) / 100;

/** Whether a look changes anything that Range.format carries (fonts, fill, alignment). */
export const hasFormat = (l: Look): boolean =>
  l.bold === true ||
  l.size !== undefined ||
  l.color !== undefined ||
  l.underline === true ||
  l.fill !== undefined ||
  l.header === true;

/** Applies a look to a range or to several areas (RangeAreas has the same format object). */
export function applyLook(format: Excel.RangeFormat, look: Look): void {
  if (look.bold) format.font.bold = true;
  if (look.size) format.font.size = look.size;
  if (look.color) format.font.color = look.color;
  if (look.underline) format.font.underline = "Single";
  if (look.fill) format.fill.color = look.fill;
  if (look.header) {
    format.horizontalAlignment = "Center";
    format.verticalAlignment = "Center";
    format.wrapText = true;
  }
}
