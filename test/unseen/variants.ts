/**
 * Register variants the corpus (test/corpus/variants.ts) does not cover, each the seeded district
 * as a commune or district official might really type it. Each says in one line what it varies;
 * the expected results are always the ground truth's (registers.ts), since every variant holds
 * exactly the same clubs, members and funds.
 */
import { District, GtClub, GtMember, Hardship, UNIT } from "../corpus/ground-truth";
import { Cell, date, dmy, Row, Sheet } from "./registers";
import { ACTIVITY_HEADERS } from "../helpers/activity-headers";

export interface UnseenVariant {
  readonly id: string;
  /** What it varies, in one line. */
  readonly varies: string;
  readonly sheets: (d: District) => Sheet[];
}

// ---------------------------------------------------------------------------------------------
// Columns

/** A member table's column: its header and its cell for a member (`no`: the row number). */
interface MCol {
  readonly head: string;
  readonly cell: (m: GtMember, club: GtClub, no: number) => Cell;
}

const col = (head: string, cell: MCol["cell"]): MCol => ({ head, cell });

const MEMBER = {
  no: (head = "TT") => col(head, (_m, _c, no) => no),
  clubId: (head = "Mã CLB") => col(head, (_m, c) => c.id),
  name: (head = "Họ và tên") => col(head, (m) => m.name),
  sex: (head = "Giới tính") => col(head, (m) => (m.sex === "F" ? "Nữ" : "Nam")),
  birth: (head = "Năm sinh") => col(head, (m) => m.birthYear),
  hardship: (head = "Hoàn cảnh khó khăn") => col(head, (m) => m.hardship),
  borrowed: (head = "Được vay vốn") => col(head, (m) => (m.loan > 0 ? "Có" : "Không")),
  joined: (head = "Ngày tham gia") => col(head, (m) => date(m.joined)),
  left: (head = "Ngày rời CLB") => col(head, (m) => (m.left === null ? null : date(m.left))),
};

const memberColumns = (): MCol[] => [
  MEMBER.no(),
  MEMBER.clubId(),
  MEMBER.name(),
  MEMBER.sex(),
  MEMBER.birth(),
  MEMBER.hardship(),
  MEMBER.borrowed(),
  MEMBER.joined(),
  MEMBER.left(),
];

/** The data rows of a member table, numbered through (or from 1 in each club). */
function memberRows(clubs: readonly GtClub[], cols: readonly MCol[], perClub = false): Row[] {
  const rows: Row[] = [];
  let no = 0;
  for (const c of clubs) {
    if (perClub) no = 0;
    for (const m of c.members) {
      no++;
      rows.push(cols.map((k) => k.cell(m, c, no)));
    }
  }
  return rows;
}

const TITLE = "DANH SÁCH THÀNH VIÊN CLB LIÊN THẾ HỆ TỰ GIÚP NHAU HUYỆN VŨ QUANG";

/** A plain member sheet: title rows (if any, then a blank row), header, rows. */
function memberSheet(
  d: District,
  cols: readonly MCol[] = memberColumns(),
  name = "Thành viên",
  titles: readonly string[] = [],
): Sheet {
  return {
    name,
    rows: [
      ...titles.map((t) => [t]),
      ...(titles.length > 0 ? [[]] : []),
      cols.map((k) => k.head),
      ...memberRows(d.clubs, cols),
    ],
  };
}

export const ACTIVITIES = ACTIVITY_HEADERS;

interface ClubOptions {
  readonly name?: string;
  /** The headers, in order: id, name, unit, commune, founded, eight activities, well managed. */
  readonly heads?: readonly string[];
  readonly yesNo?: readonly [Cell, Cell];
  /** Extra columns to the right. */
  readonly extra?: readonly { head: string; cell: (c: GtClub) => Cell }[];
}

const CLUB_HEADS = [
  "Mã CLB",
  "Tên CLB",
  "Huyện",
  "Xã",
  "Năm thành lập",
  ...ACTIVITIES,
  "Quản lý tốt",
];

