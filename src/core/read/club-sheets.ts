import { cellValues, rowArray, RawSheet } from "../model/cells";
import { InputError } from "../model/errors";
import { LocalText, say } from "../model/i18n";
import { Club } from "../model/records";
import { FindingSink } from "../findings/sink";
import { MEMBERS_SPEC } from "../sheets/specs";
import { cleanText } from "../text/normalize";
import { ClubNames } from "./club-names";
import { findHeader, hasClubColumn, HeaderMatch } from "./header";
import { fillMergedDown } from "./merged";
import { sectionOf } from "./sections";

/** A member sheet found among the other sheets: one club's list, a list by sections, or any. */
export interface MemberSheet {
  readonly sheet: RawSheet;
  readonly header: HeaderMatch;
  /** The club all its members belong to; null when the sheet has its own club column or sections. */
  readonly clubId: string | null;
  /** Set when the sheet has no club column but section rows that name clubs. */
  readonly sections?: ClubNames;
  readonly reason?: LocalText;
}

/** The member sheets found, and the header errors of sheets that looked like member lists. */
export interface MemberSheets {
  readonly found: MemberSheet[];
  readonly failures: InputError[];
}

/** Whether some row below the header opens a section naming a known club. */
function hasSections(sheet: RawSheet, header: HeaderMatch, names: ClubNames): boolean {
  const filled = fillMergedDown(sheet, header.dataRow0);
  for (let r = header.dataRow0; r < filled.rows.length; r++)
    if (sectionOf(filled.rows.at(r), names)?.clubId) return true;
  return false;
}

/**
 * Recognises member lists without a club column among the sheets: a list grouped by club section
 * rows, or one club's list (the club named by the sheet or a title row above its header). A sheet
 * with a member header that lacks a required column is a member list with a gap: its error is
 * kept for the caller. A sheet naming no known club is left out and said so.
 */
export function findMemberSheets(
  sheets: readonly RawSheet[],
  clubs: readonly Club[],
  sink: FindingSink,
  reasons: ReadonlyMap<string, LocalText> = new Map(),
): MemberSheets {
  const names = new ClubNames(clubs);
  const found: MemberSheet[] = [];
  const failures: InputError[] = [];
  for (const sheet of sheets) {
    const reason = reasons.get(sheet.name);
    const withReason = reason ? { reason } : {};
    let header: HeaderMatch;
    try {
      header = findHeader(sheet, MEMBERS_SPEC, new Set(["clubId"]));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failures.push(e);
      // A sheet with a member header that lacks a required column is a member list with a gap.
      if (e.code === "missing-column") {
        sink.add("sheet.missingColumn", "error", sheet.name, e.text, {
          sheet: sheet.name,
          cell: undefined,
        });
        continue;
      }
      sink.add(
        "sheet.skipped",
        "info",
        sheet.name,
        say(
          `Sheet "${sheet.name}" không phải danh sách thành viên: không đọc.`,
          `Sheet "${sheet.name}" is not a member list: not read.`,
        ),
        { sheet: sheet.name, cell: undefined },
      );
      continue;
    }
    if (hasClubColumn(header)) {
      found.push({ sheet, header, clubId: null, ...withReason });
      continue;
    }
    const titles = rowArray(sheet.rows, header.headerRows0[0]!)
      .flatMap((r) => cellValues(r).map((v) => cleanText(v)))
      .filter((t) => t !== "");
    const club = names.find([sheet.name, ...titles]);
    if (hasSections(sheet, header, names)) {
      found.push({ sheet, header, clubId: club?.id ?? null, sections: names, ...withReason });
      continue;
    }
    if (!club) {
      sink.add(
        "sheet.unknownClub",
        "warning",
        sheet.name,
        say(
          `Sheet "${sheet.name}" có danh sách thành viên nhưng không rõ của CLB nào (tên sheet, dòng tiêu đề hoặc các dòng mục "I. CLB …" cần ghi mã hoặc tên CLB): không được tính.`,
          `Sheet "${sheet.name}" holds a member list but names no known club (the sheet name, a title row or section rows "I. CLB …" must give the club's id or name): not counted.`,
        ),
        { sheet: sheet.name, cell: undefined },
      );
      continue;
    }
    found.push({ sheet, header, clubId: club.id, ...withReason });
  }
  return { found, failures };
}
