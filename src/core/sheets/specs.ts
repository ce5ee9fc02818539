import { LocalText, say } from "../model/i18n";
import type { RuleWithErrors } from "../rules/registry";

/**
 * Declarative specs of the four input sheets (docs/workbook-format.md): which sheet names a
 * role goes by, and for each field its canonical header, the synonyms met in real registers, how
 * its values are parsed, and the note that the template puts on its header.
 */
export type SheetRole = "clubs" | "members" | "funds" | "roadmap";

export type ValueKind =
  "text" | "sex" | "date" | "yesno" | "amount" | "yesnoOrAmount" | "count" | "status" | "hardship";

export interface FieldSpec {
  readonly key: string;
  /** The canonical header: what the template writes. */
  readonly header: string;
  /** Other headers that mean the same field (compared after NFC, trim, space collapse, case). */
  readonly synonyms: readonly string[];
  readonly kind: ValueKind;
  readonly required: boolean;
  readonly note: LocalText;
  /** A layout field stands in for this canonical field (and reports under its rule). */
  readonly reportsAs?: string;
  /**
   * The rule a bad value of this field is reported under (`<sheet scope>.<field>`), or null for a
   * field read as plain text and never judged.
   */
  readonly rule: RuleWithErrors | null;
}

export interface SheetSpec {
  readonly role: SheetRole;
  /** Sheet names for this role; the first is canonical. */
  readonly names: readonly string[];
  readonly title: LocalText;
  /** The canonical fields: what the template writes. */
  readonly fields: readonly FieldSpec[];
  /**
   * Fields met only in other register layouts, recognised but never written by the template; each
   * set stands in for a canonical field (`replaces`) and is ignored when that field is present.
   */
  readonly layouts?: readonly LayoutSpec[];
}

/**
 * Fields of another register layout. Two layouts may share headers ("Nam" / "Nữ" hold a birth year
 * in one and a sex mark in the other): the canonical fields around them (`replaces`, `needs`)
 * decide which one a sheet uses.
 */
export interface LayoutSpec {
  /** Canonical fields it stands in for; it is ignored when any of them is present. */
  readonly replaces: readonly string[];
  readonly fields: readonly FieldSpec[];
  /** Canonical fields it only makes sense beside; it is ignored when one is missing. */
  readonly needs?: readonly string[];
  /**
   * Fields enough to stand in on their own in a one-row header (otherwise all of them are needed).
   * Not below another header row: there a lone "Nữ" may be a member's sex in the first data row.
   */
  readonly alone?: readonly string[];
}

/** The scopes whose sheets have fields, and the fields with a rule of their own in the registry. */
type FieldScope = "club" | "member" | "fund" | "roadmap";
type FieldKey<P extends FieldScope> = RuleWithErrors extends infer R
  ? R extends `${P}.${infer K}`
    ? K
    : never
  : never;

/** A field before its rule is known (the sheet it belongs to gives it). */
type Draft<K extends string = string> = Omit<FieldSpec, "rule" | "key"> & { readonly key: K };

const f = <K extends string>(
  key: K,
  header: string,
  synonyms: readonly string[],
  kind: ValueKind,
  required: boolean,
  note: LocalText,
): Draft<K> => ({ key, header, synonyms, kind, required, note });

/**
 * The fields of a sheet, each reporting under `<scope>.<key>`: a key without a rule in the
 * registry (rules/field-rules.ts) does not compile.
 */
function ruled<P extends FieldScope>(scope: P, drafts: readonly Draft<FieldKey<P>>[]): FieldSpec[] {
  return drafts.map((d) => ({ ...d, rule: `${scope}.${d.key}` as RuleWithErrors }));
}

/** A field read as plain text and never judged: it has no rule. */
const unjudged = (d: Draft): FieldSpec => ({ ...d, rule: null });

