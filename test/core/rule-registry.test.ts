import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readmeRegion, tableRows } from "../helpers/readme-region";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { FindingSink } from "../../src/core/findings/sink";
import { rulesMarkdown } from "../../src/core/rules/rule-docs";
import {
  ACTIVE_RULE_IDS,
  CLUB_RULES,
  FUND_RULE_IDS,
  RULE_GROUPS,
  RULE_IDS,
  RULES,
  RuleId,
} from "../../src/core/rules/registry";
import { SHEET_SPECS } from "../../src/core/sheets/specs";

const ROOT = join(__dirname, "../..");

/** Every .ts file under src/, as text: where rule ids are raised. */
function sources(dir = join(ROOT, "src")): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") ? [{ path, text: readFileSync(path, "utf8") }] : [];
  });
}

const specFields = SHEET_SPECS.flatMap((s) => [
  ...s.fields,
  ...(s.layouts ?? []).flatMap((l) => l.fields),
]);

describe("the rule registry", () => {
  test("no id is defined in two groups (a later spread would hide the first)", () => {
    const sizes = RULE_GROUPS.reduce((n, g) => n + Object.keys(g).length, 0);
    expect(sizes).toBe(RULE_IDS.length);
  });

  test.each(RULE_IDS)("%s has a title and help in both languages", (id) => {
    const r = RULES[id];
    for (const t of [r.title, r.help]) {
      expect(t.vi).toMatch(/\S/);
      expect(t.en).toMatch(/\S/);
      expect(t.vi).not.toBe(t.en);
    }
    expect(r.severities.length).toBeGreaterThan(0);
    // An id starts with its scope, but for the legacy-text notice (about a sheet's cells).
    if (id !== "text.legacy") expect(id.startsWith(`${r.scope}.`)).toBe(true);
  });

  test("every setting a rule reads is a setting", () => {
    for (const id of RULE_IDS)
      for (const key of RULES[id].settings) expect(Object.keys(DEFAULT_SETTINGS)).toContain(key);
  });

  test("the plan's criteria quote a sentence that is in the plan", () => {
    const plan = readFileSync(join(ROOT, "docs/plan/ke-hoach-vu-quang-2020.txt"), "utf8")
      .replace(/\s+/g, " ")
      .normalize("NFC");
    const criteria = RULE_IDS.filter((id) => RULES[id].criterion);
    expect(criteria).toEqual(
      expect.arrayContaining([
        "club.size",
        "club.women",
        "club.older",
        "club.younger",
        "club.borrowers",
        "club.fund",
        "club.regulation",
        "club.activities",
        "club.management",
        "unit.activeShare",
        "unit.fundShare",
        "roadmap.behind",
        "roadmap.inconsistent",
      ]),
    );
    expect(criteria).toHaveLength(13);
    for (const id of criteria) {
      const quote = RULES[id].plan?.quote.replace(/[.:]$/, "");
      expect(quote).toBeDefined();
      expect(plan).toContain(quote!.normalize("NFC"));
    }
  });

  test("every id is raised somewhere: by a club rule, a sheet field or a literal in the code", () => {
    const code = sources()
      .filter(
        (f) =>
          !f.path.includes(join("src", "core", "rules")) || /outliers|completeness/.test(f.path),
      )
      .map((f) => f.text)
      .join("\n");
    const raised = (id: RuleId): boolean =>
      "evaluate" in RULES[id] ||
      specFields.some((f) => f.rule === id) ||
      code.includes(`"${id}"`) ||
      // The roadmap's per-unit shares are raised through one function taking the id.
      code.includes(`"${id}",`);
    expect(RULE_IDS.filter((id) => !raised(id))).toEqual([]);
  });

  test("every judged field of the sheets reports under a registered rule of its own sheet", () => {
    const scopeOf = { clubs: "club", members: "member", funds: "fund", roadmap: "roadmap" };
    for (const spec of SHEET_SPECS) {
      for (const f of [...spec.fields, ...(spec.layouts ?? []).flatMap((l) => l.fields)]) {
        if (f.rule === null) continue;
        expect(RULES[f.rule]).toBeDefined();
        expect(f.rule.startsWith(`${scopeOf[spec.role]}.`)).toBe(true);
        expect(RULES[f.rule].severities).toContain("error");
      }
    }
  });

  test("club rules are judged in registry order; the plan's 70% and 100% sentences are named", () => {
    expect(CLUB_RULES.map((r) => r.id)).toEqual(RULE_IDS.filter((id) => "evaluate" in RULES[id]));
    expect([...ACTIVE_RULE_IDS].sort()).toEqual([
      "club.activities",
      "club.borrowers",
      "club.management",
    ]);
    expect([...FUND_RULE_IDS].sort()).toEqual(["club.fund", "club.regulation"]);
  });

  test("the sink refuses an id built at run time that the registry does not know", () => {
    const sink = new FindingSink();
    expect(() => sink.add("club.sizee" as RuleId, "error", "x", { vi: "a", en: "b" })).toThrow(
      /club\.sizee/,
    );
  });

  test("every rule of the golden reports is registered", () => {
    const dir = join(ROOT, "test/fixtures/golden");
    const rules = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".report.json"))) {
      const report = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
        findings: { rule: string }[];
      };
      for (const finding of report.findings) rules.add(finding.rule);
    }
    expect(rules.size).toBeGreaterThan(5);
    expect([...rules].filter((r) => !(r in RULES))).toEqual([]);
  });
});

describe("the README's rule list", () => {
  test("is the registry's (`npm run docs` rewrites it)", () => {
    const region = readmeRegion("rules");
    expect(region).not.toBeNull();
    expect(tableRows(region!)).toEqual(tableRows(rulesMarkdown()));
    expect(tableRows(rulesMarkdown())).toHaveLength(RULE_IDS.length + 1);
  });
});
