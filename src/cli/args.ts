import { DEFAULT_XLSX_LIMITS, XlsxLimits } from "../hosts/xlsx";
/** A small argument parser: positional arguments and `--name value` / `--name=value` options. */
export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string>;
}

export class UsageError extends Error {}

export function parseArgs(
  argv: readonly string[],
  flags: ReadonlySet<string> = new Set(),
): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (flags.has(name)) {
      options.set(name, "true");
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`--${name}: thiếu giá trị / missing value`);
    options.set(name, value);
  }
  return { positional, options };
}

export function intOption(
  args: ParsedArgs,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(
      `--${name} ${raw}: cần số nguyên từ ${min} đến ${max} / expected an integer from ${min} to ${max}`,
    );
  }
  return n;
}

/** Refuses options a command does not know and positional arguments beyond the ones it takes. */
export function expectOnly(
  args: ParsedArgs,
  command: string,
  options: readonly string[],
  positional: number,
): void {
  for (const name of args.options.keys()) {
    if (!options.includes(name)) {
      throw new UsageError(`ishc ${command}: không có tuỳ chọn / unknown option --${name}`);
    }
  }
  if (args.positional.length > positional) {
    throw new UsageError(
      `ishc ${command}: thừa tham số / unexpected argument "${args.positional[positional]}"`,
    );
  }
}

/** The size limits of `--max-rows N` and `--max-unpacked-mb N`, the host's defaults otherwise. */
export function xlsxLimitsFrom(args: ParsedArgs): Partial<XlsxLimits> {
  return {
    maxRows: intOption(args, "max-rows", DEFAULT_XLSX_LIMITS.maxRows, 1, 10_000_000),
    maxUnpackedBytes:
      intOption(args, "max-unpacked-mb", DEFAULT_XLSX_LIMITS.maxUnpackedBytes / 2 ** 20, 1, 16384) *
      2 ** 20,
  };
}
