/**
 * Renders the ground truth as registers: sheets as cell grids with merged areas, written as a real
 * .xlsx with ExcelJS (file mode, the command line), handed to the simulated Excel as RawSheet[]
 * (dates as serial numbers, merges as RawSheet.merges), or written as CSV text.
 */
import ExcelJS from "exceljs";
import { MergedArea, RawSheet, RawValue } from "../../src/core/model/cells";
import { partsToSerial } from "../../src/core/parse/dates";
import { fold, GtClub, GtMember, Hardship, HARDSHIP, Iso, UNIT } from "./ground-truth";
import { ACTIVITY_HEADERS } from "../helpers/activity-headers";

/** A real date (shown as dd/mm/yyyy in Excel, a serial number to the hosts). */
export interface DateCell {
  readonly date: Iso;
}
export type Cell = RawValue | DateCell;

export interface Grid {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  readonly merges: readonly MergedArea[];
}

const isDate = (v: Cell | undefined): v is DateCell => typeof v === "object" && v !== null;

export const date = (d: Iso): DateCell => ({ date: d });

export function serialOf(d: Iso): number {
  const [year, month, day] = d.split("-").map(Number) as [number, number, number];
  return partsToSerial({ year, month, day });
}

/** "2024-03-05" -> "05/03/2024", as registers type dates. */
export const dmy = (d: Iso): string => d.split("-").reverse().join("/");

// ---------------------------------------------------------------------------------------------
// Columns and tables

/**
 * A column of a table: its header (a [group, sub] pair under a two-row header, the group merged
 * across its columns), its cell for each record, and optionally its cell in a total row.
 */
export interface Column<T> {
  readonly head: string | readonly [string, string];
  readonly cell: (record: T) => Cell;
  /** What the column says in a "Cộng" / "Tổng cộng" row, of the records it totals. */
  readonly total?: (records: readonly T[]) => Cell;
  /** The column that holds the member's name (a total row's label goes there) or the club code. */
  readonly role?: "name" | "clubId" | "no";
}

/** A member as one row of a member table: `no` is its number in the TT column. */
export interface MemberRow {
  readonly m: GtMember;
  readonly club: GtClub;
  readonly no: number;
}

class GridBuilder {
  readonly rows: Cell[][] = [];
  readonly merges: MergedArea[] = [];
  constructor(readonly width: number) {}

  get next(): number {
    return this.rows.length;
  }
  add(cells: readonly Cell[] = []): number {
    this.rows.push([...cells]);
    return this.rows.length - 1;
  }
  merge(row0: number, col0: number, row1: number, col1: number): void {
    if (row0 !== row1 || col0 !== col1) this.merges.push({ row0, col0, row1, col1 });
  }
  /** A row holding `text` in its first cell, merged across the table's width when `merged`. */
  line(text: string, merged: boolean): void {
    const r = this.add([text]);
    if (merged) this.merge(r, 0, r, this.width - 1);
  }
  grid(name: string): Grid {
    return { name, rows: this.rows, merges: this.merges };
  }
}

/** Writes the header of `columns` from the builder's next row: one row, or two with groups. */
function header<T>(b: GridBuilder, columns: readonly Column<T>[]): void {
  const twoRows = columns.some((c) => typeof c.head !== "string");
  if (!twoRows) {
    b.add(columns.map((c) => c.head as string));
    return;
  }
  const top = b.add(columns.map(() => null));
  const sub = b.add(columns.map(() => null));
  for (let c = 0; c < columns.length; c++) {
    const head = columns[c]!.head;
    if (typeof head === "string") {
      b.rows[top]![c] = head;
      b.merge(top, c, sub, c);
      continue;
    }
    const [group, name] = head;
    b.rows[sub]![c] = name;
    const prev = columns[c - 1]?.head;
    if (typeof prev !== "string" && prev?.[0] === group) continue;
    let last = c;
    while (last + 1 < columns.length) {
      const h = columns[last + 1]!.head;
      if (typeof h === "string" || h[0] !== group) break;
      last++;
    }
    b.rows[top]![c] = group;
    b.merge(top, c, top, last);
  }
}

export interface TableOptions {
  readonly name: string;
  /** Title rows above the header, each merged across the table (unless `mergeTitles` is false). */
  readonly titles?: readonly string[];
  readonly mergeTitles?: boolean;
}

