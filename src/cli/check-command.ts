import { localIsoDay } from "../core/model/dates";
import { countsOf, summaryText } from "../core/text/glossary";
import { checkWorkbook, exitStatusOf } from "../hosts/workbook/check-workbook";
import { openXlsx } from "../hosts/xlsx";
import { ParsedArgs, UsageError, xlsxLimitsFrom } from "./args";
import { checkTargets, readInput, samePath, writeAllOrNothing } from "./files";
import { NODE_CODEC } from "./node-codec";
import { mappingFrom, settingsFrom } from "./settings";

/**
 * `ishc check IN.xlsx --out OUT.xlsx --report REPORT.json`: the input is only read; the checked
 * copy and the report are written together or not at all. Returns the exit status (0 or 1);
 * unreadable input throws InputError (exit 2).
 */
export async function checkCommand(args: ParsedArgs, log: (line: string) => void): Promise<number> {
  const input = args.positional[0];
  if (input === undefined)
    throw new UsageError("ishc check: thiếu tệp đầu vào / missing the input file");
  const out = args.options.get("out");
  const reportPath = args.options.get("report");
  if (out === undefined && reportPath === undefined) {
    throw new UsageError("ishc check: cần --out và/hoặc --report / needs --out and/or --report");
  }
  for (const target of [out, reportPath]) {
    if (target !== undefined && samePath(target, input)) {
      throw new UsageError(
        `ishc check: không ghi đè tệp đầu vào / will not overwrite the input file: ${target}`,
      );
    }
  }
  checkTargets([out, reportPath].filter((p): p is string => p !== undefined));
  const settings = settingsFrom(args);
  const limits = xlsxLimitsFrom(args);
  const workbook = openXlsx(readInput(input), limits, NODE_CODEC);
  const { report } = await checkWorkbook(workbook, settings, mappingFrom(args), {
    checkedOn: localIsoDay(new Date()),
  });
  const files: { path: string; data: Uint8Array | string }[] = [];
  if (out !== undefined) files.push({ path: out, data: workbook.toBytes() });
  if (reportPath !== undefined)
    files.push({ path: reportPath, data: `${JSON.stringify(report, null, 2)}\n` });
  writeAllOrNothing(files);
  const counts = countsOf(report.summary);
  log(`${summaryText(counts, settings.lang)}.`);
  for (const f of files) log(f.path);
  return exitStatusOf(report);
}
