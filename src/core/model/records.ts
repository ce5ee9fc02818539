import { toA1 } from "./address";
import { A1, ClubId } from "./brand";

import { DateParts } from "./dates";

export type { DateParts };

/**
 * Where a record came from, so that findings and highlights point at its cells. The column map is
 * shared by every record of a sheet: half a million members must not carry eight strings each.
 */
export interface Origin {
  readonly sheet: string;
  readonly row0: number;
  /** Field key -> zero-based column. */
  readonly columns: ReadonlyMap<string, number>;
}

/** A cell of a sheet; `cell` is undefined when the sheet has no column for the field. */
export interface CellRef {
  readonly sheet: string;
  readonly cell: A1 | undefined;
}

export function cellOf(origin: Origin, field: string): CellRef {
  const col = origin.columns.get(field);
  return { sheet: origin.sheet, cell: col === undefined ? undefined : toA1(origin.row0, col) };
}

export interface Club {
  readonly id: ClubId;
  readonly name: string;
  /** The unit as written in the register; matched to the roadmap later. */
  readonly unitText: string;
  readonly commune: string;
  readonly founded: DateParts | null;
  /** The eight activity areas in the plan's order; blank counts as not active. */
  readonly activities: readonly boolean[];
  readonly wellManaged: boolean;
  readonly closed: boolean;
  readonly origin: Origin;
}

export type Sex = "M" | "F";

export interface Member {
  readonly clubId: ClubId;
  readonly name: string;
  /** null when missing or unreadable (a finding says which). */
  readonly sex: Sex | null;
  readonly birth: DateParts | null;
  readonly hardship: string | null;
  readonly borrowed: boolean;
  /**
   * The amount borrowed where "Được vay vốn" gives one ("5.000.000" rather than "Có"); null for
   * Có / Không / blank and for an unreadable cell (a finding says which).
   */
  readonly loanAmount: number | null;
  readonly joined: DateParts | null;
  readonly left: DateParts | null;
  readonly origin: Origin;
}

/**
 * The members read, in register order: a plain array, or a country's 600,000 in columns
 * (MemberTable). Walked by index with at(), or in order with for…of.
 */
export interface MemberList extends Iterable<Member> {
  readonly length: number;
  at(index: number): Member | undefined;
}

export interface Fund {
  readonly clubId: ClubId;
  readonly operatingFund: number | null;
  readonly incomeFund: number | null;
  readonly regulation: boolean;
  readonly origin: Origin;
}

/** One unit of the roadmap (the plan's appendix). */
export interface RoadmapEntry {
  readonly unit: string;
  readonly before: number;
  readonly planTotal: number;
  readonly plan: Readonly<Record<number, number>>;
  readonly total: number;
  /** Absent for the embedded Hà Tĩnh appendix. */
  readonly origin?: Origin;
}
