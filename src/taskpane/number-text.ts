/**
 * Numbers in the pane's sentences: the core's formats (src/core/text/numbers.ts), and the pane's
 * own lists of rows and headers.
 */
import { formatCount } from "../core/text/numbers";

export { countOf, formatCount, formatDecimal, formatPercent } from "../core/text/numbers";

/**
 * Row numbers in a list, at most `max` of them and "…" after: Vietnamese groups their thousands
 * ("dòng 5, 1.204"); English does not, as Excel's row headings do not, so that the commas
 * between the rows stay the only commas ("rows 5, 1204").
 */
export function rowList(rows: readonly number[], lang: "vi" | "en", max = 8): string {
  const shown = rows.slice(0, max).map((r) => (lang === "vi" ? formatCount(r, "vi") : String(r)));
  return rows.length > max ? `${shown.join(", ")}, …` : shown.join(", ");
}

/**
 * A header as a short quote: a long header is cut, at a space where one is near the end, so
 * that a list of them fits a narrow pane.
 */
export function shortHeader(header: string, max = 30): string {
  if (header.length <= max) return `"${header}"`;
  const cut = header.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `"${(space >= max / 2 ? cut.slice(0, space) : cut).trimEnd()}…"`;
}