/** Fields of another layout, standing in for the canonical field `as` and reporting under its rule. */
function standingIn<P extends FieldScope>(
  scope: P,
  as: FieldKey<P>,
  drafts: readonly Draft[],
): FieldSpec[] {
  return drafts.map((d) => ({ ...d, reportsAs: as, rule: `${scope}.${as}` as RuleWithErrors }));
}

/** The eight activity areas of a club, in the plan's order. */
export const ACTIVITY_FIELDS: readonly FieldSpec[] = ruled(
  "club",
  (
    [
      ["act1", "Sinh kế", ["Sinh kế, tăng thu nhập", "Livelihoods"], "livelihoods / income"],
      ["act2", "Chăm sóc sức khỏe", ["Chăm sóc sức khoẻ", "Health care"], "health care"],
      ["act3", "Chăm sóc tại nhà", ["Home care"], "home care by volunteers"],
      ["act4", "Tự giúp nhau", ["Tự giúp nhau, hỗ trợ cộng đồng", "Self-help"], "self-help"],
      ["act5", "Quyền lợi", ["Quyền và lợi ích", "Rights"], "rights and entitlements"],
      ["act6", "Học tập suốt đời", ["Lifelong learning"], "lifelong learning"],
      [
        "act7",
        "Văn hóa - thể thao",
        ["Văn hoá - thể thao", "Văn hóa, văn nghệ, thể thao", "Culture"],
        "culture, arts, sports",
      ],
      [
        "act8",
        "Huy động nguồn lực",
        ["Resource mobilisation", "Resource mobilization"],
        "resource mobilisation",
      ],
    ] as const
  ).map(([key, header, synonyms, en]) =>
    f(
      key,
      header,
      synonyms,
      "yesno",
      true,
      say(
        `Hoạt động "${header}": Có / Không (x = có, để trống = không)`,
        `Activity "${en}": Có (yes) / Không (no); x = yes, blank = no`,
      ),
    ),
  ),
);

export const CLUBS_SPEC: SheetSpec = {
  role: "clubs",
  names: ["CLB", "Clubs", "Danh sách CLB", "Câu lạc bộ"],
  title: say("Danh sách CLB", "Clubs"),
  fields: [
    ...ruled("club", [
      f(
        "id",
        "Mã CLB",
        ["Mã câu lạc bộ", "Mã số CLB", "Mã số câu lạc bộ", "Mã", "Club ID", "Club code"],
        "text",
        true,
        say("Mã CLB, không trùng", "Club code, unique"),
      ),
      f(
        "name",
        "Tên CLB",
        ["Tên câu lạc bộ", "Tên CLB liên thế hệ", "Club name", "Name"],
        "text",
        true,
        say("Tên CLB", "Club name"),
      ),
      f(
        "district",
        "Huyện",
        [
          "Đơn vị",
          "Huyện/Thị xã/Thành phố",
          "Huyện/TX/TP",
          "Huyện/thị",
          "Đơn vị hành chính",
          "District",
          "Unit",
        ],
        "text",
        true,
        say(
          "Huyện/thị xã/thành phố, có hoặc không có tiền tố",
          "District-level unit, with or without prefix",
        ),
      ),
    ]),
    unjudged(
      f(
        "commune",
        "Xã",
        ["Xã/Phường/Thị trấn", "Xã/Phường", "Xã/Thị trấn", "Phường/Xã", "Commune"],
        "text",
        false,
        say("Xã/phường/thị trấn", "Commune"),
      ),
    ),
    ...ruled("club", [
      f(
        "founded",
        "Năm thành lập",
        [
          "Ngày thành lập",
          "Thời gian thành lập",
          "Ngày tháng năm thành lập",
          "Thời điểm thành lập",
          "Năm TL",
          "Thành lập năm",
          "Năm ra mắt",
          "Ngày ra mắt",
          "Founded",
          "Year founded",
        ],
        "date",
        true,
        say("Năm, ngày hoặc dd/mm/yyyy", "Year, date or dd/mm/yyyy"),
      ),
    ]),
    ...ACTIVITY_FIELDS,
    ...ruled("club", [
      f(
        "wellManaged",
        "Quản lý tốt",
        ["Được quản lý tốt", "Quản lý, điều hành tốt", "Well managed"],
        "yesno",
        true,
        say("Có / Không", "Có (yes) / Không (no)"),
      ),
      f(
        "status",
        "Trạng thái",
        ["Tình trạng", "Tình trạng hoạt động", "Status"],
        "status",
        false,
        say(
          "Đang hoạt động / Ngừng hoạt động",
          "Active (Đang hoạt động) / Closed (Ngừng hoạt động)",
        ),
      ),
    ]),
  ],
};

