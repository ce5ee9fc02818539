/**
 * The settings form's values as the user types them (percentages for shares, whole numbers for
 * counts) and their conversion to and from the stored settings, which keep shares as 0-1. Which
 * fields there are, their kind, label and help come from the settings schema.
 */
import { overrideSettings } from "../../core/check/validate-settings";
import {
  DEFAULT_SETTINGS,
  NumberSetting,
  SETTING_KEYS,
  SettingKey,
  Settings,
  settingSpec,
} from "../../core/model/settings";

/**
 * The schema's number settings shown as plain fields, in schema order: the reference date and the
 * age line have fields of their own (a date with "today", a choice of 60 or 55).
 */
export const FORM_SETTINGS: readonly SettingKey[] = SETTING_KEYS.filter((key) => {
  const spec = settingSpec(key);
  return spec.inPane && spec.kind !== "date" && spec.kind !== "lang" && key !== "ageLine";
});

export const numberSpec = (key: SettingKey): NumberSetting => settingSpec(key) as NumberSetting;

export interface SettingsForm {
  /** "" counts to today. */
  readonly asOf: string;
  readonly ageLine: string;
  readonly values: Readonly<Record<SettingKey, string>>;
}

const isShare = (key: SettingKey): boolean => settingSpec(key).kind === "share";

/** Shares as percentages without float noise: 0.6 -> "60", 0.655 -> "65.5". */
const percent = (share: number): string => String(Math.round(share * 10000) / 100);

export function formOf(stored: Readonly<Partial<Settings>>): SettingsForm {
  const s: Settings = { ...DEFAULT_SETTINGS, ...stored };
  const values = Object.fromEntries(
    FORM_SETTINGS.map((key) => {
      const v = s[key] as number;
      return [key, isShare(key) ? percent(v) : String(v)];
    }),
  ) as SettingsForm["values"];
  return { asOf: stored.asOf ?? "", ageLine: String(s.ageLine), values };
}

/**
 * The settings to store: only those that differ from the plan's values, so that a later version
 * with corrected defaults still applies them. Throws the core's bilingual InputError when a value
 * is out of range (a share above 100 %, bounds the wrong way round).
 */
export function storedOf(form: SettingsForm): Partial<Settings> {
  const out: Record<string, number | string> = {};
  for (const key of FORM_SETTINGS) {
    const text = form.values[key] ?? "";
    const n = Number(text.trim().replace(",", "."));
    const value = isShare(key) ? Math.round(n * 100) / 10000 : n;
    if (value !== DEFAULT_SETTINGS[key]) out[key] = text.trim() === "" ? NaN : value;
  }
  const ageLine = Number(form.ageLine);
  if (ageLine !== DEFAULT_SETTINGS.ageLine) out["ageLine"] = ageLine;
  if (form.asOf !== "") out["asOf"] = form.asOf;
  // Validated whole, with a real date standing in for "today".
  overrideSettings({ ...DEFAULT_SETTINGS, asOf: "2000-01-01" }, out, "ishc.config");
  return out as Partial<Settings>;
}
