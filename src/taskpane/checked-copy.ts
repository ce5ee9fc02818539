/**
 * File mode's checked copy, kept in memory until the user downloads it, so that a review status
 * set in the pane goes into its findings sheet as if typed in Excel: the next check of that copy
 * carries it like any other mark. Part of the file mode's engine chunk (it holds the xlsx host).
 */
import { GeneratedSheet } from "../core/model/write-plan";
import { markFinding } from "../core/report/findings-sheet";
import { noFindingsSheet, ReviewMarkInput } from "../core/review/mark";
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

  /**
   * Sets a finding's status and/or note, dated `day`, in the copy's findings sheet: the same mark,
   * in the same cells, as setReviewMark (src/addin/review-actions.ts) writes in Excel.
   */
  async mark(id: string, mark: ReviewMarkInput, day: string): Promise<void> {
    if (!this.findings) throw noFindingsSheet();
    // The core's cells for the mark (review/mark.ts, as in Excel), written by the xlsx host.
    const marked = markFinding(this.findings, id, mark, day);
    // The copy is opened afresh: the host reads only what it writes, so this stays cheap.
    const workbook = openXlsx(this.current);
    await workbook.apply({ sheets: [marked], highlights: [], keepHighlights: true });
    this.current = workbook.toBytes();
    this.findings = marked;
  }
}
