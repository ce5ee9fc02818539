import { cellOf, Club, Member, MemberList } from "../model/records";
import { Settings } from "../model/settings";
import { say } from "../model/i18n";
import { FindingSink } from "../findings/sink";
import { ageAt, isBefore } from "../parse/dates";
import { nameKey } from "../text/normalize";
import { FullDate } from "../model/dates";
import { formatDate, isAfter } from "./dates";
import { shortText } from "../text/short-text";
import { NO_PERSON, PersonIds, personText } from "./person-ids";
import { PairIndex } from "./pair-index";
import { MemberKeys } from "./counted-members";

/** A club's composition at the reference date, from the members who count. */
export interface ClubStats {
  members: number;
  women: number;
  /**
   * Members whose sex could be read. The shares are taken of all members, as the plan says: a
   * member whose sex or age cannot be read counts as not a woman, not older and not younger, so
   * that unreadable cells can only make a club fail, never pass (their findings say why).
   */
  sexKnown: number;
  older: number;
  younger: number;
  /** Members whose age could be read. */
  ageKnown: number;
  hardship: number;
  borrowers: number;
}

const emptyStats = (): ClubStats => ({
  members: 0,
  women: 0,
  sexKnown: 0,
  older: 0,
  younger: 0,
  ageKnown: 0,
  hardship: 0,
  borrowers: 0,
});

/**
 * Counts members per club. Who does not count: members of an unknown club (reported), members who
 * left before the reference date or joined after it, and the second copy of a duplicate member
 * (same normalised name and birth in one club, reported). The same person in two clubs counts in
 * both (rules/completeness.ts reports it).
 */
export function countMembers(
  clubs: readonly Club[],
  members: MemberList,
  ref: FullDate,
  settings: Settings,
  sink: FindingSink,
  /** Where each member's club and person are set as it is counted (and read to find duplicates). */
  keys: MemberKeys,
  /**
   * Called for each member who counts, with its position in `members` and the club as the club
   * list spells its id; its club and person are set in `keys` by then.
   */
  onCounted?: (index: number, clubId: string) => void,
): Map<string, ClubStats> {
  const stats = new Map<string, ClubStats>(clubs.map((c) => [c.id, emptyStats()]));
  /** The clubs by number, for the pairs of club and person (PairIndex). */
  const numbered = new Map<string, { no: number; stats: ClubStats }>();
  for (const [id, s] of stats) {
    numbered.set(id, { no: numbered.size, stats: s });
    keys.clubIds.push(id);
  }
  const byLowerId = new Map(clubs.map((c) => [c.id.toLowerCase(), c.id as string]));
  /** The ids a lower-cased cell resolves to, as typed (of two ids differing in case, the later). */
  const asTyped = new Set(byLowerId.values());
  /** By club and person, the member first counted. */
  const firsts = new PairIndex(members.length, keys);
  const ids = new PersonIds();
  for (let i = 0; i < members.length; i++) {
    const m = members.at(i)!;
    if (m.clubId === "") continue;
    // Most cells spell the id as the club list does: looked up as is before lower-casing.
    const clubId = asTyped.has(m.clubId) ? m.clubId : byLowerId.get(m.clubId.toLowerCase());
    if (clubId === undefined) {
      sink.add(
        "member.unknownClub",
        "error",
        `${m.clubId}/${nameKey(m.name)}/${m.birth ? formatDate(m.birth) : ""}`,
        say(
          `Thành viên "${shortText(m.name)}" thuộc mã CLB "${shortText(m.clubId)}" không có trong danh sách CLB.`,
          `Member "${shortText(m.name)}" belongs to club id "${shortText(m.clubId)}", which is not in the club list.`,
        ),
        cellOf(m.origin, "clubId"),
        memberContent(m),
      );
      continue;
    }
    if (m.left && isBefore(m.left, ref)) continue;
    if (m.joined && isAfter(m.joined, ref)) continue;
    let person = NO_PERSON;
    const birth = m.birth;
    const club = numbered.get(clubId)!;
    if (m.name !== "" && birth) person = ids.of(m.name, birth);
    keys.set(i, club.no, person);
    if (person !== NO_PERSON && birth) {
      const first = firsts.firstOr(i);
      if (first >= 0) {
        sink.add(
          "member.duplicate",
          "warning",
          `${clubId}/${personText(m.name, birth)}`,
          say(
            `"${shortText(m.name)}" (${formatDate(birth)}) ghi hai lần trong CLB ${shortText(clubId)} (dòng ${members.at(first)!.origin.row0 + 1} và ${m.origin.row0 + 1}): chỉ tính một lần.`,
            `"${shortText(m.name)}" (${formatDate(birth)}) is listed twice in club ${shortText(clubId)} (rows ${members.at(first)!.origin.row0 + 1} and ${m.origin.row0 + 1}): counted once.`,
          ),
          cellOf(m.origin, "name"),
          memberContent(m),
        );
        continue;
      }
    }
    onCounted?.(i, clubId);
    const s = club.stats;
    s.members++;
    if (m.sex !== null) {
      s.sexKnown++;
      if (m.sex === "F") s.women++;
    }
    if (birth) {
      s.ageKnown++;
      if (ageAt(birth, ref) >= settings.ageLine) s.older++;
      else s.younger++;
    }
    if (m.hardship) s.hardship++;
    if (m.borrowed) s.borrowers++;
  }
  return stats;
}

/** What tells apart two members with the same key, whatever their rows' order (see FindingSink). */
const memberContent = (m: Member): string =>
  JSON.stringify([m.sex, m.hardship, m.borrowed, m.joined, m.left, m.name, m.clubId]);
