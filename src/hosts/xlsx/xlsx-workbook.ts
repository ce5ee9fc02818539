import { Codec } from "./codec";
import { OpenOptions } from "./open-options";
import { RawSheet, SheetInfo, sheetInfoOf } from "../../core/model/cells";
import { WritePlan } from "../../core/model/write-plan";
import { WorkbookPort } from "../workbook/port";
import { applyPlan, readsUserSheets } from "./apply";
import { OutEntry, writeZipAsync, writeZipPieces } from "./zip-write";
import { PackageState } from "./written-package";
import { XlsxLimits, corrupt, missingSheet } from "./errors";
import { guarded, guardedAsync } from "./guarded";
import { Package } from "./package";
import { SharedStringsParser } from "./shared-strings";
import { SheetParser } from "./sheet-reader";
import { ChunkParser, Through, streamParse, streamParseAsync } from "./stream";
import { KeptTail, TailKeeper } from "./kept-tail";
import { ReadingStart } from "./reading-start";
import { EarlyStart, KeptCut, keptCut, resolveRewrites, startEarly } from "./rewrite";
import { ZipEntry } from "./zip-read";
import { WorkbookInfo, readWorkbook } from "./workbook-parts";
import { XfFonts, readXfFonts } from "./cell-fonts";
import { WorkbookExtension, checkSheetTypes, packageTypes } from "./content-types";

/**
 * Parts this big (compressed) go through the asynchronous inflater when there is one: below it,
 * setting up a stream costs more than fflate's whole work.
 */
const ASYNC_FROM = 64 * 1024;

/**
 * An .xlsx package held in memory. Reading inflates only the parts asked for; apply() builds a new
 * package in which every part it did not have to change is copied as stored.
 */
export class XlsxWorkbook implements WorkbookPort {
  /** The package as it stands: opened, or as the last apply() wrote it (see PackageState). */
  private readonly state: PackageState;
  private sharedStrings: readonly string[] | undefined;
  private xfFonts: XfFonts | undefined;
  /** Where the worksheets read from this package are cut, from their tails kept (by part). */
  private cuts = new Map<string, KeptCut>();
  /** Kept starts streaming already, by entry (startEarly); apply takes or stops them. */
  private early = new Map<string, EarlyStart>();
  private stopEarly = new AbortController();
  /** The extension its content calls for (".xlsm" for a macro-enabled one): its copy's too. */
  readonly extension: WorkbookExtension;

  constructor(
    bytes: Uint8Array,
    limits: XlsxLimits,
    codec?: Codec,
    private readonly options: OpenOptions = {},
  ) {
    const pkg = guarded(() =>
      options.own
        ? Package.ours(bytes, limits, codec)
        : new Package(bytes, limits, codec, false, options.source),
    );
    const { types, extension } = guarded(() => packageTypes(pkg));
    this.extension = extension;
    this.state = new PackageState({ pkg, wb: guarded(() => readWorkbook(pkg)) }, limits);
    checkSheetTypes(types, this.wb);
  }

  private get pkg(): Package {
    return this.state.current().pkg;
  }

  private get wb(): WorkbookInfo {
    return this.state.current().wb;
  }

