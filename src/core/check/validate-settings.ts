import { InputError } from "../model/errors";
import { Lang, say } from "../model/i18n";
import {
  SETTING_KEYS,
  SETTING_ORDER,
  SETTINGS_SCHEMA,
  SettingKey,
  Settings,
  isNumberSetting,
  settingSpec,
} from "../model/settings";
import { formatCount, formatDecimal, formatPercent } from "../text/numbers";
import { referenceDate } from "./dates";

/** A number the user gave, as each language writes it: 1.5 -> "1,5" (vi), "1.5" (en). */
const given = (v: unknown, lang: Lang): string =>
  typeof v === "number" && Number.isFinite(v) ? formatDecimal(v, lang, 4) : String(v);

const bad = (vi: string, en: string): InputError =>
  new InputError("bad-setting", say(`Thiết lập: ${vi}`, `Settings: ${en}`));

/** "womenMin (Tỷ lệ nữ tối thiểu)": the key as files spell it, the label as users read it. */
const named = (key: SettingKey) => {
  const { label } = settingSpec(key);
  return { vi: `${key} (${label.vi})`, en: `${key} (${label.en})` };
};

/** A value typed as text (the pane's form) that is not a number: told as typed, not as NaN. */
export function notANumber(key: SettingKey, typed: string): InputError {
  const name = named(key);
  return bad(`${name.vi} = "${typed}": cần một số.`, `${name.en} = "${typed}": expected a number.`);
}

/**
 * Refuses settings that would make the check meaningless (a share above 1, bounds the wrong way
 * round, an impossible age range), whether they come from a file, the command line or the pane,
 * by the schema's kinds, bounds and order (model/settings.ts).
 */
export function validateSettings(s: Settings): Settings {
  for (const key of SETTING_KEYS) {
    const spec = settingSpec(key);
    const v: unknown = s[key];
    const name = named(key);
    switch (spec.kind) {
      case "lang":
        if (v !== "vi" && v !== "en")
          throw bad(
            `${name.vi} "${String(v)}": cần vi hoặc en.`,
            `${name.en} "${String(v)}": expected vi or en.`,
          );
        break;
      case "date":
        referenceDate(v as string);
        break;
      default: {
        const { min, max } = spec;
        const n = v as number;
        const inRange = typeof n === "number" && n >= min && n <= max;
        // The pane types shares as percentages: the message gives both.
        if (spec.kind === "share" && !inRange)
          throw bad(
            `${name.vi} = ${given(v, "vi")}: cần một tỷ lệ từ ${min} đến ${max} (${formatPercent(min, "vi")} đến ${formatPercent(max, "vi")}).`,
            `${name.en} = ${given(v, "en")}: expected a share from ${min} to ${max} (${formatPercent(min, "en")} to ${formatPercent(max, "en")}).`,
          );
        if ((spec.kind === "count" || spec.kind === "age") && !(inRange && Number.isInteger(n)))
          throw bad(
            `${name.vi} = ${given(v, "vi")}: cần số nguyên từ ${formatCount(min, "vi")} đến ${formatCount(max, "vi")}.`,
            `${name.en} = ${given(v, "en")}: expected a whole number from ${formatCount(min, "en")} to ${formatCount(max, "en")}.`,
          );
        if (!inRange)
          throw bad(
            `${name.vi} = ${given(v, "vi")}: cần một số từ ${given(min, "vi")} đến ${given(max, "vi")}.`,
            `${name.en} = ${given(v, "en")}: expected a number from ${given(min, "en")} to ${given(max, "en")}.`,
          );
      }
    }
  }
  for (const { lower, upper, strict } of SETTING_ORDER) {
    const [a, b] = [s[lower], s[upper]];
    if (strict ? a < b : a <= b) continue;
    // "womenMin lớn hơn womenMax: Tỷ lệ nữ tối thiểu 70% > Tỷ lệ nữ tối đa 60%."
    const [l, u] = [settingSpec(lower).label, settingSpec(upper).label];
    const sign = strict ? "≥" : ">";
    const shown = (key: SettingKey, v: number, lang: Lang) =>
      settingSpec(key).kind === "share" ? formatPercent(v, lang) : given(v, lang);
    const values = (lang: Lang) =>
      `${l[lang]} ${shown(lower, a, lang)} ${sign} ${u[lang]} ${shown(upper, b, lang)}`;
    throw strict
      ? bad(
          `${lower} phải nhỏ hơn ${upper}: ${values("vi")}.`,
          `${lower} must be less than ${upper}: ${values("en")}.`,
        )
      : bad(
          `${lower} lớn hơn ${upper}: ${values("vi")}.`,
          `${lower} is greater than ${upper}: ${values("en")}.`,
        );
  }
  return s;
}

/**
 * Settings from a base and a plain object of overrides by name (a settings file, the settings the
 * pane stored in the document), each checked for its name and type, then the whole validated.
 */
export function overrideSettings(base: Settings, raw: unknown, source: string): Settings {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw bad(`${source}: cần một đối tượng JSON.`, `${source}: expected a JSON object.`);
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!Object.prototype.hasOwnProperty.call(SETTINGS_SCHEMA, key))
      throw bad(
        `${source}: "${key}" không phải một thiết lập (có: ${SETTING_KEYS.join(", ")}).`,
        `${source}: "${key}" is not a setting (there are: ${SETTING_KEYS.join(", ")}).`,
      );
    const expected = isNumberSetting(key as SettingKey) ? "number" : "string";
    if (typeof value !== expected)
      throw bad(
        `${source}: "${key}" cần kiểu ${expected === "string" ? "chuỗi" : "số"}.`,
        `${source}: "${key}" must be a ${expected}.`,
      );
    merged[key] = value;
  }
  return validateSettings(merged as unknown as Settings);
}
