/**
 * The corpus: the same ground truth (test/corpus/ground-truth.ts), or a stated subset of it,
 * rendered as registers are really kept. Each variant says in one line what it varies; what it
 * lets the reader know (a hardship column, a leave-date column, ages instead of birth years) is
 * stated with it, and the expected results follow from that (test/corpus/expected.ts).
 */
import { District, fold, GtClub, subsetOf } from "./ground-truth";
import { READS_ALL, Reads } from "./expected";
import {
  ACTIVITY_HEADERS,
  C,
  canonicalClubColumns,
  canonicalFundColumns,
  canonicalMemberColumns,
  Column,
  dmy,
  F,
  foldGrid,
  fundRows,
  Grid,
  M,
  memberTable,
  MemberRow,
  MemberTableOptions,
  notesSheet,
  ROMAN,
  SectionStyle,
  table,
  toCsv,
} from "./render";

export type HostName = "cli" | "file" | "office" | "merge";
/**
 * The three hosts of a check, and the merge: the register merged into a provincial workbook (as
 * "Gộp tệp" / `ishc merge` does) must give the same clubs when that workbook is checked.
 */
export const HOSTS: readonly HostName[] = ["cli", "file", "office", "merge"];

/** An .xlsx register and what a correct check of it finds. */
export interface XlsxRegister {
  readonly kind: "xlsx";
  readonly fileName: string;
  readonly sheets: readonly Grid[];
  /** The ground truth the register holds (the district or a subset). */
  readonly district: District;
  readonly reads: Reads;
  /** The sheets holding members (a layout.assumed warning is expected on each, per gap). */
  readonly memberSheets: readonly string[];
  /** The member sheets give ages, not birth years: one layout.age info finding each. */
  readonly ages: boolean;
}

/** A file that is not an .xlsx: the check stops with an input error asking for one. */
export interface OtherFile {
  readonly kind: "csv";
  readonly fileName: string;
  readonly text: string;
}

export type Register = XlsxRegister | OtherFile;

export interface Variant {
  readonly id: string;
  /** What it varies, in one line. */
  readonly varies: string;
  /** The hosts it runs on (all three by default). */
  readonly hosts?: readonly HostName[];
  readonly build: (d: District) => Register;
}

// ---------------------------------------------------------------------------------------------
// Parts

const clubsGrid = (
  d: District,
  name = "CLB",
  columns: readonly Column<GtClub>[] = canonicalClubColumns(),
  titles?: readonly string[],
): Grid => table({ name, columns, records: d.clubs, ...(titles ? { titles } : {}) });

const fundsGrid = (
  d: District,
  name = "Quỹ",
  columns = canonicalFundColumns(),
  titles?: readonly string[],
): Grid => table({ name, columns, records: fundRows(d.clubs), ...(titles ? { titles } : {}) });

const membersGrid = (
  d: District,
  options: Partial<MemberTableOptions> & { name?: string } = {},
): Grid =>
  memberTable({
    name: "Thành viên",
    columns: canonicalMemberColumns(),
    clubs: d.clubs,
    ...options,
  });

interface XlsxParts {
  readonly sheets: readonly Grid[];
  readonly district: District;
  readonly memberSheets?: readonly string[];
  readonly reads?: Partial<Reads>;
  readonly ages?: boolean;
}

const xlsx = (id: string, p: XlsxParts): XlsxRegister => ({
  kind: "xlsx",
  fileName: `${id}.xlsx`,
  sheets: p.sheets,
  district: p.district,
  reads: { ...READS_ALL, ...p.reads },
  memberSheets: p.memberSheets ?? ["Thành viên"],
  ages: p.ages ?? false,
});

/** The canonical workbook with its member sheet replaced. */
const withMembers = (id: string, d: District, members: Grid, rest: Partial<XlsxParts> = {}) =>
  xlsx(id, {
    sheets: [clubsGrid(d), members, fundsGrid(d)],
    district: d,
    memberSheets: [members.name],
    ...rest,
  });

