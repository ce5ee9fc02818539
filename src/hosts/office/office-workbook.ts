import { RawSheet, SheetInfo, sheetInfoOf } from "../../core/model/cells";
import { InputError } from "../../core/model/errors";
import { say } from "../../core/model/i18n";
import { WritePlan } from "../../core/model/write-plan";
import { WorkbookPort } from "../workbook/port";
import { ExcelBatch, Supports, WriteQueue, officeSupports } from "./batch";
import { oldCharts } from "./charts";
import { ExtrasSupport, checkExtras, clearExtras, extrasSupport, queueExtras } from "./extras";
import { queueGeneratedSheet } from "./generated-sheet";
import { queueHighlights } from "./highlights";
import {
  Inventory,
  SheetState,
  loadInventory,
  ourFormats,
  tagFormula,
  TAG_NAME,
} from "./inventory";
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
    return inv.sheets.map(sheetInfoOf);
  }

  async readSheet(name: string): Promise<RawSheet> {
    // The reader learns from the same detection as the writer (fonts need ExcelApi 1.9).
    const options = { ...this.options, supports: this.supports };
    return this.run((context) => readSheetValues(context, name, options));
  }

  /**
   * Refuses before writing anything when a sheet it must touch (or the workbook) is protected,
   * or when a sheet of the plan's name belongs to the user. Then removes our old highlights,
   * rewrites our sheets in place (a worksheet is never deleted: that would clear the user's undo
   * history), adds the missing ones with their tag, and adds the new highlights. Dropdowns, charts
   * and page setup follow each sheet where this Excel supports them (extras.ts); replacing our old
   * charts costs one sync more, whatever the number of sheets and charts.
   */
  async apply(plan: WritePlan): Promise<void> {
    const rangeAreas = this.supports("ExcelApi", "1.9");
    const support = extrasSupport(this.supports);
    plan.sheets.forEach(checkExtras);
    await this.run(async (context) => {
      const inv = await loadInventory(context, true);
      const old = plan.keepHighlights ? [] : await ourFormats(context, inv.sheets);
      const find = (name: string) =>
        inv.sheets.find((s) => s.name === name) ?? inv.sheets.find((s) => same(s.name, name));
      for (const g of plan.sheets) {
        const existing = find(g.name);
        if (existing && !existing.generated)
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

      const charts = support.charts
        ? await oldCharts(
            context,
            plan.sheets.flatMap((sheet) => {
              const existing = find(sheet.name);
              return existing ? [{ ws: existing.ws, sheet }] : [];
            }),
          )
        : [];

      const queue = new WriteQueue(context);
      if (old.length > 0)
        await queue.add(old.length * 20, () => old.forEach((o) => o.format.delete()));
      if (charts.length > 0)
        await queue.add(charts.length * 20, () => charts.forEach((c) => c.delete()));
      const sheets = new Map<string, Excel.Worksheet>(
        inv.sheets.map((s) => [s.name.toLowerCase(), s.ws]),
      );
      for (const g of plan.sheets) {
        const existing = find(g.name);
        const ws = existing ? existing.ws : context.workbook.worksheets.add(g.name);
        await queue.add(200, () => prepare(ws, g.kind, existing, support));
        sheets.set(g.name.toLowerCase(), ws);
        await queueGeneratedSheet(queue, ws, g, rangeAreas);
        await queueExtras(queue, ws, g, support);
      }
      const bySheet = new Map<string, WritePlan["highlights"][number][]>();
      for (const h of plan.highlights) {
        const key = h.sheet.toLowerCase();
        const list = bySheet.get(key);
        if (list) list.push(h);
        else bySheet.set(key, [h]);
      }
      for (const [key, highlights] of bySheet)
        await queueHighlights(queue, sheets.get(key)!, highlights, rangeAreas);
      await queue.flush();
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
 * A sheet of ours is emptied in place (contents, formats, merges, links, dropdowns, page breaks;
 * its charts were deleted by name); a new one is tagged.
 */
function prepare(
  ws: Excel.Worksheet,
  kind: SheetState["generated"] & string,
  existing: SheetState | undefined,
  support: ExtrasSupport,
): void {
  if (existing) {
    ws.getRange().clear("All");
    clearExtras(ws, support);
    if (existing.generated !== kind && existing.tag) existing.tag.formula = tagFormula(kind);
    return;
  }
  const tag = ws.names.add(
    TAG_NAME,
    tagFormula(kind),
    "ISHC Check: generated sheet, rewritten by each check",
  );
  tag.visible = false;
}
