import { settingsJson, settingsText } from "../core/model/settings-docs";
import { ParsedArgs } from "./args";

/** `ishc settings`: every setting of the schema, in both languages; `--json` for other tools. */
export function settingsCommand(args: ParsedArgs, out: (line: string) => void): number {
  out(args.options.has("json") ? JSON.stringify(settingsJson(), null, 2) : settingsText());
  return 0;
}
