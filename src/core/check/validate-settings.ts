import { InputError } from "../model/errors";
import { say } from "../model/i18n";
import { Settings } from "../model/settings";
import { referenceDate } from "./dates";

const bad = (vi: string, en: string): InputError =>
  new InputError("bad-setting", say(`Thiết lập: ${vi}`, `Settings: ${en}`));

/**
 * Refuses settings that would make the check meaningless (a share above 1, bounds the wrong way
 * round, an impossible age range), whether they come from a file, the command line or the pane.
 */
export function validateSettings(s: Settings): Settings {
  if (s.lang !== "vi" && s.lang !== "en")
    throw bad(
      `lang "${String(s.lang)}": cần vi hoặc en.`,
      `lang "${String(s.lang)}": expected vi or en.`,
    );
  referenceDate(s.asOf);
  const shares: [keyof Settings, keyof Settings | null][] = [
    ["womenMin", "womenMax"],
    ["olderMin", "olderMax"],
    ["youngerMin", "youngerMax"],
    ["borrowersMin", null],
    ["activeShareMin", null],
    ["fundShareMin", null],
  ];
  for (const [min, max] of shares) {
    for (const key of max ? [min, max] : [min]) {
      const v = s[key] as number;
      if (!(v >= 0 && v <= 1))
        throw bad(
          `${key} = ${v}: cần một tỷ lệ từ 0 đến 1.`,
          `${key} = ${v}: expected a share from 0 to 1.`,
        );
    }
    if (max && (s[min] as number) > (s[max] as number)) {
      throw bad(`${min} lớn hơn ${max}.`, `${min} is greater than ${max}.`);
    }
  }
  const whole = (key: keyof Settings, lo: number, hi: number) => {
    const v = s[key] as number;
    if (!Number.isInteger(v) || v < lo || v > hi) {
      throw bad(
        `${key} = ${v}: cần số nguyên từ ${lo} đến ${hi}.`,
        `${key} = ${v}: expected a whole number from ${lo} to ${hi}.`,
      );
    }
  };
  whole("minMembers", 1, 10000);
  whole("maxMembers", 1, 10000);
  whole("ageLine", 40, 80);
  whole("minAge", 0, 100);
  whole("maxAge", 1, 150);
  const k = s.outlierK;
  if (typeof k !== "number" || !(k >= 1 && k <= 10))
    throw bad(
      `outlierK (ngưỡng giá trị bất thường) = ${String(k)}: cần một số từ 1 đến 10.`,
      `outlierK (outlier threshold) = ${String(k)}: expected a number from 1 to 10.`,
    );
  if (s.minMembers > s.maxMembers)
    throw bad("minMembers lớn hơn maxMembers.", "minMembers is greater than maxMembers.");
  if (s.minAge >= s.maxAge)
    throw bad("minAge phải nhỏ hơn maxAge.", "minAge must be less than maxAge.");
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
    if (!(key in base))
      throw bad(
        `${source}: "${key}" không phải một thiết lập.`,
        `${source}: "${key}" is not a setting.`,
      );
    const expected = typeof base[key as keyof Settings];
    if (typeof value !== expected)
      throw bad(
        `${source}: "${key}" cần kiểu ${expected}.`,
        `${source}: "${key}" must be a ${expected}.`,
      );
    merged[key] = value;
  }
  return validateSettings(merged as unknown as Settings);
}
