import { asClubId } from "../model/brand";
import { RawSheet } from "../model/cells";
import { say } from "../model/i18n";
import { Member } from "../model/records";
import { FindingSink } from "../findings/sink";
import { parseDateLike, parseHardship, parseSex, parseYesNoOrAmount } from "../parse/values";
import { MEMBERS_SPEC } from "../sheets/specs";
import { nameKey } from "../text/normalize";
import { findHeader } from "./header";
import { forEachDataRow } from "./rows";

export interface BirthBounds {
  readonly minYear: number;
  readonly maxYear: number;
}

/**
 * Reads the member register. Every member row is kept (even with unreadable cells) so that the
 * rules can decide what counts; each unreadable value has become a finding at its cell.
 */
export function readMembers(sheet: RawSheet, sink: FindingSink, birth: BirthBounds): Member[] {
  const header = findHeader(sheet, MEMBERS_SPEC);
  const members: Member[] = [];
  forEachDataRow(sheet, MEMBERS_SPEC, header, sink, "member", (row) => {
    const clubId = row.text("clubId");
    const name = row.text("name");
    row.key = () => `${clubId}/${nameKey(name)}/${row.text("birth")}`;
    if (clubId === "") row.report("clubId", say("Mã CLB để trống.", "Club id is missing."));
    if (name === "") row.report("name", say("Họ và tên để trống.", "Name is missing."));
    const loan = row.parse("borrowed", parseYesNoOrAmount);
    members.push({
      clubId: asClubId(clubId),
      name,
      sex: row.parse("sex", parseSex, true),
      birth: row.parse("birth", (v) => parseDateLike(v, birth), true),
      hardship: row.has("hardship") ? row.parse("hardship", parseHardship) : null,
      borrowed: loan?.yes === true,
      joined: row.has("joined") ? row.parse("joined", (v) => parseDateLike(v)) : null,
      left: row.has("left") ? row.parse("left", (v) => parseDateLike(v)) : null,
      origin: row.origin(),
    });
  });
  return members;
}
