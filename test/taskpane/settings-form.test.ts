import fc from "fast-check";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { formOf, storedOf } from "../../src/taskpane/excel/settings-form";

describe("the settings form", () => {
  it("shows the plan's values as percentages and whole numbers", () => {
    const form = formOf({});
    expect(form.asOf).toBe("");
    expect(form.ageLine).toBe("60");
    expect(form.values.womenMin).toBe("60");
    expect(form.values.fundShareMin).toBe("100");
    expect(form.values.minMembers).toBe("50");
    expect(form.values.outlierK).toBe("3.5");
  });

  it("stores nothing when nothing changed", () => {
    expect(storedOf(formOf({}))).toEqual({});
  });

  it("stores only what changed, shares as fractions", () => {
    const form = formOf({});
    const edited = {
      ...form,
      ageLine: "55",
      asOf: "2025-06-30",
      values: { ...form.values, womenMin: "62,5", olderMax: "65 %", minMembers: "40" },
    };
    expect(storedOf(edited)).toEqual({
      ageLine: 55,
      asOf: "2025-06-30",
      womenMin: 0.625,
      olderMax: 0.65,
      minMembers: 40,
    });
  });

  it("keeps the outlier threshold as a plain number, with a decimal comma or point", () => {
    const form = formOf({});
    expect(storedOf({ ...form, values: { ...form.values, outlierK: "4,5" } })).toEqual({
      outlierK: 4.5,
    });
    expect(storedOf({ ...form, values: { ...form.values, outlierK: "3.5" } })).toEqual({});
    expect(formOf({ outlierK: 6 }).values.outlierK).toBe("6");
    expect(storedOf(formOf({ outlierK: 6 }))).toEqual({ outlierK: 6 });
    expect(() => storedOf({ ...form, values: { ...form.values, outlierK: "12" } })).toThrow(
      /outlierK \(Outlier threshold \(k\)\) = 12: expected a number from 1 to 10/,
    );
    expect(() => storedOf({ ...form, values: { ...form.values, outlierK: "" } })).toThrow(
      'outlierK (Ngưỡng giá trị bất thường (k)) = "": cần một số.',
    );
    expect(() => storedOf({ ...form, values: { ...form.values, outlierK: "3,5,1" } })).toThrow(
      'outlierK (Outlier threshold (k)) = "3,5,1": expected a number.',
    );
  });

  it("refuses empty and out-of-range values with the core's message", () => {
    const form = formOf({});
    expect(() => storedOf({ ...form, values: { ...form.values, olderMax: "" } })).toThrow(
      /olderMax \(Tỷ lệ người cao tuổi tối đa\) = "": cần một số/,
    );
    expect(() => storedOf({ ...form, values: { ...form.values, olderMax: "%" } })).toThrow(
      /olderMax \(Maximum share of older people\) = "%": expected a number/,
    );
    expect(() => storedOf({ ...form, values: { ...form.values, olderMax: "6S" } })).toThrow(
      /olderMax \(Maximum share of older people\) = "6S": expected a number/,
    );
    expect(() => storedOf({ ...form, values: { ...form.values, youngerMin: "50" } })).toThrow(
      /youngerMin lớn hơn youngerMax/,
    );
  });

  it("gives back any stored share to two decimals of a percent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (basisPoints) => {
        const share = basisPoints / 10000;
        const stored = { borrowersMin: share };
        const back = storedOf(formOf(stored));
        const expected = share === DEFAULT_SETTINGS.borrowersMin ? {} : { borrowersMin: share };
        expect(back).toEqual(expected);
      }),
    );
  });
});
