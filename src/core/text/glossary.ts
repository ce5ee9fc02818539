/**
 * The product's words, in code: docs/glossary.md lists the same terms (a test keeps them equal),
 * and the generated sheets, the findings' messages, the command line and the pane take their key
 * words from here, so that they cannot drift apart ("Chưa đạt" in the pane and "Không đạt" in a
 * sheet). Vietnamese first; English second. Plain data and small sentence helpers only.
 */
import type { Severity } from "../model/finding";
import { Lang, LocalText, say } from "../model/i18n";
import { STATE_LABEL, STATUS_LABEL } from "../review/labels";
import { countOf, formatCount } from "./numbers";

/** A club's or a unit's verdict against the plan's criteria. Never "Không đạt". */
export const VERDICT = {
  pass: say("Đạt", "Pass"),
  fail: say("Chưa đạt", "Fail"),
} as const satisfies Record<string, LocalText>;

/**
 * A finding's severity as a label (a sheet's cell, a heading). "info" is a note in English ("3
 * notes"), as the pane counts it; a trail that says "Info" is still read (its key is "info").
 */
export const SEVERITY_LABEL: Readonly<Record<Severity, LocalText>> = {
  error: say("Lỗi", "Error"),
  warning: say("Cảnh báo", "Warning"),
  info: say("Thông tin", "Note"),
};

/** The nouns of the domain, as they are written inside sentences. */
export const TERMS = {
  club: say("CLB", "club"),
  member: say("thành viên", "member"),
  older: say("người cao tuổi", "older people"),
  younger: say("người trẻ tuổi", "younger people"),
  women: say("nữ", "women"),
  hardship: say("hoàn cảnh khó khăn", "hardship"),
  borrowers: say("được vay vốn", "borrowers"),
  fund: say("quỹ", "fund"),
  operatingFund: say("quỹ hoạt động", "operating fund"),
  regulation: say("quy chế quản lý quỹ", "fund regulation"),
  roadmap: say("lộ trình", "roadmap"),
  unit: say("đơn vị", "unit"),
  criterion: say("tiêu chí", "criterion"),
  finding: say("phát hiện", "finding"),
  rule: say("quy tắc", "rule"),
  error: say("lỗi", "error"),
  warning: say("cảnh báo", "warning"),
  info: say("thông tin", "note"),
  asOf: say("ngày báo cáo", "reference date"),
  reviewStatus: say("trạng thái xem xét", "review status"),
  implausible: say("không hợp lý", "implausible"),
  unreadable: say("không đọc được", "cannot be read"),
} as const satisfies Record<string, LocalText>;

/** The names of what the user can do, as on the buttons (pane and ribbon). */
export const ACTIONS = {
  check: say("Kiểm tra CLB", "Check club"),
  appendix: say("Lập phụ lục", "Build appendix"),
  clear: say("Xóa đánh dấu", "Clear highlights"),
  template: say("Tạo mẫu", "Create template"),
  merge: say("Gộp tệp", "Merge files"),
  pickColumns: say("Chọn cột", "Pick columns"),
  openPane: say("Mở bảng", "Open pane"),
} as const satisfies Record<string, LocalText>;

/** Canonical names of the generated sheets (docs/workbook-format.md): the same in every language. */
export const GENERATED_NAMES = {
  results: "Kết quả CLB",
  appendix: "Phụ lục",
  findings: "Danh sách lỗi",
} as const;

/** What each generated sheet is, in English (its name is Vietnamese in both languages). */
export const GENERATED_SHEETS = {
  results: say(GENERATED_NAMES.results, "club results"),
  appendix: say(GENERATED_NAMES.appendix, "the plan's appendix with progress"),
  findings: say(GENERATED_NAMES.findings, "findings and their review"),
} as const satisfies Record<string, LocalText>;

/** The review trail's words (src/core/review/labels.ts), listed here with the rest. */
export const REVIEW_WORDS = {
  ...STATUS_LABEL,
  new: STATE_LABEL.new,
  still: STATE_LABEL.still,
  resolved: STATE_LABEL.resolved,
  reappeared: STATE_LABEL.reappeared,
} as const satisfies Record<string, LocalText>;

