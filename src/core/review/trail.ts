import { RawSheet } from "../model/cells";
import { Finding, Severity } from "../model/finding";
import { inLang, Lang } from "../model/i18n";
import { SEVERITY_LABEL } from "../report/labels";
import { cleanText, foldDiacritics } from "../text/normalize";
import { findTrailHeader, TrailColumn } from "./columns";
import { dayOfCell } from "./days";
import { isReviewed, parseState, parseStatus, StatusCell, TrailState } from "./status";

/**
 * The auditor's review trail: what an earlier findings sheet said about each finding id, merged
 * with this run's findings so that no mark is ever lost. Pure: the day of the run is given.
 */

/** What the auditor wrote about one finding. */
export interface ReviewMarks {
  readonly status: StatusCell;
  readonly note: string;
  /** ISO day, or null. */
  readonly reviewedOn: string | null;
}

export const NO_MARKS: ReviewMarks = { status: { kind: "blank" }, note: "", reviewedOn: null };

/** What a row of the findings sheet says of one finding, as read back or as to be written. */
interface TrailFields {
  readonly id: string;
  readonly rule: string;
  /** Our severity when the cell holds one of its labels. */
  readonly severity: Severity | null;
  /** The severity cell's text (kept for a resolved row whose label is not ours). */
  readonly severityText: string;
  readonly sheet: string;
  readonly cell: string;
  /** The message in the report's language (for a resolved row, the text last written). */
  readonly message: string;
  readonly marks: ReviewMarks;
  readonly firstSeen: string | null;
  readonly resolvedOn: string | null;
}

/** One row of an earlier findings sheet, as read back; its state, when the cell had one. */
export interface PreviousEntry extends TrailFields {
  readonly state: TrailState | null;
}

/** One row to write: a finding of this run, or one an earlier run found and this one did not. */
export interface TrailRow extends TrailFields {
  readonly state: TrailState;
  /** The current finding (absent for a resolved row). */
  readonly finding?: Finding;
}