/**
 * Registers typed from paper forms often have no sex column: the birth year is written under a
 * "Nam" or a "Nữ" sub-column of "Năm sinh", and the column it stands in gives the sex.
 */
const BIRTH_BY_SEX_LAYOUT: LayoutSpec = {
  replaces: ["sex", "birth"],
  fields: standingIn("member", "birth", [
    f(
      "birthMale",
      "Nam",
      ["Năm sinh nam", "Male"],
      "date",
      false,
      say("Năm sinh của thành viên nam", "Birth year of a male member"),
    ),
    f(
      "birthFemale",
      "Nữ",
      ["Năm sinh nữ", "Female"],
      "date",
      false,
      say("Năm sinh của thành viên nữ", "Birth year of a female member"),
    ),
  ]),
};

/**
 * Sex as a mark ("x", "✓", 1, "Có") under a "Nam" or a "Nữ" column, often grouped under
 * "Giới tính", with the birth year in a column of its own. The same headers as the layout above:
 * a birth column of its own (`needs`) is what says that the marks are the sex. A lone "Nữ" column
 * in a one-row header is enough (some forms count women only): a mark is a woman, no mark a man.
 */
export const SEX_MARKS_LAYOUT: LayoutSpec = {
  replaces: ["sex"],
  needs: ["birth"],
  alone: ["sexFemale"],
  fields: standingIn("member", "sex", [
    // Headed apart from the birth-year layout's "Nam" / "Nữ": the pane lists both, and a column
    // mapped to a sex mark must not read as a birth year.
    f(
      "sexMale",
      "Giới tính: Nam",
      ["Nam", "Male"],
      "yesno",
      false,
      say('"x" nếu thành viên là nam', '"x" when the member is male'),
    ),
    f(
      "sexFemale",
      "Giới tính: Nữ",
      ["Nữ", "Female"],
      "yesno",
      false,
      say('"x" nếu thành viên là nữ', '"x" when the member is female'),
    ),
  ]),
};

/**
 * The age instead of the birth year ("Tuổi", "Tuổi (tính đến 31/12/2024)"): read as the age at the
 * date the header states, or else at the reference date, and turned into a birth year.
 */
export const AGE_LAYOUT: LayoutSpec = {
  replaces: ["birth"],
  fields: standingIn("member", "birth", [
    f(
      "age",
      "Tuổi",
      ["Tuổi đời", "Số tuổi", "Age"],
      "count",
      false,
      say(
        'Tuổi, tính đến ngày ghi ở tiêu đề (vd. "Tuổi (tính đến 31/12/2024)") hoặc đến ngày báo cáo',
        'Age, at the date the header states (e.g. "Tuổi (tính đến 31/12/2024)") or at the reference date',
      ),
    ),
  ]),
};

/**
 * The club by its name instead of its id ("Tên CLB": "CLB liên thế hệ tự giúp nhau xã Đức Giang",
 * or only its place): matched to the club list as section rows are.
 */
export const CLUB_NAME_LAYOUT: LayoutSpec = {
  replaces: ["clubId"],
  fields: standingIn("member", "clubId", [
    f(
      "clubName",
      "Tên CLB",
      ["Tên câu lạc bộ", "CLB", "Câu lạc bộ", "Club name"],
      "text",
      false,
      say("Tên CLB như trong danh sách CLB", "The club's name, as in the club list"),
    ),
  ]),
};

