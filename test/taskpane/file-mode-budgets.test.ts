/**
 * File mode's budgets (issue 14, item 5): the browser's check (runFileCheck, what the engine's
 * Worker runs: worker/engine-handler.ts) on the shapes that once broke the command line: rows
 * with one cell in column XFD, one 1 MB value used by 100 cells, 120 members sharing a name of
 * Excel's 32,767 characters. Each gives the right results, and every finding, in the pane's list
 * and in the checked copy's findings sheet, quotes at most ~100 characters of a value with "…".
 * Inputs are written by ExcelJS from the generator's rows; expectations come from the generator
 * (or from the same register without the hostile part), never from the reader. Time and memory
 * are measured by scripts/bench-pane-attacks.js, not here.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { RawSheet, RawValue } from "../../src/core/model/cells";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { ELLIPSIS, QUOTE_MAX } from "../../src/core/text/short-text";
import { openXlsx } from "../../src/hosts/xlsx";
import {
  FileCheckOptions,
  FileCheckView,
  InputFile,
  runFileCheck,
} from "../../src/taskpane/run-file-check";
import {
  Row,
  club,
  clubsSheet,
  fund,
  fundsSheet,
  members,
  membersSheet,
} from "../helpers/registers";
import { rewriteSheet } from "../helpers/xlsx-edit";
import { writeWorkbook } from "../helpers/xlsx-fixtures";
import { filledCells } from "../helpers/filled-cells";
import { rowsOf } from "../helpers/rows";

const OPTIONS: FileCheckOptions = { asOf: "2025-12-31", ageLine: 60, lang: "vi" };
const MEMBERS = "Thành viên";
const XFD = 16_383;
/** Excel's own limit for a cell's text. */
const CELL_MAX = 32_767;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ishc-file-budgets-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The sheets as an .xlsx written by ExcelJS (a text used by several cells is one shared string),
 * as a File; `edit` then rewrites a sheet's cells at the XML level (ExcelJS takes minutes over
 * 30,000 rows with a cell in column XFD: it pads each row to its last column).
 */
async function fileOf(
  sheets: readonly RawSheet[],
  name: string,
  edit?: RawSheet,
): Promise<InputFile & { bytes: Uint8Array }> {
  const path = join(dir, name);
  const rows: Record<string, (string | number | boolean | null)[][]> = {};
  for (const s of sheets) rows[s.name] = rowsOf(s).map((r) => (r ?? []) as RawValue[]);
  await writeWorkbook(path, rows);
  const written = new Uint8Array(readFileSync(path));
  const bytes = edit ? rewriteSheet(written, edit.name, rowsOf(edit)) : written;
  return {
    bytes,
    name,
    // A copy, as a browser File gives: its own ArrayBuffer, never a view of ours.
    arrayBuffer: () => Promise.resolve(new Uint8Array(bytes).buffer),
  };
}

const register = (people: readonly Row[]): RawSheet[] => [
  clubsSheet([club("C1")]),
  membersSheet(people),
  fundsSheet([fund("C1")]),
];

async function check(file: InputFile): Promise<FileCheckView> {
  const outcome = await runFileCheck(file, OPTIONS, () => undefined);
  if (!outcome.ok) throw new Error(outcome.error.en);
  return outcome.view;
}

/**
 * No finding in the pane's list quotes more than QUOTE_MAX characters of the long value (`filler`
 * repeated), and the checked copy's findings sheet holds the same short messages: none of its
 * cells grows with the value (a finding's id keeps at most 160 characters of its key and a hash).
 */
async function expectShortQuotes(view: FileCheckView, filler: string): Promise<void> {
  const tooLong = filler.repeat(QUOTE_MAX + 1);
  for (const f of view.findings) {
    expect(f.message.length).toBeLessThan(QUOTE_MAX * 6);
    expect(f.message).not.toContain(tooLong);
  }
  const copy = openXlsx(await view.copy.bytes());
  const texts = new Set<string>();
  for (const row of rowsOf(await copy.readSheet(GENERATED_NAMES.findings)))
    for (const key of Object.keys(row ?? [])) {
      const v = row![Number(key)];
      if (typeof v === "string") texts.add(v);
    }
  for (const t of texts) expect(t.length).toBeLessThan(QUOTE_MAX * 6);
  for (const f of view.findings.filter((x) => x.message.includes(filler.repeat(10))))
    expect(texts).toContain(f.message);
}

