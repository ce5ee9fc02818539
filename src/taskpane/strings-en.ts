/** The pane's English text, shown when Office's display language is English. */
import { SETTINGS_SCHEMA } from "../core/model/settings";
import { STATE_LABEL, STATUS_LABEL } from "../core/review/labels";
import { ACTIONS, VERDICT, sourceText, summaryText } from "../core/text/glossary";
import { countOf, formatCount, rowList, shortHeader } from "./number-text";
import type { MergeStrings, PageText, ReviewStrings, RibbonStrings, Strings } from "./strings";

/** Unread columns named one by one; the rest are counted, so the line fits a narrow pane. */
const UNREAD_SHOWN = 10;

export const en: Strings = {
  title: "ISHC Check — Intergenerational self-help club checker",
  intro:
    "ISHC Check compares an intergenerational self-help club's registers (members, funds, " +
    "activities) with the programme's criteria and points out the cells to fix.",
  hostLabel: "Running",
  hostExcel: (platform) => `Inside Excel (${platform})`,
  hostFile: "File mode (outside Excel)",
  hostFileHint: "This page is open in a browser, not inside Excel.",
  loading: "Loading…",
  loadFailed: "File mode could not be loaded",
  openFile: "Open .xlsx file",
  fileInputLabel: "The .xlsx file to check",
  noFile: "No file chosen.",
  asOf: SETTINGS_SCHEMA.asOf.label.en,
  ageLine: SETTINGS_SCHEMA.ageLine.label.en,
  ageLineOption: (age) => `From ${age}`,
  check: "Check",
  stages: { reading: "Reading the file…", checking: "Checking…", writing: "Writing…" },
  failedTitle: "The file could not be checked",
  summary: (s) => summaryText(s, "en"),
  download: "Download checked workbook",
  clubsHeading: "Clubs",
  columns: {
    id: "Club id",
    name: "Name",
    unit: "Unit",
    members: "Members",
    women: "Women",
    older: "Older",
    younger: "Younger",
    borrowers: "Borrowers",
    verdict: "Verdict",
    failed: "Failed criteria",
  },
  pass: VERDICT.pass.en,
  fail: VERDICT.fail.en,
  failing: "failing",
  noValue: "—",
  rowsShown: (shown, total) =>
    `Showing the first ${formatCount(shown, "en")} of ${countOf(total, "club")}; the checked workbook has them all.`,
  findingsHeading: "Findings",
  noFindings: "No findings.",
  severity: { error: "errors", warning: "warnings", info: "notes" },
  language: "Language",
  languageNames: { vi: "Tiếng Việt", en: "English" },
  actions: {
    check: ACTIONS.check.en,
    appendix: ACTIONS.appendix.en,
    clear: ACTIONS.clear.en,
    template: ACTIONS.template.en,
  },
  actionHints: {
    check: "Check the open workbook, highlight failing cells and write the three result sheets.",
    appendix: "Write only the roadmap appendix sheet (highlights stay as they are).",
    clear: "Remove the cells ISHC Check highlighted; your own formats stay.",
    template: "Add the missing template sheets CLB, Thành viên, Quỹ, Lộ trình.",
  },
  cancel: "Cancel",
  excelStages: {
    reading: "Reading the workbook…",
    checking: "Checking…",
    writing: "Writing the results into the workbook…",
  },
  writingNoCancel: "Writing the results into the workbook: this can no longer be cancelled.",
  actionFailed: {
    check: "The check could not run",
    appendix: "The appendix could not be built",
    clear: "The highlights could not be cleared",
    template: "The template could not be created",
  },
  appendixDone: (sheet) => `Appendix written to sheet "${sheet}".`,
  cleared: (count) =>
    count === 0
      ? "No cells were highlighted by ISHC Check."
      : `Removed ${countOf(count, "highlight rule")} of ISHC Check.`,
  templateDone: (created, skipped, perClub) =>
    [
      created.length > 0 ? `Added: ${created.join(", ")}.` : "No sheet added.",
      skipped.length > 0 ? `Already there, left as they are: ${skipped.join(", ")}.` : "",
      perClub.length > 0
        ? `No "Thành viên" sheet added: the workbook lists members one sheet per club (${perClub.join(", ")}).`
        : "",
    ]
      .filter((s) => s !== "")
      .join(" "),
  goToCell: (sheet, cell) => `Go to cell ${cell} of sheet ${sheet}`,
  selectFailed: (sheet, cell) =>
    `Could not select ${sheet}!${cell} (was the sheet renamed or deleted?).`,
  settingsHeading: "Settings",
  settingsStoredHint:
    "Settings are stored in the workbook and used by the ribbon's Check club too.",
  asOfToday: "Count to today",
  percentHint: "Enter a percentage, for example 60.",
  saveSettings: "Save in workbook",
  resetSettings: "Restore defaults",
  settingsSaved: "Settings saved in the workbook.",
  layoutHeading: "How the workbook was read",
  roles: { clubs: "Club list", members: "Members", funds: "Funds", roadmap: "Roadmap" },
  layoutSheet: (sheet, role) => `Sheet "${sheet}": ${role}`,
  layoutHeaderRows: (rows) => `Header rows: ${rowList(rows, "en")}`,
  layoutCounts: (data, blank, totals) =>
    `${formatCount(data, "en")} data rows, ${formatCount(blank, "en")} blank rows` +
    (totals.length > 0 ? `, total rows ${rowList(totals, "en")} skipped` : ""),
  layoutColumn: "Column",
  layoutHeader: "Header in the workbook",
  layoutField: "Read as",
  layoutAmbiguous: (field, columns) => `"${field}" could be column ${columns.join(" or ")}`,
  layoutUnread: (columns) => {
    const shown = columns.slice(0, UNREAD_SHOWN).map((c) => `${c.column} ${shortHeader(c.header)}`);
    const more = columns.length - shown.length;
    return (
      `${columns.length === 1 ? "Column" : "Columns"} not read: ${shown.join(", ")}` +
      (more > 0 ? ` and ${formatCount(more, "en")} more` : "")
    );
  },
  layoutSections: (rows) =>
    rows.length === 1
      ? `1 club section row (row ${rowList(rows, "en")})`
      : `${formatCount(rows.length, "en")} club section rows (rows ${rowList(rows, "en")})`,
  layoutSectionsUnknown: (rows) =>
    rows.length === 1
      ? `A section row names no club of the club list: row ${rowList(rows, "en")}; the members under it are not counted.`
      : `Section rows naming no club of the club list: rows ${rowList(rows, "en")}; the members under them are not counted.`,
  fixMapping: "Pick columns",
  mappingHeading: (sheet) => `Pick the columns of sheet "${sheet}"`,
  mappingIntro:
    "ISHC Check is not sure which column is which. Pick the header row and the column of each field; the choice is stored in the workbook.",
  mappingRole: "This sheet is",
  mappingHeaderRow: "Header row",
  mappingNone: "(none)",
  mappingPreview: "The first rows of the sheet",
  mappingSave: "Save and check again",
  mappingClose: "Close",
  mappingSheet: "Sheet",
  mappingStored: (count) => `Using the stored column choices for ${countOf(count, "sheet")}.`,
  mappingForget: "Forget the stored column choices",
  fileMappingIntro:
    "ISHC Check is not sure which column is which in this file. Pick the header row and the column of each field; the choice is kept for this file while the page is open (the file is not changed) and used by every later check.",
  fileMappingSave: "Use for this file and check again",
  fileMappingKept: (sheets) =>
    `Using your column choices for ${countOf(sheets, "sheet")} of this file.`,
  fileMappingForget: "Forget the column choices",
};

