import { SheetInfo } from "../model/cells";
import { InputError } from "../model/errors";
import { say } from "../model/i18n";
import { SheetRole, SHEET_SPECS } from "../sheets/specs";
import { headerKey } from "../text/normalize";
import { Mapping } from "./mapping";

export type SheetChoice = Readonly<Partial<Record<SheetRole, string>>> & {
  /** This tool's findings sheet from an earlier run, for the reviewers' marks. */
  readonly findings?: string;
  /**
   * With no sheet for all members: every other sheet, each possibly one club's member list (the
   * club named by the sheet or its title rows).
   */
  readonly perClub: readonly string[];
  /** Roles that more than one sheet could fill: the check says which one it used. */
  readonly conflicts: readonly RoleConflict[];
};

export interface RoleConflict {
  readonly role: SheetRole;
  readonly used: string;
  readonly ignored: readonly string[];
}

/**
 * Picks the sheet for each role by name (canonical or synonym, any case or Unicode form). Sheets
 * this tool generated are never read as input. Clubs are required, and members: one sheet for all
 * clubs or, failing that, other sheets that may each hold one club's members.
 */
export function pickSheets(sheets: readonly SheetInfo[], mapping: Mapping = {}): SheetChoice {
  const choice: Partial<Record<SheetRole, string>> & { findings?: string } = {};
  const conflicts: RoleConflict[] = [];
  for (const s of sheets) {
    const role = mapping[s.name]?.role;
    if (role && !s.generated) choice[role] = s.name;
  }
  for (const spec of SHEET_SPECS) {
    if (choice[spec.role]) continue;
    const wanted = spec.names.map(headerKey);
    // In the order of the spec's names, so the canonical name wins over a synonym.
    const found = wanted.flatMap((w) =>
      sheets.filter((s) => !s.generated && headerKey(s.name) === w),
    );
    if (found[0]) choice[spec.role] = found[0].name;
    if (found.length > 1) {
      conflicts.push({
        role: spec.role,
        used: found[0]!.name,
        ignored: found.slice(1).map((s) => s.name),
      });
    }
  }
  const findings = sheets.find((s) => s.generated === "findings");
  if (findings) choice.findings = findings.name;
  const taken = new Set(Object.values(choice));
  const perClub = choice.members
    ? []
    : sheets.filter((s) => !s.generated && !taken.has(s.name)).map((s) => s.name);
  for (const spec of SHEET_SPECS.filter((s) => s.role === "clubs" || s.role === "members")) {
    if (choice[spec.role] || (spec.role === "members" && perClub.length > 0)) continue;
    const names = spec.names.map((n) => `"${n}"`).join(", ");
    throw new InputError(
      "missing-sheet",
      say(
        `Không tìm thấy sheet ${spec.title.vi.toLowerCase()} (tên sheet là một trong: ${names}). Các sheet có: ${sheets.map((s) => `"${s.name}"`).join(", ")}.`,
        `No ${spec.title.en.toLowerCase()} sheet found (its name must be one of: ${names}). The workbook has: ${sheets.map((s) => `"${s.name}"`).join(", ")}.`,
      ),
      spec.names[0],
    );
  }
  return { ...choice, perClub, conflicts };
}
