import { asClubId } from "../model/brand";
import { RawSheet, RawValue } from "../model/cells";
import { say } from "../model/i18n";
import { DateParts, Member, Sex } from "../model/records";
import { FindingSink } from "../findings/sink";
import {
  parseDateLike,
  parseHardship,
  parseSex,
  parseYesNo,
  parseYesNoOrAmount,
} from "../parse/values";
import { HARDSHIP_MARKS_LAYOUT, MEMBERS_SPEC } from "../sheets/specs";
import { nameKey } from "../text/normalize";
import { findHeader, HeaderMatch, sexCodeOf } from "./header";
import { forEachDataRow, RowReader } from "./rows";

/**
 * The "Nam" / "Nữ" sub-column layout: the birth year stands under the member's sex. Both filled,
 * or neither, is reported at the row's cells.
 */
function sexByColumn(
  row: RowReader,
  bounds: BirthBounds,
): { sex: Sex | null; birth: DateParts | null } {
  const male = row.text("birthMale") !== "";
  const female = row.text("birthFemale") !== "";
  const year = (field: string) => row.parse(field, (v) => parseDateLike(v, bounds), true);
  if (male && female) {
    row.report(
      "birthFemale",
      say(
        "Năm sinh ghi ở cả cột Nam và cột Nữ: không biết giới tính.",
        "Birth year written under both Nam and Nữ: the sex is unknown.",
      ),
      "member.sex",
    );
    return { sex: null, birth: year("birthMale") };
  }
  if (male) return { sex: "M", birth: year("birthMale") };
  if (female) return { sex: "F", birth: year("birthFemale") };
  row.report(
    "birthMale",
    say("Năm sinh để trống ở cả cột Nam và cột Nữ.", "Birth year missing under both Nam and Nữ."),
    "member.birth",
  );
  return { sex: null, birth: null };
}

/**
 * The "Nam" / "Nữ" mark layout: a mark ("x", "✓", 1, "Có") in the member's column, the birth year
 * in a column of its own. With a lone "Nữ" column, a mark is a woman and no mark a man. Marks in
 * both columns or in neither, and anything that is not a mark, are reported at the row's cells.
 */
function sexByMarks(row: RowReader): Sex | null {
  /** true: a mark; false: blank, 0 or "Không"; undefined: not a mark (reported). */
  const mark = (field: "sexMale" | "sexFemale", name: string): boolean | undefined => {
    if (!row.has(field)) return false;
    const v = parseYesNo(row.raw(field));
    if (v.ok) return v.value === true;
    const shown = row.text(field);
    row.report(
      field,
      say(
        `Cột ${name}: "${shown}" không phải dấu giới tính. Năm sinh đã có cột riêng, nên cột Nam/Nữ chỉ đánh "x" (hoặc để trống).`,
        `Column ${name}: "${shown}" is not a sex mark. The birth year has a column of its own, so the Nam/Nữ columns take only an "x" (or a blank).`,
      ),
    );
    return undefined;
  };
  const male = mark("sexMale", "Nam");
  const female = mark("sexFemale", "Nữ");
  if (male === undefined || female === undefined) return null;
  // One column alone: its mark gives its sex, no mark the other.
  if (!row.has("sexMale")) return female ? "F" : "M";
  if (!row.has("sexFemale")) return male ? "M" : "F";
  if (male && female) {
    row.report(
      "sexMale",
      say(
        "Đánh dấu ở cả cột Nam và cột Nữ: không biết giới tính.",
        "Marked under both Nam and Nữ: the sex is unknown.",
      ),
    );
    return null;
  }
  if (!male && !female) {
    row.report(
      "sexMale",
      say(
        "Không đánh dấu ở cột Nam hay cột Nữ: thiếu giới tính.",
        "Marked under neither Nam nor Nữ: the sex is missing.",
      ),
    );
    return null;
  }
  return male ? "M" : "F";
}

/** The first hardship category whose sub-column holds a yes mark ("x", "Có"), if any. */
function hardshipByMark(row: RowReader): string | null {
  let found: string | null = null;
  for (const field of HARDSHIP_MARKS_LAYOUT.fields) {
    if (row.has(field.key) && row.parse(field.key, parseYesNo) === true) found ??= field.header;
  }
  return found;
}

export interface BirthBounds {
  readonly minYear: number;
  readonly maxYear: number;
}

/**
 * Reads the member register. Every member row is kept (even with unreadable cells) so that the
 * rules can decide what counts; each unreadable value has become a finding at its cell.
 */
export function readMembers(
  sheet: RawSheet,
  sink: FindingSink,
  birth: BirthBounds,
  /** A sheet already recognised (one club's own list, or another member sheet). */
  known?: { readonly clubId: string | null; readonly header: HeaderMatch },
): Member[] {
  const header = known?.header ?? findHeader(sheet, MEMBERS_SPEC);
  const code = sexCodeOf(sheet, MEMBERS_SPEC, header);
  const bySex = (v: RawValue | undefined) => parseSex(v, code);
  const byMarks = header.columns.has("sexMale") || header.columns.has("sexFemale");
  const members: Member[] = [];
  forEachDataRow(sheet, MEMBERS_SPEC, header, sink, (row) => {
    const clubId = known?.clubId ?? row.text("clubId");
    const name = row.text("name");
    row.key = () => `${clubId}/${nameKey(name)}/${row.text("birth")}`;
    if (clubId === "") row.report("clubId", say("Mã CLB để trống.", "Club id is missing."));
    if (name === "") row.report("name", say("Họ và tên để trống.", "Name is missing."));
    const loan = row.parse("borrowed", parseYesNoOrAmount);
    const { sex, birth: born } =
      row.has("sex") || byMarks
        ? {
            sex: byMarks ? sexByMarks(row) : row.parse("sex", bySex, true),
            birth: row.parse("birth", (v) => parseDateLike(v, birth), true),
          }
        : sexByColumn(row, birth);
    members.push({
      clubId: asClubId(clubId),
      name,
      sex,
      birth: born,
      hardship: row.has("hardship") ? row.parse("hardship", parseHardship) : hardshipByMark(row),
      borrowed: loan?.yes === true,
      loanAmount: loan?.amount ?? null,
      joined: row.has("joined") ? row.parse("joined", (v) => parseDateLike(v)) : null,
      left: row.has("left") ? row.parse("left", (v) => parseDateLike(v)) : null,
      origin: row.origin(),
    });
  });
  return members;
}
