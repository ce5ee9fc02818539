import { RULE_IDS, RULES } from "../../src/core/rules/registry";
import { runCli } from "../helpers/cli-run";

describe("ishc rules", () => {
  test("lists every rule of the registry in both languages", async () => {
    const { code, out } = await runCli("rules");
    expect(code).toBe(0);
    expect(out).toContain(`${RULE_IDS.length} quy tắc / rules`);
    for (const id of RULE_IDS) {
      expect(out).toContain(`\n${id}  [`);
      expect(out).toContain(`${RULES[id].title.vi} / ${RULES[id].title.en}`);
    }
    // A criterion names the plan's sentence; a rule with thresholds names its settings.
    expect(out).toMatch(/club\.women[^\n]*criterion\][\s\S]*?settings: womenMin, womenMax/);
  });

  test("--json gives the registry as data", async () => {
    const { code, out } = await runCli("rules", "--json");
    expect(code).toBe(0);
    const docs = JSON.parse(out) as {
      id: string;
      severities: string[];
      criterion: boolean;
      plan: { section: string; quote: string } | null;
      settings: string[];
      title: { vi: string; en: string };
      help: { vi: string; en: string };
    }[];
    expect(docs.map((d) => d.id)).toEqual(RULE_IDS);
    const size = docs.find((d) => d.id === "club.size")!;
    expect(size).toMatchObject({
      severities: ["error", "warning"],
      criterion: true,
      settings: ["minMembers", "maxMembers"],
      plan: { section: "I.2.b" },
    });
    expect(size.help.en).toMatch(/50 members/);
  });

  test("refuses an option it does not take, in both languages", async () => {
    const { code, err } = await runCli("rules", "--lang", "en");
    expect(code).toBe(2);
    expect(err).toMatch(/không có tuỳ chọn \/ unknown option --lang/);
    expect((await runCli("rules", "--json", "--markdown")).code).toBe(2);
  });
});
