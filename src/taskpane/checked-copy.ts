/**
 * File mode's checked copy, kept in memory until the user downloads it, so that a review status
 * set in the pane goes into its findings sheet as if typed in Excel: the next check of that copy
 * carries it like any other mark. Part of the file mode's engine chunk (it holds the xlsx host).
 */
import { GeneratedSheet } from "../core/model/write-plan";
import { markFinding } from "../core/report/findings-sheet";
import { noFindingsSheet, unknownFinding } from "../core/review/mark";
import { ReviewStatus } from "../core/review/status";
import { openXlsx } from "../hosts/xlsx";

export class CheckedCopy {
  constructor(
    private current: Uint8Array,
    /** The findings sheet as last written: marks are set on it and it is written again whole. */
    private findings: GeneratedSheet | undefined,
  ) {}

  bytes(): Uint8Array {
    return this.current;
  }

  /** Sets a finding's status and review day in the copy's findings sheet. */
  async mark(id: string, status: ReviewStatus, day: string): Promise<void> {
    if (!this.findings) throw noFindingsSheet();
    const marked = markFinding(this.findings, id, { status }, day);
    if (!marked) throw unknownFinding(id, this.findings.name);
    // The copy is opened afresh: the host reads only what it writes, so this stays cheap.
    const workbook = openXlsx(this.current);
    await workbook.apply({ sheets: [marked], highlights: [], keepHighlights: true });
    this.current = workbook.toBytes();
    this.findings = marked;
  }
}
