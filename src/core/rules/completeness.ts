import { say } from "../model/i18n";
import { cellOf, Club } from "../model/records";
import { FindingSink } from "../findings/sink";
import { nameKey } from "../text/normalize";
import { formatDate } from "../check/dates";
import { CountedMembers } from "./data-outliers";
import { NO_PERSON, personText } from "../check/person-ids";
import { PairIndex } from "../check/pair-index";
import { shortText } from "../text/short-text";

/**
 * Completeness across clubs. The other completeness checks already exist where their records are
 * joined: a roadmap unit with no club in the data is `roadmap.noData` (roadmap/progress.ts), a
 * club with nobody counted is `club.noMembers` and a club without a fund row is `club.fund`
 * (rules/club-composition.ts, rules/club-fund.ts).
 */

export const MULTIPLE_CLUBS = "member.multipleClubs";

/**
 * The same person counted in two different judged clubs: a warning at the later occurrence,
 * naming both clubs. The member still counts in both (each club's register says so; which one is
 * right is for the officials to settle). A person in three clubs gives one finding per later club,
 * each naming the first. The id names the person and both clubs (in sorted order), never a row,
 * so it survives reordering.
 *
 * "The same person" is the same normalised name and the same birth as written, and:
 * - with a full birth date (day, month, year) on both rows: anywhere in the data;
 * - with a birth year only: in clubs of the same commune (or, where a club gives no commune, of
 *   the same unit as written). Registers mostly give the year alone, and names concentrate
 *   (Nguyễn is four Vietnamese in ten, Thị the middle name of most older women): on the generated
 *   province sample (220 clubs, 11,000 members, national name frequencies) name + birth year alone
 *   paired 1,234 namesakes across the province; someone in two clubs is nearly always in clubs of
 *   their own commune.
 *
 * Members without a name or a birth are not compared: a name alone is shared by many people.
 * Same-club repeats never reach here (`member.duplicate` counts them once).
 */
export function checkMultipleClubs(
  counted: CountedMembers,
  clubs: ReadonlyMap<string, Club>,
  sink: FindingSink,
): void {
  /** Each club's place, numbered from 1 (0 is "anywhere": a full birth date). */
  const placeOf = new Map<string, number>();
  const places = new Map<string, number>();
  const place = (clubId: string): number => {
    let p = placeOf.get(clubId);
    if (p === undefined) {
      const c = clubs.get(clubId);
      const text = !c
        ? ""
        : c.commune !== ""
          ? `xã:${nameKey(c.commune)}`
          : `đv:${nameKey(c.unitText)}`;
      p = places.get(text);
      if (p === undefined) places.set(text, (p = places.size + 1));
      placeOf.set(clubId, p);
    }
    return p;
  };
  // First occurrence of each person: anywhere for full birth dates, within a place for the others.
  const wheres = new Int32Array(counted.length);
  const firsts = new PairIndex(counted.length, {
    small: (i) => wheres[i]!,
    big: (i) => counted.person(i),
  });
  for (let i = 0; i < counted.length; i++) {
    const person = counted.person(i);
    if (person === NO_PERSON) continue;
    const m = counted.member(i);
    const birth = m.birth;
    if (!birth) continue;
    const clubId = counted.clubId(i);
    const full = birth.month !== undefined && birth.day !== undefined;
    wheres[i] = full ? 0 : place(clubId);
    const first = firsts.firstOr(i);
    if (first < 0) continue;
    const firstClub = counted.clubId(first);
    if (firstClub === clubId) continue;
    const firstMember = counted.member(first);
    const born = formatDate(birth);
    const where = `${firstMember.origin.sheet}!${cellOf(firstMember.origin, "name").cell ?? `${firstMember.origin.row0 + 1}`}`;
    const pair = [firstClub, clubId].sort().join("+");
    sink.add(
      MULTIPLE_CLUBS,
      "warning",
      `${pair}/${personText(m.name, birth)}`,
      say(
        `"${shortText(m.name)}" (sinh ${born}) có tên trong hai CLB: ${shortText(firstClub)} (${where}) và ${shortText(clubId)}; được tính ở cả hai CLB.`,
        `"${shortText(m.name)}" (born ${born}) is listed in two clubs: ${shortText(firstClub)} (${where}) and ${shortText(clubId)}; counted in both.`,
      ),
      cellOf(m.origin, "name"),
    );
  }
}
