import { RawSheet, SheetInfo, sheetInfoOf } from "../../core/model/cells";
import { reasonOf } from "../../core/model/error-text";
import { InputError } from "../../core/model/errors";
import { say } from "../../core/model/i18n";
import { WritePlan } from "../../core/model/write-plan";
import { WorkbookPort } from "../workbook/port";
import { ExcelBatch, LIMITS, Supports, WriteQueue, officeSupports } from "./batch";
import { ExtrasSupport, checkExtras, extrasSupport, queueExtras } from "./extras";
import { queueGeneratedSheet } from "./generated-sheet";
import { queueHighlights } from "./highlights";
import {
  chartDeleteCost,
  formatDeleteCost,
  sheetAddCost,
  sheetPrepareCost,
  sheetRenameCost,
  sheetVisibilityCost,
} from "./request-costs";
import { Inventory, SheetState, loadInventory, ourFormats } from "./inventory";
import {
  InternalNames,
  Staged,
  Undo,
  VERY_HIDDEN,
  emptyInternal,
  hasTag,
  liveTag,
  queueSwap,
  retag,
  spareTag,
  stagingTag,
} from "./staged-write";
import { ReadOptions, readSheetValues } from "./read-sheet";

export interface OfficeOptions extends ReadOptions {
  /** Requirement-set detection; Office.context.requirements by default. */
  readonly supports?: Supports;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function refuseProtected(inv: Inventory, names: ReadonlySet<string>): void {
  const sheet = inv.sheets.find((s) => s.protected && [...names].some((n) => same(n, s.name)));
  if (inv.workbookProtected || sheet) {
    const what = sheet ? `sheet "${sheet.name}"` : "the workbook";
    const vi = sheet ? `Sheet "${sheet.name}" đang được bảo vệ` : "Sổ làm việc đang được bảo vệ";
    throw new InputError(
      "protected",
      say(
        `${vi}: hãy bỏ bảo vệ (Review > Unprotect) rồi kiểm tra lại. Chưa ghi gì vào sổ.`,
        `${what[0]!.toUpperCase()}${what.slice(1)} is protected: unprotect it (Review > Unprotect) and check again. Nothing was written.`,
      ),
      sheet?.name,
    );
  }
}

/**
 * The workbook open in Excel, behind the same port as the xlsx host. Every call is one batch
 * (Excel.run in the add-in, the strict fake in tests) with a fixed number of syncs per phase; only
 * reading and writing large sheets take more, one per block that fits Excel's limits.
 */
export class OfficeWorkbook implements WorkbookPort {
  private readonly supports: Supports;

  constructor(
    private readonly run: ExcelBatch,
    private readonly options: OfficeOptions = {},
  ) {
    this.supports = options.supports ?? officeSupports;
  }

  async listSheets(): Promise<readonly SheetInfo[]> {
    const inv = await this.run((context) => loadInventory(context, false));
    return inv.sheets.filter((s) => !s.internal).map(sheetInfoOf);
  }

  async readSheet(name: string): Promise<RawSheet> {
    // The reader learns from the same detection as the writer (fonts need ExcelApi 1.9).
    const options = { ...this.options, supports: this.supports };
    return this.run((context) => readSheetValues(context, name, options));
  }

