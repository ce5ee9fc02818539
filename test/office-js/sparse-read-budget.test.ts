/**
 * A sparse sheet read through the real office.js client (issue 14, item 5): the used range of a
 * register with one stray cell per row in column XFD is A1:XFD200, 3.2 million cells; the reader
 * asks halves of it for their own used ranges (and, with ExcelApi 1.9, how many cells hold
 * something) and reads only the boxes with values. office.js builds every request, so the
 * getUsedRangeOrNullObject / getSpecialCellsOrNullObject calls, null objects and untracked
 * proxies are the library's; the simulated host measures the bytes and the cells each answer
 * carried. Expectations come from the generator, never from the reader.
 */
import { RawSheet, RawValue } from "../../src/core/model/cells";
import { OfficeWorkbook } from "../../src/hosts/office";
import { PROBE_BYTES } from "../../src/hosts/office/sheet-boxes";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { SETTINGS } from "../hosts/office/scenario";
import { SimulatedHost } from "./simulated-host";
import { filledCells } from "../helpers/filled-cells";
import { rowsOf } from "../helpers/rows";

const XFD = 16_383;
const MEMBERS = "Thành viên";

function register(): RawSheet[] {
  const strayed = membersSheet(members("C1", 199, 100, 20, 50));
  return [
    clubsSheet([club("C1")]),
    {
      ...strayed,
      rows: rowsOf(strayed).map((row, r) => {
        const copy: (RawValue | undefined)[] = [...(row ?? [])];
        copy[XFD] = `lạc ${r + 1}`;
        return copy;
      }),
    },
    fundsSheet([fund("C1")]),
  ];
}

describe.each([
  { what: "ExcelApi 1.9 and later", api: 20 },
  { what: "ExcelApi 1.8", api: 8 },
])("a register with a stray cell per row in column XFD, $what", ({ api }) => {
  test("is read right, in a few requests carrying a few thousand cells", async () => {
    const sheets = register();
    const host = new SimulatedHost(sheets, { apiMinor: api });
    const office = new OfficeWorkbook(host.run, { supports: host.excel.supports });
    const read = await office.readSheet(MEMBERS);
    expect(filledCells(read.rows)).toEqual(filledCells(sheets[1]!.rows));
    expect(host.requests.filter((r) => r.error)).toEqual([]);
    // The sheet and its used range, two rounds of probes, one read of the two boxes.
    expect(host.requests.length).toBeLessThanOrEqual(6);
    // The register (200 × 6) and the column of strays (200), not 3.2 million cells.
    expect(host.cellsTransferred).toBeLessThanOrEqual(200 * 7);
    expect(host.largestResponse).toBeLessThan(50_000);
    process.stdout.write(
      `sparse read, ExcelApi 1.${api}: ${host.requests.length} requests, ${host.cellsTransferred} cells, largest response ${host.largestResponse} B\n`,
    );
  });

  test("is checked as the same register without the strays", async () => {
    const sheets = register();
    const host = new SimulatedHost(sheets, { apiMinor: api });
    const strayed = await checkWorkbook(
      new OfficeWorkbook(host.run, { supports: host.excel.supports }),
      SETTINGS,
    );
    const cleanSheets = [sheets[0]!, membersSheet(members("C1", 199, 100, 20, 50)), sheets[2]!];
    const clean = new SimulatedHost(cleanSheets, { apiMinor: api });
    const plain = await checkWorkbook(
      new OfficeWorkbook(clean.run, { supports: clean.excel.supports }),
      SETTINGS,
    );
    expect(strayed.report.findings.map((f) => [f.rule, f.cell, f.message])).toEqual(
      plain.report.findings.map((f) => [f.rule, f.cell, f.message]),
    );
    expect(host.requests.filter((r) => r.error)).toEqual([]);
  });
});

test("a request of probes stays within the byte budget it was sized for (PROBE_BYTES)", async () => {
  // 300 rows each with one cell in a column of its own: hundreds of probes, 20 to a request.
  const rows = Array.from({ length: 300 }, (_, r) => {
    const row: (RawValue | undefined)[] = [];
    row[(r * 997) % 16_384] = `ô ${r}`;
    return row;
  });
  const host = new SimulatedHost([{ name: "Rải rác", rows }]);
  const budget = 20 * PROBE_BYTES;
  const office = new OfficeWorkbook(host.run, {
    supports: host.excel.supports,
    payloadBytes: budget,
  });
  const read = await office.readSheet("Rải rác");
  expect(filledCells(read.rows)).toEqual(filledCells(rows));
  expect(host.requests.filter((r) => r.error)).toEqual([]);
  // Probes went 20 to a request: many requests, each within the budget.
  expect(host.requests.length).toBeGreaterThan(20);
  expect(host.largestRequest).toBeLessThanOrEqual(budget);
  expect(host.largestResponse).toBeLessThanOrEqual(budget);
  process.stdout.write(
    `scattered read at ${budget} B a request: ${host.requests.length} requests, largest request ${host.largestRequest} B, largest response ${host.largestResponse} B\n`,
  );
});
