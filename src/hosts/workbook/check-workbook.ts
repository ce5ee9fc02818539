import { Mapping } from "../../core/check/mapping";
import { CheckResult, runCheck } from "../../core/check/run-check";
import { Finding } from "../../core/model/finding";
import { Settings } from "../../core/model/settings";
import { WritePlan } from "../../core/model/write-plan";
import { buildJsonReport, JsonReport } from "../../core/report/json-report";
import { buildWritePlan, trailOf } from "../../core/report/write-plan";
import { WorkbookPort } from "./port";
import { CancelToken, Stage, throwIfCancelled } from "./progress";
import { readInputSheets } from "./read-input-sheets";

export interface CheckOutcome {
  readonly result: CheckResult;
  readonly report: JsonReport;
  readonly plan: WritePlan;
}

/** What to write: everything ("Kiểm tra CLB"), or only the appendix sheet ("Lập phụ lục"). */
export type CheckScope = "all" | "appendix";

export interface CheckOptions {
  /** Called as each stage starts; awaited, so a pane can paint before the next stretch of work. */
  readonly onStage?: (stage: Stage) => void | Promise<void>;
  /** Polled between sheets and before writing; a cancelled check writes nothing. */
  readonly cancel?: CancelToken;
  readonly scope?: CheckScope;
  /**
   * The day of this run, ISO "YYYY-MM-DD": the review trail dates findings that vanished with it.
   * Hosts pass their local today; the core never reads the clock.
   */
  readonly checkedOn?: string;
  /**
   * Findings made before the check by the caller (the merge of several files: a club id in two
   * files), reported and listed with the check's own, first.
   */
  readonly extraFindings?: readonly Finding[];
}

/**
 * The "Check club" use case over any host: read the input sheets, run the pure check, apply its
 * write plan. The same function serves the command line, the browser file mode and Excel.
 */
export async function checkWorkbook(
  port: WorkbookPort,
  settings: Settings,
  mapping: Mapping = {},
  options: CheckOptions = {},
): Promise<CheckOutcome> {
  const { cancel } = options;
  const stage = async (s: Stage) => {
    throwIfCancelled(cancel);
    await options.onStage?.(s);
    throwIfCancelled(cancel);
  };
  await stage("reading");
  const { sheets, choice, input } = await readInputSheets(port, mapping, cancel);
  // Read in either scope: the report carries the review trail even when only the appendix is written.
  throwIfCancelled(cancel);
  const findings = choice.findings === undefined ? null : await port.readSheet(choice.findings);

  await stage("checking");
  const checked = runCheck(input, settings);
  const result: CheckResult = options.extraFindings?.length
    ? { ...checked, findings: [...options.extraFindings, ...checked.findings] }
    : checked;
  // One merge of the review trail serves the findings sheet and the JSON report.
  const trail = trailOf(result, findings, options.checkedOn);
  const full = buildWritePlan(result, sheets, findings, options.checkedOn, trail);
  const plan: WritePlan =
    options.scope === "appendix"
      ? {
          sheets: full.sheets.filter((s) => s.kind === "appendix"),
          highlights: [],
          keepHighlights: true,
        }
      : full;

  // The last point where a cancel is honoured: from here on the host writes all or nothing.
  await stage("writing");
  await port.apply(plan);
  return { result, report: buildJsonReport(result, trail), plan };
}

/** The command line's exit status: 1 when any finding is an error, else 0. */
export const exitStatusOf = (report: JsonReport): 0 | 1 =>
  report.summary.findings.error > 0 ? 1 : 0;
