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

/** What a host read of a workbook: its sheets, and the cells of every one that may be input. */
export interface RawInput {
  readonly sheets: readonly SheetInfo[];
  readonly content: ReadonlyMap<string, RawSheet>;
}

/**
 * Reads every sheet that may be input, one after another (a host such as Excel is better asked in
 * turn than all at once, and a cancel is honoured between two sheets). The host's part: what
 * follows (inputOf) is pure, and may run elsewhere (a Worker).
 */
export async function readRawInput(
  port: WorkbookPort,
  cancel?: CancelToken,
): Promise<RawInput & { readonly content: Map<string, RawSheet> }> {
  const sheets = await port.listSheets();
  const content = new Map<string, RawSheet>();
  // Sheets tagged as ours are never input: not read here (the findings sheet is read on its own).
  // Ours that lost their tag are read, and known by their content (pickSheets).
  for (const s of sheets) {
    if (s.generated) continue;
    throwIfCancelled(cancel);
    content.set(s.name, await port.readSheet(s.name));
  }
  return { sheets, content };
}

/**
 * Picks each sheet's role from its content, and gives the check its input. Pure. The sheets come
 * back with ours marked, those known by their content (tag lost) included.
 */
export function inputOf({ sheets: listed, content }: RawInput, mapping: Mapping): InputSheets {
  const choice = pickSheets(listed, mapping, content);
  const sheets = listed.map((s) => {
    const kind = s.generated ? undefined : choice.ours.get(s.name);
    return kind ? { ...s, generated: kind } : s;
  });
  const read = (name: string | undefined): RawSheet | null =>
    name === undefined ? null : content.get(name)!;
  return {
    sheets,
    choice,
    input: {
      clubs: read(choice.clubs)!,
      members: read(choice.members),
      otherSheets: choice.perClub.map((n) => read(n)!),
      funds: read(choice.funds),
      roadmap: read(choice.roadmap),
      mapping,
      conflicts: choice.conflicts,
      reasons: choice.reasons,
      skipped: choice.skipped,
    },
  };
}

/**
 * Reads a workbook's input sheets and picks each one's role: the check and each file of a merge
 * read their input this one way.
 */
export async function readInputSheets(
  port: WorkbookPort,
  mapping: Mapping,
  cancel?: CancelToken,
): Promise<InputSheets> {
  return inputOf(await readRawInput(port, cancel), mapping);
}
