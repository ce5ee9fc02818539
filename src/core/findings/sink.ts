import { A1 } from "../model/brand";
import { Finding, Severity } from "../model/finding";
import { LocalText } from "../model/i18n";
import { SheetLayout } from "../read/layout";

/**
 * Collects findings and keeps their ids unique and stable: an id is the rule plus the key of the
 * record it is about (club id, member's club + name + birth, unit), never a row number alone, so
 * that a re-run after inserting rows gives the same ids.
 */
export class FindingSink {
  private readonly list: Finding[] = [];
  /** What the reader understood of each sheet it read, in reading order. */
  readonly layouts: SheetLayout[] = [];
  private readonly seen = new Map<string, number>();

  add(
    rule: string,
    severity: Severity,
    key: string,
    message: LocalText,
    at?: { sheet: string; cell: A1 | undefined },
  ): void {
    const base = `${rule}|${shortKey(key)}`;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    const id = n === 1 ? base : `${base}#${n}`;
    const finding: Finding =
      at && at.cell
        ? { id, rule, severity, sheet: at.sheet, cell: at.cell, message }
        : at
          ? { id, rule, severity, sheet: at.sheet, message }
          : { id, rule, severity, message };
    this.list.push(finding);
  }

  all(): readonly Finding[] {
    return this.list;
  }
}

/** Keys stay readable but bounded: a finding id must fit a cell and read back the same. */
const MAX_KEY = 160;

function shortKey(key: string): string {
  if (key.length <= MAX_KEY) return key;
  // FNV-1a over the whole key keeps two long keys with a common start apart.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return `${key.slice(0, MAX_KEY)}~${(h >>> 0).toString(16)}`;
}
