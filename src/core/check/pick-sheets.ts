import { SheetInfo } from "../model/cells";
import { InputError } from "../model/errors";
import { say } from "../model/i18n";
import { SheetRole, SHEET_SPECS } from "../sheets/specs";
import { headerKey } from "../text/normalize";

export type SheetChoice = Readonly<Partial<Record<SheetRole, string>>> & {
  /** This tool's findings sheet from an earlier run, for the reviewers' marks. */
  readonly findings?: string;
};

/**
 * Picks the sheet for each role by name (canonical or synonym, any case or Unicode form). Sheets
 * this tool generated are never read as input. Clubs and members are required.
 */
export function pickSheets(sheets: readonly SheetInfo[]): SheetChoice {
  const choice: Partial<Record<SheetRole, string>> & { findings?: string } = {};
  for (const spec of SHEET_SPECS) {
    const wanted = spec.names.map(headerKey);
    const found = wanted
      .map((w) => sheets.find((s) => !s.generated && headerKey(s.name) === w))
      .find((s) => s !== undefined);
    if (found) choice[spec.role] = found.name;
  }
  const findings = sheets.find((s) => s.generated === "findings");
  if (findings) choice.findings = findings.name;
  for (const spec of SHEET_SPECS.filter((s) => s.role === "clubs" || s.role === "members")) {
    if (choice[spec.role]) continue;
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
  return choice;
}
