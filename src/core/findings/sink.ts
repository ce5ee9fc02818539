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
    const base = `${rule}|${key}`;
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
