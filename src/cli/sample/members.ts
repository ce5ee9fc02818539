import { HARDSHIP_VALUES, MEMBERS_SPEC, SEX_VALUES, YES_NO_VALUES } from "../../core/sheets/specs";
import { AsOf, Cell, dayBetween, dmy, dotted, RowRecord, toRow, utc } from "./cells";
import {
  BAD_SEX,
  FEMALE_VARIANTS,
  IMPLAUSIBLE_BIRTH,
  MALE_VARIANTS,
  MEMBER_QUIRK_RATES,
  MemberQuirk,
} from "./gaps";
import { personName } from "./names";
import { ClubPlan } from "./plan";
import { Rng, subSeed } from "./rng";

const [NAM, NU] = SEX_VALUES;
const [CO, KHONG] = YES_NO_VALUES;

/** Weights in HARDSHIP_VALUES' order (Hộ nghèo, Cận nghèo, DTTS, Neo đơn, Khuyết tật, Khác). */
const HARDSHIP_WEIGHTS = [30, 35, 3, 15, 10, 7] as const;
const HARDSHIP_OLDER = HARDSHIP_VALUES.map((v, i) => [v, HARDSHIP_WEIGHTS[i]] as const);
// "Neo đơn" (a lone older person) does not describe a 40-year-old.
const HARDSHIP_YOUNGER = HARDSHIP_OLDER.filter(([v]) => v !== HARDSHIP_VALUES[3]);

type CellQuirk = keyof typeof MEMBER_QUIRK_RATES;
const CELL_QUIRKS = Object.keys(MEMBER_QUIRK_RATES) as CellQuirk[];

/** Poorer, older and female members are the ones the plan prioritises, so they carry most hardship. */
function hardship(rng: Rng, female: boolean, older: boolean): Cell {
  if (!rng.chance(0.12 + (older ? 0.12 : 0) + (female ? 0.06 : 0))) return null;
  return rng.weighted(older ? HARDSHIP_OLDER : HARDSHIP_YOUNGER);
}

/** Loans are a few million đồng, in steps of 500,000. */
const loanAmount = (rng: Rng) => rng.int(6, 40) * 500_000;

interface Person {
  readonly female: boolean;
  readonly older: boolean;
  readonly borrower: boolean;
  readonly quirks: ReadonlySet<MemberQuirk>;
}

function memberRecord(
  rng: Rng,
  club: ClubPlan,
  asOf: AsOf,
  p: Person,
  name: string,
  birthYear: number,
): RowRecord {
  const q = p.quirks;
  const sex = q.has("badSex")
    ? rng.pick(BAD_SEX)
    : q.has("sexVariant")
      ? rng.pick(p.female ? FEMALE_VARIANTS : MALE_VARIANTS)
      : p.female
        ? NU
        : NAM;
  const birthDay = () => utc(birthYear, rng.int(1, 12), rng.int(1, 28));
  const birth: Cell = q.has("missingBirth")
    ? null
    : q.has("implausibleBirth")
      ? rng.pick(IMPLAUSIBLE_BIRTH)
      : q.has("birthDate")
        ? birthDay()
        : q.has("birthText")
          ? dmy(birthDay())
          : birthYear;
  const borrowed: Cell = !p.borrower
    ? KHONG
    : q.has("amountText")
      ? `${dotted(loanAmount(rng))}${rng.chance(0.6) ? " đ" : ""}`
      : rng.chance(0.2)
        ? loanAmount(rng)
        : CO;
  const joined = rng.chance(0.8) ? dayBetween(rng, utc(club.founded, 1, 1), asOf.date) : null;
  return {
    clubId: club.id,
    name: q.has("nfdName") ? name.normalize("NFD") : name,
    sex,
    birth,
    hardship: hardship(rng, p.female, p.older),
    borrowed,
    joined,
    left: null,
  };
}

/**
 * Quirks per member: the club's forced ones each land on a member of their own (so none hides
 * another: a missing birth would hide a birth written as text), the random ones on the others.
 */
