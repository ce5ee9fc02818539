/**
 * Registers the reader has never seen: the corpus's seeded district (test/corpus/ground-truth.ts)
 * typed the way commune officials in Hà Tĩnh keep it in Excel, WPS or LibreOffice, in layouts the
 * corpus (test/corpus/variants.ts) does not cover. What a correct check finds is computed here
 * from the ground truth by plain arithmetic, never from what the reader makes of a register.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { JsonClub, JsonFinding, JsonReport } from "../../src/core/report/json-report";
import { runCli } from "../helpers/cli-run";
import { AS_OF, AS_OF_YEAR, District, GtClub, GtMember, Iso } from "../corpus/ground-truth";
import { serialOf } from "../corpus/render";

// ---------------------------------------------------------------------------------------------
// Sheets as typed

/** A real date cell (a serial number shown as dd/mm/yyyy, as Excel stores a typed date). */
export interface DateCell {
  readonly date: Iso;
}
/** A formula with the value Excel saved beside it (what every spreadsheet program writes). */
export interface FormulaCell {
  readonly formula: string;
  readonly result: string | number;
}
export type Cell = string | number | boolean | null | DateCell | FormulaCell;
export type Row = readonly Cell[];

export interface Sheet {
  readonly name: string;
  readonly rows: readonly Row[];
  /** Merged ranges in A1 form ("A1:H1"): the value stands in the top-left cell only. */
  readonly merges?: readonly string[];
  /** Hidden by the user (Format > Hide sheet). */
  readonly hidden?: boolean;
}

export const date = (d: Iso): DateCell => ({ date: d });
const isDate = (v: Cell): v is DateCell => typeof v === "object" && v !== null && "date" in v;

/** "2024-03-05" -> "05/03/2024". */
export const dmy = (d: Iso): string => d.split("-").reverse().join("/");

/** The workbook as ExcelJS writes it (what Excel, WPS and LibreOffice all save as .xlsx). */
export async function toXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.hidden) ws.state = "hidden";
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (isDate(v)) {
          cell.value = serialOf(v.date);
          cell.numFmt = "dd/mm/yyyy";
        } else if (typeof v === "object") {
          cell.value = { formula: v.formula, result: v.result };
        } else {
          cell.value = v;
        }
        if (typeof v === "string" && v.includes("\n")) cell.alignment = { wrapText: true };
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// What a correct check gives

/** A member is on the books at the reference date: joined by then, and not left before it. */
export const onBooks = (m: GtMember): boolean =>
  m.joined <= AS_OF && (m.left === null || m.left >= AS_OF);

export interface Counts {
  readonly members: number;
  readonly women: number;
  readonly older: number;
  readonly younger: number;
  readonly borrowers: number;
  readonly hardship: number;
  /** The plan's criteria the club fails, sorted. */
  readonly failed: readonly string[];
}

const share = (part: number, of: number, min: number, max: number) =>
  of > 0 && part / of >= min && part / of <= max;

/**
 * The counts and the failed criteria of a club, from its ground truth, with the plan's default
 * thresholds (50 members, 60-70 % women and older, 30-40 % younger, 50 % borrowers; age line 60,
 * by birth year). Every member of the ground truth is at least 2 years from the age line, so a full
 * birth date gives the same count as the year alone.
 */
export function expected(club: GtClub): Counts {
  const ms = club.members.filter(onBooks);
  const n = ms.length;
  const women = ms.filter((m) => m.sex === "F").length;
  const older = ms.filter((m) => AS_OF_YEAR - m.birthYear >= 60).length;
  const younger = n - older;
  const borrowers = ms.filter((m) => m.loan > 0).length;
  const hardship = ms.filter((m) => m.hardship !== null).length;
  const failed: string[] = [];
  if (n < 50) failed.push("club.size");
  if (!share(women, n, 0.6, 0.7)) failed.push("club.women");
  if (!share(older, n, 0.6, 0.7)) failed.push("club.older");
  if (!share(younger, n, 0.3, 0.4)) failed.push("club.younger");
  if (!(n > 0 && borrowers / n >= 0.5)) failed.push("club.borrowers");
  if (club.fund === null || club.fund.operating <= 0) failed.push("club.fund");
  if (club.fund === null || !club.fund.regulation) failed.push("club.regulation");
  if (!club.activities.every(Boolean)) failed.push("club.activities");
  if (!club.wellManaged) failed.push("club.management");
  return { members: n, women, older, younger, borrowers, hardship, failed: failed.sort() };
}

export const expectedAll = (d: District): Record<string, Counts> =>
  Object.fromEntries(d.clubs.map((c) => [c.id, expected(c)]));

/** The report's club as the same record. */
export const countsOf = (c: JsonClub): Counts => ({
  members: c.members,
  women: c.women,
  older: c.older,
  younger: c.younger,
  borrowers: c.borrowers,
  hardship: c.hardship,
  failed: [...c.failed].sort(),
});

// ---------------------------------------------------------------------------------------------
// The command line, in this process

export type Outcome =
  | {
      readonly kind: "checked";
      readonly exit: number;
      readonly report: JsonReport;
    }
  | { readonly kind: "refused"; readonly exit: number; readonly message: string };

/** `ishc check FILE --report REPORT.json --as-of 2025-12-31`. */
export async function check(fileName: string, sheets: readonly Sheet[]): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), "ishc-unseen-"));
  const input = join(dir, fileName);
  const reportPath = join(dir, "report.json");
  writeFileSync(input, await toXlsx(sheets));
  const r = await runCli("check", input, "--report", reportPath, "--as-of", AS_OF);
  if (r.code !== 0 && r.code !== 1) return { kind: "refused", exit: r.code, message: r.err };
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as JsonReport;
  return { kind: "checked", exit: r.code, report };
}

/** Rules whose errors a correct check of the ground truth raises: the plan's criteria. */
export const isCriterion = (f: Pick<JsonFinding, "rule">): boolean =>
  /^club\.(size|women|older|younger|borrowers|fund|regulation|activities|management)$/.test(
    f.rule,
  ) ||
  f.rule.startsWith("unit.") ||
  f.rule.startsWith("roadmap.");
