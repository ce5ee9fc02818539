import { Member, MemberList } from "../model/records";
import { CountedMembers } from "../rules/data-outliers";

/**
 * The members counted in judged clubs, gathered as they are counted: positions in the member list,
 * club numbers and persons in typed arrays sized for the whole list, so that a country's 600,000
 * members add three arrays outside the JavaScript heap, not three growing ones inside it (issue 15).
 */
export class CountedList implements CountedMembers {
  length = 0;
  private readonly at: Int32Array;
  private readonly clubs: Int32Array;
  private readonly persons: Float64Array;
  private readonly clubIds: string[] = [];
  private readonly clubNo = new Map<string, number>();

  constructor(private readonly all: MemberList) {
    this.at = new Int32Array(all.length);
    this.clubs = new Int32Array(all.length);
    this.persons = new Float64Array(all.length);
  }

  /** The member at `index` of the list counts in `clubId`, as `person`. Once per member at most. */
  add(index: number, clubId: string, person: number): void {
    let no = this.clubNo.get(clubId);
    if (no === undefined) {
      this.clubNo.set(clubId, (no = this.clubIds.length));
      this.clubIds.push(clubId);
    }
    const i = this.length++;
    this.at[i] = index;
    this.clubs[i] = no;
    this.persons[i] = person;
  }

  member(i: number): Member {
    return this.all.at(this.at[i]!)!;
  }

  clubId(i: number): string {
    return this.clubIds[this.clubs[i]!]!;
  }

  person(i: number): number {
    return this.persons[i]!;
  }
}