/**
 * The name split in two under a merged "Họ và tên": "Họ đệm" (family and middle names) and
 * "Tên" (the given name). A lone "Tên" column holds the whole name.
 */
export const NAME_SPLIT_LAYOUT: LayoutSpec = {
  replaces: ["name"],
  alone: ["givenName"],
  fields: standingIn("member", "name", [
    f(
      "familyName",
      "Họ đệm",
      ["Họ và đệm", "Họ, đệm", "Họ và tên đệm", "Họ"],
      "text",
      false,
      say("Họ và tên đệm", "Family and middle names"),
    ),
    f("givenName", "Tên", ["Tên gọi"], "text", false, say("Tên", "Given name")),
  ]),
};

/**
 * With no leave-date column, a notes column ("Ghi chú", "Tình trạng") where officials write that a
 * member left ("Đã chuyển đi", "Đã mất", "Xin ra khỏi CLB"): such a member is no longer counted.
 * Other notes ("Chủ nhiệm CLB") say nothing about leaving and are not judged.
 */
export const LEAVE_NOTE_LAYOUT: LayoutSpec = {
  replaces: ["left"],
  fields: standingIn("member", "left", [
    f(
      "leaveNote",
      "Ghi chú",
      ["Tình trạng", "Tình trạng sinh hoạt", "Ghi chú tình trạng"],
      "text",
      false,
      say(
        'Ghi chú; "Đã chuyển đi", "Đã mất", "Xin ra khỏi CLB" nghĩa là đã rời CLB',
        'Notes; "Đã chuyển đi" (moved away), "Đã mất" (died), "Xin ra khỏi CLB" (left) mean the member left',
      ),
    ),
  ]),
};

/** Hardship as an "x" under one of the category sub-columns of "Hoàn cảnh khó khăn". */
const HARDSHIP_MARKS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["Hộ nghèo", ["Nghèo", "Poor"]],
  ["Cận nghèo", ["Near-poor"]],
  ["DTTS", ["Dân tộc thiểu số", "Ethnic minority"]],
  ["Neo đơn", ["Cô đơn", "Lone"]],
  ["Khuyết tật", ["Người khuyết tật", "Disability"]],
  ["Khác", ["Khó khăn khác", "Other"]],
];

export const HARDSHIP_MARKS_LAYOUT: LayoutSpec = {
  replaces: ["hardship"],
  fields: standingIn(
    "member",
    "hardship",
    HARDSHIP_MARKS.map(([header, synonyms], i) =>
      f(
        `hardship${i + 1}`,
        header,
        synonyms,
        "yesno",
        false,
        say(`"x" nếu thuộc diện ${header}`, `"x" when in this hardship category`),
      ),
    ),
  ),
};

