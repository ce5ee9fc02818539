import { RawSheet } from "../model/cells";
import { Finding } from "../model/finding";
import { Club, Fund, MemberList, RoadmapEntry } from "../model/records";
import { Settings } from "../model/settings";
import { FindingSink } from "../findings/sink";
import { SheetLayout } from "../read/layout";
import { referenceDate } from "../check/dates";
import { CheckInput, readInput } from "../check/read-input";

/**
 * What one file holds, read exactly as a check of that file alone reads it (legacy text as
 * Unicode, the user's mapping applied, the same header detection and layouts), before any club is
 * judged: the records, the sheets they were read from (as the reader saw them, so that a value
 * can be copied as typed) and what the reader reported.
 */
export interface FileRecords {
  readonly clubs: readonly Club[];
  readonly members: MemberList;
  readonly funds: readonly Fund[];
  readonly roadmap: readonly RoadmapEntry[];
  /** True when the file has a roadmap sheet (possibly with no unit in it). */
  readonly hasRoadmap: boolean;
  readonly hasFunds: boolean;
  /** The sheets read, by name, after legacy text conversion and the mapping. */
  readonly sheets: ReadonlyMap<string, RawSheet>;
  /** The reader's findings: unreadable cells, skipped sheets, converted text, ambiguous columns. */
  readonly findings: readonly Finding[];
  /** What the reader understood of each sheet, ambiguous columns included. */
  readonly layout: readonly SheetLayout[];
}

/**
 * Reads one file's records exactly as a check of that file reads them (the same function); only
 * the reading, none of the rules, which the merged workbook's own check applies to the province.
 */
export function readRecords(raw: CheckInput, settings: Settings): FileRecords {
  const sink = new FindingSink();
  const read = readInput(raw, settings, referenceDate(settings.asOf), sink);
  return {
    clubs: read.clubs,
    members: read.members,
    funds: read.funds,
    roadmap: read.roadmap?.entries ?? [],
    hasRoadmap: read.roadmap !== null,
    hasFunds: read.hasFunds,
    sheets: read.sheets,
    findings: sink.all(),
    layout: sink.layouts,
  };
}
