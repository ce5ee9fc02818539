import { RawSheet } from "../model/cells";
import { InputError } from "../model/errors";
import { Finding } from "../model/finding";
import { say } from "../model/i18n";
import { cellOf, Club, Fund, RoadmapEntry } from "../model/records";
import { Settings } from "../model/settings";
import { FindingSink } from "../findings/sink";
import { parseIsoDate } from "../parse/dates";
import { readClubs } from "../read/clubs";
import { readFunds } from "../read/funds";
import { readMembers } from "../read/members";
import { readRoadmap, RoadmapTotals } from "../read/roadmap";
import { checkRoadmapSums } from "../roadmap/consistency";
import { HA_TINH_ROADMAP, HA_TINH_TOTALS } from "../roadmap/ha-tinh";
import { unitProgress, UnitProgress } from "../roadmap/progress";
import { matchClubUnits } from "../roadmap/units";
import { ROADMAP_YEARS } from "../sheets/specs";
import { ClubStats, countMembers } from "./club-stats";
import { evaluateClubs, ClubVerdict } from "./club-verdicts";
import { FullDate } from "../model/dates";
import { formatDate, isAfter } from "./dates";
import { indexFunds } from "./fund-index";

export interface CheckInput {
  readonly clubs: RawSheet;
  readonly members: RawSheet;
  readonly funds: RawSheet | null;
  readonly roadmap: RawSheet | null;
}

export interface CheckResult {
  readonly settings: Settings;
  readonly ref: FullDate;
  readonly verdicts: readonly ClubVerdict[];
  readonly closedClubs: readonly Club[];
  readonly units: readonly UnitProgress[];
  readonly roadmapSource:
    { readonly kind: "sheet"; readonly sheet: string } | { readonly kind: "default" };
  readonly findings: readonly Finding[];
}

export function referenceDate(asOf: string): FullDate {
  const ref = parseIsoDate(asOf);
  if (!ref) {
    throw new InputError(
      "bad-setting",
      say(
        `Ngày tham chiếu "${asOf}" không hợp lệ: cần dạng YYYY-MM-DD.`,
        `The reference date "${asOf}" is not valid: expected YYYY-MM-DD.`,
      ),
    );
  }
  return ref;
}

/** The whole check on plain data: parse, count, judge each club, then each unit and the roadmap. */
export function runCheck(input: CheckInput, settings: Settings): CheckResult {
  const ref = referenceDate(settings.asOf);
  const sink = new FindingSink();
  const clubs = readClubs(input.clubs, sink, ref.year);
  const members = readMembers(input.members, sink, {
    minYear: ref.year - settings.maxAge,
    maxYear: ref.year - settings.minAge,
  });
  const funds: Fund[] = input.funds ? readFunds(input.funds, sink) : [];
  if (!input.funds) {
    sink.add(
      "fund.sheet",
      "warning",
      "sheet",
      say(
        "Không có sheet Quỹ: mọi CLB được coi là chưa có quỹ.",
        "No fund sheet: every club is taken to have no fund.",
      ),
    );
  }
  const roadmap = input.roadmap ? readRoadmap(input.roadmap, sink) : null;
  const entries: readonly RoadmapEntry[] = roadmap?.entries ?? HA_TINH_ROADMAP;
  const totals: RoadmapTotals | null = roadmap ? roadmap.totals : defaultTotals();
  if (!roadmap) {
    sink.add(
      "roadmap.default",
      "info",
      "default",
      say(
        "Không có sheet Lộ trình: dùng phụ lục của tỉnh Hà Tĩnh (kế hoạch 2020).",
        "No roadmap sheet: the Hà Tĩnh appendix (2020 plan) is used.",
      ),
    );
  }
  checkRoadmapSums(entries, totals, sink);

  const active = clubs.filter((c) => !c.closed && !foundedLater(c, ref, sink));
  const stats: Map<string, ClubStats> = countMembers(clubs, members, ref, settings, sink);
  const fundByClub = indexFunds(clubs, funds, sink);
  const unitByClub = matchClubUnits(
    active,
    entries.map((e) => e.unit),
    sink,
  );
  const verdicts = evaluateClubs(active, stats, fundByClub, unitByClub, settings, sink);
  const units = unitProgress(
    entries,
    verdicts.map((v) => ({
      unit: v.unit,
      foundedYear: v.club.founded?.year ?? null,
      fullyActive: v.fullyActive,
      fundOk: v.fundOk,
    })),
    ref.year,
    settings,
    sink,
  );
  return {
    settings,
    ref,
    verdicts,
    closedClubs: clubs.filter((c) => c.closed),
    units,
    roadmapSource: input.roadmap
      ? { kind: "sheet", sheet: input.roadmap.name }
      : { kind: "default" },
    findings: sink.all(),
  };
}

/** A club founded after the reference date did not exist yet: it is reported and left out. */
function foundedLater(club: Club, ref: FullDate, sink: FindingSink): boolean {
  if (!club.founded || !isAfter(club.founded, ref)) return false;
  sink.add(
    "club.founded",
    "warning",
    club.id,
    say(
      `CLB ${club.id} thành lập ${formatDate(club.founded)}, sau ngày tham chiếu: chưa được tính.`,
      `Club ${club.id} was founded on ${formatDate(club.founded)}, after the reference date: not counted.`,
    ),
    cellOf(club.origin, "founded"),
  );
  return true;
}

function defaultTotals(): RoadmapTotals {
  const values: Record<string, number> = {
    before: HA_TINH_TOTALS.before,
    planTotal: HA_TINH_TOTALS.planTotal,
    total: HA_TINH_TOTALS.total,
  };
  for (const y of ROADMAP_YEARS) values[`y${y}`] = HA_TINH_TOTALS.plan[y];
  return { values, cells: {}, sheet: "" };
}
