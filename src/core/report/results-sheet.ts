import { A1, asA1 } from "../model/brand";
import { cellOf, Club } from "../model/records";
import { GeneratedSheet, PlanCell, StyleKey } from "../model/write-plan";
import { say } from "../model/i18n";
import { CheckResult } from "../check/run-check";
import { ClubRuleId, CLUB_RULES } from "../rules/registry";
import { clubFigures } from "./json-report";
import { VERDICT } from "../text/glossary";
import { refDateText, yesNo } from "./labels";
import { listPrintSetup } from "./print-setups";
import { cell, SheetBuilder } from "./sheet-builder";

/** The header row, read back by check/generated-by-content.ts to know the sheet again. */
export const HEADERS = [
  say("STT", "No."),
  say("Mã CLB", "Club id"),
  say("Tên CLB", "Club name"),
  say("Đơn vị", "Unit"),
  say("Số thành viên", "Members"),
  say("Nữ", "Women"),
  say("Cao tuổi", "Older"),
  say("Trẻ tuổi", "Younger"),
  say("Khó khăn", "Hardship"),
  say("Được vay vốn", "Borrowers"),
  say("Tỷ lệ nữ", "Women %"),
  say("Tỷ lệ cao tuổi", "Older %"),
  say("Tỷ lệ trẻ tuổi", "Younger %"),
  say("Tỷ lệ vay vốn", "Borrowers %"),
  say("Quỹ hoạt động", "Operating fund"),
  say("Quy chế quỹ", "Fund regulation"),
  say("Đủ 8 hoạt động", "All 8 activities"),
  say("Quản lý tốt", "Well managed"),
  say("Kết luận", "Verdict"),
  say("Tiêu chí chưa đạt", "Failed criteria"),
];
/** The club's id cell in the club list: clicking the id in the results goes there. */
function idLink(club: Club): { sheet: string; cell: A1 } {
  const ref = cellOf(club.origin, "id");
  return { sheet: ref.sheet, cell: ref.cell ?? asA1("A1") };
}

const WIDTHS = [6, 12, 30, 22, 10, 8, 9, 9, 9, 10, 9, 10, 10, 10, 10, 10, 10, 10, 12, 40];

/** "Kết quả CLB": one row per active club with counts, ratios and the verdict; failing cells marked. */
export function resultsSheet(result: CheckResult, name: string): GeneratedSheet {
  const lang = result.settings.lang;
  const b = new SheetBuilder("results", name);
  const title = say(
    `KẾT QUẢ KIỂM TRA CLB LIÊN THẾ HỆ TỰ GIÚP NHAU (ngày báo cáo ${refDateText(result.ref)})`,
    `INTERGENERATIONAL SELF-HELP CLUBS: CHECK RESULTS (reference date ${refDateText(result.ref)})`,
  );
  b.row([title[lang]], "title");
  b.merge(0, 0, 0, HEADERS.length - 1);
  b.row(
    HEADERS.map((h) => h[lang]),
    "header",
  );
  const titleOf = new Map(CLUB_RULES.map((r) => [r.id, r.title[lang]]));
  result.verdicts.forEach((v, i) => {
    const j = clubFigures(v);
    const fails = new Set<ClubRuleId>(v.failed);
    const n = (x: number, rule: ClubRuleId): PlanCell =>
      cell(x, fails.has(rule) ? "failInteger" : "integer");
    const p = (x: number | null, rule: ClubRuleId): PlanCell =>
      cell(x, fails.has(rule) ? "failPercent" : "percent");
    const flag = (ok: boolean, rule: ClubRuleId): PlanCell =>
      cell(yesNo(ok, lang), fails.has(rule) ? "fail" : "text");
    const verdict: StyleKey = v.compliant ? "pass" : "fail";
    b.row(
      [
        cell(i + 1, "integer"),
        {
          v: j.id,
          style: "link",
          link: idLink(v.club),
        },
        j.name,
        j.unit,
        n(j.members, "club.size"),
        cell(j.women, "integer"),
        cell(j.older, "integer"),
        cell(j.younger, "integer"),
        cell(j.hardship, "integer"),
        cell(j.borrowers, "integer"),
        p(j.womenRatio, "club.women"),
        p(j.olderRatio, "club.older"),
        p(j.youngerRatio, "club.younger"),
        p(j.borrowerRatio, "club.borrowers"),
        flag(j.operatingFund, "club.fund"),
        flag(j.regulation, "club.regulation"),
        flag(j.allActivities, "club.activities"),
        flag(j.wellManaged, "club.management"),
        cell((v.compliant ? VERDICT.pass : VERDICT.fail)[lang], verdict),
        v.failed.map((r) => titleOf.get(r) ?? r).join("; "),
      ],
      "text",
    );
  });
  result.closedClubs.forEach((c, i) => {
    b.row(
      [
        cell(result.verdicts.length + i + 1, "integer"),
        { v: c.id, style: "link", link: idLink(c) },
        c.name,
        c.unitText,
        ...Array<string>(14).fill(""),
        cell(say("Ngừng hoạt động", "Closed")[lang], "warn"),
        say("Không tính", "Not counted")[lang],
      ],
      "text",
    );
  });
  const sheet = b.build(WIDTHS, 2);
  // A4 landscape, one page wide, the title (with the reference date) and the header on every page.
  return { ...sheet, print: listPrintSetup(sheet, [1, 2], lang) };
}
