import { cellOf } from "../model/records";
import { say } from "../model/i18n";
import { ClubRuleSpec, clubCell } from "./rule";
import { PLAN } from "./plan-sentences";
import { shortText } from "../text/short-text";

/** "100% CLB có quỹ hoạt động do câu lạc bộ tự quản lý theo quy chế do câu lạc bộ ban hành." */
export const FUND_RULES = {
  "club.fund": {
    scope: "club",
    partOf: "fundOk",
    severities: ["error"],
    criterion: true,
    plan: PLAN.fund,
    settings: [],
    title: say("Quỹ hoạt động", "Operating fund"),
    help: say(
      "CLB có một dòng ở sheet quỹ với quỹ hoạt động lớn hơn 0.",
      "The club has a row in the fund sheet with an operating fund above zero.",
    ),
    evaluate({ club, fund }) {
      if (!fund) {
        return {
          severity: "error",
          cells: [clubCell(club)],
          message: say(
            `CLB ${shortText(club.id)} không có dòng nào trong sheet quỹ: chưa có quỹ hoạt động.`,
            `Club ${shortText(club.id)} has no row in the fund sheet: no operating fund.`,
          ),
        };
      }
      if (fund.operatingFund !== null && fund.operatingFund > 0) return null;
      return {
        severity: "error",
        cells: [cellOf(fund.origin, "operatingFund")],
        message: say(
          `CLB ${shortText(club.id)}: quỹ hoạt động bằng 0 hoặc không đọc được.`,
          `Club ${shortText(club.id)}: the operating fund is zero or unreadable.`,
        ),
      };
    },
  },
  "club.regulation": {
    scope: "club",
    partOf: "fundOk",
    severities: ["error"],
    criterion: true,
    plan: PLAN.fund,
    settings: [],
    title: say("Quy chế quản lý quỹ", "Fund regulation"),
    help: say(
      "CLB đã ban hành quy chế tự quản lý quỹ (cột Quy chế quản lý quỹ ở sheet quỹ là Có).",
      "The club has adopted a regulation for managing its fund (the fund sheet's regulation column says Có).",
    ),
    evaluate({ club, fund }) {
      if (fund?.regulation) return null;
      const cells = fund ? [cellOf(fund.origin, "regulation")] : [clubCell(club)];
      return {
        severity: "error",
        cells,
        message: say(
          `CLB ${shortText(club.id)} chưa có quy chế quản lý quỹ.`,
          `Club ${shortText(club.id)} has no fund regulation.`,
        ),
      };
    },
  },
} satisfies Record<string, ClubRuleSpec>;