/** A plain table: titles, a header, one row per record. */
export function table<T>(
  options: TableOptions & { columns: readonly Column<T>[]; records: readonly T[] },
): Grid {
  const b = new GridBuilder(options.columns.length);
  titles(b, options);
  header(b, options.columns);
  for (const r of options.records) b.add(options.columns.map((c) => c.cell(r)));
  return b.grid(options.name);
}

function titles(b: GridBuilder, options: TableOptions): void {
  if (!options.titles?.length) return;
  for (const t of options.titles) b.line(t, options.mergeTitles ?? true);
  b.add();
}

/** A club's section row: "I. CLB …" in one cell, merged across the table, or split over A and B. */
export interface SectionStyle {
  readonly text: string;
  readonly placement: "cell" | "merged" | "split";
}

export const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"] as const;

export interface MemberTableOptions extends TableOptions {
  readonly clubs: readonly GtClub[];
  readonly columns: readonly Column<MemberRow>[];
  /** Members grouped under a section row per club (the columns then have no club column). */
  readonly sections?: (club: GtClub, index: number) => SectionStyle;
  /** A "Cộng" row after each club's members, with the columns' totals. */
  readonly subtotals?: boolean;
  /** A last "Tổng cộng" row with the columns' totals. */
  readonly grandTotal?: boolean;
  /** The club code merged down each club's member rows (only the top cell holds it). */
  readonly mergeClubCode?: boolean;
  /** A blank row after every `blankEvery` members of a club. */
  readonly blankEvery?: number;
  /** A blank row between two clubs' members. */
  readonly blankBetweenClubs?: boolean;
  /** Numbers in the TT column start from 1 again in each club (default: with sections). */
  readonly numberPerClub?: boolean;
}

/** A member register: titles, header, then each club's members (under a section row or not). */
export function memberTable(o: MemberTableOptions): Grid {
  const width = o.columns.length;
  const b = new GridBuilder(width);
  titles(b, o);
  header(b, o.columns);
  const nameCol = Math.max(
    0,
    o.columns.findIndex((c) => c.role === "name"),
  );
  const clubCol = o.columns.findIndex((c) => c.role === "clubId");
  const totalRow = (label: string, rows: readonly MemberRow[]) => {
    const cells = o.columns.map((c) => c.total?.(rows) ?? null);
    cells[nameCol] = label;
    b.add(cells);
  };
  const perClub = o.numberPerClub ?? o.sections !== undefined;
  let no = 0;
  const all: MemberRow[] = [];
  o.clubs.forEach((club, ci) => {
    if (ci > 0 && o.blankBetweenClubs) b.add();
    if (o.sections) {
      const s = o.sections(club, ci);
      if (s.placement === "split") {
        const dot = s.text.indexOf(". ");
        b.add([s.text.slice(0, dot), s.text.slice(dot + 2)]);
      } else {
        b.line(s.text, s.placement === "merged");
      }
    }
    if (perClub) no = 0;
    const rows = club.members.map((m) => ({ m, club, no: ++no }));
    const first = b.next;
    rows.forEach((r, i) => {
      b.add(o.columns.map((c) => c.cell(r)));
      if (o.blankEvery && (i + 1) % o.blankEvery === 0 && i + 1 < rows.length) b.add();
    });
    if (o.mergeClubCode && clubCol >= 0) {
      const last = b.next - 1;
      for (let r = first + 1; r <= last; r++) b.rows[r]![clubCol] = null;
      b.merge(first, clubCol, last, clubCol);
    }
    if (o.subtotals) totalRow("Cộng", rows);
    all.push(...rows);
  });
  if (o.grandTotal) totalRow("Tổng cộng", all);
  return b.grid(o.name);
}

// ---------------------------------------------------------------------------------------------
// Member columns

const count = (rows: readonly MemberRow[], f: (m: GtMember) => boolean) =>
  rows.filter((r) => f(r.m)).length;