export const MEMBERS_SPEC: SheetSpec = {
  role: "members",
  names: ["Thành viên", "Members", "Danh sách thành viên", "Hội viên"],
  title: say("Danh sách thành viên", "Members"),
  fields: ruled("member", [
    f(
      "clubId",
      "Mã CLB",
      ["Mã câu lạc bộ", "Mã số CLB", "Mã số câu lạc bộ", "Thuộc CLB", "Club ID", "Club code"],
      "text",
      true,
      say("Mã CLB có trong sheet CLB", "Club code from the CLB sheet"),
    ),
    f(
      "name",
      "Họ và tên",
      [
        "Họ tên",
        "Họ và tên thành viên",
        "Họ tên thành viên",
        "Tên thành viên",
        "Họ và tên hội viên",
        "Họ, tên",
        "Name",
        "Full name",
      ],
      "text",
      true,
      say("Họ và tên", "Full name"),
    ),
    f(
      "sex",
      "Giới tính",
      ["Giới", "Nam/Nữ", "Sex", "Gender"],
      "sex",
      true,
      say("Nam / Nữ", "Nam (male) / Nữ (female)"),
    ),
    f(
      "birth",
      "Năm sinh",
      [
        "Ngày sinh",
        "Ngày tháng năm sinh",
        "Ngày, tháng, năm sinh",
        "Sinh năm",
        "Năm SN",
        "Birth year",
        "Date of birth",
        "Birth",
      ],
      "date",
      true,
      say("Năm sinh, ngày sinh hoặc dd/mm/yyyy", "Birth year, date or dd/mm/yyyy"),
    ),
    f(
      "hardship",
      "Hoàn cảnh khó khăn",
      ["Hoàn cảnh", "Hoàn cảnh gia đình", "Diện hộ", "Thuộc diện", "Diện khó khăn", "Hardship"],
      "hardship",
      false,
      say(
        "Để trống, hoặc: Hộ nghèo, Cận nghèo, DTTS, Neo đơn, Khuyết tật, Khác",
        "Blank, or: Hộ nghèo (poor), Cận nghèo (near-poor), DTTS (minority), Neo đơn (lone), Khuyết tật (disability), Khác (other)",
      ),
    ),
    f(
      "borrowed",
      "Được vay vốn",
      [
        "Vay vốn",
        "Số tiền vay",
        "Số tiền được vay",
        "Được vay",
        "Tiền vay",
        "Vay vốn từ quỹ",
        "Vay từ quỹ CLB",
        "Dư nợ",
        "Loan",
        "Borrowed",
      ],
      "yesnoOrAmount",
      // Not required: without it the reader assumes nobody borrowed, and says so (layout.assumed).
      false,
      say(
        "Có / Không, hoặc số tiền vay (> 0 là có)",
        "Có / Không, or the amount borrowed (> 0 means yes)",
      ),
    ),
    f(
      "joined",
      "Ngày tham gia",
      [
        "Ngày vào CLB",
        "Ngày tham gia CLB",
        "Ngày vào",
        "Ngày kết nạp",
        "Ngày gia nhập",
        "Thời gian tham gia",
        "Năm tham gia",
        "Năm vào CLB",
        "Joined",
      ],
      "date",
      false,
      say("Ngày tham gia CLB", "Date joined"),
    ),
    f(
      "left",
      "Ngày rời CLB",
      [
        "Ngày ra CLB",
        "Ngày ra khỏi CLB",
        "Ngày rời",
        "Ngày ra khỏi",
        "Ngày chuyển đi",
        "Ngày thôi tham gia",
        "Ngày thôi sinh hoạt",
        "Ngày mất",
        "Năm ra khỏi CLB",
        "Left",
      ],
      "date",
      false,
      say("Để trống nếu còn sinh hoạt", "Blank while still a member"),
    ),
  ]),
  layouts: [
    BIRTH_BY_SEX_LAYOUT,
    SEX_MARKS_LAYOUT,
    HARDSHIP_MARKS_LAYOUT,
    AGE_LAYOUT,
    CLUB_NAME_LAYOUT,
    NAME_SPLIT_LAYOUT,
    LEAVE_NOTE_LAYOUT,
  ],
};

