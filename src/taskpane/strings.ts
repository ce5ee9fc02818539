import { en } from "./strings-en";
import { vi } from "./strings-vi";

/**
 * The pane's text, one object per language (strings-vi.ts, strings-en.ts). Vietnamese is the default: the add-in is for club
 * officers in Vietnam. English is shown when Office's display language is English.
 */

export type Language = "vi" | "en";

export interface Strings {
  readonly title: string;
  readonly intro: string;
  readonly hostLabel: string;
  readonly hostExcel: (platform: string) => string;
  readonly hostFile: string;
  readonly hostFileHint: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly openFile: string;
  readonly fileInputLabel: string;
  readonly noFile: string;
  readonly asOf: string;
  readonly ageLine: string;
  readonly ageLineOption: (age: number) => string;
  readonly check: string;
  readonly stages: Readonly<Record<"reading" | "checking" | "writing", string>>;
  readonly failedTitle: string;
  readonly summary: (s: SummaryFigures) => string;
  readonly download: string;
  readonly clubsHeading: string;
  readonly columns: Readonly<Record<ClubColumn, string>>;
  readonly pass: string;
  readonly fail: string;
  readonly failing: string;
  readonly noValue: string;
  readonly rowsShown: (shown: number, total: number) => string;
  readonly findingsHeading: string;
  readonly noFindings: string;
  readonly severity: Readonly<Record<"error" | "warning" | "info", string>>;
  readonly language: string;
  readonly languageNames: Readonly<Record<Language, string>>;
  readonly actions: Readonly<Record<PaneAction, string>>;
  readonly actionHints: Readonly<Record<PaneAction, string>>;
  readonly cancel: string;
  readonly excelStages: Readonly<Record<"reading" | "checking" | "writing", string>>;
  readonly writingNoCancel: string;
  readonly actionFailed: Readonly<Record<PaneAction, string>>;
  readonly appendixDone: (sheet: string) => string;
  readonly cleared: (count: number) => string;
  readonly templateDone: (
    created: readonly string[],
    skipped: readonly string[],
    perClub: readonly string[],
  ) => string;
  readonly goToCell: (sheet: string, cell: string) => string;
  readonly selectFailed: (sheet: string, cell: string) => string;
  readonly unexpected: (reason: string) => string;
  readonly settingsHeading: string;
  readonly settingsStoredHint: string;
  readonly asOfToday: string;
  readonly settingLabels: Readonly<Record<EditableSetting, string>>;
  readonly percentHint: string;
  /** Under the outlier threshold: what the number means. */
  readonly outlierHint: string;
  readonly saveSettings: string;
  readonly resetSettings: string;
  readonly settingsSaved: string;
  readonly layoutHeading: string;
  readonly roles: Readonly<Record<"clubs" | "members" | "funds" | "roadmap", string>>;
  readonly layoutSheet: (sheet: string, role: string) => string;
  readonly layoutHeaderRows: (rows: readonly number[]) => string;
  readonly layoutCounts: (data: number, blank: number, totals: readonly number[]) => string;
  readonly layoutColumn: string;
  readonly layoutHeader: string;
  readonly layoutField: string;
  readonly layoutAmbiguous: (field: string, columns: readonly string[]) => string;
  readonly fixMapping: string;
  readonly mappingHeading: (sheet: string) => string;
  readonly mappingIntro: string;
  readonly mappingRole: string;
  readonly mappingHeaderRow: string;
  readonly mappingNone: string;
  readonly mappingPreview: string;
  readonly mappingSave: string;
  readonly mappingClose: string;
  readonly mappingSheet: string;
  readonly mappingStored: (count: number) => string;
  readonly mappingForget: string;
}

/** The task pane's actions inside Excel. */
export type PaneAction = "check" | "appendix" | "clear" | "template";

/** The settings the pane lets the user change (the rest keep the plan's values). */
export type EditableSetting =
  | "ageLine"
  | "minMembers"
  | "maxMembers"
  | "womenMin"
  | "womenMax"
  | "olderMin"
  | "olderMax"
  | "youngerMin"
  | "youngerMax"
  | "borrowersMin"
  | "activeShareMin"
  | "fundShareMin"
  | "outlierK";

export interface SummaryFigures {
  readonly clubs: number;
  readonly compliant: number;
  readonly errors: number;
  readonly warnings: number;
}

export type ClubColumn =
  | "id"
  | "name"
  | "unit"
  | "members"
  | "women"
  | "older"
  | "younger"
  | "borrowers"
  | "verdict"
  | "failed";

export const strings: Readonly<Record<Language, Strings>> = { vi, en };

/** English when the display language is English (en, en-US, en-GB, …), Vietnamese otherwise. */
export function languageFor(displayLanguage: string | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "vi";
}