export const M = {
  no: (head = "TT"): Column<MemberRow> => ({ head, cell: (r) => r.no, role: "no" }),
  clubId: (head = "Mã CLB"): Column<MemberRow> => ({
    head,
    cell: (r) => r.club.id,
    role: "clubId",
  }),
  name: (head = "Họ và tên"): Column<MemberRow> => ({ head, cell: (r) => r.m.name, role: "name" }),
  /** Sex as words (Nam / Nữ by default); its total is the number of women. */
  sex: (head = "Giới tính", [male, female] = ["Nam", "Nữ"]): Column<MemberRow> => ({
    head,
    cell: (r) => (r.m.sex === "F" ? female : male),
    total: (rows) => count(rows, (m) => m.sex === "F"),
  }),
  /** Sex as a number code, the code given in the header. */
  sexCoded: (head = "Giới tính (1: Nam, 2: Nữ)", male = 1, female = 2): Column<MemberRow> => ({
    head,
    cell: (r) => (r.m.sex === "F" ? female : male),
  }),
  birth: (head = "Năm sinh"): Column<MemberRow> => ({ head, cell: (r) => r.m.birthYear }),
  /** The age at the end of `year` instead of the birth year. */
  age: (head: string, year: number): Column<MemberRow> => ({
    head,
    cell: (r) => year - r.m.birthYear,
  }),
  /** The birth year under a "Nam" or a "Nữ" sub-column of "Năm sinh": the column gives the sex. */
  birthBySex: (group = "Năm sinh", [male, female] = ["Nam", "Nữ"]): Column<MemberRow>[] => [
    { head: [group, male], cell: (r) => (r.m.sex === "M" ? r.m.birthYear : null) },
    {
      head: [group, female],
      cell: (r) => (r.m.sex === "F" ? r.m.birthYear : null),
      total: (rows) => count(rows, (m) => m.sex === "F"),
    },
  ],
  hardship: (head = "Hoàn cảnh khó khăn"): Column<MemberRow> => ({
    head,
    cell: (r) => r.m.hardship,
    total: (rows) => count(rows, (m) => m.hardship !== null),
  }),
  /** An "x" under the member's category, one sub-column per category of "Hoàn cảnh khó khăn". */
  hardshipMarks: (
    group = "Hoàn cảnh khó khăn",
    heads: readonly string[] = HARDSHIP,
  ): Column<MemberRow>[] =>
    HARDSHIP.map((h: Hardship, i) => ({
      head: [group, heads[i]!] as const,
      cell: (r) => (r.m.hardship === h ? "x" : null),
      total: (rows) => count(rows, (m) => m.hardship === h) || null,
    })),
  /** Borrowed as yes / no words; its total is the number of borrowers. */
  borrowed: (
    head = "Được vay vốn",
    [yes, no]: [Cell, Cell] = ["Có", "Không"],
  ): Column<MemberRow> => ({
    head,
    cell: (r) => (r.m.loan > 0 ? yes : no),
    total: (rows) => count(rows, (m) => m.loan > 0),
  }),
  /** Borrowed as the amount (in đồng / `unit`), blank or `none` without a loan; totalled. */
  loan: (head: string, unit = 1, none: Cell = null): Column<MemberRow> => ({
    head,
    cell: (r) => (r.m.loan > 0 ? r.m.loan / unit : none),
    total: (rows) => rows.reduce((s, r) => s + r.m.loan / unit, 0),
  }),
  joined: (head = "Ngày tham gia", as: (d: Iso) => Cell = date): Column<MemberRow> => ({
    head,
    cell: (r) => as(r.m.joined),
  }),
  left: (head = "Ngày rời CLB", as: (d: Iso) => Cell = date): Column<MemberRow> => ({
    head,
    cell: (r) => (r.m.left === null ? null : as(r.m.left)),
  }),
};

/** The canonical member columns of docs/workbook-format.md. */
export const canonicalMemberColumns = (): Column<MemberRow>[] => [
  M.clubId(),
  M.name(),
  M.sex(),
  M.birth(),
  M.hardship(),
  M.borrowed(),
  M.joined(),
  M.left(),
];

// ---------------------------------------------------------------------------------------------
// Club and fund columns

export { ACTIVITY_HEADERS };

export const C = {
  id: (head = "Mã CLB"): Column<GtClub> => ({ head, cell: (c) => c.id }),
  name: (head = "Tên CLB"): Column<GtClub> => ({ head, cell: (c) => c.name }),
  district: (head = "Huyện", unit = UNIT): Column<GtClub> => ({ head, cell: () => unit }),
  commune: (head = "Xã"): Column<GtClub> => ({ head, cell: (c) => c.commune }),
  foundedYear: (head = "Năm thành lập"): Column<GtClub> => ({
    head,
    cell: (c) => Number(c.founded.slice(0, 4)),
  }),
  foundedDate: (head = "Ngày thành lập", as: (d: Iso) => Cell = date): Column<GtClub> => ({
    head,
    cell: (c) => as(c.founded),
  }),
  activities: (
    heads: readonly (string | readonly [string, string])[] = ACTIVITY_HEADERS,
    [yes, no]: [Cell, Cell] = ["Có", "Không"],
  ): Column<GtClub>[] =>
    heads.map((head, i) => ({ head, cell: (c) => (c.activities[i] ? yes : no) })),
  wellManaged: (
    head = "Quản lý tốt",
    [yes, no]: [Cell, Cell] = ["Có", "Không"],
  ): Column<GtClub> => ({
    head,
    cell: (c) => (c.wellManaged ? yes : no),
  }),
};

