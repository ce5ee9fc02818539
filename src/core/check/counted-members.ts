import { Member, MemberList } from "../model/records";
import { CountedMembers } from "../rules/data-outliers";
import { PairKeys } from "./pair-index";

/**
 * Each member's club (by number: `clubIds`) and person (PersonIds; NO_PERSON without a name or a
 * birth), as the counts find them: typed arrays sized for the whole list, outside the JavaScript
 * heap. The counts' index of first members reads its pairs here (PairKeys), and the list of the
 * members counted reads its clubs and persons here, so a country's 600,000 members have them once
 * (issue 15). Only a member the counts reached has them set.
 */
export class MemberKeys implements PairKeys {
  readonly clubs: Int32Array;
  readonly persons: Float64Array;
  /** The clubs' ids by number, as the club list spells them. */
  readonly clubIds: string[] = [];

  constructor(length: number) {
    this.clubs = new Int32Array(length);
    this.persons = new Float64Array(length);
  }

  /** The member at `index` counts in club number `club` as `person`. */
  set(index: number, club: number, person: number): void {
    this.clubs[index] = club;
    this.persons[index] = person;
  }

  small(index: number): number {
    return this.clubs[index]!;
  }

  big(index: number): number {
    return this.persons[index]!;
  }
}

/**
 * The members counted in judged clubs, gathered as they are counted: their positions in the member
 * list, in a typed array sized for the whole list; their clubs and persons are the counts' own
 * (MemberKeys).
 */
export class CountedList implements CountedMembers {
  length = 0;
  private readonly at: Int32Array;

  constructor(
    private readonly all: MemberList,
    private readonly keys: MemberKeys,
  ) {
    this.at = new Int32Array(all.length);
  }

  /** The member at `index` of the list counts (its keys set). Once per member at most. */
  add(index: number): void {
    this.at[this.length++] = index;
  }

  member(i: number): Member {
    return this.all.at(this.at[i]!)!;
  }

  clubId(i: number): string {
    return this.keys.clubIds[this.keys.clubs[this.at[i]!]!]!;
  }

  person(i: number): number {
    return this.keys.persons[this.at[i]!]!;
  }
}
