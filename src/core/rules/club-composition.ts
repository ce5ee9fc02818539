import { Lang, say } from "../model/i18n";
import { countOf, formatCount, formatPercent } from "../text/numbers";
import { ClubFacts, ClubRuleSpec, clubCell } from "./rule";
import { PLAN } from "./plan-sentences";
import { shortText } from "../text/short-text";

/** A share that must lie within [min, max], inclusive; not judged when nothing could be counted. */
function shareRule(
  spec: Omit<ClubRuleSpec, "scope" | "severities" | "criterion" | "plan" | "evaluate">,
  what: ReturnType<typeof say>,
  pick: (f: ClubFacts) => { part: number; of: number; min: number; max: number },
): ClubRuleSpec {
  return {
    scope: "club",
    severities: ["error"],
    criterion: true,
    plan: spec.partOf ? PLAN.activeClubs : PLAN.composition,
    ...spec,
    evaluate(facts) {
      const { part, of, min, max } = pick(facts);
      if (of === 0) return null;
      const ratio = part / of;
      if (ratio >= min && ratio <= max) return null;
      const range = (lang: Lang) =>
        max >= 1
          ? `≥ ${formatPercent(min, lang)}`
          : `${formatPercent(min, lang)} – ${formatPercent(max, lang)}`;
      const share = (lang: Lang) =>
        `${formatCount(part, lang)}/${formatCount(of, lang)} = ${formatPercent(ratio, lang)}`;
      return {
        severity: "error",
        cells: [clubCell(facts.club)],
        message: say(
          `CLB ${shortText(facts.club.id)}: ${what.vi} ${share("vi")}, cần ${range("vi")}.`,
          `Club ${shortText(facts.club.id)}: ${what.en} ${share("en")}, required ${range("en")}.`,
        ),
      };
    },
  };
}

/**
 * The plan's composition criteria ("mỗi CLB có 50 thành viên, trong đó có 60% - 70% là phụ nữ …")
 * and the loans of its 70% sentence, judged on the members counted at the reference date.
 */
