import { DEFAULT_SETTINGS } from "../../core/model/settings";
import { HA_TINH_ROADMAP, HA_TINH_TOTALS } from "../../core/roadmap/ha-tinh";
import { Commune, UNIT_PLACES, UnitPlace } from "./places";
import { Rng } from "./rng";
import { ClubGap, CLUB_GAP_RATES, MemberQuirk, MEMBER_QUIRK_CARRIERS } from "./gaps";
import { allocateClubs } from "./allocate";

/**
 * The whole sample decided up front, as a few small records per club (10,000 clubs take a few MB):
 * the streaming writer must finish the CLB sheet before it starts the members, so everything the
 * three sheets share (ids, sizes, ratios, which club carries which gap) is fixed here first.
 */
export interface ClubPlan {
  readonly index: number;
  readonly id: string;
  readonly unit: UnitPlace;
  readonly commune: Commune;
  readonly name: string;
  readonly founded: number;
  readonly members: number;
  readonly women: number;
  readonly older: number;
  readonly borrowers: number;
  readonly gaps: ReadonlySet<ClubGap>;
  /** Member-level quirks this club must show at least once (so small samples have them all). */
  readonly forced: ReadonlySet<MemberQuirk>;
  /** An id of the same unit that is not in the CLB sheet, for this club's orphan row. */
  readonly unknownId: string;
}

export interface SamplePlan {
  readonly clubs: readonly ClubPlan[];
  /** Fund rows for clubs that the CLB sheet does not have. */
  readonly orphanFundIds: readonly string[];
}

const S = DEFAULT_SETTINGS;

/** A count whose ratio to n lies in [lo, hi] of the target, kept inside [min, max] of the rule. */
function countFor(rng: Rng, n: number, lo: number, hi: number, min: number, max: number): number {
  const k = Math.round(n * rng.between(lo, hi));
  return Math.max(min, Math.min(max, k));
}

/**
 * Club sizes and ratios. Compliant clubs aim well inside the plan's bands (0.62-0.68, not
 * 0.60-0.70) so that one bad sex cell or one implausible birth does not by itself flip a club:
 * each failing club in the sample fails because it was planned to.
 */
function sizes(rng: Rng, gaps: ReadonlySet<ClubGap>) {
  const n = gaps.has("empty")
    ? 0
    : gaps.has("small")
      ? rng.int(38, S.minMembers - 1)
      : gaps.has("large")
        ? rng.int(S.maxMembers + 1, S.maxMembers + 8)
        : rng.int(S.minMembers, S.maxMembers);
  const women = gaps.has("fewWomen")
    ? Math.round(n * rng.between(0.4, 0.54))
    : countFor(rng, n, 0.62, 0.68, Math.ceil(n * S.womenMin), Math.floor(n * S.womenMax));
  const olderMin = Math.max(Math.ceil(n * S.olderMin), n - Math.floor(n * S.youngerMax));
  const olderMax = Math.min(Math.floor(n * S.olderMax), n - Math.ceil(n * S.youngerMin));
  const older = gaps.has("fewOlder")
    ? Math.round(n * rng.between(0.4, 0.54))
    : countFor(rng, n, 0.62, 0.68, olderMin, olderMax);
  const borrowers = gaps.has("fewBorrowers")
    ? Math.round(n * rng.between(0.25, 0.45))
    : countFor(rng, n, 0.55, 0.66, Math.ceil(n * S.borrowersMin) + 1, n);
  return { members: n, women, older, borrowers };
}

/** Spreads each gap kind over distinct clubs (wrapping only when there are fewer clubs than kinds). */
function assignGaps(rng: Rng, n: number): Set<ClubGap>[] {
  const gaps = Array.from({ length: n }, () => new Set<ClubGap>());
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  let next = 0;
  for (const [gap, rate] of CLUB_GAP_RATES) {
    const count = Math.max(1, Math.round(n * rate));
    for (let k = 0; k < count; k++) gaps[order[next++ % n]].add(gap);
  }
  return gaps;
}

