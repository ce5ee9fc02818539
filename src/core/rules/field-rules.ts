import { LocalText, say } from "../model/i18n";
import { RuleScope, RuleSpec } from "./rule";

/**
 * The rules about one cell's value: raised where a row is read (`RowReader.report`) when a value
 * cannot be read, is missing, or cannot be true. Each field of the input sheets reports under
 * `<sheet scope>.<field>`: the sheet specs (`sheets/specs.ts`) can only name a field whose rule is
 * here, so a field without a title here does not compile.
 */
type FieldRule = RuleSpec & { readonly severities: readonly "error"[] };

const field = (
  scope: RuleScope,
  title: LocalText,
  help: LocalText,
  settings: RuleSpec["settings"] = [],
): FieldRule => ({
  scope,
  severities: ["error"],
  criterion: false,
  plan: null,
  settings,
  title,
  help,
});

const activity = (vi: string, en: string): FieldRule =>
  field(
    "club",
    say(`Hoạt động: ${vi}`, `Activity: ${en}`),
    say(
      `Ô hoạt động "${vi}" cần Có / Không (x = có, để trống = không).`,
      `The "${en}" activity cell takes Có (yes) / Không (no); x = yes, blank = no.`,
    ),
  );

const plannedYear = (year: number): FieldRule =>
  field(
    "roadmap",
    say(`Kế hoạch năm ${year}`, `Plan for ${year}`),
    say(
      `Số CLB kế hoạch thành lập năm ${year}: một số nguyên không âm.`,
      `Clubs planned for ${year}: a whole number, not negative.`,
    ),
  );

const CLUB_FIELDS = {
  "club.id": field(
    "club",
    say("Mã CLB", "Club id"),
    say(
      "Mỗi dòng của danh sách CLB cần một mã CLB: dòng không có mã không được kiểm tra.",
      "Every row of the club list needs a club id: a row without one is not checked.",
    ),
  ),
  "club.duplicateId": field(
    "club",
    say("Mã CLB trùng", "Duplicate club id"),
    say(
      "Hai dòng của danh sách CLB có cùng mã (không phân biệt hoa thường): dòng sau không được tính.",
      "Two rows of the club list share an id (ignoring case): the later row is not counted.",
    ),
  ),
  "club.name": field(
    "club",
    say("Tên CLB", "Club name"),
    say("Tên CLB để trống.", "The club's name is missing."),
  ),
  "club.district": field(
    "club",
    say("Huyện của CLB", "Club's district"),
    say(
      "Huyện/thị xã/thành phố của CLB để trống: CLB không được tính vào lộ trình.",
      "The club's district is missing: the club does not count towards the roadmap.",
    ),
  ),
  "club.founded": {
    ...field(
      "club",
      say("Năm thành lập", "Year founded"),
      say(
        "Năm hoặc ngày thành lập CLB, từ năm 2000 đến ngày báo cáo; CLB thành lập sau ngày báo cáo chưa được tính (cảnh báo).",
        "The year or date the club was founded, from 2000 to the reference date; a club founded after the reference date is not counted yet (a warning).",
      ),
      ["asOf"],
    ),
    severities: ["error", "warning"],
  },
  "club.act1": activity("Sinh kế", "livelihoods"),
  "club.act2": activity("Chăm sóc sức khỏe", "health care"),
  "club.act3": activity("Chăm sóc tại nhà", "home care"),
  "club.act4": activity("Tự giúp nhau", "self-help"),
  "club.act5": activity("Quyền lợi", "rights"),
  "club.act6": activity("Học tập suốt đời", "lifelong learning"),
  "club.act7": activity("Văn hóa - thể thao", "culture and sports"),
  "club.act8": activity("Huy động nguồn lực", "resource mobilisation"),
  "club.wellManaged": field(
    "club",
    say("Ô quản lý tốt", "Well-managed cell"),
    say("Ô Quản lý tốt cần Có / Không.", "The well-managed cell takes Có (yes) / Không (no)."),
  ),
  "club.status": field(
    "club",
    say("Trạng thái CLB", "Club status"),
    say(
      "Trạng thái cần Đang hoạt động / Ngừng hoạt động; CLB ngừng hoạt động không được kiểm tra.",
      "The status takes Đang hoạt động (active) / Ngừng hoạt động (closed); closed clubs are not checked.",
    ),
  ),
} satisfies Record<string, FieldRule | RuleSpec>;

