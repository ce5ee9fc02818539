/**
 * Registers the reader has never seen (test/unseen/variants.ts), each checked by the command line
 * in this process: it must read them (no input error), find exactly the ground truth's six clubs,
 * give each club the ground truth's counts and failed criteria, and raise no error about cells
 * that are all valid.
 */
import { district } from "../corpus/ground-truth";
import { check, countsOf, expectedAll, isCriterion, Outcome } from "./registers";
import { UNSEEN } from "./variants";

const DISTRICT = district();
const EXPECTED = expectedAll(DISTRICT);
const IDS = DISTRICT.clubs.map((c) => c.id);

describe.each(UNSEEN.map((v) => [v.id, v] as const))("unseen register %s", (id, variant) => {
  let outcome: Outcome;
  beforeAll(async () => {
    outcome = await check(`${id}.xlsx`, variant.sheets(DISTRICT));
  });

  const report = () => {
    if (outcome.kind !== "checked")
      throw new Error(`refused (exit ${outcome.exit}): ${outcome.message}`);
    return outcome.report;
  };

  it("is read, with exactly the ground truth's clubs", () => {
    expect({
      exit: outcome.exit,
      refused: outcome.kind === "refused" ? outcome.message : null,
    }).toEqual({ exit: 1, refused: null });
    expect(report().clubs.map((c) => c.id)).toEqual(IDS);
  });

  it("per club: members, women, older, younger, borrowers, hardship, failed criteria", () => {
    const actual = Object.fromEntries(report().clubs.map((c) => [c.id, countsOf(c)]));
    expect(actual).toEqual(EXPECTED);
  });

  it("raises no error about the cells (every value in it is valid)", () => {
    const errors = report()
      .findings.filter((f) => f.severity === "error" && !isCriterion(f))
      .map((f) => `${f.rule} ${f.sheet ?? ""}!${f.cell ?? ""}: ${f.message}`);
    expect(errors.slice(0, 10)).toEqual([]);
  });
});
