import { Severity } from "../../core/model/finding";
import { Highlight } from "../../core/model/write-plan";
import { chunkAreas, coalesceAreas } from "../../core/model/areas";
import { LIMITS, WriteQueue } from "./batch";
import { conditionalFormatCost } from "./request-costs";

/** The xlsx host's dxf fills (FFC7CE, FFEB9C, DDEBF7), as Office.js colours. */
export const HIGHLIGHT_FILL: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Always TRUE, and names this tool: how a re-run or "Clear highlights" finds exactly ours. */
export const highlightFormula = (severity: Severity): string => `=ISTEXT("ishc:${severity}")`;

/**
 * Queues our highlights of one sheet as custom conditional formats: one per severity and per
 * address chunk under 8,192 characters with RangeAreas (ExcelApi 1.9), one per area without.
 * Conditional formats leave the user's own cell formats as they are.
 */
export async function queueHighlights(
  queue: WriteQueue,
  ws: Excel.Worksheet,
  highlights: readonly Highlight[],
  rangeAreas: boolean,
): Promise<void> {
  for (const severity of SEVERITIES) {
    const cells = highlights.filter((h) => h.severity === severity).map((h) => h.cell);
    if (cells.length === 0) continue;
    const chunks = chunkAreas(coalesceAreas(cells), LIMITS.addressChars);
    const targets = rangeAreas ? chunks.map((c) => c.join(",")) : chunks.flat();
    const formula = highlightFormula(severity);
    const fill = HIGHLIGHT_FILL[severity];
    // One job per format: an address of 8,000 characters makes a job of about 9.5 KB.
    for (const address of targets)
      await queue.add(
        conditionalFormatCost(address, formula, fill, rangeAreas),
        () => {
          const formats = rangeAreas
            ? ws.getRanges(address).untrack().conditionalFormats
            : ws.getRange(address).untrack().conditionalFormats;
          const format = formats.add("Custom");
          format.custom.rule.formula = formula;
          format.custom.format.fill.color = fill;
        },
        ws,
      );
  }
}
