import { say } from "../model/i18n";
import { informs, RuleSpec } from "./rule";

/**
 * Rules across records, raised where the registers are joined (check/club-stats.ts,
 * check/fund-index.ts, rules/completeness.ts, rules/data-outliers.ts): records that do not join,
 * records given twice, values far from the rest. None is a criterion: they say where the register
 * itself needs a look.
 */
export const RECORD_RULES = {
  "member.unknownClub": informs(
    "member",
    ["error"],
    say("Thành viên của CLB không có trong danh sách", "Member of an unknown club"),
    say(
      "Mã CLB của thành viên không có trong danh sách CLB: thành viên không được tính. Sửa mã CLB hoặc thêm CLB vào danh sách.",
      "The member's club id is not in the club list: the member is not counted. Correct the id or add the club to the list.",
    ),
  ),
  "member.duplicate": informs(
    "member",
    ["warning"],
    say("Thành viên ghi hai lần", "Member listed twice"),
    say(
      "Cùng họ tên và ngày sinh hai lần trong một CLB: chỉ tính một lần.",
      "The same name and birth twice in one club: counted once.",
    ),
  ),
  "member.multipleClubs": informs(
    "member",
    ["warning"],
    say("Thành viên ở hai CLB", "Member in two clubs"),
    say(
      "Cùng một người (họ tên và ngày sinh; chỉ có năm sinh thì trong cùng một xã) ở hai CLB: vẫn được tính ở cả hai, cán bộ cần xác minh.",
      "The same person (name and birth; with a birth year only, within one commune) in two clubs: counted in both, for the officials to settle.",
    ),
  ),
  "member.ageOutlier": informs(
    "member",
    ["warning"],
    say("Tuổi bất thường", "Unusual age"),
    say(
      "Tuổi khác xa các thành viên cùng nhóm (cao tuổi hoặc trẻ tuổi) trên toàn bộ dữ liệu: kiểm tra năm sinh.",
      "An age far from the members of the same group (older or younger) across the data: check the birth year.",
    ),
    ["outlierK", "ageLine"],
  ),
  "member.loanOutlier": informs(
    "member",
    ["warning"],
    say("Số tiền vay bất thường", "Unusual loan amount"),
    say(
      "Số tiền vay khác xa các khoản vay khác (thừa hoặc thiếu một chữ số 0?).",
      "A loan amount far from the others (a zero too many or too few?).",
    ),
    ["outlierK"],
  ),
  "fund.unknownClub": informs(
    "fund",
    ["error"],
    say("Quỹ của CLB không có trong danh sách", "Fund of an unknown club"),
    say(
      "Dòng quỹ có mã CLB không có trong danh sách CLB: không được tính.",
      "A fund row whose club id is not in the club list: not counted.",
    ),
  ),
  "fund.duplicate": informs(
    "fund",
    ["warning"],
    say("Quỹ ghi hai lần", "Fund listed twice"),
    say(
      "Một CLB có nhiều dòng quỹ: chỉ dòng đầu tiên được tính.",
      "A club has several fund rows: only the first counts.",
    ),
  ),
  "fund.amountOutlier": informs(
    "fund",
    ["warning"],
    say("Số tiền quỹ bất thường", "Unusual fund amount"),
    say(
      "Quỹ hoạt động hoặc quỹ tạo thu nhập khác xa quỹ của các CLB khác (thừa hoặc thiếu một chữ số 0?).",
      "An operating or income fund far from the other clubs' (a zero too many or too few?).",
    ),
    ["outlierK"],
  ),
  "fund.sheet": informs(
    "fund",
    ["warning"],
    say("Sheet quỹ", "Fund sheet"),
    say(
      "Không có sheet quỹ: mọi CLB chưa đạt tiêu chí quỹ và quy chế.",
      "There is no fund sheet: every club fails the fund and regulation criteria.",
    ),
  ),
} satisfies Record<string, RuleSpec>;

