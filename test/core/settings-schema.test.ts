import { readmeRegion, tableRows } from "../helpers/readme-region";
import { validateSettings, overrideSettings } from "../../src/core/check/validate-settings";
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  SETTING_ORDER,
  SettingKey,
  Settings,
  isNumberSetting,
  numberSpec,
  settingSpec,
} from "../../src/core/model/settings";
import { settingsMarkdown } from "../../src/core/model/settings-docs";
import { FORM_SETTINGS, formOf, storedOf } from "../../src/taskpane/excel/settings-form";

const numeric = SETTING_KEYS.filter(isNumberSetting);

/** Settings with `key` at `value`, its ordered partners moved out of the way so only `key` is judged. */
function withValue(key: SettingKey, value: number): Settings {
  const s: Record<string, unknown> = { ...DEFAULT_SETTINGS, [key]: value };
  for (const { lower, upper } of SETTING_ORDER) {
    if (key === lower) s[upper] = numberSpec(upper).max;
    if (key === upper) s[lower] = numberSpec(lower).min;
  }
  return s as unknown as Settings;
}

/** The smallest step of a value of this kind that the check tells apart. */
const stepOf = (key: SettingKey): number => {
  const { kind } = settingSpec(key);
  return kind === "share" ? 0.0001 : kind === "number" ? 0.01 : 1;
};

describe("the settings schema", () => {
  test("gives every setting a label and help in both languages, and the defaults pass", () => {
    expect(Object.keys(DEFAULT_SETTINGS)).toEqual(SETTING_KEYS);
    for (const key of SETTING_KEYS) {
      const { label, help } = settingSpec(key);
      for (const t of [label, help]) {
        expect(t.vi).toMatch(/\S/);
        expect(t.en).toMatch(/\S/);
        expect(t.vi).not.toBe(t.en);
      }
    }
    expect(validateSettings(DEFAULT_SETTINGS)).toBe(DEFAULT_SETTINGS);
  });

  test.each(numeric)(
    "%s: its bounds are inclusive, and a value just past them is refused",
    (key) => {
      const spec = numberSpec(key);
      const step = stepOf(key);
      for (const inside of [spec.min, spec.min + step, spec.max - step, spec.max])
        expect(validateSettings(withValue(key, inside))[key]).toBe(inside);
      for (const outside of [spec.min - step, spec.max + step]) {
        expect(() => validateSettings(withValue(key, outside))).toThrow(
          new RegExp(`${key} \\(${spec.label.en.replace(/[()]/g, "\\$&")}\\) = `),
        );
      }
      if (spec.kind === "count" || spec.kind === "age")
        expect(() => validateSettings(withValue(key, spec.min + 0.5))).toThrow(/whole number/);
    },
  );

  test.each(SETTING_ORDER)("$lower must not pass $upper", ({ lower, upper, strict }) => {
    // Equal values within both settings' bounds: allowed unless the order is strict.
    const v = Math.min(DEFAULT_SETTINGS[upper], numberSpec(lower).max);
    const equal = { ...DEFAULT_SETTINGS, [lower]: v, [upper]: v } as Settings;
    if (strict)
      expect(() => validateSettings(equal)).toThrow(`${lower} must be less than ${upper}`);
    else expect(validateSettings(equal)[lower]).toBe(v);
    // The lower one above the upper one, both within their own bounds.
    const swapped = { ...equal, [upper]: v - stepOf(upper) };
    expect(() => validateSettings(swapped)).toThrow(
      new RegExp(`${lower} (is greater than|must be less than) ${upper}: `),
    );
    // Just inside: the upper one a step above the lower one.
    const apart = { ...equal, [upper]: v + stepOf(upper) };
    expect(validateSettings(apart)[upper]).toBe(v + stepOf(upper));
  });

  test("an order message names both settings, their labels and values (shares in %)", () => {
    const check = (change: Partial<Settings>) => () =>
      validateSettings({ ...DEFAULT_SETTINGS, ...change });
    expect(check({ womenMin: 0.7, womenMax: 0.6 })).toThrow(
      "womenMin is greater than womenMax: Minimum share of women 70% > Maximum share of women 60%.",
    );
    expect(check({ womenMin: 0.7, womenMax: 0.6 })).toThrow(
      "womenMin lớn hơn womenMax: Tỷ lệ nữ tối thiểu 70 % > Tỷ lệ nữ tối đa 60 %.",
    );
    expect(check({ minAge: 80, maxAge: 80 })).toThrow(
      "minAge must be less than maxAge: Lowest plausible age 80 ≥ Highest plausible age 80.",
    );
  });

  test("a share out of range is told as a percentage range too", () => {
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, womenMax: 1.5 })).toThrow(
      "womenMax (Maximum share of women) = 1.5: expected a share from 0 to 1 (0% to 100%).",
    );
  });

  test("a settings file is checked by the schema: names, types, then values", () => {
    expect(() => overrideSettings(DEFAULT_SETTINGS, { womenMn: 0.5 }, "s.json")).toThrow(
      /"womenMn" is not a setting \(there are: asOf, lang, /,
    );
    expect(() => overrideSettings(DEFAULT_SETTINGS, { asOf: 2025 }, "s.json")).toThrow(
      /"asOf" must be a string/,
    );
    expect(overrideSettings(DEFAULT_SETTINGS, { minAge: 18 }, "s.json").minAge).toBe(18);
  });
});

