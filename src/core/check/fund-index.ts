import { say } from "../model/i18n";
import { cellOf, Club, Fund } from "../model/records";
import { FindingSink } from "../findings/sink";

/** One fund row per club: rows for unknown clubs and repeated rows are reported, the first counts. */
export function indexFunds(
  clubs: readonly Club[],
  funds: readonly Fund[],
  sink: FindingSink,
): Map<string, Fund> {
  const byLowerId = new Map(clubs.map((c) => [c.id.toLowerCase(), c.id as string]));
  const index = new Map<string, Fund>();
  for (const f of funds) {
    const at = cellOf(f.origin, "clubId");
    const id = byLowerId.get(f.clubId.toLowerCase());
    if (id === undefined) {
      sink.add(
        "fund.unknownClub",
        "error",
        f.clubId,
        say(
          `Dòng quỹ của mã CLB "${f.clubId}" không có trong danh sách CLB.`,
          `Fund row for club id "${f.clubId}", which is not in the club list.`,
        ),
        at,
      );
      continue;
    }
    if (index.has(id)) {
      sink.add(
        "fund.duplicate",
        "warning",
        id,
        say(
          `CLB ${id} có nhiều dòng quỹ: chỉ dòng ${index.get(id)!.origin.row0 + 1} được tính.`,
          `Club ${id} has several fund rows: only row ${index.get(id)!.origin.row0 + 1} counts.`,
        ),
        at,
      );
      continue;
    }
    index.set(id, f);
  }
  return index;
}
