import { HA_TINH_ROADMAP } from "../../core/roadmap/ha-tinh";
import { Rng } from "./rng";

/**
 * Founding years of the sample's clubs per unit, following the roadmap's proportions: the clubs of
 * the previous phase (2016-2020) in proportion to each unit's "before" column, and the 2021-2024
 * clubs in proportion to each unit's yearly plan times a pace of its own. Paces below 1 leave a
 * unit behind its plan, above 1 put it ahead, so the appendix-with-progress has something to show.
 * 220 clubs reproduce the province (140 + 80); other counts scale it.
 */
/** A roadmap row, by shape: whatever the core names its type, the sample needs only these fields. */
type RoadmapRow = (typeof HA_TINH_ROADMAP)[number];

const PACES = [0.5, 0.75, 1, 1, 1, 1.25, 1.5] as const;
const PLAN_YEARS = [2021, 2022, 2023, 2024] as const;

/** Largest-remainder apportionment: integer counts summing to `total`, proportional to weights. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const byRemainder = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return counts;
}

/** For each roadmap unit (same order), the founding years of its clubs, ascending. */
export function allocateClubs(
  rng: Rng,
  clubs: number,
  roadmap: readonly RoadmapRow[],
  totals: { readonly before: number; readonly total: number },
): number[][] {
  const beforeCount = Math.round((clubs * totals.before) / totals.total);
  const before = apportion(
    beforeCount,
    roadmap.map((r) => r.before),
  );
  const paces = roadmap.map(() => rng.pick(PACES));
  const laterWeights = roadmap.flatMap((r, u) =>
    PLAN_YEARS.map((y) => (r.plan[y] ?? 0) * paces[u]),
  );
  const later = apportion(clubs - beforeCount, laterWeights);
  return roadmap.map((_, u) => {
    const years: number[] = [];
    for (let k = 0; k < before[u]; k++) years.push(rng.int(2016, 2020));
    PLAN_YEARS.forEach((y, i) => {
      for (let k = 0; k < later[u * PLAN_YEARS.length + i]; k++) years.push(y);
    });
    return years.sort((a, b) => a - b);
  });
}
