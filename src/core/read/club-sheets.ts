import { RawSheet } from "../model/cells";
import { InputError } from "../model/errors";
import { say } from "../model/i18n";
import { Club } from "../model/records";
import { FindingSink } from "../findings/sink";
import { MEMBERS_SPEC } from "../sheets/specs";
import { cleanText, nameKey } from "../text/normalize";
import { findHeader, HeaderMatch } from "./header";

/** A member sheet found among the other sheets: one club's list, or (with a club column) any. */
export interface MemberSheet {
  readonly sheet: RawSheet;
  readonly header: HeaderMatch;
  /** The club all its members belong to; null when the sheet has its own club column. */
  readonly clubId: string | null;
}

/**
 * The club a sheet belongs to, from its name ("VQ-01", "Đức Giang") or a title row above its
 * header ("DANH SÁCH THÀNH VIÊN CLB XÃ ĐỨC GIANG"): the club whose id or name the text holds, the
 * longest such name winning ("… Kỳ Bắc số 2" over "… Kỳ Bắc").
 */
function clubOf(texts: readonly string[], clubs: readonly Club[]): Club | null {
  let best: Club | null = null;
  let bestLength = 0;
  for (const text of texts) {
    const key = ` ${nameKey(text)} `;
    for (const club of clubs) {
      for (const name of [club.id, club.name]) {
        const k = nameKey(name);
        if (k.length > bestLength && key.includes(` ${k} `)) {
          best = club;
          bestLength = k.length;
        }
      }
    }
  }
  return best;
}

/**
 * Recognises one-club member sheets among the other sheets of a workbook that has no sheet for all
 * members. A sheet with no member header, or naming no known club, is left out and said so.
 */
export function findMemberSheets(
  sheets: readonly RawSheet[],
  clubs: readonly Club[],
  sink: FindingSink,
): MemberSheet[] {
  const found: MemberSheet[] = [];
  for (const sheet of sheets) {
    let header: HeaderMatch;
    try {
      header = findHeader(sheet, MEMBERS_SPEC, new Set(["clubId"]));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
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
    if (header.columns.has("clubId")) {
      found.push({ sheet, header, clubId: null });
      continue;
    }
    const titles = sheet.rows
      .slice(0, header.headerRows0[0])
      .flatMap((r) => (r ?? []).map((v) => cleanText(v)))
      .filter((t) => t !== "");
    const club = clubOf([sheet.name, ...titles], clubs);
    if (!club) {
      sink.add(
        "sheet.unknownClub",
        "warning",
        sheet.name,
        say(
          `Sheet "${sheet.name}" có danh sách thành viên nhưng không rõ của CLB nào (tên sheet hoặc dòng tiêu đề cần ghi mã hoặc tên CLB): không được tính.`,
          `Sheet "${sheet.name}" holds a member list but names no known club (the sheet name or a title row must give the club's id or name): not counted.`,
        ),
        { sheet: sheet.name, cell: undefined },
      );
      continue;
    }
    found.push({ sheet, header, clubId: club.id });
  }
  return found;
}
