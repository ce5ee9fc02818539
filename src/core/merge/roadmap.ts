import { toA1 } from "../model/address";
import { say } from "../model/i18n";
import { RoadmapEntry } from "../model/records";
import { FindingSink } from "../findings/sink";
import { ROADMAP_SPEC, ROADMAP_YEARS } from "../sheets/specs";
import { parseUnit, UnitIndex } from "../text/units";
import { CanonicalSheet, rawAt } from "./canonical";
import { FileRecords } from "./read-records";
import { shortText } from "../text/short-text";

interface Kept {
  readonly entry: RoadmapEntry;
  readonly file: string;
  readonly row0: number;
}

/** The counts of a unit, in the appendix's order. */
const numbers = (e: RoadmapEntry): number[] => [
  e.before,
  e.planTotal,
  ...ROADMAP_YEARS.map((y) => e.plan[y] ?? 0),
  e.total,
];

const shown = (e: RoadmapEntry): string => numbers(e).join(", ");

/**
 * The province's roadmap: the union of the files' units, one row per unit ("H. Vũ Quang" and
 * "Huyện Vũ Quang" are one, as in a single roadmap sheet). District files often carry the whole
 * provincial appendix: a unit given twice with the same counts is kept once; with other counts the
 * first file's row is kept and the disagreement reported. No roadmap in any file: no sheet, and
 * the check uses the Hà Tĩnh appendix and says so.
 */
export function mergeRoadmap(
  files: readonly { readonly name: string; readonly records: FileRecords }[],
  sink: FindingSink,
): { sheet: CanonicalSheet | null } {
  const withRoadmap = files.filter((f) => f.records.hasRoadmap);
  if (withRoadmap.length === 0) return { sheet: null };
  const without = files.filter((f) => !f.records.hasRoadmap).map((f) => `"${f.name}"`);
  if (without.length > 0) {
    sink.add(
      "merge.roadmapMissing",
      "info",
      without.join(","),
      say(
        `Tệp ${without.join(", ")} không có sheet Lộ trình: phụ lục của tỉnh chỉ gồm các đơn vị trong lộ trình của các tệp khác.`,
        `${without.join(", ")} ${without.length > 1 ? "have" : "has"} no roadmap sheet: the province's appendix holds only the units of the other files' roadmaps.`,
      ),
    );
  }
  const present = new Set<string>();
  for (const f of withRoadmap)
    for (const e of f.records.roadmap)
      for (const k of e.origin?.columns.keys() ?? []) present.add(k);
  const sheet = new CanonicalSheet(ROADMAP_SPEC, present);
  const kept: Kept[] = [];
  // The kept rows' units, each parsed once (see UnitIndex).
  const keptUnits = new UnitIndex();
  for (const { name: file, records } of withRoadmap) {
    for (const entry of records.roadmap) {
      const origin = entry.origin;
      if (!origin) continue;
      const same = sameUnit(entry.unit, keptUnits);
      const first = same === null ? undefined : kept.find((k) => k.entry.unit === same);
      if (!first) {
        const rows = records.sheets.get(origin.sheet)?.rows ?? [];
        const row0 = sheet.add(file, origin, (k) => rawAt(rows, origin, k));
        kept.push({ entry, file, row0 });
        keptUnits.add(entry.unit);
        continue;
      }
      if (numbers(entry).join() === numbers(first.entry).join()) continue;
      sink.add(
        "merge.roadmapConflict",
        "warning",
        `${first.entry.unit}/${file}`,
        say(
          `Lộ trình của "${shortText(first.entry.unit)}" khác nhau: tệp "${first.file}" ghi ${shown(first.entry)}, tệp "${file}" (${origin.sheet}!${origin.row0 + 1}) ghi ${shown(entry)}. Dùng số của tệp "${first.file}".`,
          `The roadmap of "${shortText(first.entry.unit)}" differs: "${first.file}" gives ${shown(first.entry)}, "${file}" (${origin.sheet}!${origin.row0 + 1}) gives ${shown(entry)}. The numbers of "${first.file}" are used.`,
        ),
        { sheet: sheet.name, cell: toA1(first.row0, sheet.column("unit")) },
      );
    }
  }
  return { sheet };
}

/** The kept unit this one is, by the roadmap reader's own test of a repeated unit. */
function sameUnit(unit: string, known: UnitIndex): string | null {
  const same = known.match(unit);
  if (!same.match) return null;
  const kinds = [parseUnit(unit).kind, parseUnit(same.match).kind];
  return !same.loose || kinds.includes(null) ? same.match : null;
}
