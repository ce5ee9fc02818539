import { say } from "../model/i18n";
import { ClubRule, clubCell, pct } from "./rule";

/** Club size: at least the plan's 50 members; above the national 70 a warning. */
export const clubSize: ClubRule = {
  id: "club.size",
  title: say("Số thành viên", "Club size"),
  criterion: true,
  evaluate({ club, stats, settings }) {
    if (stats.members < settings.minMembers) {
      return {
        severity: "error",
        cells: [clubCell(club)],
        message: say(
          `CLB ${club.id} có ${stats.members} thành viên, cần ít nhất ${settings.minMembers}.`,
          `Club ${club.id} has ${stats.members} members; at least ${settings.minMembers} are required.`,
        ),
      };
    }
    if (stats.members > settings.maxMembers) {
      return {
        severity: "warning",
        cells: [clubCell(club)],
        message: say(
          `CLB ${club.id} có ${stats.members} thành viên, nhiều hơn ${settings.maxMembers}.`,
          `Club ${club.id} has ${stats.members} members, more than ${settings.maxMembers}.`,
        ),
      };
    }
    return null;
  },
};

/** A share that must lie within [min, max], inclusive; not judged when nothing could be counted. */
function shareRule(
  id: string,
  title: ReturnType<typeof say>,
  what: ReturnType<typeof say>,
  pick: (f: Parameters<ClubRule["evaluate"]>[0]) => {
    part: number;
    of: number;
    min: number;
    max: number;
  },
): ClubRule {
  return {
    id,
    title,
    criterion: true,
    evaluate(facts) {
      const { part, of, min, max } = pick(facts);
      if (of === 0) return null;
      const ratio = part / of;
      if (ratio >= min && ratio <= max) return null;
      const range = max >= 1 ? `≥ ${pct(min)}` : `${pct(min)} - ${pct(max)}`;
      return {
        severity: "error",
        cells: [clubCell(facts.club)],
        message: say(
          `CLB ${facts.club.id}: ${what.vi} ${part}/${of} = ${pct(ratio)}, cần ${range}.`,
          `Club ${facts.club.id}: ${what.en} ${part}/${of} = ${pct(ratio)}, required ${range}.`,
        ),
      };
    },
  };
}

export const clubWomen = shareRule(
  "club.women",
  say("Tỷ lệ nữ", "Women"),
  say("tỷ lệ nữ", "women"),
  ({ stats, settings }) => ({
    part: stats.women,
    of: stats.members,
    min: settings.womenMin,
    max: settings.womenMax,
  }),
);

export const clubOlder = shareRule(
  "club.older",
  say("Tỷ lệ người cao tuổi", "Older people"),
  say("tỷ lệ người cao tuổi", "older people"),
  ({ stats, settings }) => ({
    part: stats.older,
    of: stats.members,
    min: settings.olderMin,
    max: settings.olderMax,
  }),
);

export const clubYounger = shareRule(
  "club.younger",
  say("Tỷ lệ người trẻ tuổi", "Younger people"),
  say("tỷ lệ người trẻ tuổi", "younger people"),
  ({ stats, settings }) => ({
    part: stats.younger,
    of: stats.members,
    min: settings.youngerMin,
    max: settings.youngerMax,
  }),
);

export const clubBorrowers = shareRule(
  "club.borrowers",
  say("Tỷ lệ được vay vốn", "Borrowers"),
  say("tỷ lệ thành viên được vay vốn", "members borrowing"),
  ({ stats, settings }) => ({
    part: stats.borrowers,
    of: stats.members,
    min: settings.borrowersMin,
    max: Infinity,
  }),
);

/** The plan asks to favour people in hardship: no pass/fail, a warning when there are none. */
export const clubHardship: ClubRule = {
  id: "club.hardship",
  title: say("Người có hoàn cảnh khó khăn", "Members in hardship"),
  criterion: false,
  evaluate({ club, stats }) {
    if (stats.members === 0 || stats.hardship > 0) return null;
    return {
      severity: "warning",
      cells: [clubCell(club)],
      message: say(
        `CLB ${club.id} không có thành viên nào có hoàn cảnh khó khăn.`,
        `Club ${club.id} has no member in hardship.`,
      ),
    };
  },
};

/** A club in the list with nobody counted in it. */
export const clubNoMembers: ClubRule = {
  id: "club.noMembers",
  title: say("CLB không có thành viên", "Club without members"),
  criterion: false,
  evaluate({ club, stats }) {
    if (stats.members > 0) return null;
    return {
      severity: "error",
      cells: [clubCell(club)],
      message: say(
        `CLB ${club.id} không có thành viên nào trong danh sách thành viên.`,
        `Club ${club.id} has no member in the member list.`,
      ),
    };
  },
};