/** "Gộp tệp": merging the districts' files. */
export const mergeEn: MergeStrings = {
  open: "Merge files",
  openHint: "Merge the districts' registers into one provincial workbook, then check the province.",
  close: "Close",
  heading: "Merge district files",
  intro:
    "Pick the districts' .xlsx files (you can pick more than once). Every club, member and fund goes into one workbook, each row naming its source file; the appendix and the results are the province's.",
  pick: "Pick .xlsx files",
  inputLabel: "Files to merge",
  none: "No file picked yet.",
  clear: "Clear the list",
  listLabel: "Files picked",
  merge: "Merge files",
  fileStage: (i, n, name) => `Reading file ${i + 1}/${n}: ${name}…`,
  checkStage: "Checking the province…",
  writeStage: "Writing the provincial workbook…",
  cancel: "Cancel",
  cancelled: "Merge cancelled.",
  failed: "Could not merge",
  sourcesHeading: "Files merged",
  source: (s) => sourceText(s, "en"),
  download: "Download the provincial workbook",
  openInExcel: "Open in Excel",
  openedInExcel: "The provincial workbook opened in a new Excel window.",
  openFailed: (reason) => `Could not open it in Excel: ${reason}. Download the file instead.`,
  fixColumns: "Pick columns",
  fixColumnsOf: (file, sheet) =>
    sheet === undefined
      ? `Pick columns of file "${file}"`
      : `Pick columns of file "${file}", sheet "${sheet}"`,
  mappingHeading: (file, sheet) => `Pick the columns of sheet "${sheet}" in file "${file}"`,
  mappingIntro:
    "ISHC Check is not sure which column is which in this file. Pick the header row and the column of each field; the choice is kept for this file while merging (the file is not changed) and used by every later merge.",
  mappingSave: "Use for this file and merge again",
  mapped: (n) => `columns picked for ${countOf(n, "sheet")}`,
  forget: "Forget columns",
  forgetMapping: (file) => `Forget columns of file "${file}"`,
  ambiguousHeading: "Columns not sure",
  ambiguousFile: (file, sheet, fields) =>
    `${file}, sheet "${sheet}": not sure which column is ${fields.map((f) => `"${f}"`).join(", ")}`,
};

