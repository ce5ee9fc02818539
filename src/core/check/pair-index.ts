/** Past this share of its slots in use, the table doubles. */
const MAX_LOAD = 0.75;
const EMPTY = -1;

const capacityFor = (count: number): number => {
  let capacity = 16;
  while (capacity * MAX_LOAD < count) capacity *= 2;
  return capacity;
};

/**
 * Positions by a pair of numbers: a small one (a club's or a place's number) and a person
 * (PersonIds). The counts ask it once per member of a country's register (600,000): as a Map per
 * club, or a Map keyed by persons (numbers past 2^31, each a heap object as a key), the entries
 * and their growth were most of what the check allocated, all of it long-lived enough to grow the
 * heap (issue 15). Here they are three typed arrays, open addressing with linear probing, outside
 * the JavaScript heap.
 */
export class PairIndex {
  private small!: Int32Array;
  private big!: Float64Array;
  private values!: Int32Array;
  private mask = 0;
  private size = 0;

  /** `expected`: about how many pairs will be set (the table grows past it if need be). */
  constructor(expected: number) {
    this.allocate(capacityFor(expected));
  }

  /**
   * The value set first for (`a`, `b`); or, for a pair not seen yet, sets `value` and gives -1.
   * `a`: an integer from 0 to 2^31 - 1; `b`: an integer from 0 to 2^53; `value` at least 0.
   */
  firstOr(a: number, b: number, value: number): number {
    const { small, big, mask } = this;
    for (let i = slotOf(a, b) & mask; ; i = (i + 1) & mask) {
      const at = small[i]!;
      if (at === EMPTY) break;
      if (at === a && big[i] === b) return this.values[i]!;
    }
    if (this.size + 1 > (mask + 1) * MAX_LOAD) this.grow();
    this.put(a, b, value);
    return -1;
  }

  private put(a: number, b: number, value: number): void {
    const { small, mask } = this;
    let i = slotOf(a, b) & mask;
    while (small[i] !== EMPTY) i = (i + 1) & mask;
    small[i] = a;
    this.big[i] = b;
    this.values[i] = value;
    this.size++;
  }

  private allocate(capacity: number): void {
    this.small = new Int32Array(capacity).fill(EMPTY);
    this.big = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
  }

  private grow(): void {
    const { small, big, values } = this;
    this.allocate(small.length * 2);
    for (let i = 0; i < small.length; i++)
      if (small[i] !== EMPTY) this.put(small[i]!, big[i]!, values[i]!);
  }
}

/** Mixes the pair's bits (b's low and high words, and a) into a slot number. */
function slotOf(a: number, b: number): number {
  const lo = b >>> 0;
  const hi = (b / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(a + 1, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}
