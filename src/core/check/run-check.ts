import { Finding } from "../model/finding";
import { say } from "../model/i18n";
import { cellOf, Club, RoadmapEntry } from "../model/records";
import { Settings } from "../model/settings";
import { FindingSink } from "../findings/sink";
import { SheetLayout } from "../read/layout";
import { RoadmapTotals } from "../read/roadmap";
import { checkRoadmapSums } from "../roadmap/consistency";
import { HA_TINH_ROADMAP, HA_TINH_TOTALS } from "../roadmap/ha-tinh";
import { unitProgress, UnitProgress } from "../roadmap/progress";
import { matchClubUnits } from "../roadmap/units";
import { ROADMAP_YEARS } from "../sheets/specs";
import { ClubStats, countMembers } from "./club-stats";
import { CountedList, MemberKeys } from "./counted-members";
import { evaluateClubs, ClubVerdict } from "./club-verdicts";
import { FullDate } from "../model/dates";
import { formatDate, isAfter, referenceDate } from "./dates";
import { indexFunds } from "./fund-index";
import { CheckInput, HandOver, readInput } from "./read-input";
import { checkMultipleClubs } from "../rules/completeness";
import { checkAgeOutliers, checkFundOutliers, checkLoanOutliers } from "../rules/data-outliers";
import { shortText } from "../text/short-text";

export type { CheckInput } from "./read-input";

export interface CheckResult {
  readonly settings: Settings;
  readonly ref: FullDate;
  readonly verdicts: readonly ClubVerdict[];
  readonly closedClubs: readonly Club[];
  readonly units: readonly UnitProgress[];
  readonly roadmapSource:
    { readonly kind: "sheet"; readonly sheet: string } | { readonly kind: "default" };
  readonly findings: readonly Finding[];
  readonly layout: readonly SheetLayout[];
}

/** The whole check on plain data: parse, count, judge each club, then each unit and the roadmap. */
export function runCheck(raw: CheckInput, settings: Settings): CheckResult {
  return checkOf({ input: raw }, settings);
}

/** An input handed over to the check, which empties the holder as it takes it. */
export interface HandedOver {
  input?: CheckInput;
}

/**
 * runCheck for a caller that lets go of its input: each member row is let go of once its record
 * is made, and the sheets are unreachable once the records are read (a country's member sheet is
 * 80 MB of rows, and V8 lets the heap grow to several times what stays live while the members are
 * read, counted and compared; issue 15). The caller must hold the sheets nowhere else: their
 * member rows are emptied.
 */
export function runCheckHandedOver(
  holder: HandedOver,
  settings: Settings,
  /**
   * A full garbage collection, where the host has one. Asked for where the check leaves the most
   * of the heap dead and little live: as member rows are let go of (HandOver), once the records
   * are read, once the members are counted, once the pairs of clubs are compared, and once
   * judged (the rules' typed arrays). Each costs what is live then, tens of milliseconds for a
   * country; without them V8 lets the heap grow to several times that before it collects.
   */
  collect?: () => void,
): CheckResult {
  return checkOf(holder, settings, { collect });
}

/** The check; its input's member rows are emptied as they are read when `handedOver` is given. */
function checkOf(holder: HandedOver, settings: Settings, handedOver?: HandOver): CheckResult {
  const ref = referenceDate(settings.asOf);
  const sink = new FindingSink();
  // The records and the rules' typed arrays die with judge's frame, before the plan is made.
  const judged = judge(holder, settings, ref, sink, handedOver);
  handedOver?.collect?.();
  return { settings, ref, ...judged, findings: sink.all(), layout: sink.layouts };
}

/** Reads the records, counts the members and judges each club, unit and the roadmap. */
function judge(
  holder: HandedOver,
  settings: Settings,
  ref: FullDate,
  sink: FindingSink,
  handedOver: HandOver | undefined,
): Pick<CheckResult, "verdicts" | "closedClubs" | "units" | "roadmapSource"> {
  const { clubs, members, funds, roadmap } = readHandedOver(
    holder,
    settings,
    ref,
    sink,
    handedOver,
  );
  const collect = handedOver?.collect;
  collect?.();
  const roadmapSource: CheckResult["roadmapSource"] = roadmap
    ? { kind: "sheet", sheet: roadmap.sheet }
    : { kind: "default" };
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
  const activeIds = new Set<string>(active.map((c) => c.id));
  const keys = new MemberKeys(members.length);
  const counted = new CountedList(members, keys);
  const stats: Map<string, ClubStats> = countMembers(
    clubs,
    members,
    ref,
    settings,
    sink,
    keys,
    (index, clubId) => {
      if (activeIds.has(clubId)) counted.add(index);
    },
  );
  collect?.();
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
    roadmapSource.kind,
  );
  // Across the judged clubs (warnings): the same person in two clubs, then values far from the rest.
  checkMultipleClubs(counted, new Map(active.map((c) => [c.id as string, c])), sink);
  collect?.();
  checkFundOutliers(
    verdicts.flatMap((v) => (v.fund ? [{ clubId: v.club.id, fund: v.fund }] : [])),
    settings.outlierK,
    sink,
  );
  checkLoanOutliers(counted, settings.outlierK, sink);
  checkAgeOutliers(counted, ref, settings.ageLine, settings.outlierK, sink);
  return { verdicts, closedClubs: clubs.filter((c) => c.closed), units, roadmapSource };
}

/**
 * The records of a handed-over input, in a frame of their own: a function's frame keeps every
 * value it held (a local, or an argument on its way to a call) until it returns, so the input and
 * what readInput returns beside the records (the sheets, for the merge) are let go of here.
 */
function readHandedOver(
  holder: HandedOver,
  settings: Settings,
  ref: FullDate,
  sink: FindingSink,
  /** Given when its member rows are emptied as they are read (readInput's `handedOver`). */
  handedOver: HandOver | undefined,
) {
  const input = holder.input;
  if (!input) throw new Error("The check's input was already taken");
  holder.input = undefined;
  const { clubs, members, funds, roadmap } = readInput(input, settings, ref, sink, handedOver);
  return { clubs, members, funds, roadmap };
}

/** A club founded after the reference date did not exist yet: it is reported and left out. */
function foundedLater(club: Club, ref: FullDate, sink: FindingSink): boolean {
  if (!club.founded || !isAfter(club.founded, ref)) return false;
  sink.add(
    "club.founded",
    "warning",
    club.id,
    say(
      `CLB ${shortText(club.id)} thành lập ${formatDate(club.founded)}, sau ngày báo cáo: chưa được tính.`,
      `Club ${shortText(club.id)} was founded on ${formatDate(club.founded)}, after the reference date: not counted.`,
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
