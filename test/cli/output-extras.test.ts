/**
 * What an auditor and provincial staff get in the files the command line writes: the roadmap
 * chart beside the appendix, the page setup of every generated sheet and the status dropdown, in
 * the checked copy and in the merged provincial workbook, read back by ExcelJS as Excel would.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

const tmp = mkdtempSync(join(tmpdir(), "ishc-extras-"));
const quiet = () => undefined;
const run = (...argv: string[]) => main(argv, quiet, quiet);

/** The chart parts of a package and the sheet each one's drawing sits on. */
function chartsOf(bytes: Uint8Array): { sheet: string; xml: string }[] {
  const parts = unzipSync(bytes);
  const text = (p: string) => strFromU8(parts[p]!);
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  const out: { sheet: string; xml: string }[] = [];
  for (const [, name, rid] of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`)
      .exec(rels)!
      .slice(1)
      .find(Boolean)!;
    const sheetPath = `xl/${target.replace(/^\/?xl\//, "")}`;
    const sheetRels = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const drawing = /Target="\.\.\/drawings\/([^"]+)"/.exec(
      parts[sheetRels] ? text(sheetRels) : "",
    );
    if (!drawing) continue;
    const drawingRels = text(`xl/drawings/_rels/${drawing[1]}.rels`);
    for (const [, chart] of drawingRels.matchAll(/Target="\.\.\/charts\/([^"]+)"/g))
      out.push({ sheet: name!, xml: text(`xl/charts/${chart}`) });
  }
  return out;
}

async function expectExtras(path: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(path));
  const charts = chartsOf(bytes);
  expect(charts.map((c) => c.sheet)).toEqual(["Phụ lục"]);
  const xml = charts[0]!.xml;
  expect(xml).toContain('<c:barDir val="col"/>');
  expect(xml).toMatch(/Kế hoạch và thực hiện lũy kế đến năm 2025/);
  // Both series read the appendix's own cells.
  expect(xml.match(/<c:f>'Phụ lục'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+<\/c:f>/g)?.length).toBe(4);

  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const appendix = book.getWorksheet("Phụ lục")!;
  expect(appendix.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9 });
  expect(appendix.pageSetup.scale).toBeGreaterThanOrEqual(10);
  for (const name of ["Kết quả CLB", "Danh sách lỗi"]) {
    const sheet = book.getWorksheet(name)!;
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
    expect(sheet.pageSetup.printTitlesRow).toBe("1:2");
  }
  const findings = book.getWorksheet("Danh sách lỗi")!;
  const header = findings.getRow(2).values as unknown[];
  const status = header.indexOf("Trạng thái xem xét");
  const validation = findings.getCell(3, status).dataValidation;
  expect(validation).toMatchObject({ type: "list" });
  expect(String(validation.formulae?.[0])).toContain("Cần sửa");
}

describe("the files the command line writes", () => {
  const sample = (seed: number) => join(tmp, `district-${seed}.xlsx`);

  beforeAll(async () => {
    for (const seed of [1, 2])
      expect(await run("sample", sample(seed), "--clubs", "12", "--seed", String(seed))).toBe(0);
  });

  test("the checked copy: chart, page setup and the status dropdown", async () => {
    const out = join(tmp, "checked.xlsx");
    expect(await run("check", sample(1), "--out", out, "--as-of", "2025-12-31")).toBe(1);
    await expectExtras(out);
    // A re-run of the checked copy replaces the chart: still exactly one.
    const again = join(tmp, "checked-again.xlsx");
    expect(await run("check", out, "--out", again, "--as-of", "2025-12-31")).toBe(1);
    await expectExtras(again);
  });

  test("the merged provincial workbook: chart, page setup and the status dropdown", async () => {
    const out = join(tmp, "province.xlsx");
    const code = await run("merge", sample(1), sample(2), "--out", out, "--as-of", "2025-12-31");
    expect(code).toBe(1);
    await expectExtras(out);
  });
});
