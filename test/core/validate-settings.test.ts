import { validateSettings } from "../../src/core/check/validate-settings";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/model/settings";

describe("settings that would make the check meaningless are refused", () => {
  test("the defaults pass", () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toBe(DEFAULT_SETTINGS);
  });

  test.each<[Partial<Record<keyof Settings, unknown>>, RegExp]>([
    [{ lang: "fr" }, /lang "fr": expected vi or en/],
    [{ asOf: "31/12/2025" }, /reference date "31\/12\/2025"/],
    [{ womenMin: 0.7, womenMax: 0.6 }, /womenMin is greater than womenMax/],
    [{ borrowersMin: 50 }, /borrowersMin = 50: expected a share from 0 to 1/],
    [{ maxAge: -5 }, /maxAge = -5/],
    [{ minAge: 80, maxAge: 70 }, /minAge must be less than maxAge/],
    [{ minMembers: 80 }, /minMembers is greater than maxMembers/],
    [{ ageLine: 60.5 }, /ageLine = 60.5/],
  ])("%j", (change, message) => {
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, ...change } as Settings)).toThrow(message);
  });
});
