import { localIsoDay } from "../core/model/dates";
import { LocalText } from "../core/model/i18n";
import { countsOf, summaryText } from "../core/text/glossary";
import { checkWorkbook, exitStatusOf } from "../hosts/workbook/check-workbook";
import { DEFAULT_XLSX_LIMITS, openXlsx } from "../hosts/xlsx";
import { ParsedArgs, UsageError, xlsxLimitsFrom } from "./args";
import { checkInput, InputFile, openInput, sameFile } from "./files";
import { NODE_CODEC, NODE_ENGINE } from "./node-codec";
import { fullCollector } from "./collect-garbage";
import { checkOutputExtension } from "./output-extension";
import { OutputFile, Outputs } from "./outputs";
import { jsonPieces } from "./json-pieces";
import { mappingFrom, settingsFrom } from "./settings";

/** Prints a notice in both languages (what was recovered from an earlier run): vi, then en. */
export const noticeTo =
  (line: (l: string) => void) =>
  (text: LocalText): void => {
    line(`ishc: ${text.vi}`);
    line(`ishc: ${text.en}`);
  };

/**
 * `ishc check IN.xlsx --out OUT.xlsx --report REPORT.json`: the input is only read; the checked
 * copy and the report are written together or not at all (outputs.ts). What can be known before
 * the check is checked first: the input is a regular file within the size limit, the outputs'
 * folders exist and can be written, no other run is writing them. Returns the exit status (0 or
 * 1); unreadable input throws InputError, unwritable output FileError (both exit 2).
 */
export async function checkCommand(
  args: ParsedArgs,
  log: (line: string) => void,
  warn: (line: string) => void = log,
): Promise<number> {
  const input = args.positional[0];
  if (input === undefined)
    throw new UsageError("ishc check: thiếu tệp đầu vào / missing the input file");
  const out = args.options.get("out");
  const reportPath = args.options.get("report");
  if (out === undefined && reportPath === undefined) {
    throw new UsageError("ishc check: cần --out và/hoặc --report / needs --out and/or --report");
  }
  for (const target of [out, reportPath]) {
    if (target !== undefined && sameFile(target, input)) {
      throw new UsageError(
        `ishc check: không ghi đè tệp đầu vào / will not overwrite the input file: ${target}`,
      );
    }
  }
  const settings = settingsFrom(args);
  const limits = xlsxLimitsFrom(args);
  const maxInput = limits.maxUnpackedBytes ?? DEFAULT_XLSX_LIMITS.maxUnpackedBytes;
  checkInput(input, maxInput);
  const mapping = mappingFrom(args);
  const targets = [out, reportPath].filter((p): p is string => p !== undefined);
  const outputs = Outputs.claim(targets, noticeTo(warn));
  let file: InputFile | undefined;
  try {
    // Kept open: the package lets go of its bytes while the check runs, and reads from the file
    // what its copy keeps as stored (a country's member sheet, 24 MB) as the copy is written.
    file = openInput(input, maxInput);
    const collect = fullCollector();
    const engine = { ...NODE_ENGINE, source: file, collect };
    const workbook = openXlsx(file.take(), limits, NODE_CODEC, engine);
    if (out !== undefined) checkOutputExtension(out, input, workbook.extension);
    const { report } = await checkWorkbook(workbook, settings, mapping, {
      checkedOn: localIsoDay(new Date()),
      collect,
      // A report alone: no copy is built that nobody would keep.
      write: out !== undefined,
    });
    const files: OutputFile[] = [];
    if (out !== undefined) files.push({ path: out, data: workbook.toPieces() });
    if (reportPath !== undefined) files.push({ path: reportPath, data: jsonPieces(report) });
    outputs.write(files);
    const counts = countsOf(report.summary);
    log(`${summaryText(counts, settings.lang)}.`);
    for (const f of files) log(f.path);
    return exitStatusOf(report);
  } finally {
    file?.close();
    outputs.release();
  }
}
