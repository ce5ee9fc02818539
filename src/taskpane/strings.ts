import type { MessageKind } from "../dialog/message-url";
import type { ReviewFilter } from "./review/review-filter";
import { en, mergeEn, reviewEn } from "./strings-en";
import { mergeVi, reviewVi, vi } from "./strings-vi";

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
  readonly settingsHeading: string;
  readonly settingsStoredHint: string;
  readonly asOfToday: string;
  readonly percentHint: string;
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
  /** Headed columns no field reads: `Không đọc: D "Ghi chú", F "Dân tộc"`. */
  readonly layoutUnread: (columns: readonly UnreadColumn[]) => string;
  /** Section rows that give the members below them their club. */
  readonly layoutSections: (rows: readonly number[]) => string;
  /** Section rows naming no known club: their members are not counted. */
  readonly layoutSectionsUnknown: (rows: readonly number[]) => string;
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
  /** File mode: the column picker's choices are kept for the file in the page, not stored in it. */
  readonly fileMappingIntro: string;
  readonly fileMappingSave: string;
  readonly fileMappingKept: (sheets: number) => string;
  readonly fileMappingForget: string;
}

/** A column with a header that no field reads (SheetLayout.unread). */
export interface UnreadColumn {
  readonly column: string;
  readonly header: string;
}

/** The task pane's actions inside Excel. */
export type PaneAction = "check" | "appendix" | "clear" | "template";

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

/** The texts of "Gộp tệp" (merging district files), in both languages. */
export interface MergeStrings {
  readonly open: string;
  readonly openHint: string;
  readonly close: string;
  readonly heading: string;
  readonly intro: string;
  readonly pick: string;
  readonly inputLabel: string;
  readonly none: string;
  readonly clear: string;
  readonly listLabel: string;
  readonly merge: string;
  readonly fileStage: (index: number, total: number, name: string) => string;
  readonly checkStage: string;
  readonly writeStage: string;
  readonly cancel: string;
  readonly cancelled: string;
  readonly failed: string;
  readonly sourcesHeading: string;
  readonly source: (s: {
    file: string;
    clubs: number;
    members: number;
    funds: number;
    roadmapUnits: number;
  }) => string;
  readonly download: string;
  readonly openInExcel: string;
  readonly openedInExcel: string;
  readonly openFailed: (reason: string) => string;
  /** The column picker for one file's sheet. */
  readonly fixColumns: string;
  readonly fixColumnsOf: (file: string, sheet?: string) => string;
  readonly mappingHeading: (file: string, sheet: string) => string;
  readonly mappingIntro: string;
  readonly mappingSave: string;
  readonly mapped: (sheets: number) => string;
  readonly forget: string;
  readonly forgetMapping: (file: string) => string;
  readonly ambiguousHeading: string;
  readonly ambiguousFile: (file: string, sheet: string, fields: readonly string[]) => string;
}

export interface ReviewStrings {
  readonly filterLabel: string;
  readonly filters: Readonly<Record<ReviewFilter, string>>;
  /** The accessible name of one finding's status picker. */
  readonly statusOf: (where: string) => string;
  readonly newBadge: string;
  readonly reappearedBadge: string;
  readonly noneMatch: string;
  readonly resolvedOn: (day: string) => string;
  readonly firstSeen: (day: string) => string;
  readonly reviewedOn: (day: string) => string;
  readonly saved: (status: string) => string;
  /** File mode: the mark is in the checked copy, which the user still has to download. */
  readonly savedInCopy: (status: string) => string;
  readonly saveFailed: (reason: string) => string;
  readonly note: string;
}

/** The ribbon dialog page's own words (its message comes in its address). */
export interface PageText {
  readonly title: Readonly<Record<MessageKind, string>>;
  readonly close: string;
  readonly empty: string;
}

/** The ribbon button's figures for its summary. */
export interface RibbonSummary {
  readonly clubs: number;
  readonly compliant: number;
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
}

/** What the ribbon's Kiểm tra CLB button says in its dialog (commands/ribbon-message.ts). */
export interface RibbonStrings {
  readonly summary: (s: RibbonSummary) => string;
  readonly seeSheets: (sheets: readonly string[]) => string;
  /** Said before an unexpected error's reason. */
  readonly checkFailed: string;
  readonly engineNotLoaded: string;
  readonly cellEditing: string;
  readonly newerExcel: string;
  readonly timeLimit: string;
}

export const strings: Readonly<Record<Language, Strings>> = { vi, en };
export const mergeStrings: Readonly<Record<Language, MergeStrings>> = { vi: mergeVi, en: mergeEn };
export const reviewStrings: Readonly<Record<Language, ReviewStrings>> = {
  vi: reviewVi,
  en: reviewEn,
};

/** English when the display language is English (en, en-US, en-GB, …), Vietnamese otherwise. */
export function languageFor(displayLanguage: string | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "vi";
}
