/** Past this share of its slots in use, the table doubles. */
const MAX_LOAD = 0.75;
const EMPTY = -1;

const capacityFor = (count: number): number => {
  let capacity = 16;
  while (capacity * MAX_LOAD < count) capacity *= 2;
  return capacity;
};

/**
 * The pair of numbers of each position: a small one (a club's or a place's number, 0 to 2^31 - 1)
 * and a person (PersonIds, 0 to 2^53). Read again for each position the index holds, so a
 * position's pair must not change once it is in the index.
 */
export interface PairKeys {
  small(position: number): number;
  big(position: number): number;
}

/**
 * First positions by pair: the counts ask it once per member of a country's register (600,000),
 * for the first member of each club and person. As a Map per club, or a Map keyed by persons
 * (numbers past 2^31, each a heap object as a key), the entries and their growth were most of
 * what the check allocated (issue 15). Here a slot is one 32-bit position, open addressing with
 * linear probing, and a slot's pair is read from where the caller keeps it (PairKeys, typed arrays
 * the check holds anyway): 4 MB for a country's members, where slots holding their pairs took 16.
 */
export class PairIndex {
  private slots!: Int32Array;
  private mask = 0;
  private size = 0;

  /** `expected`: about how many positions will be set (the table grows past it if need be). */
  constructor(
    expected: number,
    private readonly keys: PairKeys,
  ) {
    this.allocate(capacityFor(expected));
  }

  /**
   * The position set first with the pair of `position`; or, for a pair not seen yet, sets
   * `position` (at least 0) and gives -1.
   */
  firstOr(position: number): number {
    const { slots, mask, keys } = this;
    const a = keys.small(position);
    const b = keys.big(position);
    for (let i = slotOf(a, b) & mask; ; i = (i + 1) & mask) {
      const at = slots[i]!;
      if (at === EMPTY) break;
      if (keys.small(at) === a && keys.big(at) === b) return at;
    }
    if (this.size + 1 > (mask + 1) * MAX_LOAD) this.grow();
    this.put(position);
    return -1;
  }

  private put(position: number): void {
    const { slots, mask, keys } = this;
    let i = slotOf(keys.small(position), keys.big(position)) & mask;
    while (slots[i] !== EMPTY) i = (i + 1) & mask;
    slots[i] = position;
    this.size++;
  }

  private allocate(capacity: number): void {
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    this.size = 0;
  }

  private grow(): void {
    const { slots } = this;
    this.allocate(slots.length * 2);
    for (let i = 0; i < slots.length; i++) if (slots[i] !== EMPTY) this.put(slots[i]!);
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
