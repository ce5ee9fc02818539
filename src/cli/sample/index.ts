import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS } from "../../core/model/settings";
import { CLUBS_SPEC, FUNDS_SPEC, MEMBERS_SPEC, SheetSpec } from "../../core/sheets/specs";
import { Cell, headersOf, parseAsOf } from "./cells";
import { clubRow, fundRow, orphanFundRow } from "./clubs";
import { memberRows } from "./members";
import { planSample, sampleUnits } from "./plan";
import { Rng, subSeed } from "./rng";

/**
 * A realistic canonical register (sheets CLB, Thành viên, Quỹ) for demos, benchmarks and tests:
 * mostly compliant clubs with every kind of gap at a few percent (see ./gaps.ts). Deterministic
 * for a seed. Written with ExcelJS's streaming writer so that the whole country (10,000 clubs,
 * about 600,000 member rows) fits in modest memory: rows are committed as they are made.
 */
export interface SampleOptions {
  /** Number of clubs; 220 is Hà Tĩnh's 2025 target (140 before 2021 + 80 planned). */
  readonly clubs?: number;
  readonly seed?: number;
  /** Reference date "YYYY-MM-DD": birth years, joins and leavers are drawn relative to it. */
  readonly asOf?: string;
  /** Club-id codes of the units to cover ("VQ", "HK"): a district's own register; all by default. */
  readonly units?: readonly string[];
}

export interface SampleSummary {
  /** Rows of the CLB sheet. */
  readonly clubs: number;
  /** Rows of the Thành viên sheet, extra rows (leavers, duplicates, orphans) included. */
  readonly members: number;
  readonly path: string;
}

export const DEFAULT_SAMPLE_CLUBS = 220;
export const MAX_SAMPLE_CLUBS = 100_000;

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * Bytes this sheet has handed to the zip that the zip has not compressed yet. ExcelJS's sheet
 * stream writes into the zip's input ignoring backpressure, so a loop that merely yields lets them
 * pile up (170 MB at 10,000 clubs). That input is reached through ExcelJS 4.4 / archiver internals
 * (`ws.stream.pipes[0]._writableState.length`), probed defensively: undefined when not found.
 */
function zipBacklog(ws: ExcelJS.Worksheet): number | undefined {
  const pipes = (ws as { stream?: { pipes?: unknown } }).stream?.pipes;
  const input: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  const length = (input as { _writableState?: { length?: unknown } } | undefined)?._writableState
    ?.length;
  return typeof length === "number" ? length : undefined;
}

const HIGH_WATER = 4 * 2 ** 20;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Lets the zip catch up; gives up waiting if it makes no progress for 10 s (an error elsewhere). */
async function drain(ws: ExcelJS.Worksheet): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  let last = zipBacklog(ws) ?? 0;
  for (let stalled = 0; last > HIGH_WATER && stalled < 10_000;) {
    await pause(5);
    const now = zipBacklog(ws) ?? 0;
    stalled = now < last ? 0 : stalled + 5;
    last = now;
  }
}

/**
 * Shared style objects for data cells. ExcelJS gives every new cell a fresh style object and, with
 * useStyles, renders it to XML to find its style id: most of the writing time. It caches ids by
 * object identity, so one shared object per kind of cell skips that. Dates get the Vietnamese
 * day-first format; without their own object they would share the first number's "General".
 */
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: "dd/mm/yyyy" };

function addDataRow(ws: ExcelJS.Worksheet, values: Cell[]): void {
  const row = ws.addRow(values);
  // Rows have a fresh style object too (same cost, same cure); ExcelJS's types omit Row.style.
  (row as ExcelJS.Row & { style: Partial<ExcelJS.Style> }).style = PLAIN_STYLE;
  row.eachCell((cell) => {
    cell.style = cell.value instanceof Date ? DATE_STYLE : PLAIN_STYLE;
  });
  row.commit();
}

/** One sheet, written batch by batch; returns the number of data rows. */
async function writeSheet(wb: Writer, spec: SheetSpec, batches: Iterable<Cell[][]>) {
  // The frozen header must be given at creation: the streaming writer emits the sheet view first.
  const ws = wb.addWorksheet(spec.names[0], { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = spec.fields.map((f) => ({ width: Math.max(10, Math.min(30, f.header.length + 2)) }));
  const header = ws.addRow(headersOf(spec));
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  let sinceDrain = 0;
  for (const batch of batches) {
    for (const values of batch) addDataRow(ws, values);
    rows += batch.length;
    sinceDrain += batch.length;
    if (sinceDrain >= 2_000) {
      sinceDrain = 0;
      await drain(ws);
    }
  }
  ws.commit();
  return rows;
}

function checkOptions(opts: SampleOptions): { clubs: number; seed: number } {
  const clubs = opts.clubs ?? DEFAULT_SAMPLE_CLUBS;
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(clubs) || clubs < 1 || clubs > MAX_SAMPLE_CLUBS) {
    throw new RangeError(
      `sample: clubs must be an integer in 1..${MAX_SAMPLE_CLUBS}, got ${clubs}`,
    );
  }
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`sample: seed must be an integer, got ${seed}`);
  return { clubs, seed };
}

export async function writeSample(path: string, opts: SampleOptions = {}): Promise<SampleSummary> {
  const { clubs, seed } = checkOptions(opts);
  const asOf = parseAsOf(opts.asOf ?? DEFAULT_SETTINGS.asOf);
  const plan = planSample(new Rng(subSeed(seed, 0)), clubs, sampleUnits(opts.units));
  await mkdir(dirname(path), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  });
  // Fixed metadata: two runs with one seed differ only in the zip's own timestamps.
  wb.creator = "ISHC Check sample";
  wb.created = asOf.date;
  wb.modified = asOf.date;
  // Sheets strictly one after the other: the zip takes entries in order, so rows written to a
  // later sheet while an earlier one is open would wait in memory.
  await writeSheet(
    wb,
    CLUBS_SPEC,
    plan.clubs.map((c) => [clubRow(c, seed)]),
  ); // 10,000 club rows are a few MB: no need to generate them lazily
  const members = await writeSheet(
    wb,
    MEMBERS_SPEC,
    (function* () {
      for (const c of plan.clubs) yield memberRows(c, seed, asOf);
    })(),
  );
  const funds = plan.clubs.flatMap((c) => {
    const row = fundRow(c, seed);
    return row ? [[row]] : [];
  });
  // Orphan fund rows go last, where a late addition to a register usually sits.
  await writeSheet(wb, FUNDS_SPEC, [
    ...funds,
    plan.orphanFundIds.map((id, k) => orphanFundRow(id, seed, k)),
  ]);
  await wb.commit();
  return { clubs, members, path };
}
