import { RawSheet, SheetInfo } from "../model/cells";
import { InputError } from "../model/errors";
import { LocalText, say } from "../model/i18n";
import {
  bestHeader,
  HEADER_SCAN_ROWS,
  hasClubColumn,
  HeaderMatch,
  missingFields,
} from "../read/header";
import { foldedKey } from "../read/header-text";
import { convertedHead } from "../read/legacy-text";
import { GENERATED_NAMES } from "../report/labels";
import { SheetRole, SheetSpec, SHEET_SPECS } from "../sheets/specs";

import { Mapping } from "./mapping";

export type SheetChoice = Readonly<Partial<Record<SheetRole, string>>> & {
  /** This tool's findings sheet from an earlier run, for the reviewers' marks. */
  readonly findings?: string;
  /**
   * With no sheet for all members: the sheets that are member lists without a club column, each
   * one club's list (named by the sheet or its title rows) or a list by club sections.
   */
  readonly perClub: readonly string[];
  /** Roles that more than one sheet could fill: the check says which one it used. */
  readonly conflicts: readonly RoleConflict[];
  /** Why each sheet read has its role, by sheet name; and why each other sheet is not read. */
  readonly reasons: ReadonlyMap<string, LocalText>;
  /** Sheets not read, by name, with the reason (for an info finding: nothing skipped silently). */
  readonly skipped: ReadonlyMap<string, LocalText>;
};

export interface RoleConflict {
  readonly role: SheetRole;
  readonly used: string;
  readonly ignored: readonly string[];
}

/** A sheet's fit for one role: how many fields its best header row names, and how many it lacks. */
interface Fit {
  readonly spec: SheetSpec;
  readonly header: HeaderMatch | null;
  /** Fields named (layout fields included). */
  readonly named: number;
  /** Required fields the header lacks. */
  readonly missing: number;
  /** The sheet's name is one of the role's names (a hint only). */
  readonly byName: boolean;
}

/** Our generated sheets by name, for when another program dropped their tag: never input. */
const OUR_NAMES = new Set([GENERATED_NAMES.results, GENERATED_NAMES.findings].map(foldedKey));

/** Whether a fit is good enough to give the role: two fields named, most of the required ones. */
function fits(f: Fit): boolean {
  const required = f.spec.fields.filter(
    (x) => x.required && !(f.spec.role === "members" && x.key === "clubId"),
  ).length;
  return f.named >= 2 && f.missing * 2 <= required;
}

function fitOf(sheet: RawSheet, spec: SheetSpec): Fit {
  const header = bestHeader(sheet, spec);
  // A member list may have no club column (one club per sheet, or club sections).
  const supplied = new Set(spec.role === "members" ? ["clubId"] : []);
  return {
    spec,
    header,
    named: header?.columns.size ?? 0,
    missing: missingFields(spec, header, supplied).length,
    byName: spec.names.some((n) => foldedKey(n) === foldedKey(sheet.name)),
  };
}

/** Better first: fewer missing fields, more fields named, then the name as a hint. */
const rank = (a: Fit, b: Fit): number =>
  a.missing - b.missing || b.named - a.named || Number(b.byName) - Number(a.byName);

/**
 * Picks the sheet for each role from its content: each sheet's best header row is matched against
 * every role's fields, and the sheet takes the role it fits best; its name (canonical or synonym,
 * any case, with or without accents) is only a hint, used when the content says nothing or ties.
 * The user's mapping overrides both. Sheets this tool generated are never read as input. Clubs are
 * required, and members: one sheet for all clubs or, failing that, member lists without a club
 * column (one club's list each, or a list by club sections).
 *
 * Without the sheets' content (`content` absent), the roles come from the names alone.
 */
