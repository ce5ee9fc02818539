import { asClubId } from "../model/brand";
import { RawSheet, RawValue } from "../model/cells";
import { say } from "../model/i18n";
import { Fund } from "../model/records";
import { FindingSink } from "../findings/sink";
import { parseAmount, Parsed, parseYesNo } from "../parse/values";
import { FUNDS_SPEC } from "../sheets/specs";
import { amountScale, findHeader } from "./header";
import { forEachDataRow } from "./rows";

/**
 * Reads the fund sheet: at most one row per club matters; a club with no row has no fund. Read
 * from the club list (which may carry the fund's columns), a club whose fund cells are all blank
 * has no fund, and a blank operating fund is none rather than a missing value.
 */
export function readFunds(sheet: RawSheet, sink: FindingSink, inClubList = false): Fund[] {
  const header = findHeader(sheet, FUNDS_SPEC);
  // "Quỹ hoạt động (triệu đồng)": the unit in the header scales every amount to đồng.
  const scaled = (field: string) => {
    const scale = amountScale(sheet, header, field);
    return (v: RawValue | undefined): Parsed<number | null> => {
      const r = parseAmount(v);
      return r.ok && r.value !== null && scale !== 1
        ? { ok: true, value: Number((r.value * scale).toPrecision(15)) }
        : r;
    };
  };
  const operating = scaled("operatingFund");
  const income = scaled("incomeFund");
  const funds: Fund[] = [];
  forEachDataRow(sheet, FUNDS_SPEC, header, sink, (row) => {
    const clubId = row.text("clubId");
    row.key = () => clubId;
    if (clubId === "") {
      row.report(
        "clubId",
        say(
          "Mã CLB để trống: dòng quỹ này không được tính.",
          "Club id is missing: this fund row is not counted.",
        ),
      );
      return;
    }
    const fundCells = ["operatingFund", "incomeFund", "regulation"].filter((k) => row.has(k));
    if (inClubList && fundCells.every((k) => row.text(k) === "")) return;
    funds.push({
      clubId: asClubId(clubId),
      operatingFund: row.parse("operatingFund", operating, !inClubList),
      incomeFund: row.has("incomeFund") ? row.parse("incomeFund", income) : null,
      regulation: row.parse("regulation", parseYesNo) === true,
      origin: row.origin(),
    });
  });
  return funds;
}
