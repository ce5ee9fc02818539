/**
 * The settings form's values as the user types them (percentages for shares, whole numbers for
 * counts) and their conversion to and from the stored settings, which keep shares as 0-1.
 */
import { overrideSettings } from "../../core/check/validate-settings";
import { DEFAULT_SETTINGS, Settings } from "../../core/model/settings";
import type { EditableSetting } from "../strings";

export const SHARE_SETTINGS = [
  "womenMin",
  "womenMax",
  "olderMin",
  "olderMax",
  "youngerMin",
  "youngerMax",
  "borrowersMin",
  "activeShareMin",
  "fundShareMin",
] as const satisfies readonly EditableSetting[];

export const COUNT_SETTINGS = [
  "minMembers",
  "maxMembers",
] as const satisfies readonly EditableSetting[];

/** Plain numbers with decimals ("3,5" or "3.5"). */
export const NUMBER_SETTINGS = ["outlierK"] as const satisfies readonly EditableSetting[];

export interface SettingsForm {
  /** "" counts to today. */
  readonly asOf: string;
  readonly ageLine: string;
  readonly values: Readonly<
    Record<
      | (typeof SHARE_SETTINGS)[number]
      | (typeof COUNT_SETTINGS)[number]
      | (typeof NUMBER_SETTINGS)[number],
      string
    >
  >;
}

const isShare = (key: string): boolean => (SHARE_SETTINGS as readonly string[]).includes(key);

/** Shares as percentages without float noise: 0.6 -> "60", 0.655 -> "65.5". */
const percent = (share: number): string => String(Math.round(share * 10000) / 100);

export function formOf(stored: Readonly<Partial<Settings>>): SettingsForm {
  const s: Settings = { ...DEFAULT_SETTINGS, ...stored };
  const values = Object.fromEntries(
    [...SHARE_SETTINGS, ...COUNT_SETTINGS, ...NUMBER_SETTINGS].map((key) => [
      key,
      isShare(key) ? percent(s[key]) : String(s[key]),
    ]),
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
  for (const [key, text] of Object.entries(form.values)) {
    const n = Number(text.trim().replace(",", "."));
    const value = isShare(key) ? Math.round(n * 100) / 10000 : n;
    if (value !== DEFAULT_SETTINGS[key as keyof Settings])
      out[key] = text.trim() === "" ? NaN : value;
  }
  const ageLine = Number(form.ageLine);
  if (ageLine !== DEFAULT_SETTINGS.ageLine) out["ageLine"] = ageLine;
  if (form.asOf !== "") out["asOf"] = form.asOf;
  // Validated whole, with a real date standing in for "today".
  overrideSettings({ ...DEFAULT_SETTINGS, asOf: "2000-01-01" }, out, "ishc.config");
  return out as Partial<Settings>;
}
