/**
 * The settings form's values as the user types them (percentages for shares, whole numbers for
 * counts) and their conversion to and from the stored settings, which keep shares as 0-1. Which
 * fields there are, their kind, label and help come from the settings schema.
 */
import { notANumber, overrideSettings } from "../../core/check/validate-settings";
import {
  DEFAULT_SETTINGS,
  NumberSettingKey,
  SETTING_KEYS,
  SettingKey,
  Settings,
  isNumberSetting,
  settingSpec,
  sharePercent,
} from "../../core/model/settings";

/**
 * The schema's number settings shown as plain fields, in schema order: the reference date and the
 * age line have fields of their own (a date with "today", a choice of 60 or 55).
 */
export const FORM_SETTINGS: readonly NumberSettingKey[] = SETTING_KEYS.filter(
  (key): key is NumberSettingKey =>
    isNumberSetting(key) && settingSpec(key).inPane && key !== "ageLine",
);

/** The settings with a field of their own or a plain field; the others are only carried along. */
const SHOWN: ReadonlySet<SettingKey> = new Set<SettingKey>(["asOf", "ageLine", ...FORM_SETTINGS]);

export interface SettingsForm {
  /** "" counts to today. */
  readonly asOf: string;
  readonly ageLine: string;
  readonly values: Readonly<Record<NumberSettingKey, string>>;
  /**
   * Stored settings the form does not show (the schema's `inPane: false`, set in the document by
   * hand or by another version): saved again as they were, so that saving the form keeps them.
   */
  readonly kept: Readonly<Partial<Settings>>;
}

const isShare = (key: SettingKey): boolean => settingSpec(key).kind === "share";

export function formOf(stored: Readonly<Partial<Settings>>): SettingsForm {
  const s: Settings = { ...DEFAULT_SETTINGS, ...stored };
  const values = Object.fromEntries(
    FORM_SETTINGS.map((key) => [key, isShare(key) ? sharePercent(s[key]) : String(s[key])]),
  ) as SettingsForm["values"];
  const kept = Object.fromEntries(
    Object.entries(stored).filter(([key]) => !SHOWN.has(key as SettingKey)),
  ) as Partial<Settings>;
  return { asOf: stored.asOf ?? "", ageLine: String(s.ageLine), values, kept };
}

/**
 * The settings to store: only those that differ from the plan's values, so that a later version
 * with corrected defaults still applies them. Throws the core's bilingual InputError when a field
 * is not a number or a value is out of range (a share above 100 %, bounds the wrong way round).
 */
export function storedOf(form: SettingsForm): Partial<Settings> {
  const out: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(form.kept))
    if (value !== DEFAULT_SETTINGS[key as SettingKey]) out[key] = value;
  for (const key of FORM_SETTINGS) {
    const text = (form.values[key] ?? "").trim();
    // "3,5" and "3.5" alike: a decimal comma is what Vietnamese users type; a share may end in
    // "%". An empty field is refused, not read as 0.
    const bare = isShare(key) ? text.replace(/\s*%$/, "") : text;
    const n = Number(bare.replace(",", "."));
    if (bare === "" || !Number.isFinite(n)) throw notANumber(key, text);
    const value = isShare(key) ? Math.round(n * 100) / 10000 : n;
    if (value !== DEFAULT_SETTINGS[key]) out[key] = value;
  }
  const ageLine = Number(form.ageLine);
  if (ageLine !== DEFAULT_SETTINGS.ageLine) out["ageLine"] = ageLine;
  if (form.asOf !== "") out["asOf"] = form.asOf;
  // Validated whole, with a real date standing in for "today".
  overrideSettings({ ...DEFAULT_SETTINGS, asOf: "2000-01-01" }, out, "ishc.config");
  return out as Partial<Settings>;
}