const clubRow = (c: GtClub, [yes, no]: readonly [Cell, Cell]): Cell[] => [
  c.id,
  c.name,
  UNIT,
  c.commune,
  Number(c.founded.slice(0, 4)),
  ...c.activities.map((a) => (a ? yes : no)),
  c.wellManaged ? yes : no,
];

function clubSheet(clubs: readonly GtClub[], o: ClubOptions = {}): Sheet {
  const yesNo = o.yesNo ?? ["Có", "Không"];
  const extra = o.extra ?? [];
  return {
    name: o.name ?? "CLB",
    rows: [
      [...(o.heads ?? CLUB_HEADS), ...extra.map((e) => e.head)],
      ...clubs.map((c) => [...clubRow(c, yesNo), ...extra.map((e) => e.cell(c))]),
    ],
  };
}

type Funded = GtClub & { readonly fund: NonNullable<GtClub["fund"]> };
const funded = (clubs: readonly GtClub[]): Funded[] =>
  clubs.filter((c): c is Funded => c.fund !== null);

const FUND_HEADS = [
  "Mã CLB",
  "Quỹ hoạt động (đồng)",
  "Quỹ tăng thu nhập (đồng)",
  "Quy chế quản lý quỹ",
];

function fundSheet(
  clubs: readonly GtClub[],
  name = "Quỹ",
  heads: readonly string[] = FUND_HEADS,
  cells: (c: Funded) => Cell[] = (c) => [
    c.id,
    c.fund.operating,
    c.fund.income,
    c.fund.regulation ? "Có" : "Không",
  ],
): Sheet {
  return { name, rows: [[...heads], ...funded(clubs).map(cells)] };
}

/** The club's name without its generic words: "xã Đức Giang", "thôn Kim Thành". */
const shortName = (c: GtClub): string =>
  c.name.replace(/^CLB (?:liên thế hệ tự giúp nhau|LTH TGN) /, "");

const ROMAN = ["I", "II", "III", "IV", "V", "VI"];

/** Letters of a zero-based column. */
const letter = (c: number): string => String.fromCharCode(65 + c);

// ---------------------------------------------------------------------------------------------
// The variants

