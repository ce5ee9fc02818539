import { A1 } from "../../core/model/brand";
import { sheetRef } from "../../core/model/address";
import { PrintSetup } from "../../core/model/write-plan";
import { DefinedName } from "./workbook-parts";
import { escapeText } from "./xml";

/** Excel's own margins ("Normal"), which a worksheet without print settings also gets. */
export const PAGE_MARGINS =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

const PAPER_SIZE: Record<PrintSetup["paper"], number> = { A4: 9 };
/** The last row and column Excel has: a row break spans all columns up to this one. */
const MAX_ROW = 1048576;
const MAX_COL0 = 16383;
/** Excel's limit on a header or footer section. */
const MAX_FOOTER_CHARS = 255;

/** The worksheet elements of a page setup, each empty when it is not needed. */
export interface PrintXml {
  /** <sheetPr>, the first child of the worksheet. */
  readonly sheetPr: string;
  /** printOptions, pageMargins, pageSetup and headerFooter, in CT_Worksheet order. */
  readonly page: string;
  /** <rowBreaks>, which follows headerFooter. */
  readonly rowBreaks: string;
}

export function printXml(print: PrintSetup | undefined): PrintXml {
  if (!print) return { sheetPr: "", page: PAGE_MARGINS, rowBreaks: "" };
  // Excel ignores manual page breaks under "fit to", so a scale, when given, wins over fitting.
  const scale =
    print.scale === undefined ? undefined : Math.min(400, Math.max(10, Math.round(print.scale)));
  const fit = scale === undefined ? ' fitToWidth="1" fitToHeight="0"' : ` scale="${scale}"`;
  const footer = print.footer
    ? `<headerFooter><oddFooter>${escapeText(footerText(print.footer))}</oddFooter></headerFooter>`
    : "";
  const page = [
    print.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : "",
    PAGE_MARGINS,
    `<pageSetup paperSize="${PAPER_SIZE[print.paper]}" orientation="${print.orientation}"${fit}/>`,
    footer,
  ].join("");
  const breaks = [...new Set(print.rowBreaks ?? [])]
    .filter((r) => Number.isInteger(r) && r >= 1 && r < MAX_ROW)
    .sort((a, b) => a - b)
    .map((r) => `<brk id="${r}" max="${MAX_COL0}" man="1"/>`);
  return {
    sheetPr: scale === undefined ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "",
    page,
    rowBreaks: breaks.length
      ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.join("")}</rowBreaks>`
      : "",
  };
}

/** Text without a section code is centred, the way a page number usually is. */
function footerText(footer: string): string {
  const text = /^&[LCR]/.test(footer) ? footer : `&C${footer}`;
  return text.slice(0, MAX_FOOTER_CHARS);
}

/** "A1:N30" -> "$A$1:$N$30"; anything that is not cells is returned as it is. */
export function absolute(range: A1 | string): string {
  return range
    .split(":")
    .map((cell) =>
      cell.replace(
        /^\$?([A-Za-z]{1,3})\$?(\d+)$/,
        (_m, c: string, r: string) => `$${c.toUpperCase()}$${r}`,
      ),
    )
    .join(":");
}

/** The built-in names Excel keeps a sheet's print titles and area in (one of each per sheet). */
export const PRINT_NAMES = ["_xlnm.Print_Titles", "_xlnm.Print_Area"] as const;

/** The sheet's print names: rows repeated on every page ('Phụ lục'!$3:$5) and the printed range. */
export function printNames(sheet: string, print: PrintSetup | undefined): DefinedName[] {
  const names: DefinedName[] = [];
  const titles = print?.titleRows;
  if (titles && titles[0] >= 1 && titles[1] >= titles[0])
    names.push({ name: PRINT_NAMES[0], value: sheetRef(sheet, `$${titles[0]}:$${titles[1]}`) });
  if (print?.area)
    names.push({ name: PRINT_NAMES[1], value: sheetRef(sheet, absolute(print.area)) });
  return names;
}