  /**
   * Refuses before writing anything when a sheet it must touch (or the workbook) is protected,
   * or when a sheet of the plan's name belongs to the user. Then writes the plan so that the user
   * sees the whole result or none of it (staged-write.ts): the new sheets go into very hidden
   * staging sheets, the new highlights are added, and one request swaps the sheets in and deletes
   * the old highlights. When any request fails before that swap, a rollback takes the new
   * highlights and staging content away again, and the error says whether it could.
   */
  async apply(plan: WritePlan): Promise<void> {
    plan.sheets.forEach(checkExtras);
    let undo: Undo | undefined;
    let swapped = false;
    try {
      await this.run(async (context) => {
        const inv = await loadInventory(context, true);
        const old = plan.keepHighlights ? [] : await ourFormats(context, inv.sheets);
        this.refuseBeforeWriting(plan, inv, old);
        undo = {
          formatIds: new Set(old.map((o) => o.format.id)),
          before: new Set(inv.sheets.map((s) => s.id)),
          live: liveSheets(plan, inv),
        };
        await this.stage(context, plan, inv, old, () => (swapped = true));
      });
    } catch (error) {
      if (!undo || swapped) throw error;
      const rolledBack = await this.rollback(undo).then(
        () => true,
        () => false,
      );
      throw interrupted(error, rolledBack);
    }
  }

  private refuseBeforeWriting(
    plan: WritePlan,
    inv: Inventory,
    old: readonly { sheet: SheetState }[],
  ): void {
    const find = (name: string) => findSheet(inv, name);
    for (const g of plan.sheets) {
      const existing = find(g.name);
      // A sheet of ours known by its content (its tag lost: `retag`) is rewritten like a tagged one.
      if (existing && !existing.generated && !g.retag)
        throw new InputError(
          "protected",
          say(
            `Sheet "${existing.name}" không do ISHC Check tạo ra nên không ghi đè. Chưa ghi gì vào sổ.`,
            `Sheet "${existing.name}" was not made by this tool: it is not overwritten. Nothing was written.`,
          ),
          existing.name,
        );
    }
    const missing = plan.highlights.find(
      (h) => !find(h.sheet) && !plan.sheets.some((g) => same(g.name, h.sheet)),
    );
    if (missing)
      throw new Error(
        `Highlight on "${missing.sheet}", which is not a worksheet of this workbook.`,
      );
    refuseProtected(
      inv,
      new Set([
        ...plan.sheets.map((g) => g.name),
        ...plan.highlights.map((h) => h.sheet),
        ...old.map((o) => o.sheet.name),
      ]),
    );
  }

  /** Writes the staging sheets and the new highlights, then swaps (one request). */
  private async stage(
    context: Excel.RequestContext,
    plan: WritePlan,
    inv: Inventory,
    old: readonly { sheet: SheetState; format: Excel.ConditionalFormat }[],
    onSwapped: () => void,
  ): Promise<void> {
    const rangeAreas = this.supports("ExcelApi", "1.9");
    const support = extrasSupport(this.supports);
    const names = new InternalNames(inv.sheets);
    const pool = inv.sheets.filter((s) => s.internal);
    const lives = plan.sheets.flatMap((g) => findSheet(inv, g.name) ?? []);
    const charts = await chartsOf(context, [...pool, ...lives], support);
    const queue = new WriteQueue(context);
    const staged: Staged[] = [];
    const reused = new Set<SheetState>();
    for (const g of plan.sheets) {
      const live = findSheet(inv, g.name);
      const reuse = pool.find((s) => s.internal!.kind === g.kind && !reused.has(s));
      let ws: Excel.Worksheet;
      if (reuse) {
        reused.add(reuse);
        ws = reuse.ws;
        const own = charts.get(reuse.id) ?? [];
        await queue.add(sheetPrepareCost() + own.length * chartDeleteCost(), () => {
          emptyInternal(ws, support, own);
          retag(ws, true, stagingTag(g.kind));
        });
      } else {
        const name = names.next(g.kind);
        const cost = sheetAddCost(name) + sheetVisibilityCost() + sheetPrepareCost();
        await queue.add(cost, () => {
          ws = context.workbook.worksheets.add(name);
          ws.visibility = VERY_HIDDEN;
          retag(ws, false, stagingTag(g.kind));
        });
      }
      staged.push({ plan: g, ws: ws!, live });
      await queueGeneratedSheet(queue, ws!, g, rangeAreas);
      await queueExtras(queue, ws!, g, support);
    }
    // The highlights start a request of their own and share it with the swap whenever they fit:
    // then even a connection lost for good leaves the user's sheets as they were.
    if (plan.highlights.length > 0) await queue.flush();
    // Highlights go on the user's sheets (and on the staging sheet of a generated one).
    const sheets = new Map<string, Excel.Worksheet>(
      inv.sheets.map((s) => [s.name.toLowerCase(), s.ws]),
    );
    for (const s of staged) sheets.set(s.plan.name.toLowerCase(), s.ws);
    for (const [key, highlights] of groupBySheet(plan.highlights))
      await queueHighlights(queue, sheets.get(key)!, highlights, rangeAreas);

    // The swap, one job, so within one request and after every write: Excel runs a request's
    // actions in order and stops at the first that fails, so it runs only once all else has.
    // The old highlights go with it as far as they fit (all of them, unless an Excel without
    // RangeAreas holds thousands, one per area); the rest are deleted right after.
    const base = swapCost(staged);
    const fit = Math.floor((LIMITS.payloadBytes - base) / formatDeleteCost());
    const [withSwap, after] = [old.slice(0, fit), old.slice(fit)];
    await queue.add(base + withSwap.length * formatDeleteCost(), () => {
      queueSwap(staged, (kind) => names.next(kind));
      withSwap.forEach((o) => o.format.delete());
    });
    await queue.flush();
    onSwapped();

    // The replaced content is emptied now rather than kept hidden in the file. If this fails,
    // the result is already whole: the next check deletes any old highlight left and empties
    // the spare before using it.
    try {
      for (const o of after) await queue.add(formatDeleteCost(), () => o.format.delete());
      for (const s of staged.flatMap((x) => x.live ?? [])) {
        const own = charts.get(s.id) ?? [];
        await queue.add(sheetPrepareCost() + own.length * chartDeleteCost(), () =>
          emptyInternal(s.ws, support, own),
        );
      }
      await queue.flush();
    } catch {
      // See above: nothing the user sees depends on it.
    }
  }

