import { readdirSync, readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { writeWorkbook } from "../helpers/xlsx-fixtures";
import { rowsOf as allRows } from "../helpers/rows";

/** Shared by the outputs tests: a register whose one club has an id of our choosing. */
const rowsOf = (s: ReturnType<typeof clubsSheet>) =>
  allRows(s).map((r) => [...(r ?? [])].map((v) => v ?? null));

/** Writes a one-club register; the club's id marks which run wrote a copy or a report. */
export async function registerOf(path: string, clubId: string): Promise<void> {
  await writeWorkbook(path, {
    CLB: rowsOf(clubsSheet([club(clubId)])),
    "Thành viên": rowsOf(membersSheet(members(clubId, 20, 12, 12, 10))),
    Quỹ: rowsOf(fundsSheet([fund(clubId)])),
  });
}

/** Which club id a checked copy holds, of `ids` (read in its parts' XML), or "old" for another file. */
export function copyMark(path: string, ids: readonly string[]): string {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 2).toString() !== "PK") return bytes.toString("utf8");
  const parts = unzipSync(bytes);
  const text = Object.values(parts)
    .map((p) => strFromU8(p))
    .join("\n");
  const found = ids.filter((id) => text.includes(id));
  return found.length === 1 ? found[0]! : `several: ${found.join(",")}`;
}

/** Which club id a report is about, or the file's text when it is not a report. */
export function reportMark(path: string): string {
  const text = readFileSync(path, "utf8");
  try {
    const json = JSON.parse(text) as { clubs: { id: string }[] };
    return json.clubs.map((c) => c.id).join(",");
  } catch {
    return text;
  }
}

/** Hidden files ishc may leave beside its outputs (locks, temporaries, kept old files). */
export const hiddenIn = (dir: string): string[] =>
  readdirSync(dir).filter((f) => f.startsWith(".") && f.includes("ishc"));
