import { existsSync } from "node:fs";
import { basename } from "node:path";
import { Mapping, validateMapping } from "../core/check/mapping";
import { InputError } from "../core/model/errors";
import { say } from "../core/model/i18n";
import { sourceText, countsOf, summaryText } from "../core/text/glossary";
import { exitStatusOf } from "../hosts/workbook/check-workbook";
import { mergeWorkbooks } from "../hosts/workbook/merge-workbooks";
import { DEFAULT_XLSX_LIMITS, openXlsx } from "../hosts/xlsx";
import { xlsxMergeTarget } from "../hosts/xlsx/new-workbook";
import { ParsedArgs, UsageError, xlsxLimitsFrom } from "./args";
import { noticeTo } from "./check-command";
import { checkInput, readInput, sameFile } from "./files";
import { NODE_CODEC, NODE_ENGINE } from "./node-codec";
import { fullCollector } from "./collect-garbage";
import { checkMergedOutputExtension } from "./output-extension";
import { OutputFile, Outputs } from "./outputs";
import { jsonPieces } from "./json-pieces";
import { readMappingJson, settingsFrom, today } from "./settings";

/**
 * The column mappings of `--mapping FILE` for a merge: a JSON object keyed by input file name (its
 * basename, or the path as given), each value a mapping exactly as `check --mapping` takes it,
 * checked by the same validator; its messages name the file. A key that names no input file is a
 * usage error. Files not listed get no mapping.
 */
export function mergeMappingsFrom(args: ParsedArgs, inputs: readonly string[]): Mapping[] {
  const file = args.options.get("mapping");
  if (file === undefined) return inputs.map(() => ({}));
  const raw = readMappingJson(file);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError(
      "bad-setting",
      say(
        `--mapping ${file}: Bảng ánh xạ cột: cần một đối tượng JSON { "tên tệp.xlsx": { "tên sheet": {...} } }.`,
        `--mapping ${file}: Column mapping: expected a JSON object { "file name.xlsx": { "sheet name": {...} } }.`,
      ),
    );
  }
  const byFile = raw as Record<string, unknown>;
  const matches = (key: string, input: string) => key === basename(input) || key === input;
  for (const key of Object.keys(byFile)) {
    if (!inputs.some((input) => matches(key, input)))
      throw new UsageError(
        `--mapping ${file}: "${key}" không phải tệp đầu vào nào / is not one of the input files (${inputs.map((i) => basename(i)).join(", ")})`,
      );
  }
  const checked = new Map<string, Mapping>();
  for (const [key, value] of Object.entries(byFile)) {
    try {
      checked.set(key, validateMapping(value));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw new InputError(
        e.code,
        say(
          `--mapping ${file}: tệp "${key}": ${e.text.vi}`,
          `--mapping ${file}: file "${key}": ${e.text.en}`,
        ),
        e.sheet,
      );
    }
  }
  // The path as given wins over the basename, so that two inputs of one name can differ.
  return inputs.map((input) => checked.get(input) ?? checked.get(basename(input)) ?? {});
}

/**
 * `ishc merge A.xlsx B.xlsx … --out PROVINCE.xlsx [--report REPORT.json] [--mapping MAPPINGS.json]`:
 * each file read with its own column mapping (see mergeMappingsFrom); the district files are
 * only read; the provincial workbook and the report are written together, or nothing when any
 * file cannot be read (exit 2, the file named). Returns the exit status (0 or 1).
 */
export async function mergeCommand(
  args: ParsedArgs,
  log: (line: string) => void,
  warn: (line: string) => void = log,
): Promise<number> {
  const inputs = args.positional;
  if (inputs.length === 0)
    throw new UsageError("ishc merge: thiếu tệp đầu vào / missing the input files");
  const out = args.options.get("out");
  if (out === undefined)
    throw new UsageError("ishc merge: cần --out TỈNH.xlsx / needs --out PROVINCE.xlsx");
  checkMergedOutputExtension(out);
  const reportPath = args.options.get("report");
  const targets = [out, ...(reportPath === undefined ? [] : [reportPath])];
  for (const target of targets) {
    const input = inputs.find((i) => sameFile(i, target));
    if (input !== undefined)
      throw new UsageError(
        `ishc merge: không ghi đè tệp đầu vào / will not overwrite the input file: ${input}`,
      );
    if (existsSync(target) && !args.options.has("force"))
      throw new UsageError(
        `${target}: tệp đã có, thêm --force để ghi đè / the file exists; add --force to overwrite it`,
      );
  }
  const settings = settingsFrom(args);
  const limits = xlsxLimitsFrom(args);
  const maxInput = limits.maxUnpackedBytes ?? DEFAULT_XLSX_LIMITS.maxUnpackedBytes;
  // Every file is looked at before the first is read: a folder or a device among thirteen
  // districts' files is said at once, named as the merge names a file it cannot read.
  for (const path of inputs) {
    try {
      checkInput(path, maxInput);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const name = basename(path);
      throw new InputError(
        e.code,
        say(`Tệp "${name}": ${e.text.vi}`, `File "${name}": ${e.text.en}`),
      );
    }
  }
  const mappings = mergeMappingsFrom(args, inputs);
  const outputs = Outputs.claim(targets, noticeTo(warn));
  try {
    const sources = inputs.map((path, i) => ({
      name: basename(path),
      open: () => openXlsx(readInput(path, maxInput), limits, NODE_CODEC, NODE_ENGINE),
      mapping: mappings[i]!,
    }));
    const merged = await mergeWorkbooks(
      sources,
      xlsxMergeTarget(NODE_CODEC, NODE_ENGINE),
      settings,
      {
        checkedOn: today(),
        collect: fullCollector(),
      },
    );
    const { report } = merged;
    const files: OutputFile[] = [{ path: out, data: merged.bytes }];
    if (reportPath !== undefined) files.push({ path: reportPath, data: jsonPieces(report) });
    outputs.write(files);
    for (const s of report.sources) log(sourceText(s, settings.lang));
    const counts = countsOf(report.summary);
    log(`${say("Tỉnh", "Province")[settings.lang]}: ${summaryText(counts, settings.lang)}.`);
    for (const f of files) log(f.path);
    return exitStatusOf(report);
  } finally {
    outputs.release();
  }
}
