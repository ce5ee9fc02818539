import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { openXlsx } from "../../src/hosts/xlsx";
import { definedNames } from "./round-trips/saved-by";

/**
 * Checked copies reviewed by an auditor and saved by the real LibreOffice (which CI does not have):
 * made by scripts/make-round-trip-fixtures.js, which recorded in round-trips.json what it typed and
 * what the first check found. Checked again, each keeps its sheets (ours rewritten in place, no
 * "(2)"), finds what the first check found, and carries every mark. See the README beside them.
 */
const DIR = join(__dirname, "..", "fixtures", "round-trips");

interface Truth {
  readonly libreoffice: string;
  readonly asOf: string;
  readonly sheets: readonly string[];
  readonly findings: number;
  readonly errors: number;
  readonly files: Readonly<Record<string, { typed: string; saved: string }>>;
  readonly marks: readonly {
    readonly id: string;
    readonly expect: { status: string; note: string; reviewedOn?: string };
  }[];
}

const truth = JSON.parse(readFileSync(join(DIR, "round-trips.json"), "utf8")) as Truth;
const CHECKED_ON = "2026-02-01";

describe(`checked copies saved by ${truth.libreoffice}, checked again`, () => {
  test("the ground truth lists both ways of typing the review", () => {
    expect(Object.keys(truth.files)).toEqual(["libreoffice.xlsx", "exceljs-then-libreoffice.xlsx"]);
    expect(truth.marks).toHaveLength(3);
  });

  test.each(Object.keys(truth.files))("%s", async (file) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, file)));
    // What LibreOffice did: our tags visible (typed as Excel would) or gone (typed with ExcelJS).
    const tags = definedNames(bytes).filter((n) => n.includes("ISHC_Generated"));
    expect(tags.every((t) => !/hidden="(1|true)"/.test(t))).toBe(true);

    const wb = openXlsx(bytes);
    const run = await checkWorkbook(
      wb,
      { ...DEFAULT_SETTINGS, asOf: truth.asOf },
      {},
      { checkedOn: CHECKED_ON },
    );
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(truth.sheets);
    expect((await wb.listSheets()).filter((s) => s.generated).map((s) => s.name)).toEqual(
      Object.values(GENERATED_NAMES),
    );
    // Ours tagged again, hidden, once each.
    const after = definedNames(wb.toBytes()).filter((n) => n.includes("ISHC_Generated"));
    expect(after).toHaveLength(3);
    for (const t of after) expect(t).toContain('hidden="1"');
    expect(run.report.findings).toHaveLength(truth.findings);
    expect(run.report.summary.findings.error).toBe(truth.errors);
    const kept = truth.marks.filter((m) => {
      const f = run.report.findings.find((x) => x.id === m.id);
      return (
        f?.status === m.expect.status &&
        f.note === m.expect.note &&
        f.reviewedOn === (m.expect.reviewedOn ?? CHECKED_ON)
      );
    });
    expect(kept).toHaveLength(truth.marks.length);
  });
});
