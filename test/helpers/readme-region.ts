import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A markdown table as rows of trimmed cells (Prettier pads them); the dash row left out. */
export const tableRows = (md: string): string[][] =>
  md
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|\s*-/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );

/** A generated region `name` (between its start and end markers) of the README or a doc, or null. */
export function readmeRegion(name: string, file = "README.md"): string | null {
  const readme = readFileSync(join(__dirname, "../..", file), "utf8");
  const m = new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme);
  return m ? m[1]! : null;
}
