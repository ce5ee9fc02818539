import { existsSync } from "node:fs";
import { basename } from "node:path";
import { say } from "../core/model/i18n";
import { exitStatusOf } from "../hosts/workbook/check-workbook";
import { mergeWorkbooks } from "../hosts/workbook/merge-workbooks";
import { DEFAULT_XLSX_LIMITS, openXlsx } from "../hosts/xlsx";
import { xlsxMergeTarget } from "../hosts/xlsx/new-workbook";
import { intOption, ParsedArgs, UsageError } from "./args";
import { checkTargets, readInput, samePath, writeAllOrNothing } from "./files";
import { NODE_CODEC } from "./node-codec";
import { settingsFrom, today } from "./settings";

/**
 * `ishc merge A.xlsx B.xlsx … --out PROVINCE.xlsx [--report REPORT.json]`: the district files are
 * only read; the provincial workbook and the report are written together, or nothing when any
 * file cannot be read (exit 2, the file named). Returns the exit status (0 or 1).
 */
export async function mergeCommand(args: ParsedArgs, log: (line: string) => void): Promise<number> {
  const inputs = args.positional;
  if (inputs.length === 0)
    throw new UsageError("ishc merge: thiếu tệp đầu vào / missing the input files");
  const out = args.options.get("out");
  if (out === undefined)
    throw new UsageError("ishc merge: cần --out TỈNH.xlsx / needs --out PROVINCE.xlsx");
  const reportPath = args.options.get("report");
  const targets = [out, ...(reportPath === undefined ? [] : [reportPath])];
  for (const target of targets) {
    const input = inputs.find((i) => samePath(i, target));
    if (input !== undefined)
      throw new UsageError(
        `ishc merge: không ghi đè tệp đầu vào / will not overwrite the input file: ${input}`,
      );
    if (existsSync(target) && !args.options.has("force"))
      throw new UsageError(
        `${target}: tệp đã có, thêm --force để ghi đè / the file exists; add --force to overwrite it`,
      );
  }
  checkTargets(targets);
  const settings = settingsFrom(args);
  const limits = {
    maxRows: intOption(args, "max-rows", DEFAULT_XLSX_LIMITS.maxRows, 1, 10_000_000),
    maxUnpackedBytes:
      intOption(args, "max-unpacked-mb", DEFAULT_XLSX_LIMITS.maxUnpackedBytes / 2 ** 20, 1, 16384) *
      2 ** 20,
  };
  const sources = inputs.map((path) => ({
    name: basename(path),
    open: () => openXlsx(readInput(path), limits, NODE_CODEC),
  }));
  const { bytes, report } = await mergeWorkbooks(sources, xlsxMergeTarget(NODE_CODEC), settings, {
    checkedOn: today(),
  });
  const files: { path: string; data: Uint8Array | string }[] = [{ path: out, data: bytes }];
  if (reportPath !== undefined)
    files.push({ path: reportPath, data: `${JSON.stringify(report, null, 2)}\n` });
  writeAllOrNothing(files);
  for (const s of report.sources) {
    const t = say(
      `${s.file}: ${s.clubs} CLB, ${s.members} thành viên, ${s.funds} dòng quỹ, ${s.roadmapUnits} đơn vị lộ trình`,
      `${s.file}: ${s.clubs} clubs, ${s.members} members, ${s.funds} fund rows, ${s.roadmapUnits} roadmap units`,
    );
    log(t[settings.lang]);
  }
  const { summary } = report;
  const t = say(
    `Tỉnh: ${summary.compliant}/${summary.clubs} CLB đạt; ${summary.findings.error} lỗi, ${summary.findings.warning} cảnh báo.`,
    `Province: ${summary.compliant}/${summary.clubs} clubs pass; ${summary.findings.error} errors, ${summary.findings.warning} warnings.`,
  );
  log(t[settings.lang]);
  for (const f of files) log(f.path);
  return exitStatusOf(report);
}
