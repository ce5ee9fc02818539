import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { localIsoDay } from "../../src/core/model/dates";
import { SheetRows, writeWorkbook } from "../helpers/xlsx-fixtures";

/**
 * Golden fixtures: each `NAME.workbook.json` describes a small workbook; `NAME.report.json` is the
 * report the check must produce for it (reviewed by hand when it was written or changed). Fixtures
 * named `error.*` must end with exit status 2, the expected error and no output file.
 * Set UPDATE_GOLDEN=1 to write missing or changed reports, then review the diff.
 */
const DIR = join(__dirname, "../fixtures/golden");
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith(".workbook.json"))
  .map((f) => f.replace(".workbook.json", ""));

interface Fixture {
  asOf: string;
  sheets: SheetRows;
  exit: number;
  error?: string;
}

describe("golden fixtures through the command line", () => {
  const tmp = mkdtempSync(join(tmpdir(), "ishc-golden-"));

  test.each(fixtures)("%s", async (name) => {
    const fixture = JSON.parse(readFileSync(join(DIR, `${name}.workbook.json`), "utf8")) as Fixture;
    const input = join(tmp, `${name}.xlsx`);
    const out = join(tmp, `${name}.checked.xlsx`);
    const report = join(tmp, `${name}.report.json`);
    await writeWorkbook(input, fixture.sheets);
    const errors: string[] = [];
    const code = await main(
      ["check", input, "--out", out, "--report", report, "--as-of", fixture.asOf],
      () => {},
      (l) => errors.push(l),
    );
    expect(code).toBe(fixture.exit);
    if (fixture.exit === 2) {
      expect(existsSync(out)).toBe(false);
      expect(existsSync(report)).toBe(false);
      expect(errors.join("\n")).toMatch(
        fixture.error === "missing-sheet"
          ? /No member list found: no sheet \("CLB", "Quỹ"\) has a header row/
          : /required column "Giới tính" is missing/,
      );
      return;
    }
    // The review trail dates findings with the day of the run: today, whatever day it is.
    const today = localIsoDay(new Date());
    const actual = JSON.parse(readFileSync(report, "utf8"), (key, v: unknown) =>
      ["firstSeen", "reviewedOn", "resolvedOn"].includes(key) && v === today ? "(today)" : v,
    );
    const expectedPath = join(DIR, `${name}.report.json`);
    if (process.env["UPDATE_GOLDEN"] === "1")
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
  });
});
