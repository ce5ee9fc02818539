import { cellOf } from "../model/records";
import { say } from "../model/i18n";
import { ClubRule, clubCell } from "./rule";

/** "100% CLB có quỹ hoạt động": a fund row with an operating fund above zero. */
export const clubFund: ClubRule = {
  id: "club.fund",
  title: say("Quỹ hoạt động", "Operating fund"),
  criterion: true,
  evaluate({ club, fund }) {
    if (!fund) {
      return {
        severity: "error",
        cells: [clubCell(club)],
        message: say(
          `CLB ${club.id} không có dòng nào trong sheet quỹ: chưa có quỹ hoạt động.`,
          `Club ${club.id} has no row in the fund sheet: no operating fund.`,
        ),
      };
    }
    if (fund.operatingFund !== null && fund.operatingFund > 0) return null;
    return {
      severity: "error",
      cells: [cellOf(fund.origin, "operatingFund")],
      message: say(
        `CLB ${club.id}: quỹ hoạt động bằng 0 hoặc không đọc được.`,
        `Club ${club.id}: the operating fund is zero or unreadable.`,
      ),
    };
  },
};

/** "... do câu lạc bộ tự quản lý theo quy chế": the club has adopted a fund regulation. */
export const clubRegulation: ClubRule = {
  id: "club.regulation",
  title: say("Quy chế quản lý quỹ", "Fund regulation"),
  criterion: true,
  evaluate({ club, fund }) {
    if (fund?.regulation) return null;
    const cells = fund ? [cellOf(fund.origin, "regulation")] : [clubCell(club)];
    return {
      severity: "error",
      cells,
      message: say(
        `CLB ${club.id} chưa có quy chế quản lý quỹ.`,
        `Club ${club.id} has no fund regulation.`,
      ),
    };
  },
};
