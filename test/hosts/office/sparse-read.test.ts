/**
 * The Office host's budgets where Excel's used range is one rectangle (issue 14, item 5), on the
 * strict fake Excel (limits of 5 MB and 5,000,000 cells a request): a register with one stray cell
 * per row in column XFD is read by the boxes that hold its values, not as 3.2 million cells; a
 * sheet too scattered is refused with a message naming it; huge cells and long names checked
 * through OfficeWorkbook give findings that quote at most ~100 characters.
 * Every expectation comes from the generator below, never from the reader.
 */
import { rangeA1 } from "../../../src/core/model/address";
import { RawSheet, RawValue } from "../../../src/core/model/cells";
import { InputError } from "../../../src/core/model/errors";
import { QUOTE_MAX, ELLIPSIS } from "../../../src/core/text/short-text";
import { OfficeWorkbook } from "../../../src/hosts/office";
import { checkWorkbook } from "../../../src/hosts/workbook/check-workbook";
import { FakeExcel } from "../../fakes/excel";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../../helpers/registers";
import { SETTINGS } from "./scenario";
import { filledCells } from "../../helpers/filled-cells";
import { rowsOf } from "../../helpers/rows";

const XFD = 16_383;
const MEMBERS = "Thành viên";

/** `rows` with a stray value added in column XFD of each row: a sparse array, as a file gives it. */
function withStrays(sheet: RawSheet, value: (r: number) => RawValue): RawSheet {
  return {
    ...sheet,
    rows: rowsOf(sheet).map((row, r) => {
      const copy: (RawValue | undefined)[] = [...(row ?? [])];
      copy[XFD] = value(r);
      return copy;
    }),
  };
}

/** One club's register: 199 members under a header, A1:F200 or so. */
function register(people = members("C1", 199, 100, 20, 50)): RawSheet[] {
  return [clubsSheet([club("C1")]), membersSheet(people), fundsSheet([fund("C1")])];
}

const office = (excel: FakeExcel, extra: { maxBoxes?: number } = {}) =>
  new OfficeWorkbook(excel.run, { supports: excel.supports, ...extra });

describe("a register with one stray cell per row in column XFD (used range A1:XFD200)", () => {
  const sheets = register();
  const strayed = sheets.map((s) => (s.name === MEMBERS ? withStrays(s, (r) => r + 1) : s));

  test.each([
    { what: "ExcelApi 1.9 and later (cells counted)", api: 20 },
    { what: "ExcelApi 1.8 (used ranges only)", api: 8 },
  ])("is read right in a few small requests: $what", async ({ api }) => {
    const excel = new FakeExcel(strayed);
    excel.apiMinor = api;
    const read = await office(excel).readSheet(MEMBERS);
    const truth = filledCells(strayed.find((s) => s.name === MEMBERS)!.rows);
    expect(filledCells(read.rows)).toEqual(truth);
    // Sparse as the xlsx host gives it: 200 rows of (at most) 7 entries, not 16,384.
    expect(read.rows).toHaveLength(200);
    expect(Math.max(...rowsOf(read).map((r) => Object.keys(r ?? []).length))).toBeLessThanOrEqual(
      7,
    );
    // The sheet and its used range (2), a probe of the used range, one of its two halves (2), the
    // register and the column of strays in one request (1). Reading the rectangle would take 3.2
    // million cells: at least two 5 MB answers.
    expect(excel.stats.syncs).toBeLessThanOrEqual(6);
    expect(excel.stats.largestResponse).toBeLessThan(100_000);
  });

  test("checks as the same register without the strays, through OfficeWorkbook", async () => {
    const plain = await checkWorkbook(office(new FakeExcel(sheets)), SETTINGS);
    const excel = new FakeExcel(strayed);
    const checked = await checkWorkbook(office(excel), SETTINGS);
    expect(checked.report.findings.map((f) => [f.rule, f.cell, f.message])).toEqual(
      plain.report.findings.map((f) => [f.rule, f.cell, f.message]),
    );
    expect(checked.report.findings.length).toBeGreaterThan(0);
    expect(excel.stats.largestResponse).toBeLessThan(1_000_000);
  });
});