export interface ReviewTrail {
  /** This run's findings, in the check's order, then the resolved ones. */
  readonly rows: readonly TrailRow[];
  readonly counts: { readonly current: number; readonly new: number; readonly resolved: number };
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const severityOf = (text: string): Severity | null => {
  const k = foldDiacritics(text).trim();
  return (
    SEVERITIES.find(
      (s) =>
        k === s ||
        k === foldDiacritics(SEVERITY_LABEL[s].vi) ||
        k === foldDiacritics(SEVERITY_LABEL[s].en),
    ) ?? null
  );
};

/**
 * Reads the trail of an earlier findings sheet, by finding id. The header row is found by its
 * words in either language anywhere in the top rows, and columns may stand in any order; data rows
 * may be sorted, filtered or interleaved with blank rows, since only the id ties a row to its
 * finding. A sheet written before the trail existed (status and note only) reads the same, with
 * no dates. When an id appears twice (a row copied by hand), the first row with marks wins.
 */
export function readPreviousTrail(sheet: RawSheet | null): Map<string, PreviousEntry> {
  const entries = new Map<string, PreviousEntry>();
  if (!sheet) return entries;
  const header = findTrailHeader(sheet.rows);
  if (!header) return entries;
  const { columns } = header;
  for (let r = header.row0 + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows.at(r);
    if (!row) continue;
    const raw = (c: TrailColumn) => {
      const i = columns.get(c);
      return i === undefined ? undefined : row[i];
    };
    const text = (c: TrailColumn) => cleanText(raw(c));
    const id = text("id");
    if (id === "") continue;
    const severityText = text("severity");
    const entry: PreviousEntry = {
      id,
      rule: text("rule"),
      severity: severityOf(severityText),
      severityText,
      sheet: text("sheet"),
      cell: text("cell"),
      message: text("message"),
      marks: {
        status: parseStatus(text("status")),
        note: text("note"),
        reviewedOn: dayOfCell(raw("reviewedOn")),
      },
      state: parseState(text("state")),
      firstSeen: dayOfCell(raw("firstSeen")),
      resolvedOn: dayOfCell(raw("resolvedOn")),
    };
    const old = entries.get(id);
    if (!old || (!hasMarks(old.marks) && hasMarks(entry.marks))) entries.set(id, entry);
  }
  return entries;
}

export const hasMarks = (m: ReviewMarks): boolean =>
  isReviewed(m.status) || m.note !== "" || m.reviewedOn !== null;

const isResolved = (e: PreviousEntry): boolean => e.state === "resolved" || e.resolvedOn !== null;

/**
 * Marks carried to this run. Marks first met by a run without a review day (typed into the sheet
 * by hand) are dated with the run's day: the latest day on which they can have been made.
 */
const carried = (m: ReviewMarks, checkedOn: string | null): ReviewMarks =>
  m.reviewedOn === null && checkedOn !== null && (isReviewed(m.status) || m.note !== "")
    ? { ...m, reviewedOn: checkedOn }
    : m;

/**
 * This run's findings with the marks of the earlier trail, then the findings the earlier trail
 * had and this run no longer finds, as resolved: nothing the auditor wrote is dropped.
 *
 * - a finding not in the trail is new (first found: `checkedOn`);
 * - one the trail had as current is still found; one it had as resolved has reappeared; both keep
 *   their marks and their first-found day;
 * - one the trail had and this run lacks is resolved on `checkedOn`, or keeps the day it was
 *   resolved on in an earlier run. Resolved rows follow the current ones, the most recently
 *   resolved first, otherwise in the order the trail had them.
 *
 * `checkedOn` (ISO day) comes from the host; null leaves the new days blank.
 */
export function mergeTrail(
  previous: ReadonlyMap<string, PreviousEntry>,
  findings: readonly Finding[],
  checkedOn: string | null,
  lang: Lang,
): ReviewTrail {
  const rows: TrailRow[] = [];
  const current = new Set<string>();
  let fresh = 0;
  for (const f of findings) {
    current.add(f.id);
    const prev = previous.get(f.id);
    const state: TrailState = !prev ? "new" : isResolved(prev) ? "reappeared" : "still";
    if (state === "new") fresh++;
    rows.push({
      id: f.id,
      state,
      rule: f.rule,
      severity: f.severity,
      severityText: inLang(SEVERITY_LABEL[f.severity], lang),
      sheet: f.sheet ?? "",
      cell: f.cell ?? "",
      message: inLang(f.message, lang),
      finding: f,
      marks: prev ? carried(prev.marks, checkedOn) : NO_MARKS,
      firstSeen: prev ? (prev.firstSeen ?? (prev.state === null ? null : checkedOn)) : checkedOn,
      resolvedOn: null,
    });
  }
  const gone: TrailRow[] = [];
  for (const prev of previous.values()) {
    if (current.has(prev.id)) continue;
    gone.push({
      ...prev,
      state: "resolved",
      severityText: prev.severity ? inLang(SEVERITY_LABEL[prev.severity], lang) : prev.severityText,
      marks: carried(prev.marks, checkedOn),
      resolvedOn: isResolved(prev) ? (prev.resolvedOn ?? checkedOn) : checkedOn,
    });
  }
  // Stable: equal days keep the trail's order. A row without a day sorts last.
  gone.sort((a, b) => (b.resolvedOn ?? "").localeCompare(a.resolvedOn ?? ""));
  return {
    rows: [...rows, ...gone],
    counts: { current: rows.length, new: fresh, resolved: gone.length },
  };
}

/** The trail of a run: the earlier findings sheet (or none) merged with this run's findings. */
export const reviewTrail = (
  previous: RawSheet | null,
  findings: readonly Finding[],
  checkedOn: string | null,
  lang: Lang,
): ReviewTrail => mergeTrail(readPreviousTrail(previous), findings, checkedOn, lang);
