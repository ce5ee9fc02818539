import { columnLetters, toA1 } from "../model/address";
import { asClubId } from "../model/brand";
import { RawSheet, RawValue } from "../model/cells";
import { FullDate } from "../model/dates";
import { LocalText, say } from "../model/i18n";
import { countOf, formatCount } from "../text/numbers";
import { DateParts, Sex } from "../model/records";
import { FindingSink } from "../findings/sink";
import { parseDateLike, parseHardship, parseSex, parseYesNoOrAmount } from "../parse/values";
import { HARDSHIP_MARKS_LAYOUT, MEMBERS_SPEC } from "../sheets/specs";
import { nameKey } from "../text/normalize";
import { partsToSerial, serialToParts } from "../parse/dates";
import { ClubNames } from "./club-names";
import { amountScale, findHeader, hasClubColumn, HeaderMatch, sexCodeOf } from "./header";
import { forEachDataRow, RowReader } from "./rows";
import {
  ageReading,
  BirthBounds,
  birthFromAge,
  hardshipByMark,
  noteSaysLeft,
  sexByColumn,
  sexByMarks,
} from "./member-layouts";
import { sectionOf } from "./sections";
import { MemberFields, MemberSite, MemberTable } from "./member-table";
import { rememberedParser } from "../parse/remembered-parser";

export type { BirthBounds };

/** What reading a member list needs besides the sheet. */
export interface MemberContext {
  readonly birth: BirthBounds;
  /** The reference date: an age column with no date in its header is an age at this date. */
  readonly ref: FullDate;
  /** The club list, for club cells that give a club's name rather than its id. */
  readonly clubs?: ClubNames;
  /** Given when the sheets are the reader's to empty: each member row once its record is made. */
  readonly release?: (sheet: RawSheet, row0: number) => void;
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
  /** The table to add the members to (a workbook's member sheets share one); a new one if absent. */
  members: MemberTable = new MemberTable(sheet.rows.length),
): MemberTable {
  const { birth } = context;
  const header = known?.header ?? findHeader(sheet, MEMBERS_SPEC);
  const code = sexCodeOf(sheet, header);
  const loanScale = amountScale(sheet, header, "borrowed");
  // One parser of each kind for the sheet, remembering the values it has read (rememberedParser):
  // most of a register's cells repeat, and a parser made per row was garbage per row.
  const bySex = rememberedParser((v: RawValue | undefined) => parseSex(v, code));
  const byBirth = rememberedParser((v: RawValue | undefined) => parseDateLike(v, birth));
  const byDate = rememberedParser((v: RawValue | undefined) => parseDateLike(v));
  const byLoan = rememberedParser(parseYesNoOrAmount);
  const byHardship = rememberedParser(parseHardship);
  const byMarks = header.columns.has("sexMale") || header.columns.has("sexFemale");
  const ageAt = header.columns.has("age") ? ageReading(sheet, header, context.ref, sink) : null;
  const bySections = known?.sections && !hasClubColumn(header) ? known.sections : null;
  // A club cell is read as typed when it is an id of the list; otherwise as the club its text
  // names ("CLB … xã Đức Giang", "xã Đức Giang"); a cell naming none stays as typed, reported.
  const clubField = header.columns.has("clubId") ? "clubId" : "clubName";
  const clubOf = (text: string) => context.clubs?.resolve(text) ?? text;
  let club: string | null = known?.clubId ?? null;
  const orphans: number[] = [];
  /** Rows whose notes say the member left (no leave-date column). */
  const leftByNotes: number[] = [];
  // One for the sheet: each member's origin is made from it and its row (MemberTable).
  const site: MemberSite = { sheet: sheet.name, columns: header.columns };
  // The row's key, made only when a finding needs it, from the row being read: one function for
  // the sheet rather than one per row. A row's findings are all made while it is read.
  let keyClub = "";
  let keyName = "";
  let keyRow: RowReader | undefined;
  const keyField = ageAt ? "age" : "birth";
  const memberKey = () => `${keyClub}/${nameKey(keyName)}/${keyRow!.text(keyField)}`;
  const section = bySections
    ? (row0: number, rows: RawSheet) => {
        const found = sectionOf(rows.rows.at(row0), bySections);
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
      const clubId = bySections
        ? club!
        : (known?.clubId ?? (row.has(clubField) ? clubOf(row.text(clubField)) : ""));
      const name = row.has("name") ? row.text("name") : splitName(row);
      keyClub = clubId;
      keyName = name;
      keyRow = row;
      row.key = memberKey;
      if (clubId === "") row.report(clubField, say("Mã CLB để trống.", "Club id is missing."));
      if (name === "")
        row.report(
          row.has("name") ? "name" : "givenName",
          say("Họ và tên để trống.", "Name is missing."),
        );
      const loan = row.has("borrowed") ? row.parse("borrowed", byLoan) : null;
      let sex: Sex | null;
      let born: DateParts | null;
      if (row.has("sex") || byMarks) {
        sex = byMarks ? sexByMarks(row) : row.parse("sex", bySex, true);
        born = ageAt ? birthFromAge(row, ageAt, birth) : row.parse("birth", byBirth, true);
      } else ({ sex, birth: born } = sexByColumn(row, birth));
      const amount = loan?.amount ?? null;
      const fields: MemberFields = {
        clubId: asClubId(clubId),
        name,
        sex,
        birth: born,
        hardship: row.has("hardship") ? row.parse("hardship", byHardship) : hardshipByMark(row),
        borrowed: loan?.yes === true,
        loanAmount: amount === null ? null : Number((amount * loanScale).toPrecision(15)),
        joined: row.has("joined") ? row.parse("joined", byDate) : null,
        left: row.has("left")
          ? row.parse("left", byDate)
          : leftByNote(row, context.ref, leftByNotes),
      };
      members.add(fields, site, row.row0);
    },
    {
      section,
      reason: known?.reason,
      release: context.release && ((r) => context.release!(sheet, r)),
    },
  );
  if (orphans.length > 0) reportOrphans(sheet, orphans, sink);
  reportAssumed(sheet, header, sink, leftByNotes);
  return members;
}

