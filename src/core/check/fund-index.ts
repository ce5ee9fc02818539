import { say } from "../model/i18n";
import { countOf, formatCount } from "../text/numbers";
import { cellOf, Club, Fund } from "../model/records";
import { FindingSink } from "../findings/sink";
import { shortText } from "../text/short-text";

/**
 * One fund row per club: the first row of a club counts. Rows for unknown clubs are reported, and
 * so is every row of a club listed more than once, the one that counts included: which row comes
 * first changes when the sheet is sorted, so reporting all of them keeps the same findings (and,
 * told apart by their content, the same ids) whatever the order, and shows the user every row to
 * merge.
 */
export function indexFunds(
  clubs: readonly Club[],
  funds: readonly Fund[],
  sink: FindingSink,
): Map<string, Fund> {
  const byLowerId = new Map(clubs.map((c) => [c.id.toLowerCase(), c.id as string]));
  const rowsOf = new Map<string, Fund[]>();
  for (const f of funds) {
    const id = byLowerId.get(f.clubId.toLowerCase());
    if (id === undefined) {
      sink.add(
        "fund.unknownClub",
        "error",
        f.clubId,
        say(
          `Dòng quỹ của mã CLB "${shortText(f.clubId)}" không có trong danh sách CLB.`,
          `Fund row for club id "${shortText(f.clubId)}", which is not in the club list.`,
        ),
        cellOf(f.origin, "clubId"),
        fundContent(f),
      );
      continue;
    }
    const rows = rowsOf.get(id);
    if (rows) rows.push(f);
    else rowsOf.set(id, [f]);
  }
  const index = new Map<string, Fund>();
  for (const [id, rows] of rowsOf) {
    const first = rows[0]!;
    index.set(id, first);
    if (rows.length === 1) continue;
    const counted = first.origin.row0 + 1;
    const all = rows.map((f) => f.origin.row0 + 1).join(", ");
    for (const f of rows) {
      sink.add(
        "fund.duplicate",
        "warning",
        id,
        f === first
          ? say(
              `CLB ${shortText(id)} có ${formatCount(rows.length, "vi")} dòng quỹ (dòng ${all}): dòng này được tính, các dòng còn lại không được tính.`,
              `Club ${shortText(id)} has ${countOf(rows.length, "fund row")} (rows ${all}): this row counts, the others do not.`,
            )
          : say(
              `CLB ${shortText(id)} có ${formatCount(rows.length, "vi")} dòng quỹ (dòng ${all}): chỉ dòng ${counted} được tính.`,
              `Club ${shortText(id)} has ${countOf(rows.length, "fund row")} (rows ${all}): only row ${counted} counts.`,
            ),
        cellOf(f.origin, "clubId"),
        fundContent(f),
      );
    }
  }
  return index;
}

/** What tells apart two fund rows of one club, whatever the rows' order (see FindingSink). */
const fundContent = (f: Fund): string =>
  JSON.stringify([f.operatingFund, f.incomeFund, f.regulation, f.clubId]);
