import { RawSheet } from "../model/cells";
import { InputError } from "../model/errors";
import { Finding } from "../model/finding";
import { LocalText, say } from "../model/i18n";
import { cellOf, Club, Fund, Member, RoadmapEntry } from "../model/records";
import { Settings } from "../model/settings";
import { FindingSink } from "../findings/sink";
import { readClubs } from "../read/clubs";
import { readFunds } from "../read/funds";
import { findMemberSheets } from "../read/club-sheets";
import { SheetLayout } from "../read/layout";
import { convertLegacyText } from "../read/legacy-text";
import { readMembers } from "../read/members";
import { readRoadmap, RoadmapTotals } from "../read/roadmap";
import { checkRoadmapSums } from "../roadmap/consistency";
import { HA_TINH_ROADMAP, HA_TINH_TOTALS } from "../roadmap/ha-tinh";
import { unitProgress, UnitProgress } from "../roadmap/progress";
import { matchClubUnits } from "../roadmap/units";
import {
  CLUBS_SPEC,
  FUNDS_SPEC,
  MEMBERS_SPEC,
  ROADMAP_SPEC,
  ROADMAP_YEARS,
  SHEET_SPECS,
  SheetRole,
  SheetSpec,
} from "../sheets/specs";
import { applyMapping, Mapping } from "./mapping";
import { RoleConflict } from "./pick-sheets";
import { ClubStats, countMembers } from "./club-stats";
import { evaluateClubs, ClubVerdict } from "./club-verdicts";
import { FullDate } from "../model/dates";
import { formatDate, isAfter, referenceDate } from "./dates";
import { indexFunds } from "./fund-index";
import { checkMultipleClubs } from "../rules/completeness";
import { checkAgeOutliers, checkFundOutliers, checkLoanOutliers } from "../rules/data-outliers";

export interface CheckInput {
  readonly clubs: RawSheet;
  /** The sheet of all members; null when members are kept one sheet per club. */
  readonly members: RawSheet | null;
  /** With no sheet of all members: the other sheets, searched for one club's member list each. */
  readonly otherSheets?: readonly RawSheet[];
  /** The user's corrections of roles, header rows and columns, by sheet name. */
  readonly mapping?: Mapping;
  /** Roles that several sheets could fill (from pickSheets): reported, never silent. */
  readonly conflicts?: readonly RoleConflict[];
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
  readonly layout: readonly SheetLayout[];
}

const ROLE_TITLE = Object.fromEntries(SHEET_SPECS.map((s) => [s.role, s.title])) as Record<
  SheetRole,
  LocalText
>;

/** Founding years beyond this are typing errors. */
const FOUNDED_MAX_YEAR = 2100;

/** The whole check on plain data: parse, count, judge each club, then each unit and the roadmap. */
export function runCheck(raw: CheckInput, settings: Settings): CheckResult {
  const ref = referenceDate(settings.asOf);
  const sink = new FindingSink();
  const input = prepared(raw, sink);
  for (const c of raw.conflicts ?? []) {
    const others = c.ignored.map((n) => `"${n}"`).join(", ");
    sink.add(
      "sheet.duplicateRole",
      "warning",
      c.role,
      say(
        `Nhiều sheet có thể là ${ROLE_TITLE[c.role].vi}: dùng "${c.used}", bỏ qua ${others}. Đổi tên sheet hoặc dùng bảng ánh xạ nếu chọn sai.`,
        `Several sheets could be the ${ROLE_TITLE[c.role].en}: "${c.used}" is used, ${others} ignored. Rename a sheet or use a mapping if this is wrong.`,
      ),
      { sheet: c.used, cell: undefined },
    );
  }
  // Founding years are bounded only by plausibility here: a club founded after the reference date
  // is a real club, left out (and said so) below, not an unreadable cell.
  const clubs = readClubs(input.clubs, sink, FOUNDED_MAX_YEAR);
  const bounds = { minYear: ref.year - settings.maxAge, maxYear: ref.year - settings.minAge };
  const members = input.members
    ? readMembers(input.members, sink, bounds)
    : memberSheets(input.otherSheets ?? [], clubs, sink).flatMap((m) =>
        readMembers(m.sheet, sink, bounds, m),
      );
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
  const roadmapSource: CheckResult["roadmapSource"] = input.roadmap
    ? { kind: "sheet", sheet: input.roadmap.name }
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
  const counted: { members: Member[]; clubIds: string[]; persons: (string | null)[] } = {
    members: [],
    clubIds: [],
    persons: [],
  };
  const stats: Map<string, ClubStats> = countMembers(
    clubs,
    members,
    ref,
    settings,
    sink,
    (m, clubId, person) => {
      if (!activeIds.has(clubId)) return;
      counted.members.push(m);
      counted.clubIds.push(clubId);
      counted.persons.push(person);
    },
  );
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
  checkFundOutliers(
    verdicts.flatMap((v) => (v.fund ? [{ clubId: v.club.id, fund: v.fund }] : [])),
    settings.outlierK,
    sink,
  );
  checkLoanOutliers(counted, settings.outlierK, sink);
  checkAgeOutliers(counted, ref, settings.ageLine, settings.outlierK, sink);
  return {
    settings,
    ref,
    verdicts,
    closedClubs: clubs.filter((c) => c.closed),
    units,
    roadmapSource,
    findings: sink.all(),
    layout: sink.layouts,
  };
}

/** The input as the reader takes it: legacy-encoded text as Unicode, the user's mapping applied. */
function prepared(input: CheckInput, sink: FindingSink): CheckInput {
  const m = input.mapping ?? {};
  const apply = (sheet: RawSheet, spec: SheetSpec) =>
    applyMapping(convertLegacyText(sheet, sink), spec, m[sheet.name]);
  return {
    clubs: apply(input.clubs, CLUBS_SPEC),
    members: input.members && apply(input.members, MEMBERS_SPEC),
    funds: input.funds && apply(input.funds, FUNDS_SPEC),
    roadmap: input.roadmap && apply(input.roadmap, ROADMAP_SPEC),
    otherSheets: (input.otherSheets ?? []).map((s) => apply(s, MEMBERS_SPEC)),
  };
}

/** The member sheets among the other sheets; none at all means the workbook has no members. */
function memberSheets(sheets: readonly RawSheet[], clubs: readonly Club[], sink: FindingSink) {
  const found = findMemberSheets(sheets, clubs, sink);
  if (found.length > 0) return found;
  throw new InputError(
    "missing-sheet",
    say(
      `Không tìm thấy danh sách thành viên: không có sheet "Thành viên", và không sheet nào (${sheets.map((s) => `"${s.name}"`).join(", ")}) là danh sách thành viên của một CLB trong danh sách CLB.`,
      `No member list found: there is no "Thành viên" sheet, and none of the sheets (${sheets.map((s) => `"${s.name}"`).join(", ")}) is the member list of a club in the club list.`,
    ),
    "Thành viên",
  );
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