describe("the pane's settings form comes from the schema", () => {
  test("it shows every number setting marked for the pane, the age line apart", () => {
    expect(FORM_SETTINGS).toEqual(
      SETTING_KEYS.filter((k) => {
        const s = settingSpec(k);
        return s.inPane && k !== "ageLine" && !["date", "lang"].includes(s.kind);
      }),
    );
    expect(FORM_SETTINGS).toContain("outlierK");
    expect(FORM_SETTINGS).not.toContain("minAge");
  });

  /** A value of `key` other than its default, within its bounds and its order with the others. */
  function changed(key: SettingKey): Partial<Settings> {
    if (!isNumberSetting(key))
      return settingSpec(key).kind === "date" ? { asOf: "2024-06-30" } : { lang: "en" };
    if (key === "ageLine") return { ageLine: 55 };
    const spec = numberSpec(key);
    const s = withValue(key, spec.default === spec.min ? spec.max : spec.min);
    return Object.fromEntries(
      SETTING_KEYS.filter((k) => s[k] !== DEFAULT_SETTINGS[k]).map((k) => [k, s[k]]),
    ) as Partial<Settings>;
  }

  test.each(SETTING_KEYS)("%s round-trips through the form, shown or not", (key) => {
    const stored = changed(key);
    expect(stored[key]).toBeDefined();
    expect(storedOf(formOf(stored))).toEqual(stored);
    // With every other stored setting too.
    const all = { minAge: 18, lang: "en" as const, outlierK: 4, ...stored };
    expect(storedOf(formOf(all))).toEqual(all);
  });

  test.each(FORM_SETTINGS)("%s: the form shows its bounds as typed and stores them", (key) => {
    const spec = numberSpec(key);
    for (const v of [spec.min, spec.max]) {
      const s = withValue(key, v);
      const stored = Object.fromEntries(
        SETTING_KEYS.filter((k) => s[k] !== DEFAULT_SETTINGS[k]).map((k) => [k, s[k]]),
      ) as Partial<Settings>;
      const form = formOf(stored);
      expect(form.values[key]).toBe(String(spec.kind === "share" ? v * 100 : v));
      expect(storedOf(form)).toEqual(stored);
    }
  });

  test("a value typed past a bound is refused with the setting's label", () => {
    const form = formOf({});
    for (const key of FORM_SETTINGS) {
      const spec = numberSpec(key);
      const past = spec.kind === "share" ? spec.max * 100 + 1 : spec.max + 1;
      expect(() => storedOf({ ...form, values: { ...form.values, [key]: String(past) } })).toThrow(
        `${key} (${spec.label.vi}) = `,
      );
    }
  });

  test("a stored setting the form does not show is carried, not shown", () => {
    expect(storedOf(formOf({}))).toEqual({});
    expect(formOf({ minAge: 18 }).kept).toEqual({ minAge: 18 });
  });
});

describe("the README's settings table", () => {
  test("is the schema's (`npm run docs` rewrites it)", () => {
    const region = readmeRegion("settings");
    expect(region).not.toBeNull();
    const prose = (md: string) =>
      md
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "" && !l.startsWith("|"));
    try {
      expect(tableRows(region!)).toEqual(tableRows(settingsMarkdown()));
      expect(prose(region!)).toEqual(prose(settingsMarkdown()));
    } catch (e) {
      (e as Error).message =
        `README.md's settings table differs from the schema: run \`npm run docs\`.\n\n${(e as Error).message}`;
      throw e;
    }
    expect(tableRows(settingsMarkdown())).toHaveLength(SETTING_KEYS.length + 1);
  });
});
