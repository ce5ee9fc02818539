import { toA1 } from "../model/address";
import { A1 } from "../model/brand";
import { RawSheet } from "../model/cells";
import { say } from "../model/i18n";
import { RoadmapEntry } from "../model/records";
import { FindingSink } from "../findings/sink";
import { parseCount } from "../parse/values";
import { ROADMAP_SPEC, ROADMAP_YEARS } from "../sheets/specs";
import { parseUnit, UnitIndex } from "../text/units";
import { findHeader } from "./header";
import { forEachDataRow } from "./rows";
import { shortText } from "../text/short-text";

/** The "Tổng cộng" row of a roadmap sheet, as written (checked, never read as a unit). */
export interface RoadmapTotals {
  readonly values: Readonly<Record<string, number | null>>;
  readonly cells: Readonly<Record<string, A1>>;
  readonly sheet: string;
}

export interface RoadmapSheet {
  readonly entries: RoadmapEntry[];
  readonly totals: RoadmapTotals | null;
}

const COUNT_FIELDS = ["before", "planTotal", ...ROADMAP_YEARS.map((y) => `y${y}`), "total"];

/** Reads a roadmap sheet laid out like the plan's appendix. A blank count reads as 0. */
export function readRoadmap(sheet: RawSheet, sink: FindingSink): RoadmapSheet {
  const header = findHeader(sheet, ROADMAP_SPEC);
  const entries: RoadmapEntry[] = [];
  // The units of the rows kept so far, each parsed once (see UnitIndex).
  const units = new UnitIndex();
  const { totalRows } = forEachDataRow(sheet, ROADMAP_SPEC, header, sink, (row) => {
    const unit = row.text("unit");
    if (unit === "") {
      row.report("unit", say("Đơn vị để trống.", "Unit is missing."));
      return;
    }
    row.key = () => unit;
    // "Huyện Vũ Quang" and "H. Vũ Quang" are one unit: a second row for it would split its clubs.
    const same = units.match(unit);
    // A loose match is the same unit unless both name a different kind ("Huyện" vs "Thị xã" Kỳ Anh).
    const kinds = same.match ? [parseUnit(unit).kind, parseUnit(same.match).kind] : [];
    if (same.match && (!same.loose || kinds.includes(null))) {
      row.report(
        "unit",
        say(
          `"${shortText(unit)}" lặp lại đơn vị "${shortText(same.match)}" ở dòng trên: dòng này không được tính.`,
          `"${shortText(unit)}" repeats the unit "${shortText(same.match)}" of a row above: this row is not counted.`,
        ),
        "roadmap.duplicate",
      );
      return;
    }
    const n = (field: string): number => (row.has(field) ? (row.parse(field, parseCount) ?? 0) : 0);
    units.add(unit);
    entries.push({
      unit,
      before: n("before"),
      planTotal: n("planTotal"),
      plan: Object.fromEntries(ROADMAP_YEARS.map((y) => [y, n(`y${y}`)])),
      total: n("total"),
      origin: row.origin(),
    });
  });
  const r = totalRows[0];
  if (r === undefined) return { entries, totals: null };
  const values: Record<string, number | null> = {};
  const cells: Record<string, A1> = {};
  for (const field of COUNT_FIELDS) {
    const c = header.columns.get(field);
    if (c === undefined) continue;
    const parsed = parseCount(sheet.rows.at(r)?.[c]);
    values[field] = parsed.ok ? parsed.value : null;
    cells[field] = toA1(r, c);
  }
  return { entries, totals: { values, cells, sheet: sheet.name } };
}
