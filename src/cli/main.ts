import { existsSync } from "node:fs";
import { InputError } from "../core/model/errors";
import { CANNOT_WRITE, FileError, asFileError } from "./file-errors";
import { countOf, formatCount } from "../core/text/numbers";
import { expectOnly, intOption, parseArgs, ParsedArgs, UsageError } from "./args";
import { checkCommand } from "./check-command";
import { mergeCommand } from "./merge-command";
import { rulesCommand } from "./rules-command";
import { settingsCommand } from "./settings-command";
import { sampleUnits } from "./sample/plan";

const USAGE = `ISHC Check — kiểm tra CLB liên thế hệ tự giúp nhau / intergenerational self-help club checker

Cách dùng / Usage:
  ishc check IN.xlsx [--out OUT.xlsx] [--report REPORT.json] (at least one of the two)
             [--as-of YYYY-MM-DD] [--lang vi|en]
             [--age-line 60|55] [--settings SETTINGS.json] [--mapping MAPPING.json]
             [--max-rows N] [--max-unpacked-mb N]
  ishc merge A.xlsx B.xlsx … --out PROVINCE.xlsx [--report REPORT.json]
             [--as-of YYYY-MM-DD] [--lang vi|en] [--age-line 60|55] [--settings SETTINGS.json]
             [--mapping MAPPINGS.json] [--max-rows N] [--max-unpacked-mb N] [--force]
             (MAPPINGS.json: { "A.xlsx": { as check's --mapping }, … })
  ishc template OUT.xlsx [--force]
  ishc sample OUT.xlsx [--clubs N] [--seed S] [--unit VQ,HK] [--force]
  ishc rules [--json | --markdown]   (mọi quy tắc / every rule, vi + en)
  ishc settings [--json]             (mọi thiết lập cho --settings / every setting, vi + en)

Mã thoát / Exit status: 0 đạt hết / all pass, 1 có lỗi / findings of severity error,
  2 không đọc được đầu vào / unreadable input (no output file is written).`;

const CHECK_OPTIONS = [
  "out",
  "report",
  "as-of",
  "lang",
  "age-line",
  "settings",
  "mapping",
  "max-rows",
  "max-unpacked-mb",
];

/** A merge takes what a check takes, and may replace an existing provincial workbook. */
const MERGE_OPTIONS = [...CHECK_OPTIONS, "force"];

function refuseOverwrite(path: string, args: ParsedArgs): void {
  if (existsSync(path) && !args.options.has("force")) {
    throw new UsageError(
      `${path}: tệp đã có, thêm --force để ghi đè / the file exists; add --force to overwrite it`,
    );
  }
}

/** `--unit VQ,HK`: the units (club-id codes) a sample covers, as a usage error when unknown. */
function unitsOption(args: ParsedArgs): { units?: string[] } {
  const raw = args.options.get("unit");
  if (raw === undefined) return {};
  const units = raw
    .split(",")
    .map((u) => u.trim())
    .filter((u) => u !== "");
  try {
    sampleUnits(units);
  } catch (e) {
    throw new UsageError(`--unit ${raw}: ${(e as Error).message}`);
  }
  return { units };
}

/** The path of a Node system error (EACCES, ENOSPC…) that names one. */
function errnoPath(e: unknown): string | undefined {
  const path = (e as NodeJS.ErrnoException | undefined)?.path;
  return typeof path === "string" && typeof (e as NodeJS.ErrnoException).code === "string"
    ? path
    : undefined;
}

/** An error in one line: its name and message, without the stack. */
const errorLine = (e: unknown): string =>
  e instanceof Error ? `${e.name}: ${e.message.split("\n")[0] ?? ""}` : String(e);

/** Runs one command and returns the exit status; never throws. */
export async function main(
  argv: readonly string[],
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  err: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const args = parseArgs(rest, new Set(["force", "json", "markdown"]));
    switch (command) {
      case "check":
        expectOnly(args, "check", CHECK_OPTIONS, 1);
        return await checkCommand(args, out, err);
      case "merge":
        expectOnly(args, "merge", MERGE_OPTIONS, Infinity);
        return await mergeCommand(args, out, err);
      case "template": {
        expectOnly(args, "template", ["force"], 1);
        const path = args.positional[0];
        if (path === undefined)
          throw new UsageError("ishc template: thiếu tệp đầu ra / missing the output file");
        refuseOverwrite(path, args);
        // ExcelJS (and its 130 packages) only for the commands that write with it: loading it
        // took 0.35 s of every check's start.
        const { writeTemplate } = await import("./template");
        await writeTemplate(path);
        out(path);
        return 0;
      }
      case "sample": {
        expectOnly(args, "sample", ["clubs", "seed", "unit", "force"], 1);
        const path = args.positional[0];
        if (path === undefined)
          throw new UsageError("ishc sample: thiếu tệp đầu ra / missing the output file");
        refuseOverwrite(path, args);
        const { writeSample } = await import("./sample");
        const summary = await writeSample(path, {
          clubs: intOption(args, "clubs", 220, 1, 100_000),
          seed: intOption(args, "seed", 1, 0, 2 ** 31 - 1),
          ...unitsOption(args),
        });
        out(
          `${summary.path}: ${formatCount(summary.clubs, "vi")} CLB, ${formatCount(summary.members, "vi")} thành viên / ${countOf(summary.clubs, "club")}, ${countOf(summary.members, "member")}`,
        );
        return 0;
      }
      case "rules":
        expectOnly(args, "rules", ["json", "markdown"], 0);
        return rulesCommand(args, out);
      case "settings":
        expectOnly(args, "settings", ["json"], 0);
        return settingsCommand(args, out);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Lệnh không rõ / unknown command: ${command}`);
    }
  } catch (caught) {
    // A system error that no command turned into a message (template's and sample's writers,
    // for one) is still said with its path and reason, never as a stack trace.
    const e =
      errnoPath(caught) === undefined
        ? caught
        : asFileError(caught, CANNOT_WRITE, errnoPath(caught)!);
    if (e instanceof InputError || e instanceof FileError) {
      err(`ishc: ${e.text.vi}`);
      err(`ishc: ${e.text.en}`);
      return 2;
    }
    if (e instanceof UsageError) {
      err(`ishc: ${e.message}`);
      err(USAGE);
      return 2;
    }
    // The last resort: a fault of ishc itself. Its stack only helps a developer, and shows to a
    // user as noise, so it is printed only when ISHC_DEBUG is set (ISHC_DEBUG=1 ishc check …).
    const detail = process.env["ISHC_DEBUG"] ? ((e as Error).stack ?? String(e)) : errorLine(e);
    err(`ishc: lỗi không mong đợi / unexpected error: ${detail}`);
    err(
      "ishc: Hãy báo lỗi này kèm lệnh đã chạy (đặt ISHC_DEBUG=1 để xem chi tiết) / Please report it with the command you ran (set ISHC_DEBUG=1 for details).",
    );
    return 2;
  }
}
