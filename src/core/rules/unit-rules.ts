import { say } from "../model/i18n";
import { informs, RuleSpec } from "./rule";
import { PLAN } from "./plan-sentences";

/**
 * Rules per unit (district, town, city) and about the roadmap, raised in roadmap/: the plan's
 * per-unit shares, the roadmap's progress and sums, and how clubs were matched to units.
 */
export const UNIT_RULES = {
  "unit.activeShare": {
    scope: "unit",
    severities: ["error"],
    criterion: true,
    plan: PLAN.activeClubs,
    settings: ["activeShareMin", "borrowersMin"],
    title: say("Tỷ lệ CLB hoạt động tốt", "Share of well-run clubs"),
    help: say(
      "Ít nhất 70 % CLB của đơn vị (activeShareMin) thực hiện đủ 8 nhóm hoạt động, được quản lý tốt và có ít nhất 50 % thành viên được vay vốn.",
      "At least 70% of a unit's clubs (activeShareMin) run all eight activities, are well managed and lend to at least 50% of their members.",
    ),
  },
  "unit.fundShare": {
    scope: "unit",
    severities: ["error"],
    criterion: true,
    plan: PLAN.fund,
    settings: ["fundShareMin"],
    title: say("Tỷ lệ CLB có quỹ", "Share of clubs with a fund"),
    help: say(
      "Mọi CLB của đơn vị (fundShareMin = 100 %) có quỹ hoạt động theo quy chế do CLB ban hành.",
      "Every club of a unit (fundShareMin = 100%) has an operating fund under its own regulation.",
    ),
  },
  "roadmap.behind": {
    scope: "roadmap",
    severities: ["error"],
    criterion: true,
    plan: PLAN.roadmap,
    settings: ["asOf"],
    title: say("Chậm so với lộ trình", "Behind the roadmap"),
    help: say(
      "Số CLB thành lập lũy kế đến năm báo cáo ít hơn kế hoạch lũy kế của lộ trình.",
      "The clubs founded up to the reference year are fewer than the roadmap's cumulative plan.",
    ),
  },
  "roadmap.inconsistent": {
    scope: "roadmap",
    severities: ["error"],
    criterion: true,
    plan: PLAN.roadmap,
    settings: [],
    title: say("Lộ trình không khớp tổng", "Roadmap totals disagree"),
    help: say(
      "Các năm không cộng lại bằng kế hoạch 2021-2025, giai đoạn trước cộng kế hoạch không bằng tổng, hoặc dòng Tổng cộng không bằng tổng các đơn vị.",
      "The years do not add up to the 2021-2025 plan, the previous phase plus the plan is not the total, or the total row is not the sum of the units.",
    ),
  },
  "roadmap.before": informs(
    "roadmap",
    ["error", "warning"],
    say("Số CLB trước Đề án", "Clubs before the plan"),
    say(
      "Ô giai đoạn trước của lộ trình cần một số nguyên không âm (lỗi); số CLB còn hoạt động thành lập trước 2021 trong dữ liệu khác số phụ lục ghi (cảnh báo).",
      "The roadmap's previous-phase cell takes a whole number, not negative (an error); the data's active clubs founded before 2021 differ from the appendix's number (a warning).",
    ),
  ),
  "roadmap.noData": informs(
    "roadmap",
    ["warning", "info"],
    say("Đơn vị chưa có CLB trong sổ", "Unit without clubs in the workbook"),
    say(
      "Đơn vị có trong lộ trình nhưng không có CLB nào trong sổ (sổ của một huyện chỉ có CLB của huyện mình).",
      "A roadmap unit with no club in the workbook (a district's own workbook holds only its clubs).",
    ),
  ),
  "roadmap.default": informs(
    "roadmap",
    ["info"],
    say("Lộ trình mặc định (Hà Tĩnh)", "Default roadmap (Hà Tĩnh)"),
    say(
      "Sổ không có sheet lộ trình: dùng lộ trình của phụ lục Hà Tĩnh.",
      "The workbook has no roadmap sheet: the Hà Tĩnh appendix's roadmap is used.",
    ),
  ),
  "club.unit": informs(
    "club",
    ["error", "warning"],
    say("Đơn vị của CLB", "Club's unit"),
    say(
      "Huyện của CLB không có trong lộ trình (cảnh báo) hoặc có thể là hai đơn vị (lỗi, ghi rõ Huyện / Thị xã / Thành phố): CLB không được tính vào tiến độ.",
      "The club's district is not in the roadmap (a warning) or could be two units (an error: write Huyện / Thị xã / Thành phố): the club is left out of the progress.",
    ),
  ),
  "club.unitLoose": informs(
    "club",
    ["info"],
    say("Tên đơn vị gần đúng", "Unit name matched loosely"),
    say(
      'Tên huyện được hiểu gần đúng ("Vu Quang" là "Huyện Vũ Quang").',
      'A district name read loosely ("Vu Quang" as "Huyện Vũ Quang").',
    ),
  ),
} satisfies Record<string, RuleSpec>;

/** Rules of `ishc merge` and the pane's merge: what differs between the districts' files. */
export const MERGE_RULES = {
  "merge.duplicateClub": informs(
    "merge",
    ["error"],
    say("Mã CLB trùng giữa các tệp", "Club id in two files"),
    say(
      "Hai tệp có cùng mã CLB: cả hai dòng được giữ, kiểm tra gộp báo dòng sau là mã trùng.",
      "Two files share a club id: both rows are kept, and the merged check flags the later one as a duplicate.",
    ),
  ),
  "merge.roadmapConflict": informs(
    "merge",
    ["warning"],
    say("Lộ trình khác nhau giữa các tệp", "Roadmaps disagree between files"),
    say(
      "Hai tệp có số liệu khác nhau cho cùng một đơn vị của lộ trình: dùng số của tệp đầu.",
      "Two files give different numbers for one roadmap unit: the first file's are used.",
    ),
  ),
  "merge.roadmapMissing": informs(
    "merge",
    ["info"],
    say("Tệp không có lộ trình", "File without a roadmap"),
    say("Tệp không có sheet lộ trình.", "A file without a roadmap sheet."),
  ),
} satisfies Record<string, RuleSpec>;