test("30,000 rows with one cell in column XFD: checked as the register without them", async () => {
  const people = members("C1", 199, 100, 20, 50);
  const clean = register(people);
  // The register's 200 rows and 29,800 more, each with one cell in XFD (the 159 KB file
  // that once took 4.2 GB): one entry per row, as a file gives it.
  const strayRows = Array.from({ length: 30_000 }, (_, r) => {
    const row: (RawValue | undefined)[] = [...(clean[1]!.rows.at(r) ?? [])];
    row[XFD] = `lạc ${r + 1}`;
    return row;
  });
  const file = await fileOf(clean, "xfd.xlsx", { name: MEMBERS, rows: strayRows });
  // Small on disk, as in the issue: the attack is the shape, not the size.
  expect(file.bytes.length).toBeLessThan(1_000_000);
  const [plain, view] = [await check(await fileOf(clean, "clean.xlsx")), await check(file)];
  expect(view.findings.map((f) => [f.rule, f.cell, f.message])).toEqual(
    plain.findings.map((f) => [f.rule, f.cell, f.message]),
  );
  expect(view.findings.length).toBeGreaterThan(0);
  expect(view.summary).toEqual(plain.summary);
  // The checked copy keeps every stray where it was.
  const copy = openXlsx(await view.copy.bytes());
  expect(filledCells((await copy.readSheet(MEMBERS)).rows)).toEqual(filledCells(strayRows));
}, 60_000);

test("one 1 MB value used by 100 cells: every finding quotes its first 100 characters and …", async () => {
  const huge = "x".repeat(1024 * 1024);
  const people = members("C1", 150, 70, 20, 50).map((m, i) => (i < 100 ? { ...m, sex: huge } : m));
  const file = await fileOf(register(people), "huge.xlsx");
  // One shared string of 1 MB (ExcelJS stores a repeated text once), a file of a few kilobytes.
  expect(strFromU8(unzipSync(file.bytes)["xl/sharedStrings.xml"]!).split(huge)).toHaveLength(2);
  expect(file.bytes.length).toBeLessThan(100_000);
  const view = await check(file);
  const quoting = view.findings.filter((f) => f.message.includes("x".repeat(10)));
  // Each of the 100 cells (C2:C101 in the generator's column order) is named by a finding.
  const sexColumn = membersSheet(people).rows.at(0)!.indexOf("Giới tính");
  expect(sexColumn).toBeGreaterThanOrEqual(0);
  const column = String.fromCharCode(65 + sexColumn);
  expect(new Set(quoting.map((f) => f.cell))).toEqual(
    new Set(Array.from({ length: 100 }, (_, i) => `${column}${i + 2}`)),
  );
  for (const f of quoting) expect(f.message).toContain(`${"x".repeat(QUOTE_MAX)}${ELLIPSIS}`);
  await expectShortQuotes(view, "x");
}, 60_000);

test("120 members sharing a 32,767-character name: checked, every quote of it cut", async () => {
  const name = `Nguyễn ${"x".repeat(CELL_MAX - 7)}`;
  const people = members("C1", 120, 60, 20, 50).map((m): Row => ({ ...m, name }));
  const view = await check(await fileOf(register(people), "names.xlsx"));
  // One person is one normalised name and birth in a club (club-stats.ts): 120 rows, 2 people.
  const persons = new Set(people.map((p) => `${String(p.name)}/${String(p.birth)}`)).size;
  expect(persons).toBe(2);
  expect(view.clubs.map((c) => [c.id, c.members])).toEqual([["C1", persons]]);
  const quoting = view.findings.filter((f) => f.message.includes("Nguyễn xxx"));
  expect(quoting.length).toBeGreaterThan(0);
  // "Nguyễn " and 93 x: the name's first 100 characters, then "…".
  for (const f of quoting)
    expect(f.message).toContain(`Nguyễn ${"x".repeat(QUOTE_MAX - 7)}${ELLIPSIS}`);
  await expectShortQuotes(view, "x");
}, 60_000);
