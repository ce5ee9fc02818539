import { GeneratedKind, RawSheet, SheetInfo, someCell } from "../model/cells";
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
import { generatedNames } from "../report/write-plan";
import { SheetRole, SheetSpec, SHEET_SPECS } from "../sheets/specs";

import { previousFindingsSheet, recogniseGenerated } from "./generated-by-content";
import { Mapping } from "./mapping";

export type SheetChoice = Readonly<Partial<Record<SheetRole, string>>> & {
  /** This tool's findings sheet from an earlier run, for the reviewers' marks. */
  readonly findings?: string;
  /**
   * Sheets of ours known by their content, having lost their tag (a copy saved by another
   * program), by name: never input, and rewritten in place by this run.
   */
  readonly ours: ReadonlyMap<string, GeneratedKind>;
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

/** Our generated sheets' names: a user's sheet so named is read as any other, and kept. */
const OUR_NAMES: ReadonlyMap<string, GeneratedKind> = new Map(
  (Object.entries(GENERATED_NAMES) as [GeneratedKind, string][]).map(([k, n]) => [
    n.toLowerCase(),
    k,
  ]),
);

/**
 * Names that give a role only when the content agrees: "Phụ lục" is a roadmap's name in the plan,
 * but also our appendix's, and the word for any appendix a workbook may carry.
 */
const WEAK_NAMES = new Set([GENERATED_NAMES.appendix].map(foldedKey));

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
 * The user's mapping overrides both. Sheets this tool generated are never read as input: those
 * its tag marks, and (with `content`) those whose content shows they are ours (see
 * generated-by-content.ts), unless the mapping names them. Clubs are
 * required, and members: one sheet for all clubs or, failing that, member lists without a club
 * column (one club's list each, or a list by club sections).
 *
 * Without the sheets' content (`content` absent), the roles come from the names alone.
 */
export function pickSheets(
  listed: readonly SheetInfo[],
  mapping: Mapping = {},
  content?: ReadonlyMap<string, RawSheet>,
): SheetChoice {
  const choice: Partial<Record<SheetRole, string>> & { findings?: string } = {};
  const reasons = new Map<string, LocalText>();
  const skipped = new Map<string, LocalText>();
  const conflicts: RoleConflict[] = [];
  const { sheets, byContent } = content
    ? recogniseGenerated(listed, content, (name) => mapping[name] !== undefined)
    : { sheets: listed, byContent: new Map<string, GeneratedKind>() };
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
  const byRole = candidatesByRole(input, mapped, skipped, content, generatedNames(sheets));
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
  const findings = previousFindingsSheet(sheets, byContent);
  if (findings !== undefined) choice.findings = findings;
  const taken = new Set(Object.values(choice));
  const perClub = choice.members
    ? []
    : content
      ? (byRole.get("members") ?? []).map((c) => c.name).filter((n) => !taken.has(n))
      : input.filter((s) => !taken.has(s.name)).map((s) => s.name);
  if (!choice.clubs) throw noSheet(SHEET_SPECS[0]!, sheets, content);
  if (!choice.members && perClub.length === 0) throw noSheet(SHEET_SPECS[1]!, sheets, content);
  for (const [name, reason] of reasons) {
    const note = ourNameNote(name, sheets);
    if (note) reasons.set(name, say(`${reason.vi}; ${note.vi}`, `${reason.en}; ${note.en}`));
  }
  return { ...choice, ours: byContent, perClub, conflicts, reasons, skipped };
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
  written: Readonly<Record<GeneratedKind, string>>,
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
    const head = headOf(raw);
    const ranked = SHEET_SPECS.map((spec) => fitOf(head, spec)).sort(rank);
    const best = ranked.find(fits);
    const weak = WEAK_NAMES.has(foldedKey(s.name));
    if (best) add(best.spec.role, s, best);
    else if (named && !weak) add(named.role, s, ranked.find((f) => f.spec === named) ?? null);
    // An empty sheet (a new workbook's "Sheet1") holds nothing to lose.
    else if (hasValues(raw)) {
      const why = named
        ? say(
            `tên sheet có thể là ${ROLE_NOUN[named.role].vi} nhưng không có dòng tiêu đề của ${ROLE_NOUN[named.role].vi}`,
            `its name could be the ${ROLE_NOUN[named.role].en}'s but no header row is the ${ROLE_NOUN[named.role].en}'s`,
          )
        : say(
            "không có dòng tiêu đề nào giống danh sách CLB, thành viên, quỹ hay lộ trình",
            "no header row looks like a club, member, fund or roadmap list",
          );
      const note = ourNameNote(s.name, input, written);
      skipped.set(s.name, note ? say(`${why.vi}; ${note.vi}`, `${why.en}; ${note.en}`) : why);
    }
  }
  return byRole;
}

/**
 * For a user's sheet that has the name of one of ours but not its content: it is kept as it is,
 * and ours goes beside it (report/write-plan.ts's generatedNames chooses the name).
 */
function ourNameNote(
  name: string,
  sheets: readonly SheetInfo[],
  written: Readonly<Record<GeneratedKind, string>> = generatedNames(sheets),
): LocalText | null {
  // Compared as generatedNames compares: a sheet it would not write beside is not in the way.
  const kind = OUR_NAMES.get(name.toLowerCase());
  const sheet = sheets.find((s) => s.name === name);
  if (!kind || !sheet || sheet.generated) return null;
  return say(
    `tên trùng sheet "${GENERATED_NAMES[kind]}" do ISHC Check tạo nhưng nội dung không phải của nó: sheet được giữ nguyên, không ghi đè; kết quả ghi vào sheet "${written[kind]}"`,
    `it has the name of the "${GENERATED_NAMES[kind]}" sheet ISHC Check makes but not its content: it is kept as it is, never overwritten; the results go to the sheet "${written[kind]}"`,
  );
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
  for (let r = 0; r < sheet.rows.length; r++)
    if (someCell(sheet.rows.at(r), (v) => v !== null && v !== "")) return true;
  return false;
}

/**
 * The rows where a header may stand, as the reader will see them: text typed in a legacy encoding
 * (TCVN3, VNI) converted, as readInput converts the whole sheet later (and reports it there).
 */
function headOf(sheet: RawSheet): RawSheet {
  // One row past the scan: the last row scanned may be the upper row of a two-row header.
  return convertedHead(sheet, HEADER_SCAN_ROWS + 1);
}
