import { DateParts } from "../model/dates";
import { nameKey } from "../text/normalize";
import { formatDate } from "./dates";

/** No person: a member without a name or a birth is compared with nobody. */
export const NO_PERSON = -1;

/** Birth codes below this are packed dates; those from it, dates that do not pack (interned). */
const PACKED_BIRTHS = 2 ** 26;
/** Codes per name: a person is nameId * BIRTH_CODES + birth code, exact below 2^53. */
const BIRTH_CODES = 2 ** 27;

/**
 * Persons as numbers: the same normalised name and the same birth as written give the same
 * number, and nothing else does. The counts compare every member of a country's register (600,000)
 * by person, within a club and across clubs; as "name key/birth" strings (about 90 bytes each, and
 * kept to the end of the check) they were a third of what the check held (issue 15). A person's
 * text is made only where a finding names it (personText).
 */
export class PersonIds {
  private readonly names = new Map<string, number>();
  private readonly oddBirths = new Map<string, number>();

  /** The person's number. */
  of(name: string, birth: DateParts): number {
    const key = nameKey(name);
    let id = this.names.get(key);
    if (id === undefined) this.names.set(key, (id = this.names.size));
    return id * BIRTH_CODES + this.birthCode(birth);
  }

  private birthCode({ year, month, day }: DateParts): number {
    if (
      Number.isInteger(year) &&
      year >= 0 &&
      year < PACKED_BIRTHS / 512 &&
      (month === undefined || (Number.isInteger(month) && month >= 1 && month <= 12)) &&
      (day === undefined || (month !== undefined && Number.isInteger(day) && day >= 1 && day <= 31))
    )
      return year * 512 + (month ?? 0) * 32 + (day ?? 0);
    // A birth no reader gives (kept apart all the same): by its text.
    const text = formatDate({ year, month, day });
    let code = this.oddBirths.get(text);
    if (code === undefined) this.oddBirths.set(text, (code = PACKED_BIRTHS + this.oddBirths.size));
    return code;
  }
}

/** A person as finding ids give it: normalised name / birth as written. */
export const personText = (name: string, birth: DateParts): string =>
  `${nameKey(name)}/${formatDate(birth)}`;