export const canonicalClubColumns = (): Column<GtClub>[] => [
  C.id(),
  C.name(),
  C.district(),
  C.commune(),
  C.foundedYear(),
  ...C.activities(),
  C.wellManaged(),
];

/** A club with a fund row: the club and its fund. */
export type FundRow = GtClub & { readonly fund: NonNullable<GtClub["fund"]> };

export const F = {
  id: (head = "Mã CLB"): Column<FundRow> => ({ head, cell: (c) => c.id }),
  /** The operating fund in đồng divided by `unit` (1_000_000 for "triệu đồng"). */
  operating: (head = "Quỹ hoạt động (đồng)", unit = 1): Column<FundRow> => ({
    head,
    cell: (c) => c.fund.operating / unit,
  }),
  income: (head = "Quỹ tăng thu nhập (đồng)", unit = 1): Column<FundRow> => ({
    head,
    cell: (c) => c.fund.income / unit,
  }),
  regulation: (head = "Quy chế quản lý quỹ", [yes, no]: [Cell, Cell] = ["Có", "Không"]) =>
    ({ head, cell: (c) => (c.fund.regulation ? yes : no) }) as Column<FundRow>,
};

export const canonicalFundColumns = (): Column<FundRow>[] => [
  F.id(),
  F.operating(),
  F.income(),
  F.regulation(),
];

export const fundRows = (clubs: readonly GtClub[]): FundRow[] =>
  clubs.filter((c): c is FundRow => c.fund !== null);

/** A notes sheet of free text, which the check must leave alone. */
export const notesSheet = (name = "Ghi chú"): Grid => ({
  name,
  rows: [
    ["Ghi chú"],
    ["Số liệu do các xã gửi về, tổng hợp đến ngày 31/12/2025."],
    ["Các CLB thành lập trước năm 2021 được duy trì theo kế hoạch của huyện."],
    [null, "Người lập biểu", "Nguyễn Văn An"],
    [null, "Số CLB", 6],
  ],
  merges: [],
});

// ---------------------------------------------------------------------------------------------
// Whole registers

/** Every text cell and sheet name without diacritics (a register typed on a bare keyboard). */
export function foldGrid(g: Grid): Grid {
  return {
    ...g,
    name: fold(g.name),
    rows: g.rows.map((r) => r.map((v) => (typeof v === "string" ? fold(v) : v))),
  };
}

/** As Excel hands sheets over: plain values, dates as serial numbers, the merged areas. */
export function toRawSheets(grids: readonly Grid[]): RawSheet[] {
  return grids.map((g) => ({
    name: g.name,
    rows: g.rows.map((r) => r.map((v) => (isDate(v) ? serialOf(v.date) : v))),
    ...(g.merges.length > 0 ? { merges: g.merges } : {}),
  }));
}

/** A real .xlsx written by ExcelJS: dates as date-formatted serials, merged cells merged. */
export async function toXlsx(grids: readonly Grid[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (isDate(v)) {
          cell.value = serialOf(v.date);
          cell.numFmt = "dd/mm/yyyy";
        } else {
          cell.value = v;
        }
      }),
    );
    for (const m of g.merges) ws.mergeCells(m.row0 + 1, m.col0 + 1, m.row1 + 1, m.col1 + 1);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The sheet as "Save as CSV" writes it: dates as dd/mm/yyyy, fields quoted when they need it. */
export function toCsv(g: Grid): string {
  const field = (v: Cell | undefined): string => {
    if (v === null || v === undefined) return "";
    const s = isDate(v) ? dmy(v.date) : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const width = Math.max(...g.rows.map((r) => r.length));
  return g.rows
    .map((r) => Array.from({ length: width }, (_, c) => field(r[c])).join(","))
    .join("\r\n");
}