function quirksAt(
  rng: Rng,
  club: ClubPlan,
  borrowers: ReadonlySet<number>,
): Map<number, Set<MemberQuirk>> {
  const at = new Map<number, Set<MemberQuirk>>();
  const add = (i: number, quirk: MemberQuirk) =>
    at.set(i, (at.get(i) ?? new Set<MemberQuirk>()).add(quirk));
  for (const quirk of club.forced) {
    if (!(CELL_QUIRKS as string[]).includes(quirk)) continue;
    const candidates = quirk === "amountText" ? [...borrowers] : range(club.members);
    const pool = candidates.filter((i) => !at.has(i));
    if (pool.length > 0) add(rng.pick(pool), quirk);
  }
  const forced = new Set(at.keys());
  for (let i = 0; i < club.members; i++) {
    for (const quirk of CELL_QUIRKS) {
      if (rng.chance(MEMBER_QUIRK_RATES[quirk]) && !forced.has(i)) add(i, quirk);
    }
  }
  return at;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Someone outside the planned counts: a leaver or an orphan row. */
function extraPerson(rng: Rng, olderShare: number): Person {
  return {
    female: rng.chance(0.65),
    older: rng.chance(olderShare),
    borrower: rng.chance(0.55),
    quirks: new Set<MemberQuirk>(),
  };
}

/**
 * The member rows of one club, followed by its extra rows (leavers, a duplicate, an orphan with an
 * unknown club id). Drawn from the club's own random stream, so a club's rows depend only on the
 * seed and the club, never on the clubs written before it.
 */
export function memberRows(club: ClubPlan, seed: number, asOf: AsOf): Cell[][] {
  const rng = new Rng(subSeed(seed, club.index, 1));
  const n = club.members;
  const women = rng.subset(n, club.women);
  const older = rng.subset(n, club.older);
  const borrowers = rng.subset(n, club.borrowers);
  const quirks = quirksAt(rng, club, borrowers);
  const seen = new Set<string>();
  const records: RowRecord[] = [];
  const person = (female: boolean, isOlder: boolean) => {
    // Ages keep off the 59/60 line so that exact-date and year-only counting agree on who is older.
    for (;;) {
      const birthYear = asOf.year - (isOlder ? rng.int(61, 88) : rng.int(26, 58));
      const name = personName(rng, female, isOlder);
      const key = `${name}|${birthYear}`;
      if (!seen.has(key)) {
        seen.add(key);
        return { name, birthYear };
      }
    }
  };
  for (let i = 0; i < n; i++) {
    const p = { female: women.has(i), older: older.has(i), borrower: borrowers.has(i) };
    const { name, birthYear } = person(p.female, p.older);
    records.push(
      memberRecord(rng, club, asOf, { ...p, quirks: quirks.get(i) ?? new Set() }, name, birthYear),
    );
  }
  const extras: RowRecord[] = [];
  if (club.forced.has("duplicate") && records.length > 0) {
    // Entered twice, the second time without the join date: same name, same birth, same club.
    extras.push({ ...rng.pick(records), joined: null });
  }
  if (club.forced.has("leaver")) {
    const lastYear = asOf.year - 1;
    for (let k = rng.int(1, 3); k > 0; k--) {
      const p = extraPerson(rng, 0.7);
      const { name, birthYear } = person(p.female, p.older);
      const from = utc(Math.min(club.founded, lastYear), 1, 1);
      const left = dayBetween(
        rng,
        utc(Math.min(Math.max(club.founded, lastYear - 3), lastYear), 1, 1),
        utc(lastYear, 12, 31),
      );
      extras.push({
        ...memberRecord(rng, club, asOf, p, name, birthYear),
        joined: dayBetween(rng, from, left),
        left,
      });
    }
  }
  if (club.forced.has("unknownClub")) {
    const p = extraPerson(rng, 0.65);
    const { name, birthYear } = person(p.female, p.older);
    extras.push({ ...memberRecord(rng, club, asOf, p, name, birthYear), clubId: club.unknownId });
  }
  return [...records, ...extras].map((r) => toRow(MEMBERS_SPEC, r));
}