export const FUNDS_SPEC: SheetSpec = {
  role: "funds",
  names: ["Quỹ", "Funds", "Quỹ CLB"],
  title: say("Quỹ", "Funds"),
  fields: ruled("fund", [
    f(
      "clubId",
      "Mã CLB",
      ["Mã câu lạc bộ", "Mã số CLB", "Mã số câu lạc bộ", "Club ID", "Club code"],
      "text",
      true,
      say("Mã CLB có trong sheet CLB", "Club code from the CLB sheet"),
    ),
    f(
      "operatingFund",
      "Quỹ hoạt động (đồng)",
      ["Quỹ hoạt động", "Quỹ HĐ", "Quỹ hoạt động CLB", "Số dư quỹ hoạt động", "Operating fund"],
      "amount",
      true,
      say("Số tiền (đồng), ≥ 0", "Amount in đồng, ≥ 0"),
    ),
    f(
      "incomeFund",
      "Quỹ tăng thu nhập (đồng)",
      [
        "Quỹ tăng thu nhập",
        "Quỹ vay vốn",
        "Quỹ TTN",
        "Quỹ quay vòng",
        "Quỹ vay vốn quay vòng",
        "Income fund",
      ],
      "amount",
      false,
      say("Số tiền (đồng), ≥ 0", "Amount in đồng, ≥ 0"),
    ),
    f(
      "regulation",
      "Quy chế quản lý quỹ",
      [
        "Quy chế",
        "Quy chế quỹ",
        "Có quy chế quỹ",
        "Có quy chế",
        "Đã có quy chế",
        "Fund regulation",
        "Regulation",
      ],
      "yesno",
      true,
      say(
        "CLB có quy chế quản lý quỹ: Có / Không",
        "The club has adopted a fund regulation: Có / Không",
      ),
    ),
  ]),
};

/** Roadmap years with a column of their own ("Trong đó"). */
export const ROADMAP_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

export const ROADMAP_SPEC: SheetSpec = {
  role: "roadmap",
  names: ["Lộ trình", "Roadmap", "Phụ lục"],
  title: say("Lộ trình", "Roadmap"),
  fields: ruled("roadmap", [
    f(
      "unit",
      "Đơn vị",
      ["Huyện", "Tên đơn vị", "Huyện/Thị xã/Thành phố", "Unit", "District"],
      "text",
      true,
      say(
        "Huyện/thị xã/thành phố. Sổ của một huyện chỉ giữ dòng của huyện mình: đơn vị không có CLB nào trong sổ được cảnh báo.",
        "District-level unit. A district's own workbook keeps only its own row: a unit with no club in the workbook gets a warning.",
      ),
    ),
    f(
      "before",
      "Số CLB đã thành lập giai đoạn trước",
      [
        "Giai đoạn trước",
        "Trước 2021",
        "Số CLB đã thành lập",
        "Đã thành lập giai đoạn trước",
        "Previous phase",
      ],
      "count",
      true,
      say("Số CLB thành lập trước 2021", "Clubs founded before 2021"),
    ),
    f(
      "planTotal",
      "Kế hoạch giai đoạn 2021-2025",
      ["Kế hoạch 2021-2025", "Kế hoạch thành lập mới 2021-2025", "Plan 2021-2025"],
      "count",
      true,
      say("Số CLB kế hoạch thành lập 2021-2025", "Clubs planned for 2021-2025"),
    ),
    ...ROADMAP_YEARS.map((y) =>
      f(
        `y${y}` as const,
        `Năm ${y}`,
        [String(y), `Year ${y}`],
        "count",
        y !== 2025,
        say(`Kế hoạch năm ${y}`, `Plan for ${y}`),
      ),
    ),
    f(
      "total",
      "Tổng cả hai giai đoạn",
      ["Tổng hai giai đoạn", "Tổng số CLB", "Total", "Total both phases"],
      "count",
      true,
      say("Giai đoạn trước + kế hoạch 2021-2025", "Previous phase + plan 2021-2025"),
    ),
  ]),
};

export const SHEET_SPECS: readonly SheetSpec[] = [
  CLUBS_SPEC,
  MEMBERS_SPEC,
  FUNDS_SPEC,
  ROADMAP_SPEC,
];

/** Values written by the template's dropdowns. */
export const SEX_VALUES = ["Nam", "Nữ"] as const;
export const YES_NO_VALUES = ["Có", "Không"] as const;
export const STATUS_VALUES = ["Đang hoạt động", "Ngừng hoạt động"] as const;
/** The hardship categories, as the parser normalises them. */
export { HARDSHIP_CATEGORIES as HARDSHIP_VALUES } from "../parse/categories";
