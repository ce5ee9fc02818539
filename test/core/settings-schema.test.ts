import { readmeRegion, tableRows } from "../helpers/readme-region";
import { validateSettings, overrideSettings } from "../../src/core/check/validate-settings";
import {
  DEFAULT_SETTINGS,
  NumberSetting,
  SETTING_KEYS,
  SETTING_ORDER,
  SettingKey,
  Settings,
  settingSpec,
} from "../../src/core/model/settings";
import { settingsMarkdown } from "../../src/core/model/settings-docs";
import { FORM_SETTINGS, formOf, storedOf } from "../../src/taskpane/excel/settings-form";

const numeric = SETTING_KEYS.filter((k) => !["date", "lang"].includes(settingSpec(k).kind));

/** Settings with `key` at `value`, its ordered partners moved out of the way so only `key` is judged. */
function withValue(key: SettingKey, value: number): Settings {
  const s: Record<string, unknown> = { ...DEFAULT_SETTINGS, [key]: value };
  for (const { lower, upper } of SETTING_ORDER) {
    const spec = settingSpec(lower) as NumberSetting;
    if (key === lower) s[upper] = (settingSpec(upper) as NumberSetting).max;
    if (key === upper) s[lower] = spec.min;
  }
  return s as unknown as Settings;
}

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
      const spec = settingSpec(key) as NumberSetting;
      expect(validateSettings(withValue(key, spec.min))[key]).toBe(spec.min);
      expect(validateSettings(withValue(key, spec.max))[key]).toBe(spec.max);
      const step = spec.kind === "share" ? 0.001 : spec.kind === "number" ? 0.01 : 1;
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
    const v = Math.min(
      DEFAULT_SETTINGS[upper] as number,
      (settingSpec(lower) as NumberSetting).max,
    );
    const equal = { ...DEFAULT_SETTINGS, [lower]: v, [upper]: v } as Settings;
    if (strict)
      expect(() => validateSettings(equal)).toThrow(`${lower} must be less than ${upper}`);
    else expect(validateSettings(equal)[lower]).toBe(v);
    // The lower one above the upper one, both within their own bounds.
    const swapped = { ...equal, [upper]: v - (settingSpec(upper).kind === "share" ? 0.1 : 1) };
    expect(() => validateSettings(swapped)).toThrow(
      new RegExp(`${lower} (is greater than|must be less than) ${upper}`),
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

  test.each(FORM_SETTINGS)("%s round-trips through the form at both bounds", (key) => {
    const spec = settingSpec(key) as NumberSetting;
    for (const v of [spec.min, spec.max]) {
      const stored = { ...withValue(key, v) };
      const changed = Object.fromEntries(
        SETTING_KEYS.filter((k) => stored[k] !== DEFAULT_SETTINGS[k]).map((k) => [k, stored[k]]),
      ) as Partial<Settings>;
      const form = formOf(changed);
      if (spec.kind === "share") expect(form.values[key]).toBe(String(v * 100));
      expect(storedOf(form)).toEqual(
        Object.fromEntries(
          Object.entries(changed).filter(([k]) => FORM_SETTINGS.includes(k as SettingKey)),
        ),
      );
    }
  });
});

describe("the README's settings table", () => {
  test("is the schema's (`npm run docs` rewrites it)", () => {
    const region = readmeRegion("settings");
    expect(region).not.toBeNull();
    expect(tableRows(region!)).toEqual(tableRows(settingsMarkdown()));
    expect(tableRows(settingsMarkdown())).toHaveLength(SETTING_KEYS.length + 1);
  });
});
