/**
 * File mode's checked copy, kept in memory until the user downloads it, so that a review status
 * set in the pane goes into its findings sheet as if typed in Excel: the next check of that copy
 * carries it like any other mark. Part of the file mode's engine (it holds the xlsx host): in a
 * browser it lives in the engine's Worker, and the pane holds a handle to it (worker/file-engine.ts).
 */
import { GeneratedSheet } from "../core/model/write-plan";
import { markFinding } from "../core/report/findings-sheet";
import { noFindingsSheet, ReviewMarkInput } from "../core/review/mark";
import { openOwnXlsx } from "../hosts/xlsx";
import { helperDeflater } from "./worker/helper-deflater";

/** What the pane needs of the checked copy, wherever it lives (in the page or in a Worker). */
export interface CopyHandle {
  /** Sets a finding's status and/or note, dated `day`; rejects as setReviewMark would. */
  mark(id: string, mark: ReviewMarkInput, day: string): Promise<void>;
  /** The copy with every mark set so far, as an .xlsx file. */
  bytes(): Promise<Uint8Array>;
}

export class CheckedCopy implements CopyHandle {
  /** The bytes with the marks written, once asked for; undefined while marks wait to be written. */
  private written: Uint8Array | undefined;

  constructor(
    private readonly checked: Uint8Array,
    /** The findings sheet with the marks set so far: written again whole when the bytes are asked. */
    private findings: GeneratedSheet | undefined,
  ) {
    this.written = checked;
  }

  /**
   * The same mark, in the same cells, as setReviewMark (src/addin/review-actions.ts) writes in
   * Excel. Only the sheet in memory changes here: re-zipping a country's copy takes seconds, so it
   * is done once, when the copy is downloaded, however many statuses were set.
   */
  mark(id: string, mark: ReviewMarkInput, day: string): Promise<void> {
    try {
      if (!this.findings) throw noFindingsSheet();
      this.findings = markFinding(this.findings, id, mark, day);
      this.written = undefined;
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async bytes(): Promise<Uint8Array> {
    if (this.written) return this.written;
    // The copy is opened afresh: the host reads only what it writes, and the parts it copies were
    // written by this engine a moment ago, so they are not inflated again to be verified.
    const deflate = helperDeflater();
    const workbook = openOwnXlsx(this.checked, undefined, deflate ? { deflate } : {});
    await workbook.apply({ sheets: [this.findings!], highlights: [], keepHighlights: true });
    this.written = workbook.toBytes();
    return this.written;
  }
}
