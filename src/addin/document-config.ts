/**
 * The add-in's settings and column mapping, kept in the workbook itself (Office's document
 * settings: a part of the .xlsx that travels with the file), so that the ribbon command, the pane
 * and whoever opens the file next all check with the same thresholds and the same corrections.
 */
import { carriedText } from "../core/model/error-text";
import { Mapping, validateMapping } from "../core/check/mapping";
import { overrideSettings } from "../core/check/validate-settings";
import { InputError } from "../core/model/errors";
import { LocalText, say } from "../core/model/i18n";
import { DEFAULT_SETTINGS, Settings } from "../core/model/settings";

/** The part of Office.Settings the add-in uses; tests pass an in-memory one. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: SaveResult) => void): void;
  /** Re-reads the settings as last saved in the document (Office.Settings.refreshAsync). */
  refreshAsync?(callback?: (result: SaveResult) => void): void;
}

export interface SaveResult {
  /** Office.AsyncResultStatus: "succeeded" or "failed" at run time. */
  readonly status: unknown;
  readonly error?: { readonly message?: string } | null;
}

/** Settings the user changed from the defaults, and the mapping the user confirmed. */
export interface AddinConfig {
  /** Only what differs from the defaults; no `asOf` means "today" on every check. */
  readonly settings: Readonly<Partial<Settings>>;
  readonly mapping: Mapping;
}

export const CONFIG_KEY = "ishc.config";
const CONFIG_VERSION = 1;

export const EMPTY_CONFIG: AddinConfig = { settings: {}, mapping: {} };

export interface LoadedConfig {
  readonly config: AddinConfig;
  /** Why the stored configuration was set aside, when it could not be used. */
  readonly problem?: LocalText;
}

/**
 * The stored configuration, checked as strictly as a settings file. A configuration that cannot
 * be used (written by a newer version, or edited by hand) is set aside with a message rather than
 * half-applied: the defaults are used and the user is told.
 */
export function readConfig(doc: DocumentSettings): LoadedConfig {
  const raw = doc.get(CONFIG_KEY);
  if (raw === null || raw === undefined) return { config: EMPTY_CONFIG };
  try {
    const stored = (typeof raw === "string" ? JSON.parse(raw) : raw) as Record<string, unknown>;
    if (typeof stored !== "object" || stored === null || stored["version"] !== CONFIG_VERSION)
      throw new InputError(
        "bad-setting",
        say(
          `phiên bản ${String(stored?.["version"])}, cần ${CONFIG_VERSION}.`,
          `version ${String(stored?.["version"])}, expected ${CONFIG_VERSION}.`,
        ),
      );
    const settings = (stored["settings"] ?? {}) as Partial<Settings>;
    // Validated against the defaults so that a bad stored value is caught here, not mid-check.
    overrideSettings(DEFAULT_SETTINGS, settings, CONFIG_KEY);
    const mapping = validateMapping(stored["mapping"] ?? {});
    return { config: { settings, mapping } };
  } catch (e) {
    const why = carriedText(e) ?? say("không phải JSON hợp lệ", "not valid JSON");
    return {
      config: EMPTY_CONFIG,
      problem: say(
        `Thiết lập lưu trong sổ không dùng được (${why.vi}); đang dùng mặc định.`,
        `The settings stored in the workbook cannot be used (${why.en}); using the defaults.`,
      ),
    };
  }
}

/**
 * Brings this runtime's copy of the document settings up to date. The ribbon command and the pane
 * run in separate runtimes, each with the copy it loaded at start: without this, a command page
 * loaded before the pane saved new thresholds would check with the old ones. A failed refresh
 * leaves the copy as it was (the check then uses what this runtime has).
 */
export function refreshConfig(doc: DocumentSettings): Promise<void> {
  return new Promise((resolve) => {
    if (!doc.refreshAsync) return resolve();
    try {
      doc.refreshAsync(() => resolve());
    } catch {
      resolve();
    }
  });
}

/** Stores the configuration in the document and saves the document settings. */
export function writeConfig(doc: DocumentSettings, config: AddinConfig): Promise<void> {
  overrideSettings(DEFAULT_SETTINGS, config.settings, CONFIG_KEY);
  validateMapping(config.mapping);
  doc.set(
    CONFIG_KEY,
    JSON.stringify({ version: CONFIG_VERSION, settings: config.settings, mapping: config.mapping }),
  );
  return new Promise((resolve, reject) => {
    doc.saveAsync((result) => {
      if (String(result.status) === "failed")
        reject(
          new InputError(
            "bad-setting",
            say(
              `Không lưu được thiết lập vào sổ: ${result.error?.message ?? "lỗi không rõ"}.`,
              `Could not save the settings in the workbook: ${result.error?.message ?? "unknown error"}.`,
            ),
          ),
        );
      else resolve();
    });
  });
}

/**
 * The settings of one check: defaults, then the stored changes, then the day and the language of
 * this run. Without a stored reference date the check counts to `today`.
 */
export function settingsOf(config: AddinConfig, today: string, lang: Settings["lang"]): Settings {
  return overrideSettings(
    { ...DEFAULT_SETTINGS, asOf: today },
    { ...config.settings, lang },
    CONFIG_KEY,
  );
}