const MEMBER_FIELDS = {
  "member.clubId": field(
    "member",
    say("Mã CLB của thành viên", "Member's club id"),
    say(
      "Mỗi thành viên cần mã CLB của mình (cột Mã CLB, hoặc tên sheet của CLB).",
      "Every member needs the id of their club (the club id column, or the club's own sheet).",
    ),
  ),
  "member.name": field(
    "member",
    say("Họ và tên", "Name"),
    say("Họ và tên thành viên để trống.", "The member's name is missing."),
  ),
  "member.sex": field(
    "member",
    say("Giới tính", "Sex"),
    say(
      "Giới tính cần Nam / Nữ (hoặc một dấu ở cột Nam hoặc cột Nữ); thiếu giới tính thì không tính được tỷ lệ nữ.",
      "Sex takes Nam (male) / Nữ (female) (or a mark under Nam or Nữ); without it the share of women cannot be counted.",
    ),
  ),
  "member.birth": field(
    "member",
    say("Năm sinh", "Birth year"),
    say(
      "Năm sinh hoặc ngày sinh, cho tuổi từ minAge đến maxAge tại ngày báo cáo; thiếu năm sinh thì không biết là người cao tuổi hay người trẻ tuổi.",
      "A birth year or date giving an age from minAge to maxAge at the reference date; without it the member is neither older nor younger.",
    ),
    ["minAge", "maxAge", "asOf"],
  ),
  "member.hardship": field(
    "member",
    say("Hoàn cảnh khó khăn", "Hardship"),
    say(
      "Để trống, hoặc: Hộ nghèo, Cận nghèo, DTTS, Neo đơn, Khuyết tật, Khác (hoặc một dấu ở cột của diện đó).",
      "Blank, or: Hộ nghèo (poor), Cận nghèo (near-poor), DTTS (minority), Neo đơn (lone), Khuyết tật (disability), Khác (other), or a mark under that column.",
    ),
  ),
  "member.borrowed": field(
    "member",
    say("Được vay vốn", "Borrowed"),
    say(
      "Có / Không, hoặc số tiền đã vay từ quỹ CLB.",
      "Có (yes) / Không (no), or the amount borrowed from the club's fund.",
    ),
  ),
  "member.joined": field(
    "member",
    say("Ngày vào CLB", "Date joined"),
    say(
      "Ngày hoặc năm vào CLB; người vào sau ngày báo cáo chưa được tính.",
      "The date or year the member joined; people joining after the reference date are not counted yet.",
    ),
  ),
  "member.left": field(
    "member",
    say("Ngày ra khỏi CLB", "Date left"),
    say(
      "Ngày hoặc năm ra khỏi CLB; người đã ra trước ngày báo cáo không được tính.",
      "The date or year the member left; people who left before the reference date are not counted.",
    ),
  ),
} satisfies Record<string, FieldRule>;

const FUND_FIELDS = {
  "fund.clubId": field(
    "fund",
    say("Mã CLB của dòng quỹ", "Fund row's club id"),
    say(
      "Mỗi dòng quỹ cần mã CLB: dòng không có mã không được tính.",
      "Every fund row needs a club id: a row without one is not counted.",
    ),
  ),
  "fund.operatingFund": field(
    "fund",
    say("Quỹ hoạt động (số tiền)", "Operating fund (amount)"),
    say(
      "Số tiền quỹ hoạt động, bằng đồng (5.000.000 hoặc 5000000).",
      "The operating fund's amount in đồng (5.000.000 or 5000000).",
    ),
  ),
  "fund.incomeFund": field(
    "fund",
    say("Quỹ tạo thu nhập", "Income fund"),
    say(
      "Số tiền quỹ tạo thu nhập (quỹ cho vay), bằng đồng; có thể để trống.",
      "The income (loan) fund's amount in đồng; may be blank.",
    ),
  ),
  "fund.regulation": field(
    "fund",
    say("Ô quy chế quỹ", "Fund regulation cell"),
    say(
      "Ô Quy chế quản lý quỹ cần Có / Không.",
      "The regulation cell takes Có (yes) / Không (no).",
    ),
  ),
} satisfies Record<string, FieldRule>;

const ROADMAP_FIELDS = {
  "roadmap.unit": field(
    "roadmap",
    say("Đơn vị trong lộ trình", "Roadmap unit"),
    say("Mỗi dòng của lộ trình cần tên đơn vị.", "Every roadmap row needs a unit's name."),
  ),
  "roadmap.duplicate": field(
    "roadmap",
    say("Đơn vị ghi hai lần trong lộ trình", "Unit listed twice in the roadmap"),
    say(
      'Một đơn vị có hai dòng trong lộ trình ("Huyện Vũ Quang" và "H. Vũ Quang" là một): dòng sau không được tính.',
      'A unit has two roadmap rows ("Huyện Vũ Quang" and "H. Vũ Quang" are one): the later row is not counted.',
    ),
  ),
  "roadmap.planTotal": field(
    "roadmap",
    say("Kế hoạch 2021-2025", "Plan 2021-2025"),
    say(
      "Số CLB kế hoạch thành lập 2021-2025: một số nguyên không âm.",
      "Clubs planned for 2021-2025: a whole number, not negative.",
    ),
  ),
  "roadmap.y2021": plannedYear(2021),
  "roadmap.y2022": plannedYear(2022),
  "roadmap.y2023": plannedYear(2023),
  "roadmap.y2024": plannedYear(2024),
  "roadmap.y2025": plannedYear(2025),
  "roadmap.total": field(
    "roadmap",
    say("Tổng hai giai đoạn", "Total of both phases"),
    say(
      "Giai đoạn trước cộng kế hoạch 2021-2025: một số nguyên không âm.",
      "The previous phase plus the 2021-2025 plan: a whole number, not negative.",
    ),
  ),
} satisfies Record<string, FieldRule>;

export const FIELD_RULES = { ...CLUB_FIELDS, ...MEMBER_FIELDS, ...FUND_FIELDS, ...ROADMAP_FIELDS };