/** The review trail's words in the pane. */
export const reviewEn: ReviewStrings = {
  filterLabel: "Filter by review status",
  filters: {
    all: "All but resolved",
    new: `${STATE_LABEL.new.en} (this check)`,
    open: STATUS_LABEL.open.en,
    mustFix: STATUS_LABEL.mustFix.en,
    accepted: STATUS_LABEL.accepted.en,
    fixed: STATUS_LABEL.fixed.en,
    other: "Other status",
    resolved: `${STATE_LABEL.resolved.en} (no longer found)`,
  },
  statusOf: (where) => `Review status: ${where}`,
  newBadge: STATE_LABEL.new.en,
  reappearedBadge: STATE_LABEL.reappeared.en,
  noneMatch: "No finding has this status.",
  resolvedOn: (day) => `resolved on ${day}`,
  firstSeen: (day) => `first found ${day}`,
  reviewedOn: (day) => `reviewed on ${day}`,
  saved: (status) => `"${status}" written to the findings sheet.`,
  savedInCopy: (status) =>
    `"${status}" written to the checked copy's findings sheet: download the copy to keep it.`,
  saveFailed: (reason) => `The status was not written: ${reason}`,
  note: "Note",
};

/** The ribbon dialog page. */
export const dialogEn: PageText = {
  title: { done: "Check result", failed: "The check could not run" },
  close: "Close",
  empty: "No message.",
};

/** The ribbon button's dialog. */
export const ribbonEn: RibbonStrings = {
  summary: ({ clubs, compliant, findings: f }) =>
    `${summaryText({ clubs, compliant, errors: f.error, warnings: f.warning, info: f.info }, "en")}.`,
  seeSheets: (sheets) => `See the sheets: ${sheets.join(", ")}.`,
  checkFailed: "The check failed",
  engineNotLoaded:
    "The checking part of ISHC Check could not be loaded. Check the network connection and " +
    "click again; this command also needs Microsoft 365 or Office 2021 or later, Excel on " +
    "the web or Excel for Mac.",
  cellEditing:
    "Excel is editing a cell, so the check could not run. Press Enter or Esc to finish editing the " +
    "cell, then click Check club again. The workbook was not changed.",
  newerExcel:
    "The Check club button needs a newer Excel: Microsoft 365 or Office 2021 or later, Excel on " +
    "the web or Excel for Mac. This version of Excel (such as Office 2019) cannot run the checking " +
    "part of ISHC Check. The workbook was not changed.",
  timeLimit:
    "This workbook is large: the ribbon button cannot finish checking it within the time Office " +
    "gives a command (about 5 minutes), so it stopped before writing: the workbook was not " +
    "changed.\nClick Open pane (ISHC Check group on the Home tab), then Check club in the " +
    "pane: the pane has no such limit.",
};
