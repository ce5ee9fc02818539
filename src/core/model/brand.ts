/**
 * Branded strings: a club id cannot be passed where a unit name is expected, and an A1 address is
 * not any string. The brand exists only for the type checker.
 */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type ClubId = Brand<string, "ClubId">;
/** A district-level unit as written in the roadmap (e.g. "Huyện Vũ Quang"). */
export type UnitName = Brand<string, "UnitName">;
/** A cell address in A1 notation without sheet ("D17"), or a range ("A1:C3"). */
export type A1 = Brand<string, "A1">;

export const asClubId = (s: string): ClubId => s as ClubId;
export const asUnitName = (s: string): UnitName => s as UnitName;
export const asA1 = (s: string): A1 => s as A1;