  /** Gives the workbook back as it was before a check that failed on the way. */
  private async rollback(undo: Undo): Promise<void> {
    const support = extrasSupport(this.supports);
    await this.run(async (context) => {
      const inv = await loadInventory(context, true);
      const ours = await ourFormats(context, inv.sheets);
      const liveIds = new Set(undo.live.map((l) => l.id));
      // This check's sheets: staging ones, and any swapped in before the failure. Not the live
      // ones a swap cut short has made spares already: they hold the content to give back.
      const mine = inv.sheets.filter((s) => !liveIds.has(s.id) && (s.internal || s.generated));
      const charts = await chartsOf(context, mine, support);
      ours.filter((o) => !undo.formatIds.has(o.format.id)).forEach((o) => o.format.delete());
      const names = new InternalNames(inv.sheets);
      for (const s of mine) {
        // Added by this check: it did not exist before. Otherwise an empty spare, as before.
        if (!undo.before.has(s.id)) {
          s.ws.delete();
          continue;
        }
        if (s.generated) s.ws.name = names.next(s.generated);
        emptyInternal(s.ws, support, charts.get(s.id));
        retag(s.ws, true, spareTag(s.internal?.kind ?? s.generated!));
        s.ws.visibility = VERY_HIDDEN;
      }
      // A swap cut short: each live sheet gets its name, tag, visibility and place back.
      const byId = new Map(inv.sheets.map((s) => [s.id, s]));
      for (const live of undo.live) {
        const now = byId.get(live.id);
        // Untouched (a sheet known by its content has no tag to compare).
        if (!now || (!now.internal && now.name === live.name && now.visibility === live.visibility))
          continue;
        now.ws.name = live.name;
        retag(now.ws, hasTag(now), liveTag(live.generated!));
        now.ws.visibility = live.visibility;
        now.ws.position = live.position;
      }
      await context.sync();
    });
  }

