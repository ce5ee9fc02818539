import { RawRow } from "../model/cells";
import { foldDiacritics } from "../text/normalize";
import { ClubNames } from "./club-names";
import { labelRow } from "./row-kinds";

/**
 * Section rows: in a member list with no club column, members are grouped under a row that names
 * their club ("I. CLB liên thế hệ tự giúp nhau xã Đức Giang", often merged across the table), each
 * group numbered from 1 again and closed by a "Cộng" row.
 */
export interface SectionRow {
  /** The club named; null for a section row that names no club of the club list. */
  readonly clubId: string | null;
  readonly text: string;
}

/** A title that starts with a Roman numeral ("II. CLB …", "IV- …"): how club sections are numbered. */
const ROMAN_START = /^[IVXLC]{1,6}[.)\-: ]/;
/** Words that say a row is about a club, folded. */
const CLUB_WORD = /(^| )(clb|cau lac bo)( |$)/;

/**
 * The section a row opens, or undefined for any other row. A section row holds its title alone, or
 * after a numbering cell; every other cell is blank; the title is numbered in Roman numerals or
 * says "CLB". A title naming a known club gives its members that club; one that names no known
 * club gives them none, and they are counted nowhere (the reader says so).
 */
export function sectionOf(row: RawRow | undefined, names: ClubNames): SectionRow | undefined {
  const label = labelRow(row);
  if (!label || (label.cells.length === 2 && !label.numbered)) return undefined;
  const cells = label.cells.map((c) => c.text);
  const title = cells.at(-1)!;
  // The title is text of some length: a number or a short word alone opens no section.
  if (title.length < 3 || label.cells.at(-1)!.number) return undefined;
  const text = cells.join(" ");
  // Only a title that reads as a club section counts: numbered in Roman numerals, or saying
  // "CLB" / "Câu lạc bộ". A member row of a number and a name ("1", "Trần Kim Thành") may well
  // contain a club's place name.
  const looksLikeSection =
    ROMAN_START.test(text) ||
    (cells.length === 2 && /^[IVXLC]+[.)]?$/i.test(cells[0]!)) ||
    CLUB_WORD.test(foldDiacritics(title));
  if (!looksLikeSection) return undefined;
  return { clubId: names.find([title])?.id ?? null, text };
}
