import { ClubId } from "../model/brand";
import { packedDate, unpackedDate } from "../model/dates";
import { DateParts, Member, MemberList, Origin, Sex } from "../model/records";

/** Where the members of one sheet come from, their origin but the row: shared by all of them. */
export type MemberSite = Omit<Origin, "row0">;

/** What a member is read as, before it is stored: all but its origin. */
export type MemberFields = Omit<Member, "origin">;

/** A member's flags byte: its sex (two bits), whether it borrowed, whether an amount is given. */
const SEX_BITS = 3;
const MALE = 1;
const FEMALE = 2;
const BORROWED = 4;
const HAS_AMOUNT = 8;

/** No date; a date that does not pack is stored as ODD - k, k its place in the table's oddDates. */
const NONE = -1;
const ODD = -2;

/**
 * Dates given back, one object per packed date: the rules read a member's dates again and again,
 * and unpacking made a fresh object each time (80 MB of garbage on a country's check). Registers
 * hold few distinct dates (years, mostly); past SHARED_MAX the rest are unpacked each time.
 */
const shared = new Map<number, DateParts>();
const SHARED_MAX = 16_384;
/** A year alone (most registers' birth dates), by year: an array is faster to look up than a map. */
const YEARS = 10_000;
const years: (DateParts | undefined)[] = new Array<DateParts | undefined>(YEARS).fill(undefined);

function sharedDate(p: number): DateParts {
  if ((p & 511) === 0 && p < YEARS * 512) return (years[p >> 9] ??= unpackedDate(p));
  let d = shared.get(p);
  if (d === undefined) {
    d = unpackedDate(p);
    if (shared.size < SHARED_MAX) shared.set(p, d);
  }
  return d;
}

/** The number of each distinct value of a column, and the values by number. */
class Numbered<T> {
  readonly values: T[] = [];
  private readonly numbers = new Map<T, number>();

  of(v: T): number {
    let n = this.numbers.get(v);
    if (n === undefined) this.numbers.set(v, (n = this.values.push(v) - 1));
    return n;
  }
}

function grown<A extends Int32Array | Uint8Array | Float64Array>(a: A, size: number): A {
  const b = new (a.constructor as new (n: number) => A)(size);
  b.set(a);
  return b;
}

/**
 * The members of a register in columns, half a million at a time in a country's: each field in
 * a typed array (a club, a hardship and a sheet by number, dates packed), the names in one array.
 * About 45 bytes a member, outside the JavaScript heap but for the names, against 112 for an
 * object per member (Node's V8 keeps 8-byte fields); and what the collector never has to walk
 * (issue 15). Read through the MemberList interface, a member is the record it was: at() gives a
 * view of its row, with the dates and the origin as the objects they were.
 */
export class MemberTable implements MemberList {
  length = 0;
  private club: Int32Array;
  private readonly names: string[] = [];
  private flags: Uint8Array;
  private hardship: Int32Array;
  private amount: Float64Array;
  private birth: Int32Array;
  private joined: Int32Array;
  private left: Int32Array;
  private row: Int32Array;
  private site: Int32Array;
  private readonly clubs = new Numbered<ClubId>();
  private readonly hardships = new Numbered<string>();
  private readonly sites = new Numbered<MemberSite>();
  private readonly oddDates: DateParts[] = [];

  /** `expected`: about how many members will be added (the table grows past it if need be). */
  constructor(expected = 16) {
    const n = Math.max(16, expected);
    this.club = new Int32Array(n);
    this.flags = new Uint8Array(n);
    this.hardship = new Int32Array(n);
    this.amount = new Float64Array(n);
    this.birth = new Int32Array(n);
    this.joined = new Int32Array(n);
    this.left = new Int32Array(n);
    this.row = new Int32Array(n);
    this.site = new Int32Array(n);
  }

