/**
 * Our generated sheets known again by what they hold, not only by their hidden tag. The tag (a
 * hidden sheet-scoped defined name) does not survive every program: ExcelJS and Google Sheets drop
 * sheet-scoped names, LibreOffice keeps them but makes them visible, and a checked copy saved by
 * any of them and checked again would otherwise get "Kết quả CLB (2)" beside the old sheets, read
 * the old appendix as a roadmap and lose the auditor's review. What other programs do on save
 * (styles and number formats changed, merged cells split, validations dropped, text and numbers
 * swapped, empty rows and columns added, a sheet renamed) changes none of what is read here: the
 * words of the title and header rows, and the form of the finding ids.
 *
 * A sheet is ours only on strong evidence, so that a user's sheet that merely shares a name or a
 * few words is never taken (and so never overwritten): most of a header row of ours, or several
 * of the appendix's own phrases. The tag still wins wherever it is present. Pure.
 */
import { GeneratedKind, RawRow, RawSheet, SheetInfo, someCell } from "../model/cells";
import { LocalText } from "../model/i18n";
import { foldedKey } from "../read/header-text";
import { HEADERS as RESULTS_HEADERS } from "../report/results-sheet";
import { GENERATED_NAMES } from "../report/labels";
import { CHART_LABELS } from "../report/roadmap-chart";
import { findTrailHeader, TrailColumn } from "../review/columns";
import { ROADMAP_YEARS } from "../sheets/specs";
import { cleanText } from "../text/normalize";

/** Rows searched for a title or header row (a reviewer may insert rows above the header). */
const HEAD_ROWS = 30;
/**
 * Rows searched for the appendix's progress table, which follows the plan table (one row per
 * unit: a province has a few dozen units at most).
 */
const APPENDIX_ROWS = 400;
/** Columns looked at in each row: ours are at most 13 (findings), 20 (results) or ~30 wide. */
const COLUMNS = 64;
/** Finding ids sampled below the findings sheet's header. */
const ID_SAMPLE = 200;

const both = (t: LocalText): string[] => [foldedKey(t.vi), foldedKey(t.en)];

/** The words of the results sheet's header row, either language. */
const RESULTS_WORDS: ReadonlySet<string> = new Set(RESULTS_HEADERS.flatMap(both));
/** Header cells that every results sheet of ours has: the club id and the verdict. */
const RESULTS_MUST: readonly (readonly string[])[] = [
  both(RESULTS_HEADERS[1]!),
  both(RESULTS_HEADERS[RESULTS_HEADERS.length - 2]!),
];
/** Of the 20 header cells, how many must be there (a column or two may be deleted or renamed). */
const RESULTS_MIN = 14;

/** The trail columns other than the id and the review: what a findings row says of a finding. */
const FINDING_COLUMNS: readonly TrailColumn[] = [
  "state",
  "rule",
  "severity",
  "sheet",
  "cell",
  "message",
];
/** A finding id: a rule ("member.sex", "club.women") then "|" and the record's key. */
const FINDING_ID = /^[a-z][A-Za-z]*(?:\.[A-Za-z0-9]+)+\|./;

/** The appendix's title, and the lines under it and above its second table, by their start. */
const APPENDIX_TITLE: readonly string[] = both({
  vi: "PHỤ LỤC — Lộ trình thành lập, nhân rộng mô hình câu lạc bộ",
  en: "APPENDIX — Roadmap for founding and replicating the clubs",
});
const APPENDIX_LINES: readonly (readonly string[])[] = [
  both({ vi: "Số liệu đến ngày", en: "Data as of" }),
  both({ vi: "(Nguồn:", en: "(Source:" }),
  both({ vi: "TIẾN ĐỘ THỰC HIỆN ĐẾN NGÀY", en: "PROGRESS TO" }),
];
/** The progress table's and the chart block's header cells (whole cells). */
const APPENDIX_HEADERS: ReadonlySet<string> = new Set([
  ...both({ vi: "Thực tế thành lập theo năm", en: "Founded per year (actual)" }),
  ...both({ vi: "Tỷ lệ CLB hoạt động đầy đủ", en: "Share of fully active clubs" }),
  ...both({ vi: "Tỷ lệ CLB có quỹ theo quy chế", en: "Share of clubs with a regulated fund" }),
  ...ROADMAP_YEARS.flatMap((y) => [
    ...both(CHART_LABELS.planHeader(y)),
    ...both(CHART_LABELS.actualHeader(y)),
  ]),
]);
/** Evidence needed: the title counts 2, each line under it 1, each distinctive header cell 1. */
const APPENDIX_MIN = 4;
/**
 * What only our appendix has: its progress table (the line above it and its own columns). A
 * user's roadmap may carry a title and a source line much like ours (the plan's appendix is so
 * titled) and is input, never to be taken: without the progress table a sheet is not ours.
 */
const PROGRESS_LINE = APPENDIX_LINES.length - 1;
const PROGRESS_HEADERS: ReadonlySet<string> = new Set([
  ...both({ vi: "Thực tế thành lập theo năm", en: "Founded per year (actual)" }),
  ...both({ vi: "Tỷ lệ CLB hoạt động đầy đủ", en: "Share of fully active clubs" }),
  ...both({ vi: "Tỷ lệ CLB có quỹ theo quy chế", en: "Share of clubs with a regulated fund" }),
]);

