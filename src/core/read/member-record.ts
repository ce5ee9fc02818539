import { ClubId } from "../model/brand";
import { DateParts, Member, Origin, Sex } from "../model/records";

/** Where the members of one sheet come from: shared by all of them (see MemberRecord). */
export interface MemberSite {
  readonly sheet: string;
  readonly columns: ReadonlyMap<string, number>;
}

/** What a member is read as, before it is stored (see MemberRecord). */
export interface MemberFields {
  readonly clubId: ClubId;
  readonly name: string;
  readonly sex: Sex | null;
  readonly birth: DateParts | null;
  readonly hardship: string | null;
  readonly borrowed: boolean;
  readonly loanAmount: number | null;
  readonly joined: DateParts | null;
  readonly left: DateParts | null;
}

/** A date stored as one small integer (see pack); -1 for none. */
type PackedDate = number;

const NONE = -1;
/** Years up to this are packed: year * 512 + month * 32 + day stays a small integer (a Smi). */
const MAX_PACKED_YEAR = 100_000;

const isPart = (v: number | undefined, max: number): boolean =>
  v === undefined || (Number.isInteger(v) && v >= 1 && v <= max);

/**
 * A date as one integer (month and day 0 when absent), or the object itself when it does not fit
 * (a reader never gives such a date; kept exact all the same).
 */
function pack(d: DateParts | null): PackedDate | DateParts {
  if (d === null) return NONE;
  const { year, month, day } = d;
  const fits =
    Number.isInteger(year) &&
    year >= 0 &&
    year < MAX_PACKED_YEAR &&
    isPart(month, 12) &&
    isPart(day, 31) &&
    (day === undefined || month !== undefined);
  return fits ? year * 512 + (month ?? 0) * 32 + (day ?? 0) : d;
}

function unpack(p: PackedDate | DateParts): DateParts | null {
  if (typeof p !== "number") return p;
  if (p === NONE) return null;
  const year = Math.floor(p / 512);
  const month = (p >> 5) & 15;
  const day = p & 31;
  if (month === 0) return { year };
  return day === 0 ? { year, month } : { year, month, day };
}

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
  private readonly birth0: PackedDate | DateParts;
  private readonly joined0: PackedDate | DateParts;
  private readonly left0: PackedDate | DateParts;
  private readonly row0: number;
  private readonly site: MemberSite;

  constructor(f: MemberFields, site: MemberSite, row0: number) {
    this.clubId = f.clubId;
    this.name = f.name;
    this.sex = f.sex;
    this.hardship = f.hardship;
    this.borrowed = f.borrowed;
    this.loanAmount = f.loanAmount;
    this.birth0 = pack(f.birth);
    this.joined0 = pack(f.joined);
    this.left0 = pack(f.left);
    this.row0 = row0;
    this.site = site;
  }

  get birth(): DateParts | null {
    return unpack(this.birth0);
  }

  get joined(): DateParts | null {
    return unpack(this.joined0);
  }

  get left(): DateParts | null {
    return unpack(this.left0);
  }

  get origin(): Origin {
    return { sheet: this.site.sheet, row0: this.row0, columns: this.site.columns };
  }
}