export const COMPOSITION_RULES = {
  "club.noMembers": {
    scope: "club",
    severities: ["error"],
    criterion: false,
    plan: null,
    settings: [],
    title: say("CLB không có thành viên", "Club without members"),
    help: say(
      "CLB trong danh sách CLB nhưng không có ai trong danh sách thành viên (kiểm tra mã CLB ở sheet thành viên).",
      "A club in the club list with nobody in the member list (check the club codes in the member sheet).",
    ),
    evaluate({ club, stats }) {
      if (stats.members > 0) return null;
      return {
        severity: "error",
        cells: [clubCell(club)],
        message: say(
          `CLB ${shortText(club.id)} không có thành viên nào trong danh sách thành viên.`,
          `Club ${shortText(club.id)} has no member in the member list.`,
        ),
      };
    },
  },
  "club.size": {
    scope: "club",
    severities: ["error", "warning"],
    criterion: true,
    plan: PLAN.composition,
    settings: ["minMembers", "maxMembers"],
    title: say("Số thành viên", "Club size"),
    help: say(
      "Mỗi CLB có ít nhất 50 thành viên (thiết lập minMembers); nhiều hơn maxMembers (70) chỉ là cảnh báo.",
      "Every club has at least 50 members (setting minMembers); more than maxMembers (70) is a warning only.",
    ),
    evaluate({ club, stats, settings }) {
      if (stats.members < settings.minMembers) {
        return {
          severity: "error",
          cells: [clubCell(club)],
          message: say(
            `CLB ${shortText(club.id)} có ${formatCount(stats.members, "vi")} thành viên, cần ít nhất ${formatCount(settings.minMembers, "vi")}.`,
            `Club ${shortText(club.id)} has ${countOf(stats.members, "member")}; at least ${formatCount(settings.minMembers, "en")} are required.`,
          ),
        };
      }
      if (stats.members > settings.maxMembers) {
        return {
          severity: "warning",
          cells: [clubCell(club)],
          message: say(
            `CLB ${shortText(club.id)} có ${formatCount(stats.members, "vi")} thành viên, nhiều hơn ${formatCount(settings.maxMembers, "vi")}.`,
            `Club ${shortText(club.id)} has ${countOf(stats.members, "member")}, more than ${formatCount(settings.maxMembers, "en")}.`,
          ),
        };
      }
      return null;
    },
  },
  "club.women": shareRule(
    {
      settings: ["womenMin", "womenMax"],
      title: say("Tỷ lệ nữ", "Women"),
      help: say(
        "Phụ nữ chiếm 60 % – 70 % số thành viên (womenMin, womenMax).",
        "Women make up 60% - 70% of the members (womenMin, womenMax).",
      ),
    },
    say("tỷ lệ nữ", "women"),
    ({ stats, settings }) => ({
      part: stats.women,
      of: stats.members,
      min: settings.womenMin,
      max: settings.womenMax,
    }),
  ),
  "club.older": shareRule(
    {
      settings: ["olderMin", "olderMax", "ageLine"],
      title: say("Tỷ lệ người cao tuổi", "Older people"),
      help: say(
        "Người cao tuổi (từ ageLine tuổi, mặc định 60, tính đến ngày báo cáo) chiếm 60 % – 70 % số thành viên.",
        "Older people (aged ageLine or more, 60 by default, at the reference date) make up 60% - 70% of the members.",
      ),
    },
    say("tỷ lệ người cao tuổi", "older people"),
    ({ stats, settings }) => ({
      part: stats.older,
      of: stats.members,
      min: settings.olderMin,
      max: settings.olderMax,
    }),
  ),
  "club.younger": shareRule(
    {
      settings: ["youngerMin", "youngerMax", "ageLine"],
      title: say("Tỷ lệ người trẻ tuổi", "Younger people"),
      help: say(
        "Người dưới ageLine tuổi chiếm 30 % – 40 % số thành viên.",
        "People younger than ageLine make up 30% - 40% of the members.",
      ),
    },
    say("tỷ lệ người trẻ tuổi", "younger people"),
    ({ stats, settings }) => ({
      part: stats.younger,
      of: stats.members,
      min: settings.youngerMin,
      max: settings.youngerMax,
    }),
  ),
  "club.hardship": {
    scope: "club",
    severities: ["warning"],
    criterion: false,
    plan: PLAN.composition,
    settings: [],
    title: say("Người có hoàn cảnh khó khăn", "Members in hardship"),
    help: say(
      "Kế hoạch ưu tiên người có hoàn cảnh khó khăn: CLB không có ai như vậy được cảnh báo, không tính là chưa đạt.",
      "The plan favours people in hardship: a club with none gets a warning, not a failed criterion.",
    ),
    evaluate({ club, stats }) {
      if (stats.members === 0 || stats.hardship > 0) return null;
      return {
        severity: "warning",
        cells: [clubCell(club)],
        message: say(
          `CLB ${shortText(club.id)} không có thành viên nào có hoàn cảnh khó khăn.`,
          `Club ${shortText(club.id)} has no member in hardship.`,
        ),
      };
    },
  },
  "club.borrowers": shareRule(
    {
      partOf: "fullyActive",
      settings: ["borrowersMin"],
      title: say("Tỷ lệ được vay vốn", "Borrowers"),
      help: say(
        "Ít nhất 50 % thành viên được vay vốn từ quỹ CLB (borrowersMin).",
        "At least 50% of the members borrow from the club's fund (borrowersMin).",
      ),
    },
    say("tỷ lệ thành viên được vay vốn", "members borrowing"),
    ({ stats, settings }) => ({
      part: stats.borrowers,
      of: stats.members,
      min: settings.borrowersMin,
      max: Infinity,
    }),
  ),
} satisfies Record<string, ClubRuleSpec>;
