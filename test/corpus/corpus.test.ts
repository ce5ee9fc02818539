/**
 * The register corpus: every variant of test/corpus/variants.ts, through the command line, the
 * browser file mode and Excel (the real office.js over the simulated host), must give exactly the
 * results the ground truth gives (test/corpus/expected.ts): per club the members who count, women,
 * older, younger, borrowers, hardship and the verdict of each criterion, and the exit status.
 */
import { CRITERIA, ClubResult, expectedClubs, expectedExit, verdictsOf } from "./expected";
import { district } from "./ground-truth";
import { Outcome, runOn } from "./run-hosts";
import { HOSTS, VARIANTS } from "./variants";

const DISTRICT = district();
const CASES = VARIANTS.map((v) => [v.id, v, v.build(DISTRICT)] as const);

/** Errors a correct check of the ground truth raises: the plan's criteria and the roadmap's. */
const EXPECTED_ERROR = (rule: string) =>
  (CRITERIA as readonly string[]).includes(rule) ||
  rule.startsWith("unit.") ||
  rule.startsWith("roadmap.");

describe.each(CASES)("corpus variant %s", (_id, variant, register) => {
  describe.each(variant.hosts ?? HOSTS)("on %s", (host) => {
    let outcome: Outcome;
    beforeAll(async () => {
      outcome = await runOn(host, register);
    });

    if (register.kind === "csv") {
      it("stops with the input-error exit status and asks for an .xlsx", () => {
        expect(outcome.kind).toBe("refused");
        expect(outcome.exit).toBe(2);
        if (outcome.kind === "refused") expect(outcome.message).toContain("xlsx");
      });
      return;
    }

    /** The report's figures, as the checked outcome gives them (a refusal shows its message). */
    const checked = () => {
      if (outcome.kind !== "checked") throw new Error(`refused (exit 2): ${outcome.message}`);
      return outcome;
    };

    it("exits as the ground truth says, with its clubs", () => {
      expect({
        exit: outcome.exit,
        refused: outcome.kind === "refused" ? outcome.message : null,
      }).toEqual({ exit: expectedExit(register.district, register.reads), refused: null });
      expect(checked().clubs.map((c) => c.id)).toEqual(register.district.clubs.map((c) => c.id));
    });

    it("per club: members, women, older, younger, borrowers, hardship, each criterion", () => {
      const actual: Record<string, ClubResult> = Object.fromEntries(
        checked().clubs.map((c) => [
          c.id,
          {
            members: c.members,
            women: c.women,
            older: c.older,
            younger: c.younger,
            borrowers: c.borrowers,
            hardship: c.hardship,
            verdicts: verdictsOf(c.failed),
          },
        ]),
      );
      expect(actual).toEqual(expectedClubs(register.district, register.reads));
    });

    // The merged workbook is the province's own, in the canonical layout: what the district's
    // layout needed assuming was said when the file was read, not again for the merged sheets.
    if (host !== "merge")
      it("says what it assumed and how it read ages (layout.assumed, layout.age)", () => {
        const { findings } = checked();
        const onMembers = (rule: string) =>
          findings.filter(
            (f) =>
              f.rule === rule && f.sheet !== undefined && register.memberSheets.includes(f.sheet),
          );
        const gaps = Number(!register.reads.hardship) + Number(!register.reads.left);
        expect({
          assumed: onMembers("layout.assumed").length,
          age: findings.filter((f) => f.rule === "layout.age").length,
        }).toEqual({
          assumed: gaps * register.memberSheets.length,
          age: register.ages ? register.memberSheets.length : 0,
        });
        expect(findings.filter((f) => f.rule === "layout.assumed").map((f) => f.severity)).toEqual(
          Array(onMembers("layout.assumed").length).fill("warning"),
        );
        expect(findings.filter((f) => f.rule === "layout.age").map((f) => f.severity)).toEqual(
          Array(register.ages ? register.memberSheets.length : 0).fill("info"),
        );
      });

    it("raises no error about the data itself (every cell of the ground truth is valid)", () => {
      const errors = checked()
        .findings.filter((f) => f.severity === "error" && !EXPECTED_ERROR(f.rule))
        .map((f) => `${f.rule} ${f.sheet ?? ""}: ${f.message}`);
      expect(errors).toEqual([]);
    });
  });
});
