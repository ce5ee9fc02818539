import { DateParts, PACKED_DATES, packedDate } from "../model/dates";
import { nameKey } from "../text/normalize";
import { formatDate } from "./dates";

/** No person: a member without a name or a birth is compared with nobody. */
export const NO_PERSON = -1;

/**
 * Codes per name: a person is nameId * BIRTH_CODES + birth code (a packed date, or from
 * PACKED_DATES one that does not pack), exact below 2^53.
 */
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
  /**
   * The number of each name as written: nameKey is made once per spelling, not once per member
   * (its memo, bounded for any text, thrashes on a country's 60,000 names).
   */
  private readonly written = new Map<string, number>();
  private readonly oddBirths = new Map<string, number>();

  /** The person's number. */
  of(name: string, birth: DateParts): number {
    let id = this.written.get(name);
    if (id === undefined) {
      const key = nameKey(name);
      id = this.names.get(key);
      if (id === undefined) this.names.set(key, (id = this.names.size));
      this.written.set(name, id);
    }
    return id * BIRTH_CODES + this.birthCode(birth);
  }

  private birthCode(birth: DateParts): number {
    const packed = packedDate(birth);
    if (packed !== undefined) return packed;
    // A birth no reader gives (kept apart all the same): by its text.
    const text = formatDate(birth);
    let code = this.oddBirths.get(text);
    if (code === undefined) this.oddBirths.set(text, (code = PACKED_DATES + this.oddBirths.size));
    return code;
  }
}

/** A person as finding ids give it: normalised name / birth as written. */
export const personText = (name: string, birth: DateParts): string =>
  `${nameKey(name)}/${formatDate(birth)}`;
