import { columnLetters, toA1 } from "../model/address";
import { asClubId } from "../model/brand";
import { RawSheet, RawValue } from "../model/cells";
import { FullDate } from "../model/dates";
import { LocalText, say } from "../model/i18n";
import { DateParts, Member, Sex } from "../model/records";
import { FindingSink } from "../findings/sink";
import {
  parseCount,
  parseDateLike,
  parseHardship,
  parseSex,
  parseYesNo,
  parseYesNoOrAmount,
} from "../parse/values";
import { HARDSHIP_MARKS_LAYOUT, MEMBERS_SPEC } from "../sheets/specs";
import { nameKey } from "../text/normalize";
import { ClubNames } from "./club-names";
import { amountScale, columnNotes, findHeader, HeaderMatch, sexCodeOf } from "./header";
import { noteDate } from "./header-text";
import { forEachDataRow, RowReader } from "./rows";
import { sectionOf } from "./sections";

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

/** What reading a member list needs besides the sheet. */
export interface MemberContext {
  readonly birth: BirthBounds;
  /** The reference date: an age column with no date in its header is an age at this date. */
  readonly ref: FullDate;
}

/** A member sheet already recognised (one club's own list, a list by sections, or any). */
export interface KnownMemberSheet {
  /** The club all its members belong to (from the sheet's name or title), or null. */
  readonly clubId: string | null;
  readonly header: HeaderMatch;
  /** With no club column: the club list, to read section rows ("I. CLB … xã Đức Giang"). */
  readonly sections?: ClubNames;
  /** Why the sheet was read as a member list, for the layout. */
  readonly reason?: LocalText;
}

/** How an age column is read: the date it is at, and where that date came from. */
function ageReading(sheet: RawSheet, header: HeaderMatch, ref: FullDate, sink: FindingSink) {
  const stated = columnNotes(sheet, header, "age")
    .map(noteDate)
    .find((d) => d !== null);
  const at = stated ?? ref;
  const c = header.columns.get("age")!;
  const day = `${String(at.day).padStart(2, "0")}/${String(at.month).padStart(2, "0")}/${at.year}`;
  sink.add(
    "layout.age",
    "info",
    `${sheet.name}:age`,
    stated
      ? say(
          `Sheet "${sheet.name}": cột ${columnLetters(c)} ghi tuổi tính đến ${day} (theo tiêu đề cột): năm sinh = ${at.year} − tuổi.`,
          `Sheet "${sheet.name}": column ${columnLetters(c)} holds ages at ${day} (as its header says): birth year = ${at.year} − age.`,
        )
      : say(
          `Sheet "${sheet.name}": cột ${columnLetters(c)} ghi tuổi, tiêu đề không ghi tính đến ngày nào: coi là tuổi tại ngày báo cáo ${day}, năm sinh = ${at.year} − tuổi.`,
          `Sheet "${sheet.name}": column ${columnLetters(c)} holds ages and its header gives no date: read as ages at the reference date ${day}, birth year = ${at.year} − age.`,
        ),
    { sheet: sheet.name, cell: toA1(header.headerRows0.at(-1)!, c) },
  );
  return at;
}

/** The birth year an age gives, reported at the cell when it is not a plausible age. */
function birthFromAge(row: RowReader, at: FullDate, bounds: BirthBounds): DateParts | null {
  const age = row.parse("age", parseCount, true);
  if (age === null) return null;
  const year = at.year - age;
  if (year < bounds.minYear || year > bounds.maxYear) {
    row.report(
      "age",
      say(
        `Tuổi: "${row.text("age")}" không hợp lý (năm sinh ${year} ngoài khoảng ${bounds.minYear}–${bounds.maxYear}).`,
        `Age: "${row.text("age")}" is implausible (birth year ${year} outside ${bounds.minYear}–${bounds.maxYear}).`,
      ),
    );
    return null;
  }
  return { year };
}

/**
 * Reads the member register. Every member row is kept (even with unreadable cells) so that the
 * rules can decide what counts; each unreadable value has become a finding at its cell. In a sheet
 * read by sections, members under no known club are not kept, and said so once.
 */
