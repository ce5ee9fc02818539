import { LocalText, say } from "../model/i18n";
import { CLUB_RULES } from "../rules/registry";

/**
 * A short title for every rule id a finding can carry, for the pane's grouped list: the per-club
 * rules' own titles, then the checks made while reading and joining the registers.
 */
const READING_RULES: Readonly<Record<string, LocalText>> = {
  "club.duplicateId": say("Mã CLB trùng", "Duplicate club id"),
  "club.founded": say("Năm thành lập", "Year founded"),
  "club.noMembers": say("CLB không có thành viên", "Club without members"),
  "club.unit": say("Đơn vị của CLB", "Club's unit"),
  "club.unitLoose": say("Tên đơn vị gần đúng", "Unit name matched loosely"),
  "fund.amountOutlier": say("Số tiền quỹ bất thường", "Unusual fund amount"),
  "fund.duplicate": say("Quỹ ghi hai lần", "Fund listed twice"),
  "fund.sheet": say("Sheet quỹ", "Fund sheet"),
  "fund.unknownClub": say("Quỹ của CLB không có trong danh sách", "Fund of an unknown club"),
  "layout.ambiguous": say("Cột chưa rõ", "Ambiguous column"),
  "merge.duplicateClub": say("Mã CLB trùng giữa các tệp", "Club id in two files"),
  "merge.roadmapConflict": say(
    "Lộ trình khác nhau giữa các tệp",
    "Roadmaps disagree between files",
  ),
  "merge.roadmapMissing": say("Tệp không có lộ trình", "File without a roadmap"),
  "member.ageOutlier": say("Tuổi bất thường", "Unusual age"),
  "member.birth": say("Năm sinh", "Birth year"),
  "member.duplicate": say("Thành viên ghi hai lần", "Member listed twice"),
  "member.loanOutlier": say("Số tiền vay bất thường", "Unusual loan amount"),
  "member.multipleClubs": say("Thành viên ở hai CLB", "Member in two clubs"),
  "member.sex": say("Giới tính", "Sex"),
  "member.unknownClub": say(
    "Thành viên của CLB không có trong danh sách",
    "Member of an unknown club",
  ),
  "roadmap.before": say("Số CLB trước Đề án", "Clubs before the plan"),
  "roadmap.behind": say("Chậm so với lộ trình", "Behind the roadmap"),
  "roadmap.default": say("Lộ trình mặc định (Hà Tĩnh)", "Default roadmap (Hà Tĩnh)"),
  "roadmap.duplicate": say("Đơn vị ghi hai lần trong lộ trình", "Unit listed twice in the roadmap"),
  "roadmap.inconsistent": say("Lộ trình không khớp tổng", "Roadmap totals disagree"),
  "roadmap.noData": say("Đơn vị chưa có CLB trong sổ", "Unit without clubs in the workbook"),
  "sheet.duplicateRole": say("Nhiều sheet cùng loại", "Several sheets of one kind"),
  "sheet.missingColumn": say("Thiếu cột", "Missing column"),
  "sheet.skipped": say("Sheet bỏ qua", "Sheet skipped"),
  "sheet.unknownClub": say("Sheet của CLB không rõ", "Sheet of an unknown club"),
  "text.legacy": say("Chữ mã cũ (TCVN3, VNI)", "Legacy-encoded text (TCVN3, VNI)"),
  "unit.activeShare": say("Tỷ lệ CLB hoạt động tốt", "Share of well-run clubs"),
  "unit.fundShare": say("Tỷ lệ CLB có quỹ", "Share of clubs with a fund"),
};

export const RULE_TITLES: Readonly<Record<string, LocalText>> = {
  ...Object.fromEntries(CLUB_RULES.map((rule) => [rule.id, rule.title])),
  ...READING_RULES,
};