  /** "Xóa đánh dấu / Clear highlights": removes this tool's conditional formats, nothing else. */
  async clearHighlights(): Promise<number> {
    return this.run(async (context) => {
      const inv = await loadInventory(context, true);
      const old = await ourFormats(context, inv.sheets);
      if (old.length === 0) return 0;
      refuseProtected(inv, new Set(old.map((o) => o.sheet.name)));
      old.forEach((o) => o.format.delete());
      await context.sync();
      return old.length;
    });
  }
}

/**
 * Bytes of the swap, per sheet: two renames (to the plan's name, and the replaced sheet's to an
 * internal one), two visibilities and a position (each a property set on the sheet, priced alike),
 * and two tags (priced as a sheet's preparation, which sets one).
 */
function swapCost(staged: readonly Staged[]): number {
  const internalName = "ISHC~findings~99";
  return staged.reduce(
    (n, s) =>
      n +
      sheetRenameCost(s.plan.name) +
      sheetRenameCost(internalName) +
      3 * sheetVisibilityCost() +
      2 * sheetPrepareCost(),
    0,
  );
}

/**
 * The live sheets of ours before the check, as a rollback gives them back: the tagged ones, and
 * those the plan rewrites as ours by their content (with the plan's kind).
 */
function liveSheets(plan: WritePlan, inv: Inventory): SheetState[] {
  const byContent = plan.sheets.filter((g) => g.retag);
  return inv.sheets.flatMap((s): SheetState[] => {
    if (s.generated) return [s];
    const g = s.internal ? undefined : byContent.find((p) => same(p.name, s.name));
    return g ? [{ ...s, generated: g.kind }] : [];
  });
}

function findSheet(inv: Inventory, name: string): SheetState | undefined {
  const visible = inv.sheets.filter((s) => !s.internal);
  return visible.find((s) => s.name === name) ?? visible.find((s) => same(s.name, name));
}

function groupBySheet(
  highlights: WritePlan["highlights"],
): Map<string, WritePlan["highlights"][number][]> {
  const bySheet = new Map<string, WritePlan["highlights"][number][]>();
  for (const h of highlights) {
    const key = h.sheet.toLowerCase();
    const list = bySheet.get(key);
    if (list) list.push(h);
    else bySheet.set(key, [h]);
  }
  return bySheet;
}

/**
 * Every chart on one of our internal sheets is ours (the appendix's): loaded in one sync for all
 * the given sheets, none when there are none or this Excel has no charts API in use.
 */
async function chartsOf(
  context: Excel.RequestContext,
  sheets: readonly SheetState[],
  support: ExtrasSupport,
): Promise<Map<string, Excel.Chart[]>> {
  if (!support.charts || sheets.length === 0) return new Map();
  const loaded = sheets.map((s) => {
    const charts = s.ws.charts;
    charts.load("items/name");
    return { id: s.id, charts };
  });
  await context.sync();
  // Last first: office.js may address a loaded item by its position, which a delete shifts.
  return new Map(loaded.map(({ id, charts }) => [id, [...charts.items].reverse()]));
}

/** A write that failed half-way: what happened, and whether the workbook is as it was. */
function interrupted(error: unknown, rolledBack: boolean): InputError {
  const reason = reasonOf(error);
  return new InputError(
    "interrupted",
    rolledBack
      ? say(
          `Ghi kết quả bị gián đoạn (${reason}). Sổ làm việc được giữ nguyên như trước khi kiểm tra: hãy kiểm tra lại.`,
          `Writing the results was interrupted (${reason}). The workbook is as it was before the check: check again.`,
        )
      : say(
          `Ghi kết quả bị gián đoạn (${reason}) và không thể hoàn tác. Các sheet kết quả cũ vẫn còn; lần kiểm tra sau sẽ dọn phần ghi dở.`,
          `Writing the results was interrupted (${reason}) and could not be undone. The previous result sheets are still there; the next check cleans up what was half-written.`,
        ),
  );
}
