import { RawSheet } from "../../core/model/cells";
import { Mapping } from "../../core/check/mapping";
import { pickSheets } from "../../core/check/pick-sheets";
import { CheckResult, runCheck } from "../../core/check/run-check";
import { Settings } from "../../core/model/settings";
import { WritePlan } from "../../core/model/write-plan";
import { buildJsonReport, JsonReport } from "../../core/report/json-report";
import { buildWritePlan } from "../../core/report/write-plan";
import { WorkbookPort } from "./port";

export interface CheckOutcome {
  readonly result: CheckResult;
  readonly report: JsonReport;
  readonly plan: WritePlan;
}

/**
 * The "Check club" use case over any host: read the input sheets, run the pure check, apply its
 * write plan. The same function serves the command line, the browser file mode and Excel.
 */
export async function checkWorkbook(
  port: WorkbookPort,
  settings: Settings,
  mapping: Mapping = {},
): Promise<CheckOutcome> {
  const sheets = await port.listSheets();
  const choice = pickSheets(sheets, mapping);
  const read = async (name: string | undefined) =>
    name === undefined ? null : port.readSheet(name);
  const result = runCheck(
    {
      clubs: await port.readSheet(choice.clubs!),
      members: await read(choice.members),
      otherSheets: await readAll(port, choice.perClub),
      funds: await read(choice.funds),
      roadmap: await read(choice.roadmap),
      mapping,
      conflicts: choice.conflicts,
    },
    settings,
  );
  const plan = buildWritePlan(result, sheets, await read(choice.findings));
  await port.apply(plan);
  return { result, report: buildJsonReport(result), plan };
}

/** One sheet after another: a host such as Excel is better asked in turn than all at once. */
async function readAll(port: WorkbookPort, names: readonly string[]): Promise<RawSheet[]> {
  const sheets: RawSheet[] = [];
  for (const name of names) sheets.push(await port.readSheet(name));
  return sheets;
}

/** The command line's exit status: 1 when any finding is an error, else 0. */
export const exitStatusOf = (report: JsonReport): 0 | 1 =>
  report.summary.findings.error > 0 ? 1 : 0;