const textsOf = (row: RawRow | undefined): string[] => {
  const out: string[] = [];
  if (!row) return out;
  for (let c = 0; c < Math.min(row.length, COLUMNS); c++) {
    const v = row[c];
    if (typeof v !== "string") continue;
    const t = foldedKey(cleanText(v));
    if (t !== "") out.push(t);
  }
  return out;
};

function isFindings(rows: RawSheet["rows"]): boolean {
  const header = findTrailHeader(rows);
  if (!header) return false;
  const { columns } = header;
  const described = FINDING_COLUMNS.filter((c) => columns.has(c)).length;
  // The id, the review and at least half of what a row says of its finding.
  if (described < 3) return false;
  const idCol = columns.get("id")!;
  let ids = 0;
  let ours = 0;
  let filled = 0;
  const end = Math.min(rows.length, header.row0 + 1 + ID_SAMPLE);
  for (let r = header.row0 + 1; r < end; r++) {
    const row = rows.at(r);
    if (textsOf(row).length > 0 || someCell(row, (v) => typeof v === "number")) filled++;
    const id = cleanText(row?.[idCol]);
    if (id === "") continue;
    ids++;
    if (FINDING_ID.test(id)) ours++;
  }
  // A user's own list of errors has ids of its own. Every row of ours has its id: rows without
  // any are the user's (their own log with a few of our rows pasted in, or a template of theirs
  // with our headers and its id column blank), so most rows must have one of our ids; an empty
  // trail of ours (a check with no finding) has the whole header and nothing below it. A sheet
  // of ours that fails this is taken as the user's: kept, and ours written beside it.
  if (ids > 0) return ours * 2 >= ids && ids * 2 >= filled;
  return filled === 0 && described + 2 >= FINDING_COLUMNS.length;
}

function isResults(rows: RawSheet["rows"]): boolean {
  for (let r = 0; r < Math.min(rows.length, HEAD_ROWS); r++) {
    const cells = textsOf(rows.at(r));
    if (cells.length < RESULTS_MIN) continue;
    const named = new Set(cells.filter((t) => RESULTS_WORDS.has(t)));
    if (named.size >= RESULTS_MIN && RESULTS_MUST.every((m) => m.some((w) => named.has(w))))
      return true;
  }
  return false;
}

function isAppendix(rows: RawSheet["rows"]): boolean {
  let points = 0;
  let progress = false;
  const lines = new Set<number>();
  const headers = new Set<string>();
  for (let r = 0; r < Math.min(rows.length, APPENDIX_ROWS); r++) {
    for (const t of textsOf(rows.at(r))) {
      if (r < HEAD_ROWS && APPENDIX_TITLE.includes(t)) points += 2;
      APPENDIX_LINES.forEach((starts, i) => {
        if (starts.some((s) => t.startsWith(s))) lines.add(i);
      });
      if (APPENDIX_HEADERS.has(t)) headers.add(t);
      if (PROGRESS_HEADERS.has(t)) progress = true;
    }
    progress ||= lines.has(PROGRESS_LINE);
    if (progress && points + lines.size + headers.size >= APPENDIX_MIN) return true;
  }
  return false;
}

/**
 * Which of our generated sheets this sheet is by its content, or null when it is not one of ours
 * (or nothing says so). Looks at the top rows only, so a 300,000-row register costs little.
 */
export function generatedKindOf(sheet: RawSheet): GeneratedKind | null {
  const { rows } = sheet;
  if (isFindings(rows)) return "findings";
  if (isResults(rows)) return "results";
  if (isAppendix(rows)) return "appendix";
  return null;
}

/** The workbook's sheets with ours known by their content too. */
export interface RecognisedSheets {
  /** Every sheet, with `generated` set where the tag or, failing it, the content says ours. */
  readonly sheets: readonly SheetInfo[];
  /** The sheets known as ours by their content alone (no tag), by name: rewritten and re-tagged. */
  readonly byContent: ReadonlyMap<string, GeneratedKind>;
}

/**
 * Marks as ours the untagged sheets whose content is one of our generated sheets. The tag wins:
 * a tagged sheet keeps its kind (its content is not even looked at). A sheet the user's mapping
 * gives a role is the user's whatever it holds: the way out should this ever take a sheet wrongly.
 * `content` holds the cells of the untagged sheets (a sheet without content stays as it is).
 */
export function recogniseGenerated(
  sheets: readonly SheetInfo[],
  content: ReadonlyMap<string, RawSheet>,
  mapped: (name: string) => boolean = () => false,
): RecognisedSheets {
  const byContent = new Map<string, GeneratedKind>();
  const out = sheets.map((s): SheetInfo => {
    if (s.generated || mapped(s.name)) return s;
    const raw = content.get(s.name);
    const kind = raw ? generatedKindOf(raw) : null;
    if (!kind) return s;
    byContent.set(s.name, kind);
    return { ...s, generated: kind };
  });
  return { sheets: out, byContent };
}

/**
 * The earlier findings sheet whose review is carried: the tagged one; otherwise, of those known by
 * their content, the visible one under our name (the one this run rewrites), else the first
 * visible, else the first. Undefined when the workbook has none.
 */
export function previousFindingsSheet(
  sheets: readonly SheetInfo[],
  byContent: ReadonlyMap<string, GeneratedKind>,
): string | undefined {
  const all = sheets.filter((s) => s.generated === "findings");
  const tagged = all.find((s) => !byContent.has(s.name));
  const base = foldedKey(GENERATED_NAMES.findings);
  return (
    tagged ??
    all.find((s) => !s.hidden && foldedKey(s.name) === base) ??
    all.find((s) => !s.hidden) ??
    all[0]
  )?.name;
}
