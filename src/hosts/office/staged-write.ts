/**
 * Never half a result. A check's sheets take many requests to write, and any one of them can fail
 * (a request too large, a lost connection, a sheet protected meanwhile, the user switching
 * workbooks). So the new sheets are written into very hidden staging sheets, which the user never
 * sees; the new highlights are added; and only then does one request swap the staging sheets in
 * for the live ones and delete the old highlights. Until that request, the workbook the user sees
 * is the one before the check (plus new highlights on cells, which a rollback removes by id).
 *
 * No worksheet is deleted on the way (deleting one clears the user's undo history): a replaced
 * live sheet becomes a very hidden "spare", emptied after the swap and reused by the next check.
 * A staging sheet left by a check that could not even roll back is reused the same way.
 */
import { GeneratedKind } from "../../core/model/cells";
import { GeneratedSheet } from "../../core/model/write-plan";
import { ExtrasSupport, clearExtras } from "./extras";
import { SheetState, TAG_NAME, internalTagFormula, tagFormula } from "./inventory";

/** Visible nowhere in Excel's interface; only code can show a very hidden sheet. */
export const VERY_HIDDEN = "VeryHidden";

/** A staging sheet of this check: where one generated sheet's new content is written. */
export interface Staged {
  readonly plan: GeneratedSheet;
  readonly ws: Excel.Worksheet;
  /** The live sheet it replaces, if any. */
  readonly live: SheetState | undefined;
}

/** What a rollback needs to give the workbook back as it was. */
export interface Undo {
  /** Ids of our conditional formats before the check: any other of ours is new. */
  readonly formatIds: ReadonlySet<string>;
  /** Ids of every sheet before the check: an internal sheet of another id was added by it. */
  readonly before: ReadonlySet<string>;
  /** The live generated sheets, as they were. */
  readonly live: readonly SheetState[];
}

/** Unused sheet names for internal sheets ("ISHC~results~1", …). */
export class InternalNames {
  private readonly taken: Set<string>;

  constructor(sheets: readonly { readonly name: string }[]) {
    this.taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  }

  next(kind: GeneratedKind): string {
    for (let n = 1; ; n++) {
      const name = `ISHC~${kind}~${n}`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }

  release(name: string): void {
    this.taken.delete(name.toLowerCase());
  }
}

/**
 * Empties one of our internal sheets: cells, formats, merges, links, dropdowns, page breaks, and
 * its charts (loaded beforehand, last first), which are all ours.
 */
export function emptyInternal(
  ws: Excel.Worksheet,
  support: ExtrasSupport,
  charts: readonly Excel.Chart[] = [],
): void {
  ws.getRange().clear("All");
  clearExtras(ws, support);
  charts.forEach((c) => c.delete());
}

/**
 * Tags a sheet of ours with its role: through the sheet's names each time, never through a
 * NamedItem proxy kept from an earlier request (one made by names.add is invalid after its sync).
 */
export function retag(ws: Excel.Worksheet, tagged: boolean, formula: string): void {
  if (tagged) {
    ws.names.getItem(TAG_NAME).formula = formula;
    return;
  }
  const added = ws.names.add(
    TAG_NAME,
    formula,
    "ISHC Check: generated sheet, rewritten by each check",
  );
  added.visible = false;
}

/** Whether a sheet carries our tag name (one of ours known by its content has none). */
export const hasTag = (s: SheetState): boolean =>
  s.generated !== undefined || s.internal !== undefined;

export const stagingTag = (kind: GeneratedKind): string => internalTagFormula("staging", kind);
export const spareTag = (kind: GeneratedKind): string => internalTagFormula("spare", kind);
export const liveTag = tagFormula;

/**
 * The swap, queued as one request: each live sheet steps aside (renamed, very hidden, tagged
 * spare) and its staging sheet takes its name, place and visibility. The caller then deletes the
 * old highlights in the same request.
 */
export function queueSwap(
  staged: readonly Staged[],
  spareNames: (kind: GeneratedKind) => string,
): void {
  for (const s of staged) {
    const kind = s.plan.kind;
    if (s.live) {
      s.live.ws.name = spareNames(kind);
      retag(s.live.ws, hasTag(s.live), spareTag(kind));
    }
    s.ws.name = s.plan.name;
    retag(s.ws, true, liveTag(kind));
    // A user who hid a generated sheet keeps it hidden.
    s.ws.visibility = s.live?.visibility === "Hidden" ? "Hidden" : "Visible";
    if (s.live) {
      s.ws.position = s.live.position;
      s.live.ws.visibility = VERY_HIDDEN;
    }
  }
}
