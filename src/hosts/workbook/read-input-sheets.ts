import { Mapping } from "../../core/check/mapping";
import { pickSheets, SheetChoice } from "../../core/check/pick-sheets";
import { CheckInput } from "../../core/check/run-check";
import { RawSheet, SheetInfo } from "../../core/model/cells";
import { WorkbookPort } from "./port";
import { CancelToken, throwIfCancelled } from "./progress";

/** A workbook's input sheets as the check takes them, with the choice of which sheet is which. */
export interface InputSheets {
  readonly sheets: readonly SheetInfo[];
  readonly choice: SheetChoice;
  readonly input: CheckInput;
}

/**
 * Picks the input sheets and reads them one after another: a host such as Excel is better asked
 * in turn than all at once, and a cancel is honoured between two sheets. The check and each file
 * of a merge read their input this one way.
 */
export async function readInputSheets(
  port: WorkbookPort,
  mapping: Mapping,
  cancel?: CancelToken,
): Promise<InputSheets> {
  const sheets = await port.listSheets();
  const choice = pickSheets(sheets, mapping);
  const read = async (name: string | undefined): Promise<RawSheet | null> => {
    if (name === undefined) return null;
    throwIfCancelled(cancel);
    return port.readSheet(name);
  };
  const clubs = (await read(choice.clubs))!;
  const members = await read(choice.members);
  const otherSheets: RawSheet[] = [];
  for (const name of choice.perClub) otherSheets.push((await read(name))!);
  const funds = await read(choice.funds);
  const roadmap = await read(choice.roadmap);
  return {
    sheets,
    choice,
    input: { clubs, members, otherSheets, funds, roadmap, mapping, conflicts: choice.conflicts },
  };
}