function assignQuirks(rng: Rng, withMembers: readonly number[], n: number): Set<MemberQuirk>[] {
  const forced = Array.from({ length: n }, () => new Set<MemberQuirk>());
  if (withMembers.length === 0) return forced;
  for (const [quirk, rate] of MEMBER_QUIRK_CARRIERS) {
    const count = Math.max(1, Math.round(n * rate));
    for (let k = 0; k < count; k++) forced[rng.pick(withMembers)].add(quirk);
  }
  return forced;
}

/** "VQ-007": the unit's code and a number padded to a width that fits the unit's club count. */
const clubId = (unit: UnitPlace, width: number, k: number) =>
  `${unit.code}-${String(k).padStart(width, "0")}`;

/**
 * The units a sample covers: the whole province, or the units whose club-id code is given (a
 * district's own register: `--unit VQ`). Unknown codes are an error naming the known ones.
 */
export function sampleUnits(codes: readonly string[] | undefined): number[] {
  const all = UNIT_PLACES.map((_, u) => u);
  if (codes === undefined || codes.length === 0) return all;
  return codes.map((code) => {
    const u = UNIT_PLACES.findIndex((p) => p.code.toLowerCase() === code.toLowerCase());
    if (u < 0)
      throw new RangeError(
        `sample: unknown unit code "${code}"; known: ${UNIT_PLACES.map((p) => p.code).join(", ")}`,
      );
    return u;
  });
}

export function planSample(
  rng: Rng,
  clubCount: number,
  units: readonly number[] = sampleUnits(undefined),
): SamplePlan {
  const roadmap = units.map((u) => HA_TINH_ROADMAP[u]!);
  const places = units.map((u) => UNIT_PLACES[u]!);
  // A district's sample keeps the province's split between the two phases of its own units.
  const totals =
    units.length === UNIT_PLACES.length
      ? HA_TINH_TOTALS
      : {
          before: roadmap.reduce((n, r) => n + r.before, 0),
          total: roadmap.reduce((n, r) => n + r.total, 0),
        };
  const founded = allocateClubs(rng, clubCount, roadmap, totals);
  const gaps = assignGaps(rng, clubCount);
  const clubs: ClubPlan[] = [];
  places.forEach((unit, u) => {
    const years = founded[u];
    // Ids past the unit's last club are the unknown ones (a club never entered in the CLB sheet).
    const width = Math.max(3, String(years.length + 100).length);
    const offset = rng.int(0, unit.communes.length - 1);
    const perCommune = new Map<string, number>();
    years.forEach((year, j) => {
      const commune = unit.communes[(offset + j) % unit.communes.length];
      const nth = (perCommune.get(commune.name) ?? 0) + 1;
      perCommune.set(commune.name, nth);
      const index = clubs.length;
      clubs.push({
        index,
        id: clubId(unit, width, j + 1),
        unit,
        commune,
        name: `CLB LTHTGN ${commune.level} ${commune.name}${nth > 1 ? ` số ${nth}` : ""}`,
        founded: year,
        ...sizes(rng, gaps[index]),
        gaps: gaps[index],
        forced: new Set<MemberQuirk>(),
        unknownId: clubId(unit, width, years.length + rng.int(1, 50)),
      });
    });
  });
  const withMembers = clubs.filter((c) => c.members > 0).map((c) => c.index);
  const forced = assignQuirks(rng, withMembers, clubCount);
  const orphanFundIds = Array.from(
    { length: Math.max(1, Math.round(clubCount * 0.003)) },
    (_, k) => {
      const u = rng.int(0, places.length - 1);
      const count = founded[u]!.length;
      return clubId(places[u]!, Math.max(3, String(count + 100).length), count + 51 + k);
    },
  );
  return { clubs: clubs.map((c) => ({ ...c, forced: forced[c.index] })), orphanFundIds };
}
