import { RawSheet, releaseRow } from "../model/cells";
import { FullDate } from "../model/dates";
import { InputError } from "../model/errors";
import { LocalText, say } from "../model/i18n";
import { Club, Fund, MemberList } from "../model/records";
import { Settings } from "../model/settings";
import { FindingSink } from "../findings/sink";
import { findMemberSheets } from "../read/club-sheets";
import { readClubs } from "../read/clubs";
import { readFunds } from "../read/funds";
import { convertLegacyText } from "../read/legacy-text";
import { bestHeader, findHeader, hasClubColumn, HeaderMatch, missingFields } from "../read/header";
import { fillMergedDown } from "../read/merged";
import { ClubNames } from "../read/club-names";
import { KnownMemberSheet, MemberContext, readMembers } from "../read/members";
import { MemberTable } from "../read/member-table";
import { readRoadmap, RoadmapSheet } from "../read/roadmap";
import {
  CLUBS_SPEC,
  FUNDS_SPEC,
  MEMBERS_SPEC,
  ROADMAP_SPEC,
  SHEET_SPECS,
  SheetRole,
  SheetSpec,
} from "../sheets/specs";
import { applyMapping, Mapping } from "./mapping";
import { RoleConflict } from "./pick-sheets";

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
  /** Why each sheet has its role (from pickSheets), for the layout. */
  readonly reasons?: ReadonlyMap<string, LocalText>;
  /** Sheets not read and why (from pickSheets): each said in an info finding. */
  readonly skipped?: ReadonlyMap<string, LocalText>;
  readonly funds: RawSheet | null;
  readonly roadmap: RawSheet | null;
}

/** What the reader made of a workbook's input sheets, before any rule judges them. */
export interface InputRecords {
  readonly clubs: readonly Club[];
  readonly members: MemberList;
  readonly funds: readonly Fund[];
  /** Null when the workbook has no roadmap sheet. */
  readonly roadmap: (RoadmapSheet & { readonly sheet: string }) | null;
  readonly hasFunds: boolean;
  /** The sheets as the reader saw them (legacy text converted, the mapping applied), by name. */
  readonly sheets: ReadonlyMap<string, RawSheet>;
}

const ROLE_TITLE = Object.fromEntries(SHEET_SPECS.map((s) => [s.role, s.title])) as Record<
  SheetRole,
  LocalText
>;

/** Founding years beyond this are typing errors. */
const FOUNDED_MAX_YEAR = 2100;

/**
 * Reads the input sheets into records, reporting every cell it cannot read: the one reading that
 * both a check and a merge of several files use, so that a file reads the same in either.
 */
export function readInput(
  raw: CheckInput,
  settings: Settings,
  ref: FullDate,
  sink: FindingSink,
  /**
   * Given when the input is handed over (runCheckHandedOver): its sheets are the reader's to
   * empty, and each member row is let go of once its record is made (a country's are 80 MB).
   */
  handedOver?: HandOver,
): InputRecords {
  const sheets = new Map<string, RawSheet>();
  const m = raw.mapping ?? {};
  /** Each sheet as given, by the sheet as read (legacy text converted, the mapping applied). */
  const given = new Map<RawSheet, RawSheet>();
  const apply = (sheet: RawSheet, spec: SheetSpec): RawSheet => {
    const ready = applyMapping(convertLegacyText(sheet, sink), spec, m[sheet.name]);
    sheets.set(ready.name, ready);
    given.set(ready, sheet);
    return ready;
  };
  // Every sheet is prepared first, so that what the conversion reports comes before the rows.
  const input = {
    clubs: apply(raw.clubs, CLUBS_SPEC),
    members: raw.members && apply(raw.members, MEMBERS_SPEC),
    funds: raw.funds && apply(raw.funds, FUNDS_SPEC),
    roadmap: raw.roadmap && apply(raw.roadmap, ROADMAP_SPEC),
    otherSheets: (raw.otherSheets ?? []).map((s) => apply(s, MEMBERS_SPEC)),
  };
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
  for (const [name, why] of raw.skipped ?? []) {
    sink.add(
      "sheet.skipped",
      "info",
      name,
      say(`Sheet "${name}" không được đọc: ${why.vi}.`, `Sheet "${name}" is not read: ${why.en}.`),
      { sheet: name, cell: undefined },
    );
  }
  // Founding years are bounded only by plausibility here: a club founded after the reference date
  // is a real club, left out (and said so) by the check, not an unreadable cell.
  const clubs = readClubs(input.clubs, sink, FOUNDED_MAX_YEAR);
  const context: MemberContext = {
    birth: { minYear: ref.year - settings.maxAge, maxYear: ref.year - settings.minAge },
    ref,
    clubs: new ClubNames(clubs),
    ...(handedOver && {
      release: rowReleaser(given, [input.clubs, input.funds], handedOver),
    }),
  };
  const reasons = raw.reasons ?? new Map<string, LocalText>();
  // A sheet of all members has a club column; without one (a sheet chosen by name or mapping) it
  // is read as the lists without one are: by club sections, or as the club its title names.
  const allMembers = input.members && findHeader(input.members, MEMBERS_SPEC, new Set(["clubId"]));
  let members: MemberTable;
  if (input.members && allMembers && hasClubColumn(allMembers)) {
    const known = withReason(allMembers, input.members, reasons);
    members = readMembers(input.members, sink, context, known);
  } else {
    const lists = memberSheets(
      input.members ? [input.members] : input.otherSheets,
      clubs,
      sink,
      reasons,
    );
    // One table for the workbook's lists, sized for all their rows.
    members = new MemberTable(lists.reduce((n, s) => n + s.sheet.rows.length, 0));
    for (const s of lists) readMembers(s.sheet, sink, context, s, members);
  }
  // With no fund sheet, the club list may carry the fund's columns itself.
  const fundSheet = input.funds ?? (fundsInClubList(input.clubs) ? input.clubs : null);
  const funds: Fund[] = fundSheet ? readFunds(fundSheet, sink, fundSheet === input.clubs) : [];
  if (!fundSheet) {
    sink.add(
      "fund.sheet",
      "warning",
      "sheet",
      say(
        "Không có sheet Quỹ: các CLB của bảng tính này được coi là chưa có quỹ.",
        "No fund sheet: the clubs of this workbook are taken to have no fund.",
      ),
    );
  }
  const roadmap = input.roadmap
    ? { ...readRoadmap(input.roadmap, sink), sheet: input.roadmap.name }
    : null;
  // Each sheet's layout says why the sheet has its role; and the sheets kept for the merge are as
  // the rows were read, merged cells below the header filled.
  sink.layouts.forEach((l, i) => {
    const reason = l.reason ?? reasons.get(l.sheet);
    if (reason) sink.layouts[i] = { ...l, reason };
    const sheet = sheets.get(l.sheet);
    if (sheet?.merges) sheets.set(l.sheet, fillMergedDown(sheet, Math.max(...l.headerRows)));
  });
  return { clubs, members, funds, roadmap, hasFunds: fundSheet !== null, sheets };
}