const TITLES = [
  "HỘI NGƯỜI CAO TUỔI HUYỆN VŨ QUANG",
  "DANH SÁCH THÀNH VIÊN CÁC CLB LIÊN THẾ HỆ TỰ GIÚP NHAU",
  "(Tính đến ngày 31/12/2025)",
];

/** The member columns without the club column, for section rows and one-club sheets. */
const unclubbed = (): Column<MemberRow>[] => [
  M.no(),
  M.name(),
  M.sex(),
  M.birth(),
  M.hardship(),
  M.borrowed(),
  M.joined(),
  M.left(),
];

const section =
  (
    style: (index: number) => {
      case?: "upper";
      accents?: false;
      placement: SectionStyle["placement"];
    },
  ) =>
  (club: GtClub, i: number): SectionStyle => {
    const s = style(i);
    let name = club.name;
    if (s.case === "upper") name = name.toUpperCase();
    if (s.accents === false) name = fold(name);
    return { text: `${ROMAN[i]}. ${name}`, placement: s.placement };
  };

/** Sections in every style in turn: as-is, capitals merged, no accents, split, … */
const MIXED_SECTIONS = section(
  (i) =>
    (
      [
        { placement: "cell" },
        { placement: "merged", case: "upper" },
        { placement: "cell", accents: false },
        { placement: "split" },
        { placement: "merged" },
        { placement: "split", case: "upper", accents: false },
      ] as const
    )[i % 6]!,
);

// ---------------------------------------------------------------------------------------------
// The variants

