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

/** The README's generated region `name` (between its start and end markers), or null. */
export function readmeRegion(name: string): string | null {
  const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
  const m = new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme);
  return m ? m[1]! : null;
}