/**
 * With no leave-date column, a member whose notes say they left ("Đã chuyển đi") had left by the
 * reference date: the register is kept up to date, so the note stands as of then. Their leave
 * date is taken as the day before it (members count until the day they leave).
 */
function leftByNote(row: RowReader, ref: FullDate, rows0: number[]): FullDate | null {
  if (!row.has("leaveNote") || !noteSaysLeft(row.text("leaveNote"))) return null;
  rows0.push(row.row0);
  return serialToParts(partsToSerial(ref) - 1);
}

/** A name split under "Họ đệm" and "Tên", joined again. */
function splitName(row: RowReader): string {
  return [row.text("familyName"), row.text("givenName")].filter((t) => t !== "").join(" ");
}

/** The first few one-based rows of a list ("54, 55, 56, 57, 58, …"), for a message. */
function rowList(rows0: readonly number[]): string {
  const shown = rows0.slice(0, 5).map((r) => r + 1);
  return `${shown.join(", ")}${rows0.length > shown.length ? ", …" : ""}`;
}

/** Members above every section row, or under one that names no known club: one warning. */
function reportOrphans(sheet: RawSheet, rows0: readonly number[], sink: FindingSink): void {
  const rows = rowList(rows0);
  sink.add(
    "layout.section",
    "warning",
    `${sheet.name}:orphans`,
    say(
      `Sheet "${sheet.name}": ${formatCount(rows0.length, "vi")} thành viên (dòng ${rows}) không thuộc dòng mục nào ghi mã hoặc tên một CLB trong danh sách: không được tính. Sửa dòng mục cho đúng tên CLB, hoặc thêm cột Mã CLB.`,
      `Sheet "${sheet.name}": ${countOf(rows0.length, "member")} (${rows0.length === 1 ? "row" : "rows"} ${rows}) ${rows0.length === 1 ? "stands" : "stand"} under no section row naming a club of the club list: not counted. Make the section row give the club's name, or add a club column.`,
    ),
    { sheet: sheet.name, cell: toA1(rows0[0]!, 0) },
  );
}

/**
 * A missing column that changes verdicts is said, with what was assumed in its place: no
 * hardship, nobody left, nobody borrowed.
 */
function reportAssumed(
  sheet: RawSheet,
  header: HeaderMatch,
  sink: FindingSink,
  leftByNotes: readonly number[],
): void {
  const has = (k: string) => header.columns.has(k);
  const missing: { field: string; vi: string; en: string }[] = [];
  if (!has("hardship") && !HARDSHIP_MARKS_LAYOUT.fields.some((f) => has(f.key)))
    missing.push({
      field: "hardship",
      vi: 'không có cột "Hoàn cảnh khó khăn": coi như không thành viên nào có hoàn cảnh khó khăn',
      en: 'no "Hoàn cảnh khó khăn" (hardship) column: no member is taken to be in hardship',
    });
  if (!has("left") && leftByNotes.length > 0) {
    const c = columnLetters(header.columns.get("leaveNote")!);
    const which = ` (${rowList(leftByNotes)})`;
    missing.push({
      field: "left",
      vi: `không có cột "Ngày rời CLB": ${formatCount(leftByNotes.length, "vi")} người có ghi chú ở cột ${c} nói đã rời CLB (đã chuyển đi, đã mất…)${which} không được tính; mọi người khác được coi là còn sinh hoạt`,
      en: `no "Ngày rời CLB" (leave date) column: ${countOf(leftByNotes.length, "member")} whose notes in column ${c} say they left (moved away, died…)${which} ${leftByNotes.length === 1 ? "is" : "are"} not counted; everyone else is taken to be still a member`,
    });
  } else if (!has("left"))
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
