import { ruleDocs, rulesMarkdown, rulesText } from "../core/rules/rule-docs";
import { ParsedArgs, UsageError } from "./args";

/**
 * `ishc rules`: every rule of the registry, in both languages; `--json` for other tools,
 * `--markdown` for the README's list (a test keeps the README equal to it).
 */
export function rulesCommand(args: ParsedArgs, out: (line: string) => void): number {
  const json = args.options.has("json");
  const markdown = args.options.has("markdown");
  if (json && markdown)
    throw new UsageError("ishc rules: --json hoặc --markdown, không cả hai / not both");
  out(json ? JSON.stringify(ruleDocs(), null, 2) : markdown ? rulesMarkdown() : rulesText());
  return 0;
}
