import { parseA1, toA1 } from "../model/address";
import { RawSheet, RawValue } from "../model/cells";
import { Finding } from "../model/finding";
import { say } from "../model/i18n";
import { Club, DateParts, Fund, Member, Origin } from "../model/records";
import { partsToSerial } from "../parse/dates";
import { FindingSink } from "../findings/sink";
import { parseAmount } from "../parse/values";
import { CLUBS_SPEC, FUNDS_SPEC, MEMBERS_SPEC, SheetSpec } from "../sheets/specs";
import { cleanText } from "../text/normalize";
import { canonicalKey, CanonicalSheet, MergedValue, PlainSheet, rawAt } from "./canonical";
import { FileRecords } from "./read-records";
import { mergeRoadmap } from "./roadmap";
import { shortText } from "../text/short-text";

export interface SourceFile {
  /** The file's name as the user knows it: it names the file in every message. */
  readonly name: string;
  readonly records: FileRecords;
}

/** What each file brought, for the report's "sources". */
export interface SourceSummary {
  readonly file: string;
  readonly clubs: number;
  readonly members: number;
  readonly funds: number;
  readonly roadmapUnits: number;
  /**
   * Sheets of the file with fields that several columns could be (what a mapping settles); only
   * when there are some, as in the layout, so that plain files report as they did.
   */
  readonly ambiguous?: readonly { readonly sheet: string; readonly fields: readonly string[] }[];
}

export interface MergedWorkbook {
  /** CLB, Thành viên, then Quỹ and Lộ trình when any file has them. */
  readonly sheets: readonly PlainSheet[];
  /** The merge's own findings, then what the reader reported about each file. */
  readonly findings: readonly Finding[];
  readonly sources: readonly SourceSummary[];
}

/** The canonical fields some file has a column for (a layout field counts for its own). */
function present(spec: SheetSpec, origins: Iterable<Origin>): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<ReadonlyMap<string, number>>();
  for (const o of origins) {
    if (seen.has(o.columns)) continue;
    seen.add(o.columns);
    for (const k of o.columns.keys()) keys.add(canonicalKey(spec, k));
  }
  return keys;
}

const rowsOf = (records: FileRecords, origin: Origin): RawSheet["rows"] =>
  records.sheets.get(origin.sheet)?.rows ?? [];

/**
 * The province's workbook as plain sheets: every file's clubs, members, funds and roadmap units in
 * the canonical layout, each row naming its file and source row. Values are copied as typed, so
 * that the merged workbook's check finds a bad cell again at its new place; only what the layout
 * of a file decided is written out: the sex of "x"-mark and coded columns, a birth year written
 * under "Nam" / "Nữ", hardship marks, the club of a one-club member sheet.
 */
export function mergeFiles(files: readonly SourceFile[]): MergedWorkbook {
  const sink = new FindingSink();
  const all = <T>(pick: (r: FileRecords) => Iterable<T>) =>
    files.flatMap((f) => [...pick(f.records)]);
  const sheetOf = (spec: SheetSpec, origins: readonly Origin[]) =>
    new CanonicalSheet(spec, present(spec, origins));
  const clubs = sheetOf(
    CLUBS_SPEC,
    all((r) => r.clubs).map((c) => c.origin),
  );
  const members = sheetOf(
    MEMBERS_SPEC,
    all((r) => r.members).map((m) => m.origin),
  );
  const funds = sheetOf(
    FUNDS_SPEC,
    all((r) => r.funds).map((f) => f.origin),
  );
  const firstClub = new Map<string, { file: string; where: string }>();
  for (const { name: file, records } of files) {
    for (const club of records.clubs) {
      const rows = rowsOf(records, club.origin);
      const row0 = clubs.add(file, club.origin, (k) => rawAt(rows, club.origin, k));
      duplicateClub(club, file, row0, clubs, firstClub, sink);
    }
    for (const m of records.members) {
      members.add(file, m.origin, (k) => memberValue(m, k, rowsOf(records, m.origin)));
    }
    for (const f of records.funds) {
      const rows = rowsOf(records, f.origin);
      funds.add(file, f.origin, (k) => fundValue(f, k, rows));
    }
  }
  const roadmap = mergeRoadmap(files, sink);
  const sheets: PlainSheet[] = [clubs.toPlain(), members.toPlain()];
  if (files.some((f) => f.records.hasFunds)) sheets.push(funds.toPlain());
  if (roadmap.sheet) sheets.push(roadmap.sheet.toPlain());
  const targets = [clubs, members, funds, ...(roadmap.sheet ? [roadmap.sheet] : [])];
  return {
    sheets,
    findings: [...sink.all(), ...files.flatMap((f) => forwarded(f, targets))],
    sources: files.map(({ name, records: r }) => ({
      file: name,
      clubs: r.clubs.length,
      members: r.members.length,
      funds: r.funds.length,
      roadmapUnits: r.roadmap.length,
      ...ambiguousOf(r),
    })),
  };
}

function ambiguousOf(r: FileRecords): Pick<SourceSummary, "ambiguous"> {
  const ambiguous = r.layout.flatMap((l) =>
    l.ambiguous?.length ? [{ sheet: l.sheet, fields: l.ambiguous.map((a) => a.field) }] : [],
  );
  return ambiguous.length > 0 ? { ambiguous } : {};
}

/**
 * The same club id in two files: both rows are kept, so the merged check's own duplicate rule
 * reports the later one too; this finding says which files, which the check alone cannot.
 */