export function pickSheets(
  sheets: readonly SheetInfo[],
  mapping: Mapping = {},
  content?: ReadonlyMap<string, RawSheet>,
): SheetChoice {
  const choice: Partial<Record<SheetRole, string>> & { findings?: string } = {};
  const reasons = new Map<string, LocalText>();
  const skipped = new Map<string, LocalText>();
  const conflicts: RoleConflict[] = [];
  const input = sheets.filter((s) => !s.generated);
  const mapped = new Set<string>();
  for (const s of input) {
    const role = mapping[s.name]?.role;
    if (role && !choice[role]) {
      choice[role] = s.name;
      mapped.add(s.name);
      reasons.set(s.name, say("theo bảng ánh xạ cột", "by the column mapping"));
    }
  }
  const byRole = candidatesByRole(input, mapped, skipped, content);
  // Last year's lists are often kept as hidden sheets: a hidden sheet is read only when no
  // visible one could take its role.
  for (const [role, found] of byRole) {
    if (!found.some((c) => !c.hidden)) continue;
    for (const c of found.filter((c) => c.hidden))
      skipped.set(
        c.name,
        say(
          `sheet ẩn; đã dùng sheet hiện có cùng vai trò (${ROLE_NOUN[role].vi})`,
          `a hidden sheet; a visible sheet of the same kind (${ROLE_NOUN[role].en}) is used`,
        ),
      );
    byRole.set(
      role,
      found.filter((c) => !c.hidden),
    );
  }
  for (const spec of SHEET_SPECS) {
    const role = spec.role;
    const found = [...(byRole.get(role) ?? [])].sort((a, b) =>
      a.fit && b.fit ? rank(a.fit, b.fit) : Number(b.fit === null) - Number(a.fit === null),
    );
    if (found.length === 0) continue;
    if (role === "members" && content && !choice.members) {
      const main = mainMemberSheet(found);
      if (!main) {
        for (const c of found) reasons.set(c.name, reasonOf(c.fit, spec));
        continue;
      }
      found.sort((a, b) => Number(b === main) - Number(a === main));
    }
    if (!choice[role]) {
      choice[role] = found[0]!.name;
      reasons.set(found[0]!.name, reasonOf(found[0]!.fit, spec));
    }
    const ignored = found.map((c) => c.name).filter((n) => n !== choice[role]);
    if (ignored.length > 0) conflicts.push({ role, used: choice[role]!, ignored });
  }
  const findings = sheets.find((s) => s.generated === "findings");
  if (findings) choice.findings = findings.name;
  const taken = new Set(Object.values(choice));
  const perClub = choice.members
    ? []
    : content
      ? (byRole.get("members") ?? []).map((c) => c.name).filter((n) => !taken.has(n))
      : input.filter((s) => !taken.has(s.name)).map((s) => s.name);
  if (!choice.clubs) throw noSheet(SHEET_SPECS[0]!, sheets, content);
  if (!choice.members && perClub.length === 0) throw noSheet(SHEET_SPECS[1]!, sheets, content);
  return { ...choice, perClub, conflicts, reasons, skipped };
}

interface Candidate {
  readonly name: string;
  readonly fit: Fit | null;
  readonly hidden: boolean;
}

/**
 * Each sheet not mapped, under the role its content fits best (or, when it fits none, the role its
 * name gives); sheets with content that fits no role go to `skipped`, with the reason.
 */
function candidatesByRole(
  input: readonly SheetInfo[],
  mapped: ReadonlySet<string>,
  skipped: Map<string, LocalText>,
  content: ReadonlyMap<string, RawSheet> | undefined,
): Map<SheetRole, Candidate[]> {
  const byRole = new Map<SheetRole, Candidate[]>();
  const add = (role: SheetRole, s: SheetInfo, fit: Fit | null) =>
    byRole.set(role, [
      ...(byRole.get(role) ?? []),
      { name: s.name, fit, hidden: s.hidden === true },
    ]);
  for (const s of input) {
    if (mapped.has(s.name)) continue;
    const raw = content?.get(s.name);
    const named = SHEET_SPECS.find((spec) =>
      spec.names.some((n) => foldedKey(n) === foldedKey(s.name)),
    );
    if (!raw) {
      if (named) add(named.role, s, null);
      continue;
    }
    if (OUR_NAMES.has(foldedKey(s.name))) continue;
    const head = headOf(raw);
    const ranked = SHEET_SPECS.map((spec) => fitOf(head, spec)).sort(rank);
    const best = ranked.find(fits);
    if (best) add(best.spec.role, s, best);
    else if (named) add(named.role, s, ranked.find((f) => f.spec === named) ?? null);
    // An empty sheet (a new workbook's "Sheet1") holds nothing to lose.
    else if (hasValues(raw))
      skipped.set(
        s.name,
        say(
          "không có dòng tiêu đề nào giống danh sách CLB, thành viên, quỹ hay lộ trình",
          "no header row looks like a club, member, fund or roadmap list",
        ),
      );
  }
  return byRole;
}

