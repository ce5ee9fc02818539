import { A1 } from "../model/brand";
import { Finding } from "../model/finding";
import { LocalText } from "../model/i18n";
import { cutText, ELLIPSIS, tailText, textHash } from "../text/short-text";
import { SheetLayout } from "../read/layout";
import { isRuleId, RuleId, SeverityOf } from "../rules/registry";

interface Pending {
  readonly base: string;
  /** What sets this record apart from others with the same key (its row's content), or "". */
  readonly tiebreak: string;
  readonly finding: Omit<Finding, "id">;
}

/**
 * Collects findings and keeps their ids unique and stable, so that an auditor's review marks find
 * their finding again after rows were inserted, deleted or sorted.
 *
 * An id is the rule plus the key of the record it is about (club id; member's club, normalised
 * name and birth; unit), never a row number. Two findings of one rule can share a key only for
 * records the key cannot tell apart (the same person entered twice, rows with the key fields
 * blank): the first of them, by the content of its row (`tiebreak`) rather than by position, gets
 * the bare id, each other one `#` and a hash of its row's content. So sorting or inserting rows
 * never moves an id from one record to another; only editing, adding or deleting a record of such
 * a group can re-assign the bare id within it. Records identical in every cell read (nothing to
 * tell them apart by) add `-2`, `-3` to the hash in reading order, and findings without a
 * tiebreak are numbered in reading order: `#2`, `#3`.
 */
export class FindingSink {
  private readonly pending: Pending[] = [];
  private list: Finding[] | null = null;
  /** What the reader understood of each sheet it read, in reading order. */
  readonly layouts: SheetLayout[] = [];

  /**
   * Raises a finding of a registered rule, with one of the severities the registry gives it: an
   * id or a severity the registry does not know does not compile.
   */
  add<R extends RuleId>(
    rule: R,
    severity: SeverityOf<R>,
    key: string,
    message: LocalText,
    at?: { sheet: string; cell: A1 | undefined },
    tiebreak = "",
  ): void {
    // The types already say so; this guards ids built at run time (a field's rule from a spec).
    if (!isRuleId(rule)) throw new Error(`Unregistered rule id: ${String(rule)}`);
    const text = flatText(boundedText(message));
    const finding: Omit<Finding, "id"> =
      at && at.cell
        ? { rule, severity, sheet: at.sheet, cell: at.cell, message: text }
        : at
          ? { rule, severity, sheet: at.sheet, message: text }
          : { rule, severity, message: text };
    this.pending.push({
      base: flat(`${rule}|${shortKey(key)}`),
      tiebreak: shortTiebreak(tiebreak),
      finding,
    });
    this.list = null;
  }

  /** The findings in the order they were added, with their ids. */
  all(): readonly Finding[] {
    this.list ??= withIds(this.pending);
    return this.list;
  }
}

function withIds(pending: readonly Pending[]): Finding[] {
  const groups = new Map<string, number[]>();
  pending.forEach((p, i) => {
    const g = groups.get(p.base);
    if (g) g.push(i);
    else groups.set(p.base, [i]);
  });
  const ids: string[] = new Array<string>(pending.length);
  for (const [base, members] of groups) {
    if (members.length === 1) {
      ids[members[0]!] = base;
      continue;
    }
    // Array.prototype.sort is stable: equal tiebreaks keep the reading order.
    const ordered = [...members].sort((a, b) =>
      compare(pending[a]!.tiebreak, pending[b]!.tiebreak),
    );
    const used = new Set<string>([base]);
    ordered.forEach((i, n) => {
      if (n === 0) {
        ids[i] = base;
        return;
      }
      const t = pending[i]!.tiebreak;
      let id = t === "" ? `${base}#${n + 1}` : `${base}#${fnv(t)}`;
      for (let k = 2; used.has(id); k++) id = `${base}#${t === "" ? n + k : `${fnv(t)}-${k}`}`;
      used.add(id);
      ids[i] = id;
    });
  }
  return pending.map((p, i) => ({ id: ids[i]!, ...p.finding }) as Finding);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** FNV-1a, 32 bits, as 8 hex digits. */
function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Keys stay readable but bounded: a finding id must fit a cell and read back the same. */
const MAX_KEY = 160;

function shortKey(key: string): string {
  if (key.length <= MAX_KEY) return key;
  // The hash of the whole key keeps two long keys with a common start apart; the cut falls
  // between whole characters, since a half surrogate pair would not survive the findings sheet.
  return `${cutText(key, MAX_KEY)}~${fnv(key).replace(/^0+(?=.)/, "")}`;
}

/**
 * A row's content is a few dozen characters; one kept whole for each finding of a row of long
 * values would hold every value again per finding. Beyond this, its start and a hash of it tell
 * rows apart just as well.
 */
const MAX_TIEBREAK = 1000;

const shortTiebreak = (t: string): string =>
  t.length <= MAX_TIEBREAK ? t : `${cutText(t, MAX_TIEBREAK)}\u0000${textHash(t)}`;

/**
 * The longest message kept whole. Every value a message quotes is already cut to QUOTE_MAX
 * (shortText); this is the guard for a value quoted without it, so that no message grows with
 * the input: its start and its end (where the cell is named) are kept.
 */
export const MAX_MESSAGE = 1500;
const MESSAGE_END = 300;

/**
 * The same text as one piece. V8 keeps a string made by concatenation (every template literal
 * here) as a tree of its parts, about 32 bytes a part: a country's 22,000 findings kept 521,000
 * such nodes (16 MB) from the rules to the end of the check, and writing the findings sheet made
 * a flat copy of each as well (issue 15). Reading a character of such a string makes V8 flatten it
 * in place; other engines ignore it.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

const flatText = (m: LocalText): LocalText => {
  flat(m.vi);
  flat(m.en);
  return m;
};

function boundedText(m: LocalText): LocalText {
  if (m.vi.length <= MAX_MESSAGE && m.en.length <= MAX_MESSAGE) return m;
  return { vi: bounded(m.vi), en: bounded(m.en) };
}

function bounded(s: string): string {
  if (s.length <= MAX_MESSAGE) return s;
  return `${cutText(s, MAX_MESSAGE - MESSAGE_END - 3)} ${ELLIPSIS} ${tailText(s, MESSAGE_END)}`;
}
