import { RawSheet } from "../model/cells";
import { InputError } from "../model/errors";
import { Finding } from "../model/finding";
import { say } from "../model/i18n";
import { Club, Fund, Member, RoadmapEntry } from "../model/records";
import { Settings } from "../model/settings";
import { FindingSink } from "../findings/sink";
import { applyMapping } from "../check/mapping";
import { referenceDate } from "../check/dates";
import { CheckInput } from "../check/run-check";
import { findMemberSheets } from "../read/club-sheets";
import { readClubs } from "../read/clubs";
import { readFunds } from "../read/funds";
import { convertLegacyText } from "../read/legacy-text";
import { readMembers } from "../read/members";
import { readRoadmap } from "../read/roadmap";
import {
  CLUBS_SPEC,
  FUNDS_SPEC,
  MEMBERS_SPEC,
  ROADMAP_SPEC,
  SHEET_SPECS,
  SheetSpec,
} from "../sheets/specs";

/**
 * What one file holds, read exactly as a check of that file alone reads it (legacy text as
 * Unicode, the user's mapping applied, the same header detection and layouts), before any club is
 * judged: the records, the sheets they were read from (as the reader saw them, so that a value
 * can be copied as typed) and what the reader reported.
 */
export interface FileRecords {
  readonly clubs: readonly Club[];
  readonly members: readonly Member[];
  readonly funds: readonly Fund[];
  readonly roadmap: readonly RoadmapEntry[];
  /** True when the file has a roadmap sheet (possibly with no unit in it). */
  readonly hasRoadmap: boolean;
  readonly hasFunds: boolean;
  /** The sheets read, by name, after legacy text conversion and the mapping. */
  readonly sheets: ReadonlyMap<string, RawSheet>;
  /** The reader's findings: unreadable cells, skipped sheets, converted text, ambiguous columns. */
  readonly findings: readonly Finding[];
}

/** Founding years beyond this are typing errors (as in the check). */
const FOUNDED_MAX_YEAR = 2100;

const ROLE_TITLE = Object.fromEntries(SHEET_SPECS.map((s) => [s.role, s.title]));

/**
 * Reads one file's records the way `runCheck` reads them; only the reading, none of the rules,
 * which the merged workbook's own check applies to the whole province.
 */
export function readRecords(raw: CheckInput, settings: Settings): FileRecords {
  const sink = new FindingSink();
  const sheets = new Map<string, RawSheet>();
  const m = raw.mapping ?? {};
  const prepare = (sheet: RawSheet, spec: SheetSpec): RawSheet => {
    const ready = applyMapping(convertLegacyText(sheet, sink), spec, m[sheet.name]);
    sheets.set(ready.name, ready);
    return ready;
  };
  for (const c of raw.conflicts ?? []) {
    const title = ROLE_TITLE[c.role]!;
    const others = c.ignored.map((n) => `"${n}"`).join(", ");
    sink.add(
      "sheet.duplicateRole",
      "warning",
      c.role,
      say(
        `Nhiều sheet có thể là ${title.vi}: dùng "${c.used}", bỏ qua ${others}.`,
        `Several sheets could be the ${title.en}: "${c.used}" is used, ${others} ignored.`,
      ),
      { sheet: c.used, cell: undefined },
    );
  }
  const ref = referenceDate(settings.asOf);
  const clubs = readClubs(prepare(raw.clubs, CLUBS_SPEC), sink, FOUNDED_MAX_YEAR);
  const bounds = { minYear: ref.year - settings.maxAge, maxYear: ref.year - settings.minAge };
  let members: Member[];
  if (raw.members) {
    members = readMembers(prepare(raw.members, MEMBERS_SPEC), sink, bounds);
  } else {
    const others = (raw.otherSheets ?? []).map((s) => prepare(s, MEMBERS_SPEC));
    const found = findMemberSheets(others, clubs, sink);
    if (found.length === 0) throw noMembers(others);
    members = found.flatMap((s) => readMembers(s.sheet, sink, bounds, s));
  }
  const funds = raw.funds ? readFunds(prepare(raw.funds, FUNDS_SPEC), sink) : [];
  if (!raw.funds) {
    sink.add(
      "fund.sheet",
      "warning",
      "sheet",
      say(
        "Không có sheet Quỹ: các CLB của tệp này được coi là chưa có quỹ.",
        "No fund sheet: the clubs of this file are taken to have no fund.",
      ),
    );
  }
  const roadmap = raw.roadmap ? readRoadmap(prepare(raw.roadmap, ROADMAP_SPEC), sink) : null;
  return {
    clubs,
    members,
    funds,
    roadmap: roadmap?.entries ?? [],
    hasRoadmap: roadmap !== null,
    hasFunds: raw.funds !== null,
    sheets,
    findings: sink.all(),
  };
}

function noMembers(sheets: readonly RawSheet[]): InputError {
  const names = sheets.map((s) => `"${s.name}"`).join(", ");
  return new InputError(
    "missing-sheet",
    say(
      `Không tìm thấy danh sách thành viên: không có sheet "Thành viên", và không sheet nào (${names}) là danh sách thành viên của một CLB trong danh sách CLB.`,
      `No member list found: there is no "Thành viên" sheet, and none of the sheets (${names}) is the member list of a club in the club list.`,
    ),
    "Thành viên",
  );
}
