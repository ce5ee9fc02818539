import { say } from "../model/i18n";
import { cellOf, Club } from "../model/records";
import { FindingSink } from "../findings/sink";
import { UnitIndex, UnitMatch } from "../text/units";
import { shortText } from "../text/short-text";

/**
 * Matches each club's unit text to a roadmap unit across prefixes, case, Unicode form and tone
 * placement. A loose match is reported once per distinct text (info); an unknown or ambiguous
 * unit once per club (the club cannot be counted in the progress).
 */
export function matchClubUnits(
  clubs: readonly Club[],
  known: readonly string[],
  sink: FindingSink,
): Map<string, string | null> {
  const index = new UnitIndex(known);
  const byText = new Map<string, UnitMatch>();
  const result = new Map<string, string | null>();
  for (const club of clubs) {
    if (club.unitText === "") {
      result.set(club.id, null);
      continue;
    }
    let m = byText.get(club.unitText);
    const at = cellOf(club.origin, "district");
    if (!m) {
      m = index.match(club.unitText);
      byText.set(club.unitText, m);
      if (m.match && m.loose) {
        sink.add(
          "club.unitLoose",
          "info",
          club.unitText,
          say(
            `"${shortText(club.unitText)}" được hiểu là "${shortText(m.match)}".`,
            `"${shortText(club.unitText)}" was read as "${shortText(m.match)}".`,
          ),
          at,
        );
      }
    }
    result.set(club.id, m.match);
    if (m.match) continue;
    const ambiguous = m.candidates.length > 1;
    sink.add(
      "club.unit",
      ambiguous ? "error" : "warning",
      club.id,
      ambiguous
        ? say(
            `CLB ${shortText(club.id)}: "${shortText(club.unitText)}" có thể là ${m.candidates.map((c) => shortText(c)).join(" hoặc ")}; ghi rõ tiền tố (Huyện, Thị xã, Thành phố).`,
            `Club ${shortText(club.id)}: "${shortText(club.unitText)}" could be ${m.candidates.map((c) => shortText(c)).join(" or ")}; write the prefix (Huyện, Thị xã, Thành phố).`,
          )
        : say(
            `CLB ${shortText(club.id)}: đơn vị "${shortText(club.unitText)}" không có trong lộ trình; CLB không được tính vào tiến độ.`,
            `Club ${shortText(club.id)}: unit "${shortText(club.unitText)}" is not in the roadmap; the club is left out of the progress.`,
          ),
      at,
    );
  }
  return result;
}