export const VARIANTS: readonly Variant[] = [
  {
    id: "canonical",
    varies: "nothing: the canonical sheets CLB / Thành viên / Quỹ (control)",
    build: (d) => withMembers("canonical", d, membersGrid(d)),
  },
  {
    id: "brackets-millions",
    varies:
      'headers with units/notes in brackets; loans as amounts "Vay vốn (đồng)"; fund "(triệu đồng)" in millions',
    build: (d) =>
      xlsx("brackets-millions", {
        district: d,
        sheets: [
          clubsGrid(d),
          membersGrid(d, {
            columns: [
              M.clubId(),
              M.name(),
              M.sex("Giới tính (Nam/Nữ)"),
              M.birth("Năm sinh (dương lịch)"),
              M.hardship("Hoàn cảnh khó khăn (ghi rõ)"),
              M.loan("Vay vốn (đồng)"),
              M.joined(),
              M.left(),
            ],
          }),
          fundsGrid(d, "Quỹ", [
            F.id(),
            F.operating("Quỹ hoạt động (triệu đồng)", 1_000_000),
            F.income("Quỹ tăng thu nhập (triệu đồng)", 1_000_000),
            F.regulation(),
          ]),
        ],
      }),
  },
  {
    id: "brackets-thousands",
    varies:
      'fund and loans in thousands: "Quỹ hoạt động (nghìn đồng)", "Vay vốn (nghìn đồng)", 0 = none',
    build: (d) =>
      xlsx("brackets-thousands", {
        district: d,
        sheets: [
          clubsGrid(d),
          membersGrid(d, {
            columns: [
              M.clubId(),
              M.name(),
              M.sex(),
              M.birth(),
              M.hardship(),
              M.loan("Vay vốn (nghìn đồng)", 1000, 0),
              M.joined(),
              M.left(),
            ],
          }),
          fundsGrid(d, "Quỹ", [
            F.id(),
            F.operating("Quỹ hoạt động (nghìn đồng)", 1000),
            F.income("Quỹ tăng thu nhập (nghìn đồng)", 1000),
            F.regulation(),
          ]),
        ],
      }),
  },
  {
    id: "brackets-1000d",
    varies: 'fund in thousands written "Quỹ hoạt động (1.000đ)"',
    build: (d) =>
      xlsx("brackets-1000d", {
        district: d,
        sheets: [
          clubsGrid(d),
          membersGrid(d),
          fundsGrid(d, "Quỹ", [
            F.id(),
            F.operating("Quỹ hoạt động (1.000đ)", 1000),
            F.income("Quỹ tăng thu nhập (1.000đ)", 1000),
            F.regulation(),
          ]),
        ],
      }),
  },
  {
    id: "amounts-as-text",
    varies: 'amounts typed as text with "." thousands: loans "3.500.000", funds "5.000.000"',
    build: (d) => {
      const text = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
      return xlsx("amounts-as-text", {
        district: d,
        sheets: [
          clubsGrid(d),
          membersGrid(d, {
            columns: canonicalMemberColumns().map((c) =>
              c.head === "Được vay vốn"
                ? {
                    head: "Số tiền vay",
                    cell: (r: MemberRow) => (r.m.loan > 0 ? text(r.m.loan) : null),
                  }
                : c,
            ),
          }),
          fundsGrid(d, "Quỹ", [
            F.id(),
            { head: "Quỹ hoạt động (đồng)", cell: (c) => text(c.fund.operating) },
            { head: "Quỹ tăng thu nhập (đồng)", cell: (c) => text(c.fund.income) },
            F.regulation(),
          ]),
        ],
      });
    },
  },
  {
    id: "sex-coded",
    varies: 'sex as a number, header "Giới tính (1: Nam, 2: Nữ)"',
    build: (d) =>
      withMembers(
        "sex-coded",
        d,
        membersGrid(d, {
          columns: canonicalMemberColumns().map((c) => (c.head === "Giới tính" ? M.sexCoded() : c)),
        }),
      ),
  },
  {
    id: "extra-words",
    varies:
      'extra words in headers: "Mã số CLB", "Họ và tên thành viên", "Năm sinh của thành viên", "Số tiền được vay (đồng)"',
    build: (d) =>
      xlsx("extra-words", {
        district: d,
        sheets: [
          clubsGrid(d, "CLB", [C.id("Mã số CLB"), ...canonicalClubColumns().slice(1)]),
          membersGrid(d, {
            columns: [
              M.clubId("Mã số CLB"),
              M.name("Họ và tên thành viên"),
              M.sex(),
              M.birth("Năm sinh của thành viên"),
              M.hardship(),
              M.loan("Số tiền được vay (đồng)"),
              M.joined(),
              M.left(),
            ],
          }),
          fundsGrid(d, "Quỹ", [F.id("Mã số CLB"), ...canonicalFundColumns().slice(1)]),
        ],
      }),
  },
  {
    id: "no-accents",
    varies:
      'everything typed without accents: sheet names, headers ("Ma CLB", "Nam sinh", "Quy hoat dong"), values ("Nu", "Co", "Khong")',
    build: (d) =>
      xlsx("no-accents", {
        district: d,
        memberSheets: ["Thanh vien"],
        sheets: [
          clubsGrid(d),
          membersGrid(d),
          fundsGrid(d, "Quỹ", [
            F.id(),
            F.operating("Quỹ hoạt động"),
            F.income("Quỹ tăng thu nhập"),
            F.regulation(),
          ]),
        ].map(foldGrid),
      }),
  },
  {
    id: "sheets-generic",
    varies: 'sheets named by content only: "Sheet1" (clubs), "Sheet2" (members), "Sheet3" (funds)',
    build: (d) =>
      xlsx("sheets-generic", {
        district: d,
        memberSheets: ["Sheet2"],
        sheets: [
          clubsGrid(d, "Sheet1"),
          membersGrid(d, { name: "Sheet2" }),
          fundsGrid(d, "Sheet3"),
        ],
      }),
  },
  {
    id: "quy-order-notes",
    varies: 'fund sheet named "Quy", sheets in an unusual order, a "Ghi chú" notes sheet first',
    build: (d) =>
      xlsx("quy-order-notes", {
        district: d,
        sheets: [notesSheet(), fundsGrid(d, "Quy"), membersGrid(d), clubsGrid(d)],
      }),
  },
  {
    id: "sections-mixed",
    varies:
      'no club column: members under section rows "I. CLB …" in every style (as-is, capitals merged, no accents, split A/B), numbered per club, "Cộng" and "Tổng cộng" rows',
    build: (d) =>
      withMembers(
        "sections-mixed",
        d,
        membersGrid(d, {
          titles: ["DANH SÁCH THÀNH VIÊN CLB LIÊN THẾ HỆ TỰ GIÚP NHAU HUYỆN VŨ QUANG"],
          columns: unclubbed(),
          sections: MIXED_SECTIONS,
          subtotals: true,
          grandTotal: true,
        }),
      ),
  },
  {
    id: "sections-split-loans",
    varies:
      'section rows with the numeral in column A and the name in column B, loan amounts, "Cộng" rows with sums, no title',
    build: (d) =>
      withMembers(
        "sections-split-loans",
        d,
        membersGrid(d, {
          columns: [
            M.no("STT"),
            M.name(),
            M.sex(),
            M.birth(),
            M.hardship(),
            M.loan("Số tiền vay"),
            M.joined(),
            M.left(),
          ],
          sections: section(() => ({ placement: "split" })),
          subtotals: true,
          grandTotal: true,
        }),
      ),
  },
  {
    id: "club-code-merged",
    varies:
      "the club code merged down each club's member rows (only the top cell holds it), a TT column",
    build: (d) =>
      withMembers(
        "club-code-merged",
        d,
        membersGrid(d, {
          columns: [M.no(), ...canonicalMemberColumns()],
          mergeClubCode: true,
        }),
      ),
  },
  {
    id: "dates-ra-khoi",
    varies:
      'date headers "Ngày vào CLB", "Ngày ra khỏi CLB"; clubs founded as a date, "Ngày thành lập"',
    build: (d) =>
      xlsx("dates-ra-khoi", {
        district: d,
        sheets: [
          clubsGrid(d, "CLB", [
            ...canonicalClubColumns().slice(0, 4),
            C.foundedDate(),
            ...canonicalClubColumns().slice(5),
          ]),
          membersGrid(d, {
            columns: [
              ...canonicalMemberColumns().slice(0, 6),
              M.joined("Ngày vào CLB"),
              M.left("Ngày ra khỏi CLB"),
            ],
          }),
          fundsGrid(d),
        ],
      }),
  },
  {
    id: "dates-chuyen-di-text",
    varies:
      'date headers "Ngày kết nạp", "Ngày chuyển đi", "Thời gian thành lập", every date typed as dd/mm/yyyy text',
    build: (d) =>
      xlsx("dates-chuyen-di-text", {
        district: d,
        sheets: [
          clubsGrid(d, "CLB", [
            ...canonicalClubColumns().slice(0, 4),
            C.foundedDate("Thời gian thành lập", dmy),
            ...canonicalClubColumns().slice(5),
          ]),
          membersGrid(d, {
            columns: [
              ...canonicalMemberColumns().slice(0, 6),
              M.joined("Ngày kết nạp", dmy),
              M.left("Ngày chuyển đi", dmy),
            ],
          }),
          fundsGrid(d),
        ],
      }),
  },
  {
    id: "dates-roi-clb",
    varies:
      'leave dates under "Ngày rời CLB" before the join dates, founded "Ngày thành lập" as text',
    build: (d) =>
      xlsx("dates-roi-clb", {
        district: d,
        sheets: [
          clubsGrid(d, "CLB", [
            ...canonicalClubColumns().slice(0, 4),
            C.foundedDate("Ngày thành lập", dmy),
            ...canonicalClubColumns().slice(5),
          ]),
          membersGrid(d, {
            columns: [
              ...canonicalMemberColumns().slice(0, 6),
              M.left("Ngày rời CLB"),
              M.joined("Ngày vào CLB"),
            ],
          }),
          fundsGrid(d),
        ],
      }),
  },
  {
    id: "age-at-ref",
    varies: 'age instead of birth year: "Tuổi" (2025 − birth year)',
    build: (d) =>
      withMembers(
        "age-at-ref",
        d,
        membersGrid(d, {
          columns: canonicalMemberColumns().map((c) =>
            c.head === "Năm sinh" ? M.age("Tuổi", 2025) : c,
          ),
        }),
        { ages: true },
      ),
  },
  {
    id: "age-at-2024",
    varies: 'age at another date: "Tuổi (tính đến 31/12/2024)" (2024 − birth year)',
    build: (d) =>
      withMembers(
        "age-at-2024",
        d,
        membersGrid(d, {
          columns: canonicalMemberColumns().map((c) =>
            c.head === "Năm sinh" ? M.age("Tuổi (tính đến 31/12/2024)", 2024) : c,
          ),
        }),
        { ages: true },
      ),
  },
  {
    id: "two-row-birth-by-sex",
    varies:
      'two-row header: "Năm sinh" merged over "Nam" / "Nữ" sub-columns holding the birth year (no sex column)',
    build: (d) =>
      withMembers(
        "two-row-birth-by-sex",
        d,
        membersGrid(d, {
          columns: [
            M.no(),
            M.clubId(),
            M.name(),
            ...M.birthBySex(),
            M.hardship(),
            M.borrowed(),
            M.joined(),
            M.left(),
          ],
        }),
      ),
  },
  {
    id: "two-row-hardship-marks",
    varies: 'two-row header: "Hoàn cảnh khó khăn" merged over its six categories, "x" marks',
    build: (d) =>
      withMembers(
        "two-row-hardship-marks",
        d,
        membersGrid(d, {
          columns: [
            M.clubId(),
            M.name(),
            M.sex(),
            M.birth(),
            ...M.hardshipMarks(),
            M.borrowed(),
            M.joined(),
            M.left(),
          ],
        }),
      ),
  },
  {
    id: "titles-stt-blank-rows",
    varies:
      "three title rows above every table, an STT column, blank rows inside the member table, a Tổng cộng row",
    build: (d) =>
      xlsx("titles-stt-blank-rows", {
        district: d,
        sheets: [
          clubsGrid(d, "CLB", canonicalClubColumns(), [
            "HỘI NGƯỜI CAO TUỔI HUYỆN VŨ QUANG",
            "DANH SÁCH CÁC CLB LIÊN THẾ HỆ TỰ GIÚP NHAU",
          ]),
          membersGrid(d, {
            titles: TITLES,
            columns: [M.no("STT"), ...canonicalMemberColumns()],
            blankEvery: 10,
            blankBetweenClubs: true,
            grandTotal: true,
          }),
          fundsGrid(d, "Quỹ", canonicalFundColumns(), [
            "HỘI NGƯỜI CAO TUỔI HUYỆN VŨ QUANG",
            "QUỸ CỦA CÁC CLB",
          ]),
        ],
      }),
  },
  {
    id: "no-hardship-column",
    varies:
      "a member register without a hardship column (hardship counts 0, a layout.assumed warning)",
    build: (d) =>
      withMembers(
        "no-hardship-column",
        d,
        membersGrid(d, {
          columns: canonicalMemberColumns().filter((c) => c.head !== "Hoàn cảnh khó khăn"),
        }),
        { reads: { hardship: false } },
      ),
  },
  {
    id: "no-leave-column",
    varies:
      "a member register without a leave-date column (everyone listed counts, leavers included; a layout.assumed warning)",
    build: (d) =>
      withMembers(
        "no-leave-column",
        d,
        membersGrid(d, {
          columns: canonicalMemberColumns().filter((c) => c.head !== "Ngày rời CLB"),
        }),
        { reads: { left: false } },
      ),
  },
  {
    id: "per-club-sheets-by-id",
    varies:
      "one member sheet per club, named by the club id, no club column, no sheet for all members",
    build: (d) =>
      xlsx("per-club-sheets-by-id", {
        district: d,
        memberSheets: d.clubs.map((c) => c.id),
        sheets: [
          clubsGrid(d),
          ...d.clubs.map((c) =>
            memberTable({
              name: c.id,
              clubs: [c],
              titles: ["DANH SÁCH THÀNH VIÊN"],
              columns: unclubbed(),
            }),
          ),
          fundsGrid(d),
        ],
      }),
  },
  {
    id: "per-club-sheets-titled",
    varies:
      'one member sheet per club named "Sheet4", "Sheet5", …, each with title rows naming its club',
    build: (d) => {
      const names = d.clubs.map((_, i) => `Sheet${i + 4}`);
      return xlsx("per-club-sheets-titled", {
        district: d,
        memberSheets: names,
        sheets: [
          clubsGrid(d),
          fundsGrid(d),
          ...d.clubs.map((c, i) =>
            memberTable({
              name: names[i]!,
              clubs: [c],
              titles: [
                "HỘI NGƯỜI CAO TUỔI HUYỆN VŨ QUANG",
                `DANH SÁCH THÀNH VIÊN ${c.name.toUpperCase()}`,
              ],
              columns: unclubbed(),
            }),
          ),
        ],
      });
    },
  },
  {
    id: "csv-export",
    varies: "the member sheet exported as CSV: an input error asking for .xlsx",
    hosts: ["cli", "file", "merge"],
    build: (d) => ({ kind: "csv", fileName: "Thanh vien.csv", text: toCsv(membersGrid(d)) }),
  },
  {
    id: "subset-interleaved",
    varies: "a stated subset (VQ-01, VQ-03, VQ-05) with the members sorted by name across clubs",
    build: (full) => {
      const d = subsetOf(full, ["VQ-01", "VQ-03", "VQ-05"]);
      const rows = d.clubs
        .flatMap((club) => club.members.map((m) => ({ m, club, no: 0 })))
        .sort((a, b) => a.m.name.localeCompare(b.m.name, "vi"))
        .map((r, i) => ({ ...r, no: i + 1 }));
      const columns = [M.no(), ...canonicalMemberColumns()];
      const members = table({ name: "Thành viên", columns, records: rows });
      return withMembers("subset-interleaved", d, members);
    },
  },
  {
    id: "combo-folded-sections-merged",
    varies:
      "no accents anywhere + members under section rows merged across the table, in capitals + merged title rows",
    build: (d) =>
      xlsx("combo-folded-sections-merged", {
        district: d,
        memberSheets: ["Danh sach thanh vien"],
        sheets: [
          clubsGrid(d),
          membersGrid(d, {
            name: "Danh sách thành viên",
            titles: TITLES,
            columns: unclubbed(),
            sections: section((i) => ({
              placement: "merged",
              ...(i % 2 ? { case: "upper" } : {}),
            })),
            subtotals: true,
          }),
          fundsGrid(d, "Quỹ", [
            F.id(),
            F.operating("Quỹ hoạt động"),
            F.income("Quỹ tăng thu nhập"),
            F.regulation(),
          ]),
        ].map(foldGrid),
      }),
  },
  {
    id: "combo-generic-brackets-age",
    varies: 'Sheet1-3 + bracketed headers (fund in millions, loans in đồng) + ages "Tuổi"',
    build: (d) =>
      xlsx("combo-generic-brackets-age", {
        district: d,
        memberSheets: ["Sheet2"],
        ages: true,
        sheets: [
          clubsGrid(d, "Sheet1"),
          membersGrid(d, {
            name: "Sheet2",
            columns: [
              M.clubId(),
              M.name(),
              M.sex("Giới tính (Nam/Nữ)"),
              M.age("Tuổi", 2025),
              M.hardship("Hoàn cảnh khó khăn (ghi rõ)"),
              M.loan("Vay vốn (đồng)"),
              M.joined(),
              M.left(),
            ],
          }),
          fundsGrid(d, "Sheet3", [
            F.id(),
            F.operating("Quỹ hoạt động (triệu đồng)", 1_000_000),
            F.income("Quỹ tăng thu nhập (triệu đồng)", 1_000_000),
            F.regulation(),
          ]),
        ],
      }),
  },
  {
    id: "combo-two-row-sections-titles",
    varies:
      "two-row headers (birth year under Nam/Nữ, hardship marks) + section rows + title rows + Cộng rows",
    build: (d) =>
      withMembers(
        "combo-two-row-sections-titles",
        d,
        membersGrid(d, {
          titles: TITLES,
          columns: [
            M.no(),
            M.name(),
            ...M.birthBySex(),
            ...M.hardshipMarks(),
            M.borrowed(),
            M.joined(),
            M.left(),
          ],
          sections: MIXED_SECTIONS,
          subtotals: true,
          grandTotal: true,
        }),
      ),
  },
  {
    id: "combo-merged-code-coded-sex",
    varies: "club code merged down + coded sex + title rows + TT + loan amounts + blank rows",
    build: (d) =>
      withMembers(
        "combo-merged-code-coded-sex",
        d,
        membersGrid(d, {
          titles: TITLES.slice(0, 2),
          columns: [
            M.no(),
            M.clubId(),
            M.name(),
            M.sexCoded(),
            M.birth("Năm sinh (dương lịch)"),
            M.hardship(),
            M.loan("Vay vốn (đồng)"),
            M.joined("Ngày kết nạp"),
            M.left("Ngày ra khỏi CLB"),
          ],
          mergeClubCode: true,
          blankEvery: 15,
        }),
      ),
  },
  {
    id: "combo-per-club-marks-coded",
    varies:
      'one titled sheet per club ("Sheet4", …) + hardship marks under a two-row header + coded sex',
    build: (d) => {
      const names = d.clubs.map((_, i) => `Sheet${i + 4}`);
      return xlsx("combo-per-club-marks-coded", {
        district: d,
        memberSheets: names,
        sheets: [
          clubsGrid(d),
          ...d.clubs.map((c, i) =>
            memberTable({
              name: names[i]!,
              clubs: [c],
              titles: [`DANH SÁCH THÀNH VIÊN ${c.name}`],
              columns: [
                M.no(),
                M.name(),
                M.sexCoded(),
                M.birth(),
                ...M.hardshipMarks(),
                M.borrowed(),
                M.joined(),
                M.left(),
              ],
            }),
          ),
          fundsGrid(d),
        ],
      });
    },
  },
  {
    id: "combo-quy-no-leave-millions",
    varies: 'fund sheet "Quy" in millions + no leave-date column + a notes sheet last',
    build: (d) =>
      xlsx("combo-quy-no-leave-millions", {
        district: d,
        reads: { left: false },
        sheets: [
          clubsGrid(d),
          membersGrid(d, {
            columns: canonicalMemberColumns().filter((c) => c.head !== "Ngày rời CLB"),
          }),
          fundsGrid(d, "Quy", [
            F.id(),
            F.operating("Quỹ hoạt động (triệu đồng)", 1_000_000),
            F.income("Quỹ tăng thu nhập (triệu đồng)", 1_000_000),
            F.regulation(),
          ]),
          notesSheet(),
        ],
      }),
  },
  {
    id: "combo-folded-activities-x",
    varies:
      'clubs sheet without accents with long activity headers ("Sinh ke, tang thu nhap") and x / blank marks, members canonical',
    build: (d) =>
      xlsx("combo-folded-activities-x", {
        district: d,
        sheets: [
          foldGrid(
            clubsGrid(d, "CLB", [
              C.id(),
              C.name(),
              C.district(),
              C.commune(),
              C.foundedYear(),
              ...C.activities(
                [
                  "Sinh kế, tăng thu nhập",
                  ...ACTIVITY_HEADERS.slice(1, 3),
                  "Tự giúp nhau, hỗ trợ cộng đồng",
                  "Quyền và lợi ích",
                  ACTIVITY_HEADERS[5],
                  "Văn hóa, văn nghệ, thể thao",
                  ACTIVITY_HEADERS[7],
                ],
                ["x", null],
              ),
              C.wellManaged("Quản lý tốt", ["x", null]),
            ]),
          ),
          membersGrid(d),
          fundsGrid(d),
        ],
      }),
  },
];
