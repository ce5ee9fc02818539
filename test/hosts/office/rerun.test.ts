import { InputError } from "../../../src/core/model/errors";
import { GENERATED_NAMES } from "../../../src/core/report/labels";
import { checkWorkbook } from "../../../src/hosts/workbook/check-workbook";
import { officeOver, scenario, SETTINGS } from "./scenario";

const ours = (formula: string) => /ishc:/.test(formula);

describe("re-running and clearing over the strict fake", () => {
  it("replaces the generated sheets and the highlights instead of stacking them, deleting no sheet", async () => {
    const { excel, office } = officeOver(scenario());
    await checkWorkbook(office, SETTINGS);
    // From the second run on, every finding is "still found" (the review trail): compare those.
    await checkWorkbook(office, SETTINGS);
    const names = excel.sheetNames();
    const formats = excel.sheetNames().map((n) => excel.conditionalFormats(n).length);
    const values = Object.values(GENERATED_NAMES).map((n) => excel.values(n));
    const visible = (n: string) => excel.sheet(n).visibility;

    await checkWorkbook(office, SETTINGS);
    // The spares swap names with the sheets they stand in for; the count stays.
    expect(excel.sheetNames()).toHaveLength(names.length);
    expect(excel.sheetNames().map((n) => excel.conditionalFormats(n).length)).toEqual(formats);
    expect(Object.values(GENERATED_NAMES).map((n) => excel.values(n))).toEqual(values);
    expect(excel.stats.sheetDeletes).toBe(0);
    // Each generated sheet has one very hidden spare, emptied, that the next check writes into.
    const spares = excel.sheetNames().filter((n) => visible(n) === "VeryHidden");
    expect(spares).toHaveLength(3);
    spares.forEach((n) => expect(excel.values(n).flat()).toEqual([]));
    expect(excel.sheetNames().filter((n) => visible(n) === "Visible")).toEqual([
      "CLB",
      "Thành viên",
      "Quỹ",
      ...Object.values(GENERATED_NAMES),
    ]);
    expect(excel.sheet(GENERATED_NAMES.results).names).toEqual([
      expect.objectContaining({
        name: "ISHC_Generated",
        formula: '="ishc:results"',
        visible: false,
      }),
    ]);
  });

  it("clears exactly its own highlights and leaves the user's conditional format", async () => {
    const { excel, office } = officeOver(scenario());
    excel.addUserConditionalFormat("Thành viên", "A2:A9", "=LEN(A2)>40", "#FF0000");
    await checkWorkbook(office, SETTINGS);
    expect(excel.conditionalFormats("Thành viên").some((cf) => ours(cf.formula))).toBe(true);

    const removed = await office.clearHighlights();
    expect(removed).toBeGreaterThan(0);
    for (const name of excel.sheetNames())
      expect(excel.conditionalFormats(name).filter((cf) => ours(cf.formula))).toEqual([]);
    expect(excel.conditionalFormats("Thành viên")).toEqual([
      { areas: ["A2:A9"], formula: "=LEN(A2)>40", fill: "#FF0000" },
    ]);
    expect(await office.clearHighlights()).toBe(0);
  });

  it("also removes the highlights the xlsx host wrote (its formula has no '=')", async () => {
    const { excel, office } = officeOver(scenario());
    excel.addUserConditionalFormat("CLB", "B2", 'ISTEXT("ishc:warning")', "#FFEB9C");
    expect(await office.clearHighlights()).toBe(1);
    expect(excel.conditionalFormats("CLB")).toEqual([]);
  });

  it("leaves a user's sheet named like a generated one untouched and writes beside it", async () => {
    const user = { name: GENERATED_NAMES.results, rows: [["Ghi chú của tôi"], [1, 2, 3]] };
    const { excel, office } = officeOver([...scenario(), user]);
    const { plan } = await checkWorkbook(office, SETTINGS);
    expect(excel.values(GENERATED_NAMES.results)).toEqual([["Ghi chú của tôi"], [1, 2, 3]]);
    expect(excel.sheet(GENERATED_NAMES.results).names).toEqual([]);
    const results = plan.sheets.find((s) => s.kind === "results")!;
    expect(results.name).not.toBe(GENERATED_NAMES.results);
    expect(excel.values(results.name).length).toBeGreaterThan(2);
    await expect(
      office.apply({ sheets: [{ ...results, name: GENERATED_NAMES.results }], highlights: [] }),
    ).rejects.toThrow(/not made by this tool/);
    expect(excel.values(GENERATED_NAMES.results)).toEqual([["Ghi chú của tôi"], [1, 2, 3]]);
  });

  it.each(["sheet", "workbook"])(
    "refuses a protected %s with an InputError and writes nothing",
    async (what) => {
      const { excel, office } = officeOver(scenario());
      if (what === "sheet") excel.sheet("Thành viên").protected = true;
      else excel.model.protected = true;
      const names = excel.sheetNames();
      const error = await checkWorkbook(office, SETTINGS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe("protected");
      const message = (error as InputError).message;
      expect(message).toMatch(/bảo vệ/);
      expect(message).toMatch(/protected/);
      if (what === "sheet") expect(message).toContain("Thành viên");
      // The spares swap names with the sheets they stand in for; the count stays.
      expect(excel.sheetNames()).toHaveLength(names.length);
      for (const name of names) expect(excel.conditionalFormats(name)).toEqual([]);
    },
  );
});