export function readMembers(
  sheet: RawSheet,
  sink: FindingSink,
  context: MemberContext,
  known?: KnownMemberSheet,
): Member[] {
  const { birth } = context;
  const header = known?.header ?? findHeader(sheet, MEMBERS_SPEC);
  const code = sexCodeOf(sheet, header);
  const loanScale = amountScale(sheet, header, "borrowed");
  const bySex = (v: RawValue | undefined) => parseSex(v, code);
  const byMarks = header.columns.has("sexMale") || header.columns.has("sexFemale");
  const ageAt = header.columns.has("age") ? ageReading(sheet, header, context.ref, sink) : null;
  const bySections = known?.sections && !header.columns.has("clubId") ? known.sections : null;
  let club: string | null = known?.clubId ?? null;
  const orphans: number[] = [];
  const members: Member[] = [];
  const section = bySections
    ? (row0: number, rows: RawSheet) => {
        const found = sectionOf(rows.rows[row0], bySections);
        if (found) club = found.clubId;
        return found;
      }
    : undefined;
  forEachDataRow(
    sheet,
    MEMBERS_SPEC,
    header,
    sink,
    (row) => {
      if (bySections && club === null) {
        orphans.push(row.row0);
        return;
      }
      const clubId = bySections ? club! : (known?.clubId ?? row.text("clubId"));
      const name = row.text("name");
      row.key = () => `${clubId}/${nameKey(name)}/${row.text(ageAt ? "age" : "birth")}`;
      if (clubId === "") row.report("clubId", say("Mã CLB để trống.", "Club id is missing."));
      if (name === "") row.report("name", say("Họ và tên để trống.", "Name is missing."));
      const loan = row.has("borrowed") ? row.parse("borrowed", parseYesNoOrAmount) : null;
      const { sex, birth: born } =
        row.has("sex") || byMarks
          ? {
              sex: byMarks ? sexByMarks(row) : row.parse("sex", bySex, true),
              birth: ageAt
                ? birthFromAge(row, ageAt, birth)
                : row.parse("birth", (v) => parseDateLike(v, birth), true),
            }
          : sexByColumn(row, birth);
      const amount = loan?.amount ?? null;
      members.push({
        clubId: asClubId(clubId),
        name,
        sex,
        birth: born,
        hardship: row.has("hardship") ? row.parse("hardship", parseHardship) : hardshipByMark(row),
        borrowed: loan?.yes === true,
        loanAmount: amount === null ? null : Number((amount * loanScale).toPrecision(15)),
        joined: row.has("joined") ? row.parse("joined", (v) => parseDateLike(v)) : null,
        left: row.has("left") ? row.parse("left", (v) => parseDateLike(v)) : null,
        origin: row.origin(),
      });
    },
    { section, reason: known?.reason },
  );
  if (orphans.length > 0) reportOrphans(sheet, orphans, sink);
  reportAssumed(sheet, header, sink);
  return members;
}

/** Members above every section row, or under one that names no known club: one warning. */
function reportOrphans(sheet: RawSheet, rows0: readonly number[], sink: FindingSink): void {
  const shown = rows0.slice(0, 5).map((r) => r + 1);
  const rows = `${shown.join(", ")}${rows0.length > shown.length ? ", …" : ""}`;
  sink.add(
    "layout.section",
    "warning",
    `${sheet.name}:orphans`,
    say(
      `Sheet "${sheet.name}": ${rows0.length} thành viên (dòng ${rows}) không thuộc dòng mục nào ghi mã hoặc tên một CLB trong danh sách: không được tính. Sửa dòng mục cho đúng tên CLB, hoặc thêm cột Mã CLB.`,
      `Sheet "${sheet.name}": ${rows0.length} member(s) (rows ${rows}) stand under no section row naming a club of the club list: not counted. Make the section row give the club's name, or add a club column.`,
    ),
    { sheet: sheet.name, cell: toA1(rows0[0]!, 0) },
  );
}

/**
 * A missing column that changes verdicts is said, with what was assumed in its place: no
 * hardship, nobody left, nobody borrowed.
 */
function reportAssumed(sheet: RawSheet, header: HeaderMatch, sink: FindingSink): void {
  const has = (k: string) => header.columns.has(k);
  const missing: { field: string; vi: string; en: string }[] = [];
  if (!has("hardship") && !HARDSHIP_MARKS_LAYOUT.fields.some((f) => has(f.key)))
    missing.push({
      field: "hardship",
      vi: 'không có cột "Hoàn cảnh khó khăn": coi như không thành viên nào có hoàn cảnh khó khăn',
      en: 'no "Hoàn cảnh khó khăn" (hardship) column: no member is taken to be in hardship',
    });
  if (!has("left"))
    missing.push({
      field: "left",
      vi: 'không có cột "Ngày rời CLB": mọi người trong danh sách được coi là còn sinh hoạt',
      en: 'no "Ngày rời CLB" (leave date) column: everyone listed is taken to be still a member',
    });
  if (!has("borrowed"))
    missing.push({
      field: "borrowed",
      vi: 'không có cột "Được vay vốn": coi như không thành viên nào được vay vốn, nên không CLB nào đạt tiêu chí vay vốn',
      en: 'no "Được vay vốn" (loans) column: no member is taken to have borrowed, so no club meets the borrowing criterion',
    });
  for (const m of missing)
    sink.add(
      "layout.assumed",
      "warning",
      `${sheet.name}:${m.field}`,
      say(`Sheet "${sheet.name}": ${m.vi}.`, `Sheet "${sheet.name}": ${m.en}.`),
      { sheet: sheet.name, cell: undefined },
    );
}
