import { LocalText, say } from "../model/i18n";
import { formatDecimal } from "../text/numbers";

/**
 * A robust test for values far from the rest of their series: the median and the median absolute
 * deviation (MAD), which a few typing errors cannot drag along the way a mean and a standard
 * deviation would. A value is an outlier when |x − median| > k · scale.
 */

/** MAD × 1.4826 estimates the standard deviation of normally distributed values. */
export const MAD_SCALE = 1.4826;

/**
 * When more than half the values are equal (every loan of a club "5.000.000"), the MAD is 0 and
 * every other value would be an outlier. Then the mean absolute deviation around the median,
 * × √(π/2) ≈ 1.2533 (it too estimates σ for normal values), stands in: it is above 0 as soon as
 * one value differs, and a single typing error moves it only by its share of the series (the
 * fallback of Iglewicz and Hoaglin's modified z-score). All values equal: nothing stands out.
 */
export const MEAN_AD_SCALE = 1.2533;

/**
 * Below this many values a series is not tested: with 5 values the median and the MAD rest on 2 or
 * 3 of them, so the "usual range" would say little and flag ordinary values in a small district's
 * workbook. 8 is the smallest series in which one or two errors still leave the median and the
 * MAD to a clear majority of the values.
 */
export const OUTLIER_MIN_VALUES = 8;

/**
 * The scale a series is judged on. Amounts are judged on their logarithm: they are positive and
 * skewed to the right (a few clubs hold several times the usual fund), and their typing errors are
 * multiplicative (a "0" too many or too few). On the plain scale a median ± k·MAD range flags the
 * whole upper tail of ordinary skewed amounts (about 1 in 20 for a log-normal spread) and its lower
 * bound falls below 0, so "2.000 đ" typed for "2.000.000 đ" would never be caught; on the log
 * scale both ends work and the range is a ratio around the (geometric) median. Ages are judged as
 * they are.
 */
export type SeriesScale = "linear" | "log";

export interface RobustRange {
  readonly seriesScale: SeriesScale;
  /** The median, in the values' own unit. */
  readonly median: number;
  /** The spread (an estimate of σ, of log10 values on the log scale): MAD × 1.4826, or the fallback. */
  readonly scale: number;
  readonly method: "mad" | "meanAd";
  readonly k: number;
  /** Values strictly outside [lo, hi] are outliers; in the values' own unit. */
  readonly lo: number;
  readonly hi: number;
  /** How many values the range was computed from. */
  readonly count: number;
}

/** The median of values sorted ascending (the mean of the two middle ones for an even count). */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The usual range of a series, median ± k · scale (on the log scale: of the values' log10, then
 * back to the values' unit); null when the series is too short to judge (fewer than `minValues`)
 * or has no spread at all (every value equal). On the log scale only values above 0 take part.
 */
export function robustRange(
  values: ArrayLike<number>,
  k: number,
  minValues = OUTLIER_MIN_VALUES,
  seriesScale: SeriesScale = "linear",
): RobustRange | null {
  const log = seriesScale === "log";
  // Plain loops over typed arrays: half a million ages must not cost a second.
  const kept = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v) && (!log || v > 0)) kept[n++] = log ? Math.log10(v) : v;
  }
  if (n < minValues || n === 0) return null;
  const sorted = kept.subarray(0, n).sort();
  const median = medianOfSorted(sorted);
  const deviations = new Float64Array(n);
  for (let i = 0; i < n; i++) deviations[i] = Math.abs(sorted[i]! - median);
  deviations.sort();
  const mad = medianOfSorted(deviations);
  let scale = mad * MAD_SCALE;
  let method: RobustRange["method"] = "mad";
  if (scale === 0) {
    let sum = 0;
    for (const d of deviations) sum += d;
    scale = (sum / deviations.length) * MEAN_AD_SCALE;
    method = "meanAd";
  }
  if (!(scale > 0)) return null;
  const back = log ? (x: number) => 10 ** x : (x: number) => x;
  return {
    seriesScale,
    median: back(median),
    scale,
    method,
    k,
    lo: back(median - k * scale),
    hi: back(median + k * scale),
    count: n,
  };
}

export const isOutside = (r: RobustRange, x: number): boolean => x < r.lo || x > r.hi;

