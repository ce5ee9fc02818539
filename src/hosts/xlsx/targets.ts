import { WritePlan } from "../../core/model/write-plan";
import { Package, dirOf } from "./package";
import { SheetEntry, WorkbookInfo } from "./workbook-parts";

/** Where one generated sheet of the plan goes. */
export interface SheetTarget {
  readonly part: string;
  /** Position in <sheets> (what the tag's localSheetId counts). */
  readonly index: number;
  /** The sheet of ours being rewritten in place; absent for a new sheet. */
  readonly existing?: SheetEntry;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Excel's own rules for sheet names; the core should never break them, this is a safety net. */
function checkName(name: string): void {
  if (
    !name.trim() ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    same(name, "History")
  )
    throw new Error(`"${name}" is not a valid Excel sheet name.`);
}

/**
 * Decides, for each generated sheet, whether it rewrites a sheet of ours in place (tagged, or
 * known by its content: the plan says `retag`) or becomes a new part at the end. Any other
 * same-named sheet belongs to the user: refuse rather than overwrite it (the core never plans so).
 */
export function planTargets(
  pkg: Package,
  wb: WorkbookInfo,
  plan: WritePlan,
): Map<string, SheetTarget> {
  const targets = new Map<string, SheetTarget>();
  const taken = new Set(pkg.entries.map((e) => e.name.toLowerCase()));
  const dir = `${dirOf(wb.sheets.find((s) => s.type === "worksheet")?.part ?? `${dirOf(wb.part)}worksheets/`)}`;
  let index = wb.sheets.length;
  let n = wb.sheets.length;
  for (const sheet of plan.sheets) {
    if ([...targets.keys()].some((k) => same(k, sheet.name)))
      throw new Error(`The plan writes sheet "${sheet.name}" twice.`);
    const existing =
      wb.sheets.find((s) => s.name === sheet.name) ??
      wb.sheets.find((s) => same(s.name, sheet.name));
    if (existing) {
      // The core knows a sheet of ours by its content when its tag was lost (plan's `retag`).
      if ((!existing.generated && !sheet.retag) || existing.type !== "worksheet")
        throw new Error(
          `Sheet "${existing.name}" was not made by this tool: refusing to overwrite it.`,
        );
      targets.set(sheet.name, { part: existing.part, index: existing.index, existing });
      continue;
    }
    checkName(sheet.name);
    let part: string;
    do part = `${dir}sheet${++n}.xml`;
    while (taken.has(part.toLowerCase()));
    taken.add(part.toLowerCase());
    targets.set(sheet.name, { part, index: index++ });
  }
  return targets;
}

/** The worksheet part a highlight's sheet name refers to, including sheets the plan adds. */
export function worksheetPart(
  wb: WorkbookInfo,
  targets: ReadonlyMap<string, SheetTarget>,
  name: string,
): string | undefined {
  const generated = targets.get(name) ?? [...targets].find(([k]) => same(k, name))?.[1];
  if (generated) return generated.part;
  const sheet = wb.sheets.find((s) => s.name === name) ?? wb.sheets.find((s) => same(s.name, name));
  return sheet?.type === "worksheet" ? sheet.part : undefined;
}
