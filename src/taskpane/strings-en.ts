/** The pane's English text, shown when Office's display language is English. */
import type { Strings } from "./strings";

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
  asOf: "Reference date",
  ageLine: "Older people from age",
  ageLineOption: (age) => `From ${age}`,
  check: "Check",
  stages: { reading: "Reading the file…", checking: "Checking…", writing: "Writing…" },
  failedTitle: "The file could not be checked",
  summary: (s) =>
    `${s.compliant}/${s.clubs} clubs pass; ${s.errors} errors, ${s.warnings} warnings`,
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
  pass: "Pass",
  fail: "Fail",
  failing: "failing",
  noValue: "—",
  rowsShown: (shown, total) =>
    `Showing the first ${shown} of ${total} clubs; the checked workbook has them all.`,
  findingsHeading: "Findings by rule",
  noFindings: "No findings.",
  severity: { error: "errors", warning: "warnings", info: "info" },
  language: "Language",
  languageNames: { vi: "Tiếng Việt", en: "English" },
  actions: {
    check: "Check club",
    appendix: "Build appendix",
    clear: "Clear highlights",
    template: "Create template",
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
      : `Removed ${count} highlight rules of ISHC Check.`,
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
  unexpected: (reason) => `Unexpected error: ${reason}`,
  settingsHeading: "Settings",
  settingsStoredHint:
    "Settings are stored in the workbook and used by the ribbon's Check club too.",
  asOfToday: "Count to today",
  settingLabels: {
    ageLine: "Older people from age",
    minMembers: "Minimum members",
    maxMembers: "Maximum members (above: warning)",
    womenMin: "Minimum share of women (%)",
    womenMax: "Maximum share of women (%)",
    olderMin: "Minimum share of older people (%)",
    olderMax: "Maximum share of older people (%)",
    youngerMin: "Minimum share of younger people (%)",
    youngerMax: "Maximum share of younger people (%)",
    borrowersMin: "Minimum share of members borrowing (%)",
    activeShareMin: "Share of well-run clubs per unit (%)",
    fundShareMin: "Share of clubs with a fund and regulation per unit (%)",
    outlierK: "Outlier threshold (k)",
  },
  percentHint: "Enter a percentage, for example 60.",
  outlierHint:
    "Fund amounts, loans and ages more than k·MAD from the median get a warning; 1 to 10, default 3.5.",
  saveSettings: "Save in workbook",
  resetSettings: "Restore defaults",
  settingsSaved: "Settings saved in the workbook.",
  layoutHeading: "How the workbook was read",
  roles: { clubs: "Club list", members: "Members", funds: "Funds", roadmap: "Roadmap" },
  layoutSheet: (sheet, role) => `Sheet "${sheet}": ${role}`,
  layoutHeaderRows: (rows) => `Header rows: ${rows.join(", ")}`,
  layoutCounts: (data, blank, totals) =>
    `${data} data rows, ${blank} blank rows` +
    (totals.length > 0 ? `, total rows ${totals.join(", ")} skipped` : ""),
  layoutColumn: "Column",
  layoutHeader: "Header in the workbook",
  layoutField: "Read as",
  layoutAmbiguous: (field, columns) => `"${field}" could be column ${columns.join(" or ")}`,
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
  mappingStored: (count) => `Using the stored column choices for ${count} sheet(s).`,
  mappingForget: "Forget the stored column choices",
};