export const UNSEEN: readonly UnseenVariant[] = [
  {
    id: "header-line-breaks",
    varies:
      'every header typed with Alt+Enter line breaks inside the cell ("Họ và\\ntên", "Giới\\ntính", "Năm thành\\nlập", "Quỹ hoạt động\\n(đồng)")',
    sheets: (d) => {
      const heads = [
        "TT",
        "Mã\nCLB",
        "Họ và\ntên",
        "Giới\ntính",
        "Năm\nsinh",
        "Hoàn cảnh\nkhó khăn",
        "Được vay\nvốn",
        "Ngày tham\ngia",
        "Ngày rời\r\nCLB",
      ];
      return [
        clubSheet(d.clubs, {
          heads: [
            "Mã\nCLB",
            "Tên\nCLB",
            "Huyện",
            "Xã",
            "Năm thành\nlập",
            "Sinh\nkế",
            "Chăm sóc\nsức khỏe",
            "Chăm sóc\ntại nhà",
            "Tự giúp\nnhau",
            "Quyền\nlợi",
            "Học tập\nsuốt đời",
            "Văn hóa -\nthể thao",
            "Huy động\nnguồn lực",
            "Quản lý\ntốt",
          ],
        }),
        memberSheet(
          d,
          memberColumns().map((c, i) => ({ ...c, head: heads[i]! })),
        ),
        fundSheet(d.clubs, "Quỹ", [
          "Mã\nCLB",
          "Quỹ hoạt động\n(đồng)",
          "Quỹ tăng thu\nnhập (đồng)",
          "Quy chế\nquản lý quỹ",
        ]),
      ];
    },
  },
  {
    id: "column-number-row",
    varies:
      'a row of column numbers under every header, as official forms print it: "(1)", "(2)" … under the club list, 1, 2, 3 … (numbers) under the members and the funds',
    sheets: (d) => {
      const clubs = clubSheet(d.clubs);
      const members = memberSheet(d);
      const funds = fundSheet(d.clubs);
      const numbers = (s: Sheet, as: (i: number) => Cell): Sheet => ({
        ...s,
        rows: [s.rows[0]!, s.rows[0]!.map((_, i) => as(i + 1)), ...s.rows.slice(1)],
      });
      return [
        numbers(clubs, (i) => `(${i})`),
        numbers(members, (i) => i),
        numbers(funds, (i) => i),
      ];
    },
  },
  {
    id: "ghi-chu-chuyen-di",
    varies:
      'no leave-date column: leavers marked in a "Ghi chú" column ("Đã chuyển đi", "Đã mất", "Xin ra khỏi CLB" …), which also holds board roles ("Chủ nhiệm CLB", "Thủ quỹ") for members who stay',
    sheets: (d) => {
      const GONE = [
        "Đã chuyển đi",
        "Chuyển đi nơi khác",
        "Đã mất",
        "Xin ra khỏi CLB",
        "Đã chuyển đi năm 2024",
      ];
      const ROLES = ["Chủ nhiệm CLB", "Phó chủ nhiệm", "Thủ quỹ", "Tổ trưởng"];
      let gone = 0;
      const note = col("Ghi chú", (m, _c, no) => {
        if (m.left !== null) return GONE[gone++ % GONE.length]!;
        return no % 9 === 1 ? ROLES[Math.floor(no / 9) % ROLES.length]! : null;
      });
      return [
        clubSheet(d.clubs),
        memberSheet(d, [...memberColumns().filter((c) => c.head !== "Ngày rời CLB"), note]),
        fundSheet(d.clubs),
      ];
    },
  },
  {
    id: "sex-as-typed",
    varies:
      'sex typed loosely: "nữ", "NỮ", "Nữ " (trailing space), "Nữ" + non-breaking space, decomposed "Nữ"; "nam", " Nam", "NAM", "Nam  "',
    sheets: (d) => {
      const F = ["nữ", "NỮ", "Nữ ", "Nữ\u00a0", "Nữ".normalize("NFD"), "Nữ"];
      const M = ["nam", " Nam", "NAM", "Nam  ", "Nam"];
      const sex = col("Giới tính", (m, _c, no) =>
        m.sex === "F" ? F[no % F.length]! : M[no % M.length]!,
      );
      return [
        clubSheet(d.clubs),
        memberSheet(
          d,
          memberColumns().map((c) => (c.head === "Giới tính" ? sex : c)),
        ),
        fundSheet(d.clubs),
      ];
    },
  },
  {
    id: "x-in-nu-column-only",
    varies:
      'no sex column: an "x" (or "X") in a lone "Nữ" column for each woman, blank for men, the birth year in its own column',
    sheets: (d) => {
      const nu = col("Nữ", (m, _c, no) => (m.sex === "F" ? (no % 4 === 0 ? "X" : "x") : null));
      return [
        clubSheet(d.clubs),
        memberSheet(
          d,
          memberColumns().map((c) => (c.head === "Giới tính" ? nu : c)),
        ),
        fundSheet(d.clubs),
      ];
    },
  },
  {
    id: "header-repeated-page-2",
    varies:
      "the member table continued on later pages with its header typed again (once alone, once with the title row again), TT numbered through",
    sheets: (d) => {
      const cols = memberColumns();
      const head = cols.map((k) => k.head);
      const part = (from: number, to: number, start: number) =>
        memberRows(d.clubs.slice(from, to), cols).map((r) => [
          (r[0] as number) + start,
          ...r.slice(1),
        ]);
      const n = (from: number, to: number) =>
        d.clubs.slice(from, to).reduce((s, c) => s + c.members.length, 0);
      return [
        clubSheet(d.clubs),
        {
          name: "Thành viên",
          rows: [
            [TITLE],
            [],
            head,
            ...part(0, 2, 0),
            head,
            ...part(2, 4, n(0, 2)),
            [],
            [TITLE],
            [],
            head,
            ...part(4, 6, n(0, 4)),
          ],
        },
        fundSheet(d.clubs),
      ];
    },
  },
  {
    id: "club-name-column",
    varies:
      'the member list gives each member\'s club by its NAME under "Tên CLB" (as in the club list), no "Mã CLB" column',
    sheets: (d) => [
      clubSheet(d.clubs),
      memberSheet(
        d,
        memberColumns().map((c) => (c.head === "Mã CLB" ? col("Tên CLB", (_m, k) => k.name) : c)),
      ),
      fundSheet(d.clubs),
    ],
  },
  {
    id: "club-short-name-thuoc-clb",
    varies:
      'the member list gives each member\'s club under "Thuộc CLB" by its place only ("xã Đức Giang", "thôn Kim Thành")',
    sheets: (d) => [
      clubSheet(d.clubs),
      memberSheet(
        d,
        memberColumns().map((c) =>
          c.head === "Mã CLB" ? col("Thuộc CLB", (_m, k) => shortName(k)) : c,
        ),
      ),
      fundSheet(d.clubs),
    ],
  },
  {
    id: "club-id-case-spaces",
    varies:
      'club ids typed in other case and with stray spaces in the member and fund lists: "vq-01", " VQ-02", "VQ-03 ", "VQ-04" + non-breaking space, "Vq-05"',
    sheets: (d) => {
      const forms = (id: string, i: number): string =>
        [
          id.toLowerCase(),
          ` ${id}`,
          `${id} `,
          `${id}\u00a0`,
          id.charAt(0) + id.slice(1).toLowerCase(),
        ][i % 5]!;
      return [
        clubSheet(d.clubs),
        memberSheet(
          d,
          memberColumns().map((c) =>
            c.head === "Mã CLB" ? col("Mã CLB", (_m, k, no) => forms(k.id, no)) : c,
          ),
        ),
        fundSheet(d.clubs, "Quỹ", FUND_HEADS, (c) => [
          c.id.toLowerCase(),
          c.fund.operating,
          c.fund.income,
          c.fund.regulation ? "Có" : "Không",
        ]),
      ];
    },
  },
  {
    id: "sheet-names-trailing-spaces",
    varies:
      'sheet names with trailing spaces: "CLB ", "Quỹ  ", and one member sheet per club named by its id with a trailing space ("VQ-01 ") or in lower case ("vq-02")',
    sheets: (d) => {
      const cols = memberColumns().filter((c) => c.head !== "Mã CLB");
      return [
        { ...clubSheet(d.clubs), name: "CLB " },
        ...d.clubs.map((c, i): Sheet => ({
          name: i % 2 === 0 ? `${c.id} ` : c.id.toLowerCase(),
          rows: [["DANH SÁCH THÀNH VIÊN"], [], cols.map((k) => k.head), ...memberRows([c], cols)],
        })),
        fundSheet(d.clubs, "Quỹ  "),
      ];
    },
  },
  {
    id: "hidden-old-sheets",
    varies:
      'last year\'s club, member and fund lists kept as HIDDEN sheets before this year\'s ("DS CLB 2023", "DS thanh vien 2023", "Quy 2023" hidden; "DS CLB 2025", "DS thanh vien 2025", "Quy 2025" visible)',
    sheets: (d) => {
      // Last year's lists: the clubs founded by then, members who had joined by then, other funds.
      const old = d.clubs
        .filter((c) => c.founded <= "2023-12-31")
        .map((c) => ({
          ...c,
          members: c.members
            .filter((m) => m.joined <= "2023-12-31")
            .map((m) => ({
              ...m,
              left: m.left !== null && m.left <= "2023-12-31" ? m.left : null,
            })),
        }));
      const oldFunds = fundSheet(old, "Quy 2023", FUND_HEADS, (c) => [
        c.id,
        1_000_000,
        c.fund.income / 2,
        "Có",
      ]);
      return [
        { ...clubSheet(old, { name: "DS CLB 2023", yesNo: ["Có", "Có"] }), hidden: true },
        {
          ...memberSheet({ ...d, clubs: old }, memberColumns(), "DS thanh vien 2023"),
          hidden: true,
        },
        { ...oldFunds, hidden: true },
        clubSheet(d.clubs, { name: "DS CLB 2025" }),
        memberSheet(d, memberColumns(), "DS thanh vien 2025"),
        fundSheet(d.clubs, "Quy 2025"),
      ];
    },
  },
  {
    id: "dates-dotted-and-iso-text",
    varies:
      'dates typed as text in other forms: birth "Ngày sinh" as "15.03.1950" or "1950-03-15", joined as "12.05.2019", left as "2024-06-30"',
    sheets: (d) => {
      const p2 = (n: number) => String(n).padStart(2, "0");
      const birth = col("Ngày sinh", (m, _c, no) => {
        const day = p2(1 + (no % 28));
        const month = p2(1 + (no % 12));
        return no % 2 === 0 ? `${day}.${month}.${m.birthYear}` : `${m.birthYear}-${month}-${day}`;
      });
      const joined = col("Ngày tham gia", (m) => dmy(m.joined).replace(/\//g, "."));
      const left = col("Ngày rời CLB", (m) => m.left);
      return [
        clubSheet(d.clubs),
        memberSheet(
          d,
          memberColumns().map((c) =>
            c.head === "Năm sinh"
              ? birth
              : c.head === "Ngày tham gia"
                ? joined
                : c.head === "Ngày rời CLB"
                  ? left
                  : c,
          ),
        ),
        fundSheet(d.clubs),
      ];
    },
  },
  {
    id: "marks-x-and-check",
    varies:
      'loans as an "x" (blank: none); activities, "Quản lý tốt" and the fund regulation as "✓" (blank: no)',
    sheets: (d) => [
      clubSheet(d.clubs, { yesNo: ["✓", null] }),
      memberSheet(
        d,
        memberColumns().map((c) =>
          c.head === "Được vay vốn" ? col("Được vay vốn", (m) => (m.loan > 0 ? "x" : null)) : c,
        ),
      ),
      fundSheet(d.clubs, "Quỹ", FUND_HEADS, (c) => [
        c.id,
        c.fund.operating,
        c.fund.income,
        c.fund.regulation ? "✓" : null,
      ]),
    ],
  },
  {
    id: "fund-amounts-in-words",
    varies:
      'fund amounts typed in words with no unit in the header: "5 triệu", "3,5 triệu", "25 tr", "15 triệu đồng", "0 đồng"',
    sheets: (d) => {
      const words = (n: number, i: number): string => {
        if (n === 0) return "0 đồng";
        const t = String(n / 1_000_000).replace(".", ",");
        return [`${t} triệu`, `${t} tr`, `${t} triệu đồng`, `${t}tr`][i % 4]!;
      };
      return [
        clubSheet(d.clubs),
        memberSheet(d),
        fundSheet(
          d.clubs,
          "Quỹ",
          ["Mã CLB", "Quỹ hoạt động", "Quỹ tăng thu nhập", "Quy chế quản lý quỹ"],
          (c) => {
            const i = d.clubs.indexOf(c);
            return [
              c.id,
              words(c.fund.operating, i),
              words(c.fund.income, i + 1),
              c.fund.regulation ? "Có" : "Không",
            ];
          },
        ),
      ];
    },
  },
  {
    id: "regulation-da-co-chua-co",
    varies: 'the fund regulation typed "Đã có" / "Chưa có" (has one / not yet)',
    sheets: (d) => [
      clubSheet(d.clubs),
      memberSheet(d),
      fundSheet(d.clubs, "Quỹ", FUND_HEADS, (c) => [
        c.id,
        c.fund.operating,
        c.fund.income,
        c.fund.regulation ? "Đã có" : "Chưa có",
      ]),
    ],
  },
  {
    id: "sections-with-groups",
    varies:
      'members by club sections ("I. CLB …") with, inside each club, its groups: "Tổ 1" merged across, "2" | "Tổ 2 - thôn 1" split over TT and name, "Nhóm 3" typed in the name column',
    sheets: (d) => {
      const cols = memberColumns().filter((c) => c.head !== "Mã CLB");
      const width = cols.length;
      const rows: Row[] = [[TITLE], [], cols.map((k) => k.head)];
      const merges: string[] = [`A1:${letter(width - 1)}1`];
      d.clubs.forEach((c, ci) => {
        rows.push([`${ROMAN[ci]}. ${c.name}`]);
        merges.push(`A${rows.length}:${letter(width - 1)}${rows.length}`);
        const groups = [c.members.slice(0, 20), c.members.slice(20, 40), c.members.slice(40)];
        let no = 0;
        groups.forEach((ms, gi) => {
          if (gi === 0) {
            rows.push(["Tổ 1"]);
            merges.push(`A${rows.length}:${letter(width - 1)}${rows.length}`);
          } else if (gi === 1) rows.push(["2", `Tổ 2 - thôn ${ci + 1}`]);
          else rows.push([null, "Nhóm 3"]);
          for (const m of ms) rows.push(cols.map((k) => k.cell(m, c, ++no)));
        });
      });
      return [clubSheet(d.clubs), { name: "Thành viên", rows, merges }, fundSheet(d.clubs)];
    },
  },
  {
    id: "ho-ten-split",
    varies:
      'the name split in two sub-columns, "Họ và tên" merged over "Họ đệm" | "Tên" (two-row header, other headers merged down)',
    sheets: (d) => {
      const cols = memberColumns();
      const top: Cell[] = [];
      const sub: Cell[] = [];
      const merges: string[] = [];
      const body = memberRows(d.clubs, cols).map((r) => {
        const name = String(r[2]);
        const cut = name.lastIndexOf(" ");
        return [...r.slice(0, 2), name.slice(0, cut), name.slice(cut + 1), ...r.slice(3)];
      });
      cols.forEach((k) => {
        const c = top.length;
        if (k.head === "Họ và tên") {
          top.push("Họ và tên", null);
          sub.push("Họ đệm", "Tên");
          merges.push(`${letter(c)}1:${letter(c + 1)}1`);
        } else {
          top.push(k.head);
          sub.push(null);
          merges.push(`${letter(c)}1:${letter(c)}2`);
        }
      });
      return [
        clubSheet(d.clubs),
        { name: "Thành viên", rows: [top, sub, ...body], merges },
        fundSheet(d.clubs),
      ];
    },
  },
  {
    id: "member-sheet-per-commune",
    varies:
      'no sheet for all members: one member sheet per commune ("Xã Đức Giang", "Xã Hương Minh", "Ân Phú - Đức Lĩnh" with two clubs, …), each with a "Mã CLB" column',
    sheets: (d) => {
      const [a, b, c, e, f, g] = d.clubs as [GtClub, GtClub, GtClub, GtClub, GtClub, GtClub];
      const sheet = (name: string, clubs: GtClub[]) =>
        memberSheet({ ...d, clubs }, memberColumns(), name, [
          `DANH SÁCH THÀNH VIÊN - ${name.toUpperCase()}`,
        ]);
      return [
        clubSheet(d.clubs),
        sheet("Xã Đức Giang", [a]),
        sheet("Xã Hương Minh", [b]),
        sheet("Ân Phú - Đức Lĩnh", [c, f]),
        sheet("TT Vũ Quang", [e]),
        sheet("Xã Hương Điền", [g]),
        fundSheet(d.clubs),
      ];
    },
  },
  {
    id: "funds-in-club-list",
    varies:
      'no fund sheet: the club list itself carries "Quỹ hoạt động (đồng)", "Quỹ tăng thu nhập (đồng)" and "Quy chế quản lý quỹ" columns (blank for a club without a fund)',
    sheets: (d) => [
      clubSheet(d.clubs, {
        extra: [
          { head: "Quỹ hoạt động (đồng)", cell: (c) => c.fund?.operating ?? null },
          { head: "Quỹ tăng thu nhập (đồng)", cell: (c) => c.fund?.income ?? null },
          {
            head: "Quy chế quản lý quỹ",
            cell: (c) => (c.fund === null ? null : c.fund.regulation ? "Có" : "Không"),
          },
        ],
      }),
      memberSheet(d),
    ],
  },
  {
    id: "club-list-grouped-total",
    varies:
      'club list with title rows, an STT column, the activities under a merged "Nội dung hoạt động" group header, and a last row "Tổng cộng: 06 CLB" with per-activity counts',
    sheets: (d) => {
      const plain = clubSheet(d.clubs);
      const head = plain.rows[0]!;
      const w = head.length + 1;
      const top: Cell[] = [
        "STT",
        ...head.slice(0, 5),
        "Nội dung hoạt động",
        ...Array<Cell>(7).fill(null),
        head[13]!,
      ];
      const sub: Cell[] = [null, null, null, null, null, null, ...ACTIVITIES, null];
      const merges = [`A1:${letter(w - 1)}1`, `A2:${letter(w - 1)}2`, `G4:N4`];
      for (const c of [0, 1, 2, 3, 4, 5, 14]) merges.push(`${letter(c)}4:${letter(c)}5`);
      const count = (i: number) => d.clubs.filter((c) => c.activities[i]).length;
      return [
        {
          name: "CLB",
          rows: [
            ["HỘI NGƯỜI CAO TUỔI HUYỆN VŨ QUANG"],
            ["DANH SÁCH CÁC CLB LIÊN THẾ HỆ TỰ GIÚP NHAU"],
            [],
            top,
            sub,
            ...plain.rows.slice(1).map((r, i) => [i + 1, ...r]),
            [
              null,
              null,
              "Tổng cộng: 06 CLB",
              null,
              null,
              null,
              ...ACTIVITIES.map((_, i) => count(i)),
              d.clubs.filter((c) => c.wellManaged).length,
            ],
          ],
          merges,
        },
        memberSheet(d),
        fundSheet(d.clubs),
      ];
    },
  },
  {
    id: "signature-block",
    varies:
      'the printed form\'s place, date and signature block under the member list by club sections ("Vũ Quang, ngày 31 tháng 12 năm 2025", "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", the signers\' names)',
    sheets: (d) => {
      const cols = memberColumns().filter((c) => c.head !== "Mã CLB");
      const rows: Row[] = [[TITLE], [], cols.map((k) => k.head)];
      d.clubs.forEach((c, ci) => {
        rows.push([`${ROMAN[ci]}. ${c.name}`]);
        rows.push(...memberRows([c], cols));
      });
      rows.push(
        [],
        [null, null, null, null, null, "Vũ Quang, ngày 31 tháng 12 năm 2025"],
        [null, "NGƯỜI LẬP BIỂU", null, null, null, "CHỦ TỊCH HỘI NGƯỜI CAO TUỔI"],
        [null, "(Ký, ghi rõ họ tên)", null, null, null, "(Ký tên, đóng dấu)"],
        [],
        [],
        [null, "Nguyễn Văn An", null, null, null, "Trần Thị Bình"],
      );
      return [clubSheet(d.clubs), { name: "Thành viên", rows }, fundSheet(d.clubs)];
    },
  },
  {
    id: "subtotals-in-words",
    varies:
      'members by club sections, each club closed by "Cộng: 57 người" / "Cộng 51 thành viên" (the count in words), the list by "Tổng số: 346 người"',
    sheets: (d) => {
      const cols = memberColumns().filter((c) => c.head !== "Mã CLB");
      const rows: Row[] = [[TITLE], [], cols.map((k) => k.head)];
      let all = 0;
      d.clubs.forEach((c, ci) => {
        rows.push([`${ROMAN[ci]}. ${c.name}`]);
        rows.push(...memberRows([c], cols));
        const n = c.members.length;
        all += n;
        const borrowers = c.members.filter((m) => m.loan > 0).length;
        const label = ci % 2 === 0 ? `Cộng: ${n} người` : `Cộng ${n} thành viên`;
        rows.push([null, label, null, null, null, borrowers]);
      });
      rows.push([null, `Tổng số: ${all} người`]);
      return [clubSheet(d.clubs), { name: "Thành viên", rows }, fundSheet(d.clubs)];
    },
  },
  {
    id: "hardship-as-typed",
    varies:
      'hardship described in words under "Hoàn cảnh khó khăn (ghi rõ)": "Hộ cận nghèo", "NCT neo đơn", "Khuyết tật vận động", "Dân tộc Chứt", "Bệnh hiểm nghèo", "HN" …',
    sheets: (d) => {
      const WORDS: Record<Hardship, readonly string[]> = {
        "Hộ nghèo": ["hộ nghèo", "HN", "Hộ nghèo năm 2025"],
        "Cận nghèo": ["Hộ cận nghèo", "cận nghèo", "Cận nghèo (2024)"],
        DTTS: ["Dân tộc Chứt", "Người DTTS"],
        "Neo đơn": ["NCT neo đơn", "Người già neo đơn", "Neo đơn"],
        "Khuyết tật": ["Khuyết tật vận động", "Người khuyết tật", "KT nặng"],
        Khác: ["Bệnh hiểm nghèo", "Ốm đau thường xuyên", "Gia đình khó khăn"],
      };
      const hardship = col("Hoàn cảnh khó khăn (ghi rõ)", (m, _c, no) =>
        m.hardship === null ? null : WORDS[m.hardship][no % WORDS[m.hardship].length]!,
      );
      return [
        clubSheet(d.clubs),
        memberSheet(
          d,
          memberColumns().map((c) => (c.head === "Hoàn cảnh khó khăn" ? hardship : c)),
        ),
        fundSheet(d.clubs),
      ];
    },
  },
  {
    id: "formulas-with-values",
    varies:
      'formulas with their saved values: TT as "=ROW()-1", the club code typed once per club and "=B2" dragged down, the fund list closed by a "Tổng cộng" row of SUMs',
    sheets: (d) => {
      const cols = memberColumns();
      const rows: Row[] = [cols.map((k) => k.head)];
      for (const c of d.clubs)
        c.members.forEach((m, i) => {
          const r = rows.length + 1;
          const cells = cols.map((k) => k.cell(m, c, r - 1));
          cells[0] = { formula: "ROW()-1", result: r - 1 };
          if (i > 0) cells[1] = { formula: `B${r - 1}`, result: c.id };
          rows.push(cells);
        });
      const funds = fundSheet(d.clubs);
      const last = funds.rows.length;
      const sum = (col: string, of: (f: NonNullable<GtClub["fund"]>) => number) => ({
        formula: `SUM(${col}2:${col}${last})`,
        result: funded(d.clubs).reduce((s, c) => s + of(c.fund), 0),
      });
      return [
        clubSheet(d.clubs),
        { name: "Thành viên", rows },
        {
          ...funds,
          rows: [
            ...funds.rows,
            ["Tổng cộng", sum("B", (f) => f.operating), sum("C", (f) => f.income), null],
          ],
        },
      ];
    },
  },
];
