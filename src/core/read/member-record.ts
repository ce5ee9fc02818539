import { ClubId } from "../model/brand";
import { packedDate, unpackedDate } from "../model/dates";
import { DateParts, Member, Origin, Sex } from "../model/records";

/** Where the members of one sheet come from, their origin but the row: shared by all of them. */
export type MemberSite = Omit<Origin, "row0">;

/** What a member is read as, before it is stored (see MemberRecord): all but its origin. */
export type MemberFields = Omit<Member, "origin">;

/** A date as packedDate packs it, NONE for none, or the object when it does not pack. */
type StoredDate = number | DateParts;

const NONE = -1;

const stored = (d: DateParts | null): StoredDate => (d === null ? NONE : (packedDate(d) ?? d));

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

const restored = (d: StoredDate): DateParts | null =>
  typeof d !== "number" ? d : d === NONE ? null : sharedDate(d);

/**
 * A member as the check keeps it, half a million at a time in a country's register: its dates
 * packed into integers and its origin made on demand from the row and the sheet's shared site.
 * The plain record took about 240 bytes (a date object for each of three dates, an origin object);
 * this one about 110, and V8 lets the heap grow to several times what stays live, so the saving
 * shows several times over in the peak (issue 15). Read through the Member interface, it is the
 * same record: the dates and the origin come back as the objects they were.
 */
export class MemberRecord implements Member {
  readonly clubId: ClubId;
  readonly name: string;
  readonly sex: Sex | null;
  readonly hardship: string | null;
  readonly borrowed: boolean;
  readonly loanAmount: number | null;
  private readonly birth0: StoredDate;
  private readonly joined0: StoredDate;
  private readonly left0: StoredDate;
  private readonly row0: number;
  private readonly site: MemberSite;

  constructor(f: MemberFields, site: MemberSite, row0: number) {
    this.clubId = f.clubId;
    this.name = f.name;
    this.sex = f.sex;
    this.hardship = f.hardship;
    this.borrowed = f.borrowed;
    this.loanAmount = f.loanAmount;
    this.birth0 = stored(f.birth);
    this.joined0 = stored(f.joined);
    this.left0 = stored(f.left);
    this.row0 = row0;
    this.site = site;
  }

  get birth(): DateParts | null {
    return restored(this.birth0);
  }

  get joined(): DateParts | null {
    return restored(this.joined0);
  }

  get left(): DateParts | null {
    return restored(this.left0);
  }

  get origin(): Origin {
    return { sheet: this.site.sheet, row0: this.row0, columns: this.site.columns };
  }
}
