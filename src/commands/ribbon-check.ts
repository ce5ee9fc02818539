/**
 * The "Kiểm tra CLB" button's work: check the open workbook with the settings stored in it, write
 * the result sheets and highlights, and say how it went. Never throws: every outcome is a message.
 * Loaded by commands.ts on first use, in a chunk of its own (see there).
 */
import { readConfig, refreshConfig } from "../addin/document-config";
import { checkOpenWorkbook, ExcelDeps } from "../addin/excel-actions";
import { Lang } from "../core/model/i18n";
import { CancelledError, CancelToken, Stage } from "../hosts/workbook/progress";
import { failureMessage, RibbonMessage, ribbonMessage, timeLimitMessage } from "./ribbon-message";
import { CHECK_DEADLINE_MS, commandTime, CommandTime, MIN_WRITE_MS } from "./time-limit";

export async function runRibbonCheck(
  deps: ExcelDeps,
  lang: Lang,
  time: CommandTime = commandTime(),
): Promise<RibbonMessage> {
  const deadline = new WriteDeadline(time);
  try {
    // Read here rather than inside checkOpenWorkbook so that a configuration set aside can be said.
    await refreshConfig(deps.documentSettings);
    const { config, problem } = readConfig(deps.documentSettings);
    const outcome = await checkOpenWorkbook(deps, {
      lang,
      config,
      onStage: (stage) => deadline.stage(stage),
      cancel: deadline,
    });
    return ribbonMessage(
      outcome.report.summary,
      outcome.plan.sheets.map((s) => s.name),
      problem,
    );
  } catch (error) {
    if (error instanceof CancelledError && deadline.cancelled) return timeLimitMessage();
    return failureMessage(error);
  }
}

/**
 * Cancels the check once writing could no longer end by CHECK_DEADLINE_MS after the click (see
 * time-limit.ts): writing must start by the deadline less the time it is expected to take, which
 * is MIN_WRITE_MS until reading is over, then the longer of that and how long reading took.
 */
class WriteDeadline implements CancelToken {
  private writeBy: number;
  private readingFrom: number | undefined;

  constructor(private readonly time: CommandTime) {
    this.writeBy = time.clickedAt + CHECK_DEADLINE_MS - MIN_WRITE_MS;
  }

  get cancelled(): boolean {
    return this.time.now() > this.writeBy;
  }

  stage(stage: Stage): void {
    const now = this.time.now();
    if (stage === "reading") this.readingFrom = now;
    if (stage === "checking" && this.readingFrom !== undefined) {
      const writeMs = Math.max(MIN_WRITE_MS, now - this.readingFrom);
      this.writeBy = this.time.clickedAt + CHECK_DEADLINE_MS - writeMs;
    }
  }
}