/** How a handed-over input is read. */
export interface HandOver {
  /**
   * A full garbage collection, where the host has one: asked for every COLLECT_ROWS rows let go
   * of, while what is live is small and what is dead is most of the heap.
   */
  readonly collect?: (() => void) | undefined;
  /** Rows let go of between two collections; COLLECT_ROWS by default. */
  readonly collectRows?: number;
}

/**
 * Rows let go of between two collections: a row let go of is only freed by V8's next full
 * collection, which it runs once the heap has grown to several times what was live at its last;
 * so often, a country's 600,000 rows are read in a heap of about 70 MB instead of 110 (issue 15).
 */
export const COLLECT_ROWS = 150_000;

/**
 * Lets go of a member row in the sheet as read and in the sheet as given, unless that sheet is
 * read again in another role (the club list or the fund sheet, read after the members).
 */
function rowReleaser(
  given: ReadonlyMap<RawSheet, RawSheet>,
  readAgain: readonly (RawSheet | null)[],
  { collect, collectRows = COLLECT_ROWS }: HandOver,
): (sheet: RawSheet, row0: number) => void {
  const kept = new Set<RawSheet>();
  for (const s of readAgain) if (s) kept.add(s).add(given.get(s) ?? s);
  let released = 0;
  return (sheet, row0) => {
    const original = given.get(sheet) ?? sheet;
    if (kept.has(sheet) || kept.has(original)) return;
    releaseRow(sheet, row0);
    releaseRow(original, row0);
    if (++released % collectRows === 0) collect?.();
  };
}

/** Whether the club list has every required column of a fund sheet ("Quỹ hoạt động", "Quy chế"). */
function fundsInClubList(clubs: RawSheet): boolean {
  const header = bestHeader(clubs, FUNDS_SPEC);
  return (
    header !== null && header.columns.size > 1 && missingFields(FUNDS_SPEC, header).length === 0
  );
}

function withReason(
  header: HeaderMatch,
  sheet: RawSheet,
  reasons: ReadonlyMap<string, LocalText>,
): KnownMemberSheet {
  const reason = reasons.get(sheet.name);
  return { header, clubId: null, ...(reason ? { reason } : {}) };
}

/**
 * The member lists without a club column; none at all means the workbook has no members. When a
 * sheet looked like a member list but its header could not be read, that is the cause to give.
 */
function memberSheets(
  sheets: readonly RawSheet[],
  clubs: readonly Club[],
  sink: FindingSink,
  reasons: ReadonlyMap<string, LocalText>,
) {
  const { found, failures } = findMemberSheets(sheets, clubs, sink, reasons);
  if (found.length > 0) return found;
  // A member list that lacks a column is the cause to give; a sheet with no member header at all
  // is just not a member list.
  const cause = failures.find((e) => e.code === "missing-column");
  if (cause && sheets.length === 1) throw cause;
  const names = sheets.map((s) => `"${s.name}"`).join(", ");
  const because = cause ? say(` ${cause.text.vi}`, ` ${cause.text.en}`) : say("", "");
  throw new InputError(
    "missing-sheet",
    say(
      `Không tìm thấy danh sách thành viên: không có sheet "Thành viên", và không sheet nào (${names}) là danh sách thành viên của một CLB trong danh sách CLB.${because.vi}`,
      `No member list found: there is no "Thành viên" sheet, and none of the sheets (${names}) is the member list of a club in the club list.${because.en}`,
    ),
    cause?.sheet ?? "Thành viên",
  );
}
