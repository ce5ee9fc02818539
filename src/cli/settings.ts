import { readOptionFile } from "./files";
import { Mapping, validateMapping } from "../core/check/mapping";
import { overrideSettings } from "../core/check/validate-settings";
import { localIsoDay } from "../core/model/dates";
import { DEFAULT_SETTINGS, Settings } from "../core/model/settings";
import { ParsedArgs, UsageError } from "./args";

/** Today as YYYY-MM-DD in local time: the default reference date of a check. */
export const today = (now = new Date()): string => localIsoDay(now);

/**
 * Settings from the defaults, then a JSON file (`--settings FILE`, any threshold by name), then
 * the explicit options (`--as-of`, `--lang`, `--age-line`).
 */
export function settingsFrom(args: ParsedArgs): Settings {
  let fromFile: unknown = {};
  const file = args.options.get("settings");
  if (file !== undefined) {
    try {
      fromFile = JSON.parse(readOptionFile(file));
    } catch (e) {
      throw new UsageError(
        `--settings ${file}: không đọc được / cannot be read (${(e as Error).message})`,
      );
    }
  }
  const explicit: Record<string, unknown> = {};
  const asOf = args.options.get("as-of");
  if (asOf !== undefined) explicit["asOf"] = asOf;
  const lang = args.options.get("lang");
  if (lang !== undefined) {
    if (lang !== "vi" && lang !== "en")
      throw new UsageError(`--lang ${lang}: cần vi hoặc en / expected vi or en`);
    explicit["lang"] = lang;
  }
  const ageLine = args.options.get("age-line");
  if (ageLine !== undefined) {
    const n = Number(ageLine);
    if (!Number.isInteger(n))
      throw new UsageError(
        `--age-line ${ageLine}: cần một số tuổi (60, 55) / expected an age (60, 55)`,
      );
    explicit["ageLine"] = n;
  }
  const base = { ...DEFAULT_SETTINGS, asOf: today() };
  const fromSettingsFile = overrideSettings(base, fromFile, `--settings ${file ?? ""}`.trim());
  return overrideSettings(fromSettingsFile, explicit, "--as-of/--lang/--age-line");
}

/** The JSON of `--mapping FILE` as parsed, unchecked; a file that cannot be read is a usage error. */
export function readMappingJson(file: string): unknown {
  try {
    return JSON.parse(readOptionFile(file));
  } catch (e) {
    throw new UsageError(
      `--mapping ${file}: không đọc được / cannot be read (${(e as Error).message})`,
    );
  }
}

/** The column mapping of `--mapping FILE` (JSON, by sheet name), checked; none by default. */
export function mappingFrom(args: ParsedArgs): Mapping {
  const file = args.options.get("mapping");
  return file === undefined ? {} : validateMapping(readMappingJson(file));
}
