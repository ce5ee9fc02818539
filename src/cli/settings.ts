import { readFileSync } from "node:fs";
import { Mapping, validateMapping } from "../core/check/mapping";
import { validateSettings } from "../core/check/validate-settings";
import { DEFAULT_SETTINGS, Settings } from "../core/model/settings";
import { ParsedArgs, UsageError } from "./args";

/** Today as YYYY-MM-DD in local time: the default reference date of a check. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * Settings from the defaults, then a JSON file (`--settings FILE`, any threshold by name), then
 * the explicit options (`--as-of`, `--lang`, `--age-line`).
 */
export function settingsFrom(args: ParsedArgs): Settings {
  let fromFile: Partial<Record<keyof Settings, unknown>> = {};
  const file = args.options.get("settings");
  if (file !== undefined) {
    try {
      fromFile = JSON.parse(readFileSync(file, "utf8")) as typeof fromFile;
      if (typeof fromFile !== "object" || fromFile === null || Array.isArray(fromFile)) {
        throw new Error("cần một đối tượng JSON / expected a JSON object");
      }
    } catch (e) {
      throw new UsageError(
        `--settings ${file}: không đọc được / cannot be read (${(e as Error).message})`,
      );
    }
  }
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS, asOf: today() };
  for (const [key, value] of Object.entries(fromFile)) {
    if (!(key in DEFAULT_SETTINGS))
      throw new UsageError(`--settings: "${key}" không phải một thiết lập / is not a setting`);
    const expected = typeof DEFAULT_SETTINGS[key as keyof Settings];
    if (typeof value !== expected)
      throw new UsageError(`--settings: "${key}" cần kiểu ${expected} / must be a ${expected}`);
    merged[key] = value;
  }
  const asOf = args.options.get("as-of");
  if (asOf !== undefined) merged["asOf"] = asOf;
  const lang = args.options.get("lang");
  if (lang !== undefined) {
    if (lang !== "vi" && lang !== "en")
      throw new UsageError(`--lang ${lang}: cần vi hoặc en / expected vi or en`);
    merged["lang"] = lang;
  }
  const ageLine = args.options.get("age-line");
  if (ageLine !== undefined) {
    const n = Number(ageLine);
    if (!Number.isInteger(n))
      throw new UsageError(
        `--age-line ${ageLine}: cần một số tuổi (60, 55) / expected an age (60, 55)`,
      );
    merged["ageLine"] = n;
  }
  return validateSettings(merged as unknown as Settings);
}

/** The column mapping of `--mapping FILE` (JSON, by sheet name), checked; none by default. */
export function mappingFrom(args: ParsedArgs): Mapping {
  const file = args.options.get("mapping");
  if (file === undefined) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(
      `--mapping ${file}: không đọc được / cannot be read (${(e as Error).message})`,
    );
  }
  return validateMapping(raw);
}