/**
 * The sheet that holds every club's members, if one does: the sheet named for members with a club
 * column (others are duplicates), or the only member list, with a club column. A sheet named for
 * members whose header the reader cannot make out is still the member list: reading it then says
 * what is wrong with its header. Otherwise (undefined) every member list is read: a sheet per
 * club, a list by club sections, or several lists with club columns (a commune's sheet each).
 */
function mainMemberSheet(found: readonly Candidate[]): Candidate | undefined {
  const hasClub = (c: Candidate) => hasClubColumn(c.fit?.header);
  return (
    found.find((c) => hasClub(c) && (c.fit?.byName ?? true)) ??
    found.find((c) => c.fit !== null && c.fit.byName && !fits(c.fit)) ??
    (found.length === 1 && hasClub(found[0]!) ? found[0] : undefined)
  );
}

/** What a sheet of each role is, as running text says it. */
const ROLE_NOUN: Readonly<Record<SheetRole, LocalText>> = {
  clubs: say("danh sách CLB", "club list"),
  members: say("danh sách thành viên", "member list"),
  funds: say("sổ quỹ", "fund list"),
  roadmap: say("lộ trình", "roadmap"),
};

function reasonOf(fit: Fit | null, spec: SheetSpec): LocalText {
  const noun = ROLE_NOUN[spec.role];
  if (fit === null || fit.named === 0)
    return say(
      `theo tên sheet (tên của ${noun.vi})`,
      `by the sheet's name (a name of the ${noun.en})`,
    );
  const row = fit.header!.headerRows0.map((r) => r + 1).join("-");
  return say(
    `dòng tiêu đề ${row} có ${fit.named} cột của ${noun.vi}${fit.byName ? ", tên sheet cũng khớp" : ""}`,
    `header row ${row} names ${fit.named} columns of the ${noun.en}${fit.byName ? ", and so does the sheet's name" : ""}`,
  );
}

/** No sheet for a required role: say what each sheet looked like, and the way out. */
function noSheet(
  spec: SheetSpec,
  sheets: readonly SheetInfo[],
  content: ReadonlyMap<string, RawSheet> | undefined,
): InputError {
  const names = spec.names.map((n) => `"${n}"`).join(", ");
  const list = sheets.map((s) => `"${s.name}"`).join(", ");
  const expected = spec.fields
    .filter((f) => f.required && !(spec.role === "members" && f.key === "clubId"))
    .map((f) => `"${f.header}"`)
    .join(", ");
  if (!content)
    return new InputError(
      "missing-sheet",
      say(
        `Không tìm thấy sheet ${spec.title.vi.toLowerCase()} (tên sheet là một trong: ${names}). Các sheet có: ${list}.`,
        `No ${spec.title.en.toLowerCase()} sheet found (its name must be one of: ${names}). The workbook has: ${list}.`,
      ),
      spec.names[0],
    );
  return new InputError(
    "missing-sheet",
    say(
      `Không tìm thấy ${ROLE_NOUN[spec.role].vi}: không sheet nào (${list}) có dòng tiêu đề với các cột ${expected}. Hãy sửa tiêu đề cột, hoặc chỉ rõ sheet và cột: nút Chọn cột trong ngăn tác vụ, hoặc --mapping ở dòng lệnh.`,
      `No ${ROLE_NOUN[spec.role].en} found: no sheet (${list}) has a header row with the columns ${expected}. Rename the column headers, or say which sheet and column is which: Chọn cột (pick columns) in the task pane, or --mapping on the command line.`,
    ),
    spec.names[0],
  );
}

function hasValues(sheet: RawSheet): boolean {
  return sheet.rows.some((r) => r?.some((v) => v !== undefined && v !== null && v !== ""));
}

/**
 * The rows where a header may stand, as the reader will see them: text typed in a legacy encoding
 * (TCVN3, VNI) converted, as readInput converts the whole sheet later (and reports it there).
 */
function headOf(sheet: RawSheet): RawSheet {
  // One row past the scan: the last row scanned may be the upper row of a two-row header.
  return convertedHead(sheet, HEADER_SCAN_ROWS + 1);
}