/**
 * Words and phrases not to write, with what to write instead. Scanned for in the Vietnamese texts
 * of the pane, the core, the command line and the dialog (test/core/glossary.test.ts).
 */
export const AVOID_VI: readonly { readonly avoid: string; readonly use: string }[] = [
  { avoid: "Không đạt", use: "Chưa đạt" },
  { avoid: "Phát hiện theo quy tắc", use: "Các phát hiện" },
  { avoid: "Tất cả đang có", use: "Tất cả, trừ đã hết" },
  { avoid: "Ghi khác", use: "Trạng thái khác" },
  { avoid: "Chế độ tệp", use: "Kiểm tra tệp trên trình duyệt" },
  { avoid: "ngày tham chiếu", use: "ngày báo cáo" },
  { avoid: "xoá", use: "xóa" },
  { avoid: "hội viên", use: "thành viên" },
  { avoid: "người già", use: "người cao tuổi" },
];

/** The same for the English texts. */
export const AVOID_EN: readonly { readonly avoid: string; readonly use: string }[] = [
  { avoid: "(s)", use: "a plural by count: 1 sheet, 2 sheets" },
  { avoid: "Findings by rule", use: "Findings" },
  { avoid: "elderly", use: "older people" },
];

/** A count with its noun in each language: "13.924 lỗi" / "13,924 errors", "1 error". */
export const countText = (n: number, noun: LocalText, enPlural?: string): LocalText =>
  say(`${formatCount(n, "vi")} ${noun.vi}`, countOf(n, noun.en, enPlural));

/** "13.924 lỗi" / "13,924 errors", "1 warning", "2 notes". */
export const severityCount = (n: number, severity: Severity): LocalText =>
  countText(n, TERMS[severity]);

/** The figures of a check's summary line. */
export interface SummaryCounts {
  readonly clubs: number;
  readonly compliant: number;
  readonly errors: number;
  readonly warnings: number;
  /** Left out of the line when undefined. */
  readonly info?: number;
}

/** The summary's counts from a report's summary (clubs, compliant, findings by severity). */
export function countsOf(summary: {
  readonly clubs: number;
  readonly compliant: number;
  readonly findings: { readonly error: number; readonly warning: number };
}): SummaryCounts {
  return {
    clubs: summary.clubs,
    compliant: summary.compliant,
    errors: summary.findings.error,
    warnings: summary.findings.warning,
  };
}

/**
 * The one summary line of a check, for the pane, the ribbon's dialog and the command line:
 * "12/220 CLB đạt; 13.924 lỗi, 5 cảnh báo" / "12/220 clubs pass; 13,924 errors, 5 warnings".
 */
export function summaryText(s: SummaryCounts, lang: Lang): string {
  const parts = [severityCount(s.errors, "error"), severityCount(s.warnings, "warning")];
  if (s.info !== undefined) parts.push(severityCount(s.info, "info"));
  const list = parts.map((p) => p[lang]).join(", ");
  return lang === "vi"
    ? `${formatCount(s.compliant, "vi")}/${formatCount(s.clubs, "vi")} CLB đạt; ${list}`
    : // The verb agrees with the fraction's noun: "12/220 clubs pass", "1/1 club passes".
      `${formatCount(s.compliant, "en")}/${countOf(s.clubs, "club")} ${s.clubs === 1 ? "passes" : "pass"}; ${list}`;
}

/** What one merged file brought, as counted by the merge. */
export interface SourceCounts {
  readonly file: string;
  readonly clubs: number;
  readonly members: number;
  readonly funds: number;
  readonly roadmapUnits: number;
}

/**
 * One merged file's line, for the pane and the command line: "Can Loc.xlsx: 12 CLB, 1.234 thành
 * viên, 12 dòng quỹ, 1 đơn vị lộ trình" / "…: 12 clubs, 1,234 members, 12 fund rows, 1 roadmap unit".
 */
export function sourceText(s: SourceCounts, lang: Lang): string {
  const parts = [
    countText(s.clubs, TERMS.club),
    countText(s.members, TERMS.member),
    countText(s.funds, say("dòng quỹ", "fund row")),
    countText(s.roadmapUnits, say("đơn vị lộ trình", "roadmap unit")),
  ];
  return `${s.file}: ${parts.map((p) => p[lang]).join(", ")}`;
}