/** The items whose value lies outside the usual range of all the items' values, with the range. */
export function findOutliers<T>(
  items: readonly T[],
  value: (item: T) => number,
  k: number,
  minValues = OUTLIER_MIN_VALUES,
  seriesScale: SeriesScale = "linear",
): { readonly range: RobustRange; readonly outliers: readonly T[] } | null {
  const range = robustRange(items.map(value), k, minValues, seriesScale);
  if (!range) return null;
  return { range, outliers: items.filter((item) => isOutside(range, value(item))) };
}

// ---------------------------------------------------------------------------------------------
// Formatting for people: the core's number formats (src/core/text/numbers.ts).

/** 950000000 -> "950.000.000" (vi) or "950,000,000" (en); decimals kept up to two places. */
export function formatNumber(x: number, lang: "vi" | "en"): string {
  return formatDecimal(x, lang, 2);
}

/** A figure in both languages' number formats, with a unit after it (" đ", " tuổi"/"" …). */
export const bothNumbers = (x: number, viUnit = "", enUnit = viUnit): LocalText =>
  say(`${formatNumber(x, "vi")}${viUnit}`, `${formatNumber(x, "en")}${enUnit}`);

/** Rounds to `digits` significant digits, up or down. */
function roundSignificant(x: number, digits: number, dir: "up" | "down"): number {
  if (x === 0) return 0;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(Math.abs(x))) - digits + 1);
  return (dir === "up" ? Math.ceil(x / unit) : Math.floor(x / unit)) * unit;
}

export interface DisplayOptions {
  /** Round the bounds to this many significant digits (else to whole numbers). */
  readonly significant?: number;
  /** The least and greatest value the series can hold (an amount is not negative, …). */
  readonly floor?: number;
  readonly ceiling?: number;
}

/**
 * The range as shown to people: rounded inwards (the lower bound up, the upper down) to three
 * significant digits for amounts, or to whole numbers, so that a flagged value always lies outside
 * the range shown; never beyond what the series can hold (`floor`, `ceiling`).
 */
export function displayRange(
  r: RobustRange,
  opts: DisplayOptions = {},
): { readonly lo: number; readonly hi: number } {
  const lo0 = Math.max(r.lo, opts.floor ?? -Infinity);
  const hi0 = Math.min(r.hi, opts.ceiling ?? Infinity);
  if (opts.significant !== undefined) {
    const lo = roundSignificant(lo0, opts.significant, "up");
    const hi = roundSignificant(hi0, opts.significant, "down");
    if (lo <= hi) return { lo, hi };
  }
  return { lo: Math.ceil(lo0), hi: Math.floor(hi0) };
}

/** "(trung vị ± 3,5·MAD)" / "(median ± 3.5·MAD)", naming the fallback when it was used. */
export function ruleText(r: RobustRange): LocalText {
  const k = bothNumbers(r.k);
  const spread =
    r.method === "mad"
      ? say("MAD", "MAD")
      : say("độ lệch tuyệt đối trung bình", "mean absolute deviation");
  const log =
    r.seriesScale === "log" ? say(", tính trên logarit", ", on a log scale") : say("", "");
  return say(`trung vị ± ${k.vi}·${spread.vi}${log.vi}`, `median ± ${k.en}·${spread.en}${log.en}`);
}

/**
 * "950.000.000 đ nằm ngoài khoảng thường gặp 20.000.000–180.000.000 đ (trung vị ± 3,5·MAD)": the
 * value, the range it fell outside and how the range was made, in both languages.
 */
export function outsideText(
  value: number,
  r: RobustRange,
  unit: { readonly vi: string; readonly en: string },
  opts: DisplayOptions = {},
  /** Whose range it is, when the series is part of the values ("của nhóm …" / "for …"). */
  of?: LocalText,
): LocalText {
  const shown = displayRange(r, opts);
  const how = ruleText(r);
  const vi = (x: number) => formatNumber(x, "vi");
  const en = (x: number) => formatNumber(x, "en");
  return say(
    `${vi(value)}${unit.vi} nằm ngoài khoảng thường gặp ${vi(shown.lo)}–${vi(shown.hi)}${unit.vi}${of ? ` ${of.vi}` : ""} (${how.vi})`,
    `${en(value)}${unit.en} lies outside the usual range ${en(shown.lo)}–${en(shown.hi)}${unit.en}${of ? ` ${of.en}` : ""} (${how.en})`,
  );
}
