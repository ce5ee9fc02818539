import { asClubId } from "../model/brand";
import { RawSheet } from "../model/cells";
import { say } from "../model/i18n";
import { Club } from "../model/records";
import { FindingSink } from "../findings/sink";
import { parseDateLike, parseStatus, parseYesNo } from "../parse/values";
import { ACTIVITY_FIELDS, CLUBS_SPEC } from "../sheets/specs";
import { findHeader } from "./header";
import { forEachDataRow } from "./rows";
import { shortText } from "../text/short-text";

/** Clubs are founded from 2006 (the model's start) on; earlier years are typing errors. */
const FOUNDED_MIN_YEAR = 2000;

/** Reads the club list. A row without an id, or repeating an id, is reported and left out. */
export function readClubs(sheet: RawSheet, sink: FindingSink, maxYear: number): Club[] {
  const header = findHeader(sheet, CLUBS_SPEC);
  const clubs: Club[] = [];
  const seen = new Map<string, number>();
  forEachDataRow(sheet, CLUBS_SPEC, header, sink, (row) => {
    const id = row.text("id");
    if (id === "") {
      row.report(
        "id",
        say(
          "Mã CLB để trống: dòng này không được kiểm tra.",
          "Club id is missing: this row is not checked.",
        ),
      );
      return;
    }
    row.key = () => id;
    const firstRow = seen.get(id.toLowerCase());
    if (firstRow !== undefined) {
      row.report(
        "id",
        say(
          `Mã CLB "${shortText(id)}" trùng với dòng ${firstRow + 1}: dòng này không được tính.`,
          `Club id "${shortText(id)}" repeats row ${firstRow + 1}: this row is not counted.`,
        ),
        "club.duplicateId",
      );
      return;
    }
    seen.set(id.toLowerCase(), row.row0);
    if (row.text("name") === "")
      row.report("name", say("Tên CLB để trống.", "Club name is missing."));
    if (row.text("district") === "")
      row.report("district", say("Huyện để trống.", "District is missing."));
    const founded = row.parse(
      "founded",
      (v) => parseDateLike(v, { minYear: FOUNDED_MIN_YEAR, maxYear }),
      true,
    );
    clubs.push({
      id: asClubId(id),
      name: row.text("name"),
      unitText: row.text("district"),
      commune: row.text("commune"),
      founded,
      activities: ACTIVITY_FIELDS.map((f) => row.parse(f.key, parseYesNo) === true),
      wellManaged: row.parse("wellManaged", parseYesNo) === true,
      closed: row.has("status") && row.parse("status", parseStatus) === "closed",
      origin: row.origin(),
    });
  });
  return clubs;
}
