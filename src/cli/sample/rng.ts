/**
 * A small seeded PRNG for the sample workbook. The sample must be the same for the same seed on
 * every machine and Node version (tests compare two runs, bug reports quote a seed), so neither
 * Math.random nor the clock is used anywhere in the generator.
 */

/** mulberry32: 32-bit state, good enough spread for test data, and trivially portable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's finaliser: spreads nearby inputs (club 17, club 18) to unrelated seeds. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seed for one independent stream (e.g. "club 42's members"). Every club draws from its own
 * stream, so the members of club 42 do not depend on how many random numbers club 41 used: the
 * sheets can be written one after the other without keeping generator state around.
 */
export function subSeed(seed: number, ...path: number[]): number {
  let h = fmix32(seed ^ 0x9e3779b9);
  for (const p of path) h = fmix32(h ^ Math.imul(p + 1, 0x9e3779b1));
  return h;
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** A float in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[value, weight], …]`; weights need not sum to 1. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    return items[items.length - 1][0];
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** A set of k distinct indices out of [0, n): who are the women, the older, the borrowers. */
  subset(n: number, k: number): Set<number> {
    const all = this.shuffle(Array.from({ length: n }, (_, i) => i));
    return new Set(all.slice(0, Math.max(0, Math.min(n, k))));
  }
}
