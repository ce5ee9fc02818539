import { overrideSettings, validateSettings } from "../../src/core/check/validate-settings";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/model/settings";

describe("settings that would make the check meaningless are refused", () => {
  test("the defaults pass", () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toBe(DEFAULT_SETTINGS);
  });

  test.each<[Partial<Record<keyof Settings, unknown>>, RegExp]>([
    [{ lang: "fr" }, /lang \(Language\) "fr": expected vi or en/],
    [{ asOf: "31/12/2025" }, /reference date "31\/12\/2025"/],
    [{ womenMin: 0.7, womenMax: 0.6 }, /womenMin is greater than womenMax/],
    [
      { borrowersMin: 50 },
      /borrowersMin \(Minimum share of borrowers\) = 50: expected a share from 0 to 1/,
    ],
    [{ maxAge: -5 }, /maxAge \(Highest plausible age\) = -5/],
    [{ minAge: 80, maxAge: 70 }, /minAge must be less than maxAge/],
    [{ minMembers: 80 }, /minMembers is greater than maxMembers/],
    [{ ageLine: 60.5 }, /ageLine \(Older people from age\) = 60.5/],
    [
      { outlierK: 0.9 },
      /outlierK \(Outlier threshold \(k\)\) = 0.9: expected a number from 1 to 10/,
    ],
    [{ outlierK: 10.5 }, /outlierK \(Outlier threshold \(k\)\) = 10.5/],
    [{ outlierK: NaN }, /outlierK \(Outlier threshold \(k\)\) = NaN/],
    [{ outlierK: 0 }, /outlierK \(Ngưỡng giá trị bất thường \(k\)\) = 0: cần một số từ 1 đến 10/],
  ])("%j", (change, message) => {
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, ...change } as Settings)).toThrow(message);
  });
});

describe("the outlier threshold", () => {
  test("defaults to 3.5; 1 and 10 are the inclusive bounds, decimals allowed", () => {
    expect(DEFAULT_SETTINGS.outlierK).toBe(3.5);
    for (const outlierK of [1, 2.5, 10])
      expect(validateSettings({ ...DEFAULT_SETTINGS, outlierK }).outlierK).toBe(outlierK);
  });

  test("a settings file gives it by name, as a number", () => {
    expect(overrideSettings(DEFAULT_SETTINGS, { outlierK: 5 }, "f.json").outlierK).toBe(5);
    expect(() => overrideSettings(DEFAULT_SETTINGS, { outlierK: "5" }, "f.json")).toThrow(
      /"outlierK" must be a number/,
    );
  });
});