function duplicateClub(
  club: Club,
  file: string,
  row0: number,
  sheet: CanonicalSheet,
  first: Map<string, { file: string; where: string }>,
  sink: FindingSink,
): void {
  const key = club.id.toLowerCase();
  const where = `${club.origin.sheet}!${club.origin.row0 + 1}`;
  const before = first.get(key);
  if (!before) {
    first.set(key, { file, where });
    return;
  }
  sink.add(
    "merge.duplicateClub",
    "error",
    `${club.id}/${file}`,
    say(
      `Mã CLB "${shortText(club.id)}" có ở cả tệp "${before.file}" (${before.where}) và tệp "${file}" (${where}): hai dòng được giữ, nhưng khi kiểm tra thành viên và quỹ của cả hai được tính cho CLB ở tệp "${before.file}". Đổi mã một CLB hoặc xóa dòng thừa.`,
      `Club id "${shortText(club.id)}" is in both "${before.file}" (${before.where}) and "${file}" (${where}): both rows are kept, but the check counts the members and funds of both under the club of "${before.file}". Give one club another id or remove the extra row.`,
    ),
    { sheet: sheet.name, cell: toA1(row0, sheet.column("id")) },
  );
}

const SEX_TEXT = { M: "Nam", F: "Nữ" } as const;

/** A member's value for the merged sheet: as typed, except where the file's layout decided it. */
function memberValue(m: Member, key: string, rows: RawSheet["rows"]): MergedValue {
  const o = m.origin;
  switch (key) {
    case "clubId":
      // A club given by its name, a section row or the sheet's title is written as its id.
      return o.columns.has("clubId") && m.clubId === cleanText(rawAt(rows, o, key).value)
        ? rawAt(rows, o, key)
        : { value: m.clubId };
    case "name":
      return o.columns.has("name") ? rawAt(rows, o, key) : { value: m.name };
    case "sex":
      // A sex read from marks or a code is written as the word; an unreadable one as typed.
      if (m.sex) return { value: SEX_TEXT[m.sex] };
      return o.columns.has("sex") ? rawAt(rows, o, key) : { value: null };
    case "birth": {
      if (o.columns.has("birth")) return rawAt(rows, o, key);
      // An age becomes the birth year it was read as; an unreadable one is copied as typed.
      if (o.columns.has("age")) return m.birth ? { value: m.birth.year } : rawAt(rows, o, "age");
      const male = rawAt(rows, o, "birthMale");
      return cleanText(male.value) !== "" ? male : rawAt(rows, o, "birthFemale");
    }
    case "hardship":
      return o.columns.has("hardship") ? rawAt(rows, o, key) : { value: m.hardship };
    case "borrowed":
      return inDong(rawAt(rows, o, key), m.loanAmount);
    case "left":
      // A departure read from the notes is written as the date it stands for.
      return o.columns.has("left") || !m.left ? rawAt(rows, o, key) : { value: dateValue(m.left) };
    default:
      return rawAt(rows, o, key);
  }
}

/** A fund's value: as typed, amounts in đồng. */
function fundValue(f: Fund, key: string, rows: RawSheet["rows"]): MergedValue {
  const typed = rawAt(rows, f.origin, key);
  if (key === "operatingFund") return inDong(typed, f.operatingFund);
  if (key === "incomeFund") return inDong(typed, f.incomeFund);
  return typed;
}

/**
 * An amount as typed, unless the file's header gave it in another unit ("Quỹ hoạt động (triệu
 * đồng)": 5 is 5.000.000 đồng): then the amount the reader made of it, in đồng, as the merged
 * sheet's header says.
 */
function inDong(typed: MergedValue, amount: number | null): MergedValue {
  if (amount === null) return typed;
  const read = parseAmount(typed.value);
  return read.ok && read.value === amount ? typed : { value: amount };
}

/**
 * What the reader said about a file, named by the file, except what the merged check will say
 * again about a cell copied as typed. A finding about a record's row points at that row in the
 * merged workbook (the cell of its field, or the row's "Dòng nguồn"); its message keeps the
 * source address.
 */
function forwarded(file: SourceFile, sheets: readonly CanonicalSheet[]): Finding[] {
  const out: Finding[] = [];
  for (const f of file.records.findings) {
    const cell = f.sheet && f.cell ? parseA1(f.cell) : null;
    const place = cell
      ? sheets
          .map((s) => s.places.get(`${file.name}\n${f.sheet}\n${cell.row0}`))
          .find((p) => p !== undefined)
      : undefined;
    if (place && cell && place.copied.includes(cell.col0)) continue;
    const base = {
      id: `${f.rule}|${file.name}/${f.id.slice(f.rule.length + 1)}`,
      rule: f.rule,
      severity: f.severity,
      message: say(`Tệp "${file.name}": ${f.message.vi}`, `File "${file.name}": ${f.message.en}`),
    };
    out.push(
      place && cell
        ? {
            ...base,
            sheet: place.sheet,
            cell: toA1(place.row0, place.columns.get(cell.col0) ?? place.sourceColumn),
          }
        : base,
    );
  }
  return out;
}

/** A date as the merged sheet holds it: a serial number, or the year alone. */
function dateValue(d: DateParts): RawValue {
  return d.month !== undefined && d.day !== undefined
    ? partsToSerial({ year: d.year, month: d.month, day: d.day })
    : d.year;
}