  add(f: MemberFields, site: MemberSite, row0: number): void {
    if (this.length === this.club.length) this.grow();
    const i = this.length++;
    this.club[i] = this.clubs.of(f.clubId);
    this.names[i] = f.name;
    this.flags[i] =
      (f.sex === "M" ? MALE : f.sex === "F" ? FEMALE : 0) |
      (f.borrowed ? BORROWED : 0) |
      (f.loanAmount === null ? 0 : HAS_AMOUNT);
    this.hardship[i] = f.hardship === null ? -1 : this.hardships.of(f.hardship);
    this.amount[i] = f.loanAmount ?? 0;
    this.birth[i] = this.stored(f.birth);
    this.joined[i] = this.stored(f.joined);
    this.left[i] = this.stored(f.left);
    this.row[i] = row0;
    this.site[i] = this.sites.of(site);
  }

  /** The member at `index` (a negative one counts from the end, as Array.at does). */
  at(index: number): Member | undefined {
    const i = index < 0 ? this.length + index : index;
    return Number.isInteger(i) && i >= 0 && i < this.length ? new MemberView(this, i) : undefined;
  }

  *[Symbol.iterator](): Iterator<Member> {
    for (let i = 0; i < this.length; i++) yield new MemberView(this, i);
  }

  clubIdAt(i: number): ClubId {
    return this.clubs.values[this.club[i]!]!;
  }

  nameAt(i: number): string {
    return this.names[i]!;
  }

  sexAt(i: number): Sex | null {
    const s = this.flags[i]! & SEX_BITS;
    return s === MALE ? "M" : s === FEMALE ? "F" : null;
  }

  hardshipAt(i: number): string | null {
    const h = this.hardship[i]!;
    return h < 0 ? null : this.hardships.values[h]!;
  }

  borrowedAt(i: number): boolean {
    return (this.flags[i]! & BORROWED) !== 0;
  }

  loanAmountAt(i: number): number | null {
    return (this.flags[i]! & HAS_AMOUNT) !== 0 ? this.amount[i]! : null;
  }

  birthAt(i: number): DateParts | null {
    return this.restored(this.birth[i]!);
  }

  joinedAt(i: number): DateParts | null {
    return this.restored(this.joined[i]!);
  }

  leftAt(i: number): DateParts | null {
    return this.restored(this.left[i]!);
  }

  originAt(i: number): Origin {
    const { sheet, columns } = this.sites.values[this.site[i]!]!;
    return { sheet, row0: this.row[i]!, columns };
  }

  private stored(d: DateParts | null): number {
    if (d === null) return NONE;
    const p = packedDate(d);
    if (p !== undefined) return p;
    // A date no reader makes (kept exact all the same).
    return ODD - (this.oddDates.push(d) - 1);
  }

  private restored(p: number): DateParts | null {
    if (p >= 0) return sharedDate(p);
    return p === NONE ? null : this.oddDates[ODD - p]!;
  }

  private grow(): void {
    const n = this.club.length * 2;
    this.club = grown(this.club, n);
    this.flags = grown(this.flags, n);
    this.hardship = grown(this.hardship, n);
    this.amount = grown(this.amount, n);
    this.birth = grown(this.birth, n);
    this.joined = grown(this.joined, n);
    this.left = grown(this.left, n);
    this.row = grown(this.row, n);
    this.site = grown(this.site, n);
  }
}

/** One member of a MemberTable, read from its columns as the Member interface asks. */
class MemberView implements Member {
  constructor(
    private readonly table: MemberTable,
    private readonly i: number,
  ) {}

  get clubId(): ClubId {
    return this.table.clubIdAt(this.i);
  }
  get name(): string {
    return this.table.nameAt(this.i);
  }
  get sex(): Sex | null {
    return this.table.sexAt(this.i);
  }
  get birth(): DateParts | null {
    return this.table.birthAt(this.i);
  }
  get hardship(): string | null {
    return this.table.hardshipAt(this.i);
  }
  get borrowed(): boolean {
    return this.table.borrowedAt(this.i);
  }
  get loanAmount(): number | null {
    return this.table.loanAmountAt(this.i);
  }
  get joined(): DateParts | null {
    return this.table.joinedAt(this.i);
  }
  get left(): DateParts | null {
    return this.table.leftAt(this.i);
  }
  get origin(): Origin {
    return this.table.originAt(this.i);
  }
}
