import { RawSheet, RawValue } from "../../src/core/model/cells";
import {
  ACTIVITY_FIELDS,
  CLUBS_SPEC,
  FUNDS_SPEC,
  MEMBERS_SPEC,
  SheetSpec,
} from "../../src/core/sheets/specs";

/** Builds canonical input sheets from records, for tests on plain data. */
export type Row = Record<string, RawValue | undefined>;

export function sheetOf(spec: SheetSpec, rows: readonly Row[], name = spec.names[0]!): RawSheet {
  const fields = spec.fields.filter((f) => f.required || rows.some((r) => f.key in r));
  return {
    name,
    rows: [fields.map((f) => f.header), ...rows.map((r) => fields.map((f) => r[f.key] ?? null))],
  };
}

export const allActivities = (v: RawValue = "Có"): Row =>
  Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f.key, v]));

export function club(id: string, extra: Row = {}): Row {
  return {
    id,
    name: `CLB ${id}`,
    district: "Huyện Vũ Quang",
    commune: "Đức Giang",
    founded: 2021,
    ...allActivities(),
    wellManaged: "Có",
    ...extra,
  };
}

/**
 * Members of one club with exact counts: `women` of `n` are women, `older` are born 1950 (75 at
 * 2025), the rest 1990, `borrowers` borrowed.
 */
export function members(
  clubId: string,
  n: number,
  women: number,
  older: number,
  borrowers: number,
  extra: Row = {},
): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    clubId,
    name: `Thành viên ${clubId} ${i + 1}`,
    sex: i < women ? "Nữ" : "Nam",
    birth: i < older ? 1950 : 1990,
    hardship: i === 0 ? "Hộ nghèo" : null,
    borrowed: i < borrowers ? "Có" : "Không",
    ...extra,
  }));
}

export const fund = (clubId: string, extra: Row = {}): Row => ({
  clubId,
  operatingFund: 5_000_000,
  incomeFund: 20_000_000,
  regulation: "Có",
  ...extra,
});

export const clubsSheet = (rows: readonly Row[]) => sheetOf(CLUBS_SPEC, rows);
export const membersSheet = (rows: readonly Row[]) => sheetOf(MEMBERS_SPEC, rows);
export const fundsSheet = (rows: readonly Row[]) => sheetOf(FUNDS_SPEC, rows);
