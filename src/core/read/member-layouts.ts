import { columnLetters, toA1 } from "../model/address";
import { RawSheet } from "../model/cells";
import { FullDate } from "../model/dates";
import { say } from "../model/i18n";
import { DateParts, Sex } from "../model/records";
import { FindingSink } from "../findings/sink";
import { parseCount, parseDateLike, parseYesNo } from "../parse/values";
import { HARDSHIP_MARKS_LAYOUT } from "../sheets/specs";
import { columnNotes, HeaderMatch } from "./header";
import { noteDate } from "./header-text";
import { RowReader } from "./rows";
import { foldDiacritics } from "../text/normalize";
import { shortText } from "../text/short-text";

/**
 * A member's sex, birth year and hardship where the register's layout gives them otherwise than in
 * a column of their own: the birth year under "Nam" / "Nữ", sex as marks, hardship as marks under
 * category sub-columns, an age instead of the birth year.
 */

export interface BirthBounds {
  readonly minYear: number;
  readonly maxYear: number;
}

/**
 * The "Nam" / "Nữ" sub-column layout: the birth year stands under the member's sex. Both filled,
 * or neither, is reported at the row's cells.
 */
export function sexByColumn(
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
export function sexByMarks(row: RowReader): Sex | null {
  /** true: a mark; false: blank, 0 or "Không"; undefined: not a mark (reported). */
  const mark = (field: "sexMale" | "sexFemale", name: string): boolean | undefined => {
    if (!row.has(field)) return false;
    const v = parseYesNo(row.raw(field));
    if (v.ok) return v.value === true;
    const shown = row.text(field);
    row.report(
      field,
      say(
        `Cột ${name}: "${shortText(shown)}" không phải dấu giới tính. Năm sinh đã có cột riêng, nên cột Nam/Nữ chỉ đánh "x" (hoặc để trống).`,
        `Column ${name}: "${shortText(shown)}" is not a sex mark. The birth year has a column of its own, so the Nam/Nữ columns take only an "x" (or a blank).`,
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
export function hardshipByMark(row: RowReader): string | null {
  let found: string | null = null;
  for (const field of HARDSHIP_MARKS_LAYOUT.fields) {
    if (row.has(field.key) && row.parse(field.key, parseYesNo) === true) found ??= field.header;
  }
  return found;
}

/** How an age column is read: the date it is at, and where that date came from. */
export function ageReading(sheet: RawSheet, header: HeaderMatch, ref: FullDate, sink: FindingSink) {
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
export function birthFromAge(row: RowReader, at: FullDate, bounds: BirthBounds): DateParts | null {
  const age = row.parse("age", parseCount, true);
  if (age === null) return null;
  const year = at.year - age;
  if (year < bounds.minYear || year > bounds.maxYear) {
    row.report(
      "age",
      say(
        `Tuổi: "${shortText(row.text("age"))}" không hợp lý (năm sinh ${year} ngoài khoảng ${bounds.minYear}–${bounds.maxYear}).`,
        `Age: "${shortText(row.text("age"))}" is implausible (birth year ${year} outside ${bounds.minYear}–${bounds.maxYear}).`,
      ),
    );
    return null;
  }
  return { year };
}

/**
 * Notes that say a member left, folded: moved away, died, asked to leave, stopped attending. A
 * note that only mentions the club ("Chủ nhiệm CLB") does not match: each phrase is a departure
 * ("mất" only as "đã mất" or "mất năm …": folded, "mặt trận" would be "mat" too).
 */
const LEFT_NOTE =
  /(?:^|[^a-z])(?:(?:da )?chuyen di|chuyen (?:den|ve|sang) (?:noi|xa|huyen|tinh)|da mat|mat (?:nam|ngay|thang)|qua doi|tu tran|da chet|(?:xin )?ra khoi|(?:da )?roi (?:clb|cau lac bo|khoi)|thoi (?:tham gia|sinh hoat)|(?:da )?nghi sinh hoat|khong con sinh hoat)(?:$|[^a-z])/;

/** Whether a notes cell says the member left the club. */
export const noteSaysLeft = (note: string): boolean =>
  note !== "" && LEFT_NOTE.test(foldDiacritics(note));