  /** A big worksheet given highlights keeps its start (spliced, or streamed): its tail is kept. */
  private get cutsSheets(): boolean {
    return this.options.recompress !== undefined || this.options.spliceStored !== false;
  }

  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.wb.sheets.filter((s) => !s.internal).map(sheetInfoOf);
  }

  async readSheet(name: string): Promise<RawSheet> {
    const { sheets } = this.wb;
    const sheet =
      sheets.find((s) => s.name === name) ??
      sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet)
      throw missingSheet(
        name,
        sheets.map((s) => s.name),
      );
    // A chartsheet has no cells.
    if (sheet.type === "chartsheet") return { name: sheet.name, rows: [] };
    return guardedAsync(async () => {
      const entry = this.pkg.entry(sheet.part);
      if (!entry)
        throw corrupt(
          sheet.part,
          "thiếu nội dung trang tính.",
          "the sheet's part is missing.",
          sheet.name,
        );
      const parser = new SheetParser(
        sheet.name,
        sheet.part,
        this.pkg.limits.maxRows,
        await this.strings(),
        this.fonts(),
      );
      let keeper: TailKeeper | undefined;
      const { recompress, recompressWhileReading, spliceStored } = this.options;
      // Not a generated sheet: applyPlan writes it anew, never from its start.
      const cuttable = this.cutsSheets && !sheet.generated;
      const through: Through | undefined = cuttable
        ? (feeder) => (keeper = new TailKeeper(feeder, () => parser.endTagAt)).push
        : undefined;
      const reading =
        cuttable && recompress && recompressWhileReading && spliceStored === false
          ? ReadingStart.begin(this.pkg, entry, recompress, this.stopEarly.signal)
          : undefined;
      let tail: KeptTail | undefined;
      try {
        await this.parse(entry, parser, through);
        tail = keeper?.result();
      } finally {
        this.keep(sheet.part, tail, reading);
      }
      // Fonts and merged areas only when there are some: a plain register's sheet is just its rows.
      return {
        name: sheet.name,
        rows: parser.rows,
        ...(parser.fonts.size > 0 ? { fonts: parser.fonts } : {}),
        ...(parser.merges.length > 0 ? { merges: parser.merges } : {}),
      };
    });
  }

  rest(): void {
    this.pkg.rest();
  }

  async apply(plan: WritePlan): Promise<void> {
    const { inflate, recompress, deflateStream } = this.options;
    const splice = this.options.spliceStored !== false;
    // The worksheets to cut where their tails were kept: applyPlan does not read them.
    const cuts = this.cutsSheets ? this.cuts : undefined;
    let entries: OutEntry[];
    try {
      // Whole parts through the asynchronous inflater only when no native codec is at hand: the
      // codec inflates a whole part faster than a stream gathered into one buffer.
      if (inflate && !this.pkg.codec)
        await guardedAsync(() => this.pkg.preload(this.readByApply(plan, cuts), inflate));
      // Without splicing, the kept starts not streaming yet start now; those the plan does not
      // rewrite stop. Spliced, they are had as the plan is resolved (resolveRewrites).
      for (const known of splice ? [] : (cuts?.values() ?? []))
        if (this.early.get(known.entry.name)?.keep !== known.cut)
          this.early.set(known.entry.name, {
            keep: known.cut,
            ...startEarly(this.pkg, known.entry, known.cut, recompress!, this.stopEarly.signal),
          });
      // The parts applyPlan did not read (and so copied as stored) are verified before the new
      // package is used: a bad CRC is refused, not passed on. Those it read were verified then.
      const planned = guarded(() => {
        try {
          const made = applyPlan(this.pkg, this.wb, plan, cuts);
          this.pkg.verifyUnread();
          return made;
        } finally {
          this.pkg.forgetPreloaded();
        }
      });
      // The generated sheets are built and deflated: what built them is dead, before the kept
      // starts are read back from the source (a country's member sheet, 24 MB).
      this.options.collect?.();
      entries = await guardedAsync(() =>
        resolveRewrites(planned, this.pkg, {
          recompress,
          early: this.early,
          deflateStream,
          splice,
        }),
      );
    } finally {
      this.stopEarly.abort();
      this.stopEarly = new AbortController();
      this.early = new Map();
    }
    const { codec } = this.pkg;
    const { deflate } = this.options;
    const pieces =
      deflate && !codec
        ? await guardedAsync(() => writeZipAsync(entries, deflate))
        : guarded(() => writeZipPieces(entries, codec));
    // Only a complete new package replaces the old one.
    this.state.replace(pieces, codec);
    this.sharedStrings = undefined;
    this.xfFonts = undefined;
    this.cuts = new Map();
  }

  /**
   * Notes where a worksheet just read is cut, from its tail kept (keptCut: the part was verified
   * as it was read); the start streaming since its reading began goes on.
   */
  private keep(part: string, tail: KeptTail | undefined, reading?: ReadingStart): void {
    const cut = tail && keptCut(this.pkg, part, tail);
    if (cut) this.cuts.set(part, cut);
    else this.cuts.delete(part);
    const started = reading?.end(cut);
    if (!started || !cut) return;
    this.early.get(cut.entry.name)?.stop?.();
    this.early.set(cut.entry.name, started);
  }

  /** The package as it stands: the original bytes, or the new package after apply(). */
  toBytes(): Uint8Array {
    return this.pkg.bytes;
  }

  /** toBytes() in pieces, in order: after apply(), as it was written, not joined. */
  toPieces(): readonly Uint8Array[] {
    return this.state.pieces();
  }

  /** Parses an entry as it is inflated: through the asynchronous inflater when it is big. */
  private async parse(entry: ZipEntry, parser: ChunkParser, through?: Through): Promise<void> {
    const { inflate } = this.options;
    if (inflate && entry.method === 8 && entry.compressedSize >= ASYNC_FROM)
      await streamParseAsync(this.pkg, entry, this.pkg.budget, inflate, parser, through);
    else streamParse(this.pkg, entry, this.pkg.budget, parser, through);
  }

  /**
   * The big parts that applying `plan` will inflate, for preload(): the worksheets when applyPlan
   * reads them (readsUserSheets; a sheet with highlights to add is read anyway, and then inflated
   * in place), and every part not yet verified, which verifyUnread would inflate; not those cut
   * where their tails were kept (`cuts`), which applyPlan does not read.
   */
  private readByApply(plan: WritePlan, cuts?: ReadonlyMap<string, KeptCut>): ZipEntry[] {
    const pkg = this.pkg;
    const worksheets = new Set(
      this.wb.sheets
        .filter((s) => s.type === "worksheet" && !cuts?.has(s.part))
        .map((s) => pkg.entry(s.part))
        .filter((e) => e !== undefined),
    );
    const sheetsRead = readsUserSheets(pkg, plan);
    return pkg.entries.filter(
      (e) =>
        e.method === 8 &&
        e.compressedSize >= ASYNC_FROM &&
        ((worksheets.has(e) && sheetsRead) || (!pkg.verified && !pkg.budget.has(e))),
    );
  }

  /** Read once per package; null (no legacy font) is an answer too, not a reason to read again. */
  private fonts(): XfFonts {
    if (this.xfFonts === undefined) this.xfFonts = readXfFonts(this.pkg, this.wb);
    return this.xfFonts;
  }

  private async strings(): Promise<readonly string[]> {
    if (this.sharedStrings) return this.sharedStrings;
    const rel = this.wb.rels.find((r) => r.type.endsWith("/sharedStrings") && !r.external);
    const entry = rel && this.pkg.entry(rel.target);
    const parser = new SharedStringsParser(rel?.target ?? "sharedStrings");
    if (entry) await this.parse(entry, parser);
    this.sharedStrings = parser.strings;
    return parser.strings;
  }
}