describe("a sheet whose cells are scattered too finely", () => {
  test("is refused with a bilingual too-large message naming the sheet", async () => {
    // 300 rows each with one cell in a column of its own, spread over the 16,384 columns: 300
    // boxes to read, over the 50 the test allows (100,000 in use).
    const columns = Array.from({ length: 300 }, (_, r) => (r * 997) % 16_384);
    const scattered: RawSheet = {
      name: "Rải rác",
      rows: columns.map((c, r) => {
        const row: (RawValue | undefined)[] = [];
        row[c] = `ô ${r}`;
        return row;
      }),
    };
    const excel = new FakeExcel([scattered]);
    const error = await office(excel, { maxBoxes: 50 })
      .readSheet("Rải rác")
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.code).toBe("too-large");
    expect(e.sheet).toBe("Rải rác");
    const area = rangeA1(0, 0, 299, Math.max(...columns));
    expect(e.text.vi).toContain(`Sheet "Rải rác" có các ô rải rác khắp vùng ${area}`);
    expect(e.text.en).toContain(`Sheet "Rải rác" has cells scattered all over ${area}`);
    // Refused while probing: no value of the sheet was read.
    expect(excel.stats.largestResponse).toBeLessThan(1_000_000);
  });

  test("the same cells are read when the limit allows them", async () => {
    const rows = Array.from({ length: 300 }, (_, r) => {
      const row: (RawValue | undefined)[] = [];
      row[(r * 997) % 16_384] = `ô ${r}`;
      return row;
    });
    const excel = new FakeExcel([{ name: "Rải rác", rows }]);
    const read = await office(excel).readSheet("Rải rác");
    expect(filledCells(read.rows)).toEqual(filledCells(rows));
    expect(excel.stats.largestResponse).toBeLessThan(1_000_000);
  });
});

/** Excel's own limit for a cell's text. */
const CELL_MAX = 32_767;

/** No message of the report, in either language, quotes more than QUOTE_MAX characters of x. */
function expectShortMessages(messages: readonly { vi: string; en: string }[]): void {
  for (const m of messages.flatMap((x) => [x.vi, x.en])) {
    // A sentence or two around a quote: far below the value's 32,767 characters.
    expect(m.length).toBeLessThan(QUOTE_MAX * 6);
    expect(m).not.toContain("x".repeat(QUOTE_MAX + 1));
  }
}

describe("huge cells and long names through the Office host's check", () => {
  test("a 32,767-character value in 100 cells: findings quote at most ~100 characters with …", async () => {
    const huge = "x".repeat(CELL_MAX);
    const people = members("C1", 150, 70, 20, 50).map((m, i) =>
      i < 100 ? { ...m, sex: huge } : m,
    );
    const excel = new FakeExcel(register(people));
    const findings = (await checkWorkbook(office(excel), SETTINGS)).result!.findings;
    const quoting = findings.filter((f) => f.message.vi.includes("xxxxxxxxxx"));
    // Each of the 100 cells is named by a finding that quotes the start of its value, cut.
    expect(new Set(quoting.map((f) => f.cell)).size).toBe(100);
    for (const f of quoting) {
      expect(f.message.vi).toContain(`${"x".repeat(QUOTE_MAX)}${ELLIPSIS}`);
      expect(f.message.en).toContain(`${"x".repeat(QUOTE_MAX)}${ELLIPSIS}`);
    }
    expectShortMessages(findings.map((f) => f.message));
    expect(excel.stats.largestResponse).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  test("120 members sharing a 32,767-character name: checked, every message short", async () => {
    const name = `Nguyễn ${"x".repeat(CELL_MAX - 7)}`;
    const people = members("C1", 120, 60, 20, 50).map((m) => ({ ...m, name }));
    const excel = new FakeExcel(register(people));
    const findings = (await checkWorkbook(office(excel), SETTINGS)).result!.findings;
    const quoting = findings.filter((f) => f.message.vi.includes("Nguyễn xxx"));
    expect(quoting.length).toBeGreaterThan(0);
    for (const f of quoting) {
      // "Nguyễn " and 93 x: the first 100 characters of the name, then "…".
      expect(f.message.vi).toContain(`Nguyễn ${"x".repeat(QUOTE_MAX - 7)}${ELLIPSIS}`);
      expect(f.message.en).toContain(`Nguyễn ${"x".repeat(QUOTE_MAX - 7)}${ELLIPSIS}`);
    }
    expectShortMessages(findings.map((f) => f.message));
  });
});
