import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULE_TITLES } from "../../src/core/report/rule-titles";
import { MULTIPLE_CLUBS } from "../../src/core/rules/completeness";
import { AGE_OUTLIER, FUND_OUTLIER, LOAN_OUTLIER } from "../../src/core/rules/data-outliers";

describe("every rule has a title in both languages", () => {
  test.each([FUND_OUTLIER, LOAN_OUTLIER, AGE_OUTLIER, MULTIPLE_CLUBS])("%s", (id) => {
    const title = RULE_TITLES[id];
    expect(title?.vi).toMatch(/\S/);
    expect(title?.en).toMatch(/\S/);
    expect(title!.vi).not.toBe(title!.en);
  });

  test("so does every rule of the golden reports", () => {
    const dir = join(__dirname, "../fixtures/golden");
    const rules = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".report.json"))) {
      const report = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
        findings: { rule: string }[];
      };
      for (const finding of report.findings) rules.add(finding.rule);
    }
    expect(rules.size).toBeGreaterThan(5);
    expect([...rules].filter((r) => !RULE_TITLES[r])).toEqual([]);
  });
});

describe("the merge's rules have titles too", () => {
  test.each(["merge.duplicateClub", "merge.roadmapConflict", "merge.roadmapMissing"])(
    "%s",
    (id) => {
      expect(RULE_TITLES[id]?.vi).toMatch(/\S/);
      expect(RULE_TITLES[id]?.en).toMatch(/\S/);
    },
  );
});
