/**
 * Numbers inside sentences, as each language writes them (docs/glossary.md): Vietnamese groups
 * thousands with "." and writes decimals with "," and a space before "%" ("13.924", "59,6 %");
 * English writes "13,924" and "59.6%". One place, so the pane, the generated sheets, the messages
 * of the findings and the command line all agree.
 */
import type { Lang } from "../model/i18n";

const groups = (digits: string, sep: string): string =>
  digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/**
 * `n` rounded to `decimals` places, half away from zero (-2.5 -> -3, as 2.5 -> 3), on the decimal
 * digits as written (1.005 -> 1.01, where 1.005 * 100 is 100.49999…).
 */
function roundHalfAway(n: number, decimals: number): number {
  const abs = Math.abs(n);
  const shifted = Number(`${abs}e${decimals}`);
  const rounded = Number.isFinite(shifted)
    ? Number(`${Math.round(shifted)}e-${decimals}`)
    : Math.round(abs * 10 ** decimals) / 10 ** decimals;
  return n < 0 ? -rounded : rounded;
}

/** 13924 -> "13.924" (vi) or "13,924" (en); rounded to a whole number. */
export function formatCount(n: number, lang: Lang): string {
  const rounded = roundHalfAway(n, 0);
  const sign = rounded < 0 ? "-" : "";
  return sign + groups(Math.abs(rounded).toFixed(0), lang === "vi" ? "." : ",");
}

/**
 * A number with at most `decimals` decimals, trailing zeros dropped: 1234.5 -> "1.234,5" (vi) or
 * "1,234.5" (en).
 */
export function formatDecimal(n: number, lang: Lang, decimals = 1): string {
  const rounded = roundHalfAway(n, decimals);
  const [whole = "0", fraction] = Math.abs(rounded).toFixed(decimals).split(".");
  const trimmed = (fraction ?? "").replace(/0+$/, "");
  const sign = rounded < 0 ? "-" : "";
  const wholeText = groups(whole, lang === "vi" ? "." : ",");
  return sign + wholeText + (trimmed ? (lang === "vi" ? "," : ".") + trimmed : "");
}

/** A ratio as a percentage with one decimal: 0.596 -> "59,6 %" (vi) or "59.6%" (en). */
export function formatPercent(ratio: number, lang: Lang): string {
  const value = formatDecimal(ratio * 100, lang, 1);
  return lang === "vi" ? `${value} %` : `${value}%`;
}

/**
 * An English count with its noun, singular for exactly one: (1, "error") -> "1 error",
 * (2, "error") -> "2 errors", (3, "club", "clubs") -> "3 clubs". Vietnamese nouns do not inflect.
 */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n, "en")} ${n === 1 ? singular : plural}`;
}