/** Rules about what the reader met in the workbook's sheets (read/, check/read-input.ts). */
export const SHEET_RULES = {
  "sheet.duplicateRole": informs(
    "sheet",
    ["warning"],
    say("Nhiều sheet cùng loại", "Several sheets of one kind"),
    say(
      "Hai sheet có thể là cùng một danh sách (CLB, thành viên, quỹ, lộ trình): chỉ sheet đầu được đọc.",
      "Two sheets could be the same list (clubs, members, funds, roadmap): only the first is read.",
    ),
  ),
  "sheet.missingColumn": informs(
    "sheet",
    ["error"],
    say("Thiếu cột", "Missing column"),
    say(
      "Một sheet thành viên thiếu cột bắt buộc: sheet đó không được đọc. Thêm cột, hoặc chọn cột (Chọn cột / --mapping).",
      "A member sheet lacks a required column: it is not read. Add the column, or pick it (Chọn cột / --mapping).",
    ),
  ),
  "sheet.skipped": informs(
    "sheet",
    ["info"],
    say("Sheet bỏ qua", "Sheet skipped"),
    say(
      "Sheet không phải danh sách thành viên: không đọc.",
      "A sheet that is not a member list: not read.",
    ),
  ),
  "sheet.unknownClub": informs(
    "sheet",
    ["warning"],
    say("Sheet của CLB không rõ", "Sheet of an unknown club"),
    say(
      "Sheet có danh sách thành viên nhưng tên sheet hay dòng tiêu đề không ghi mã hoặc tên CLB: không được tính.",
      "A sheet with a member list whose name or title rows give no club's id or name: not counted.",
    ),
  ),
  "layout.ambiguous": informs(
    "layout",
    ["warning"],
    say("Cột chưa rõ", "Ambiguous column"),
    say(
      "Hai cột có thể là cùng một trường: cột được dùng được ghi trong thông báo. Chọn cột (Chọn cột / --mapping) để chắc chắn.",
      "Two columns could be the same field: the message names the one used. Pick the column (Chọn cột / --mapping) to settle it.",
    ),
  ),
  "layout.assumed": informs(
    "layout",
    ["warning"],
    say("Thiếu cột, đã giả định", "Missing column, assumed"),
    say(
      "Sổ không có cột cho một thông tin làm thay đổi kết quả (hoàn cảnh khó khăn, ngày rời CLB, vay vốn): thông báo nói đã coi như thế nào. Thêm cột, hoặc Chọn cột nếu cột có mà không được nhận ra.",
      "The register has no column for something that changes the verdicts (hardship, leave date, loans): the message says what was assumed. Add the column, or pick it (Chọn cột) if it is there but was not recognised.",
    ),
  ),
  "layout.age": informs(
    "layout",
    ["info"],
    say("Tuổi thay cho năm sinh", "Age instead of birth year"),
    say(
      "Cột tuổi được đọc thay cho năm sinh: năm sinh = năm của ngày ghi ở tiêu đề cột (hoặc của ngày báo cáo) trừ tuổi.",
      "An age column is read instead of the birth year: birth year = the year of the date in the column's header (or of the reference date) minus the age.",
    ),
  ),
  "layout.section": informs(
    "layout",
    ["warning"],
    say("Thành viên không rõ CLB", "Members of no known club"),
    say(
      'Trong sheet không có cột Mã CLB, các dòng mục ("I. CLB …") cho biết CLB của thành viên bên dưới. Dòng mục không ghi mã hay tên CLB nào trong danh sách, và thành viên đứng trước mọi dòng mục, không được tính.',
      'In a sheet without a club column, section rows ("I. CLB …") give the members below them their club. Members under a section row that names no club of the club list, or above every section row, are not counted.',
    ),
  ),
  "text.legacy": informs(
    "sheet",
    ["info"],
    say("Chữ mã cũ (TCVN3, VNI)", "Legacy-encoded text (TCVN3, VNI)"),
    say(
      "Chữ gõ bằng phông cũ (TCVN3/ABC, VNI) được đọc thành Unicode; tệp gốc không đổi.",
      "Text typed in a legacy font (TCVN3/ABC, VNI) was read as Unicode; the file itself is unchanged.",
    ),
  ),
} satisfies Record<string, RuleSpec>;
