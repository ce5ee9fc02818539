import { GeneratedKind } from "../../core/model/cells";
import { LIMITS } from "./batch";
import { formatDeleteCost } from "./request-costs";

/**
 * A generated sheet carries a hidden worksheet-scoped name, the same tag the xlsx host writes
 * (<definedName name="ISHC_Generated" localSheetId=".." hidden="1">"ishc:results"</definedName>),
 * so a workbook checked by either host is recognised by both.
 */
export const TAG_NAME = "ISHC_Generated";
const TAG_VALUE = /^=?\s*"ishc:(results|appendix|findings)"\s*$/;

export const tagFormula = (kind: GeneratedKind): string => `="ishc:${kind}"`;

export function kindOf(formula: string): GeneratedKind | undefined {
  return TAG_VALUE.exec(formula)?.[1] as GeneratedKind | undefined;
}

/**
 * A sheet of ours that the user never sees (very hidden), kept apart from the live generated
 * sheets: "staging" while a check writes its results into it, "spare" once the results it held
 * were replaced (see staged-write.ts). Its tag says which, and for which kind.
 */
export type InternalRole = "staging" | "spare";
const INTERNAL_VALUE = /^=?\s*"ishc:(staging|spare):(results|appendix|findings)"\s*$/;

export const internalTagFormula = (role: InternalRole, kind: GeneratedKind): string =>
  `="ishc:${role}:${kind}"`;

export function internalOf(
  formula: string,
): { readonly role: InternalRole; readonly kind: GeneratedKind } | undefined {
  const m = INTERNAL_VALUE.exec(formula);
  return m ? { role: m[1] as InternalRole, kind: m[2] as GeneratedKind } : undefined;
}

/** Our highlight rules: a formula that is always TRUE and names this tool (as in the xlsx host). */
const OURS = /^=?\s*ISTEXT\("ishc:(error|warning|info)"\)\s*$/i;
export const isOurFormula = (formula: string): boolean => OURS.test(formula);

export interface SheetState {
  readonly name: string;
  readonly ws: Excel.Worksheet;
  /** Excel's id of the sheet: it stays when the sheet is renamed. */
  readonly id: string;
  readonly position: number;
  readonly visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";
  /** Hidden or very hidden (from `visibility`, so it costs no request); absent when visible. */
  readonly hidden?: true;
  readonly generated?: GeneratedKind;
  /** One of our very hidden staging or spare sheets: never the user's, never listed. */
  readonly internal?: { readonly role: InternalRole; readonly kind: GeneratedKind };
  readonly protected: boolean;
  /** With formats: the conditional formats on the sheet (type loaded). */
  readonly formats?: Excel.ConditionalFormatCollection;
}

export interface Inventory {
  readonly sheets: readonly SheetState[];
  readonly workbookProtected: boolean;
}

/**
 * Two syncs whatever the number of sheets: the sheet names, then every sheet's tag and protection
 * (and, when asked, its conditional formats' types) together.
 */
export async function loadInventory(
  context: Excel.RequestContext,
  withFormats: boolean,
): Promise<Inventory> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/position,items/visibility");
  const wbProtection = context.workbook.protection;
  wbProtection.load("protected");
  await context.sync();
  const pending = worksheets.items.map((ws) => {
    const tag = ws.names.getItemOrNullObject(TAG_NAME);
    tag.load("formula");
    const protection = ws.protection;
    protection.load("protected");
    let formats: Excel.ConditionalFormatCollection | undefined;
    if (withFormats) {
      formats = ws.getRange().conditionalFormats;
      formats.load("items/type");
    }
    return { ws, tag, protection, formats };
  });
  await context.sync();
  const sheets = pending.map(({ ws, tag, protection, formats }): SheetState => {
    const generated = tag.isNullObject ? undefined : kindOf(tag.formula);
    const internal = tag.isNullObject ? undefined : internalOf(tag.formula);
    return {
      name: ws.name,
      ws,
      id: ws.id,
      position: ws.position,
      visibility: ws.visibility,
      ...(ws.visibility !== "Visible" ? { hidden: true as const } : {}),
      protected: protection.protected,
      ...(generated ? { generated } : {}),
      ...(internal ? { internal } : {}),
      ...(formats ? { formats } : {}),
    };
  });
  return { sheets, workbookProtected: wbProtection.protected };
}

/**
 * This tool's conditional formats on the given sheets: the formulas of the custom formats are
 * read in as few syncs as Excel's request limit allows (one, unless an Excel without RangeAreas
 * holds thousands of formats, one per highlighted area); a format of another type has no custom
 * rule to ask for.
 */
export async function ourFormats(
  context: Excel.RequestContext,
  sheets: readonly SheetState[],
): Promise<{ sheet: SheetState; format: Excel.ConditionalFormat }[]> {
  const custom = sheets.flatMap((sheet) =>
    (sheet.formats?.items ?? [])
      .filter((format) => format.type === "Custom")
      .map((format) => ({ sheet, format })),
  );
  const perSync = Math.max(1, Math.floor(LIMITS.payloadBytes / formatReadBytes()));
  const ours: { sheet: SheetState; format: Excel.ConditionalFormat }[] = [];
  // One block a sync; recursive rather than a loop, as each block waits for the one before.
  const read = async (from: number): Promise<void> => {
    if (from >= custom.length) return;
    const block = custom.slice(from, from + perSync).map((c) => {
      const rule = c.format.custom.rule;
      rule.load("formula");
      c.format.load("id");
      return { ...c, rule };
    });
    await context.sync();
    ours.push(...block.filter((c) => isOurFormula(c.rule.formula)));
    await read(from + perSync);
  };
  await read(0);
  return ours;
}

/**
 * Request bytes to read one format's formula and id: as much as deleting it by the same path
 * costs (request-costs.ts), which is more than the two loads take. A function: request-costs.ts
 * imports this module.
 */
const formatReadBytes = (): number => formatDeleteCost() + 400;
