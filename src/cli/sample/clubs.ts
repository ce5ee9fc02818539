import { CLUBS_SPEC, FUNDS_SPEC, STATUS_VALUES, YES_NO_VALUES } from "../../core/sheets/specs";
import { ACTIVITY_FIELDS } from "../../core/sheets/specs";
import { Cell, dmy, dotted, toRow, utc } from "./cells";
import { ClubPlan } from "./plan";
import { Rng, subSeed } from "./rng";

const [CO, KHONG] = YES_NO_VALUES;
const [ACTIVE, CLOSED] = STATUS_VALUES;

/** How the founding is written: mostly the year, sometimes a date or dd/mm/yyyy text (all valid). */
function founded(rng: Rng, year: number): Cell {
  const r = rng.float();
  const day = utc(year, rng.int(1, 12), rng.int(1, 28));
  return r < 0.85 ? year : r < 0.93 ? day : dmy(day);
}

/** The CLB sheet row of one club (its own random stream, like the members). */
export function clubRow(club: ClubPlan, seed: number): Cell[] {
  const rng = new Rng(subSeed(seed, club.index, 2));
  const g = club.gaps;
  const off = new Set<string>();
  if (g.has("activityNo")) {
    for (let k = rng.int(1, 2); k > 0; k--) off.add(rng.pick(ACTIVITY_FIELDS).key);
  }
  // "x" means yes and blank means no in real registers: both appear, a blank only where it is a gap.
  const activity = (key: string): Cell =>
    off.has(key) ? (rng.chance(0.7) ? KHONG : null) : rng.chance(0.03) ? "x" : CO;
  const activities = Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f.key, activity(f.key)]));
  return toRow(CLUBS_SPEC, {
    id: club.id,
    name: club.name,
    // Officials write the unit with or without its prefix; a few rows say "Vũ Quang" or "H. Vũ Quang".
    district: rng.chance(0.05) ? rng.pick(club.unit.variants) : club.unit.unit,
    commune: club.commune.name,
    founded: founded(rng, club.founded),
    ...activities,
    wellManaged: g.has("managementNo") ? KHONG : CO,
    status: g.has("closed") ? CLOSED : rng.chance(0.1) ? null : ACTIVE,
  });
}

/** A fund amount, sometimes typed as text with "." thousands ("12.500.000 đ"). */
function amount(rng: Rng, lo: number, hi: number, step: number): Cell {
  const value = rng.int(Math.ceil(lo / step), Math.floor(hi / step)) * step;
  return rng.chance(0.05) ? `${dotted(value)}${rng.chance(0.5) ? " đ" : ""}` : value;
}

/** The Quỹ row of one club, or none for a club planned without a fund. */
export function fundRow(club: ClubPlan, seed: number): Cell[] | null {
  if (club.gaps.has("noFund")) return null;
  const rng = new Rng(subSeed(seed, club.index, 3));
  return toRow(FUNDS_SPEC, {
    clubId: club.id,
    operatingFund: amount(rng, 2_000_000, 30_000_000, 100_000),
    incomeFund: amount(rng, 20_000_000, 300_000_000, 1_000_000),
    regulation: club.gaps.has("regulationNo") ? KHONG : CO,
  });
}

/** A fund row for a club id that the CLB sheet does not have (a club renamed or never entered). */
export function orphanFundRow(id: string, seed: number, k: number): Cell[] {
  const rng = new Rng(subSeed(seed, 1_000_000 + k, 3));
  return toRow(FUNDS_SPEC, {
    clubId: id,
    operatingFund: amount(rng, 2_000_000, 30_000_000, 100_000),
    incomeFund: amount(rng, 20_000_000, 300_000_000, 1_000_000),
    regulation: CO,
  });
}
