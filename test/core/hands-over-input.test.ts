/**
 * A country's member sheet is 80 MB of rows once read, and V8 lets the heap grow to several times
 * what stays live: the check lets go of its input as soon as the records are read, while it goes
 * on counting and comparing the members (issue 15).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { HandedOver, runCheckHandedOver } from "../../src/core/check/run-check";
import { RawSheet } from "../../src/core/model/cells";
import { readInput } from "../../src/core/check/read-input";
import { runCheck } from "../../src/core/check/run-check";
import { referenceDate } from "../../src/core/check/dates";
import { FindingSink } from "../../src/core/findings/sink";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/model/settings";
import { computeCheck, ComputeRequest } from "../../src/hosts/workbook/compute-check";
import { smallRegister } from "../helpers/small-register";
import { rowsOf } from "../helpers/rows";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** A WeakRef keeps its target until the job that made it ends: the check runs in a later one. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Settings that look, when the members are first counted (the first read of `ageLine`, after the
 * records are read), whether the member sheet can still be reached.
 */
function probingSettings(members: WeakRef<RawSheet>): {
  settings: Settings;
  alive: () => boolean | undefined;
} {
  let alive: boolean | undefined;
  const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };
  Object.defineProperty(settings, "ageLine", {
    get() {
      if (alive === undefined) {
        gc();
        alive = members.deref() !== undefined;
      }
      return DEFAULT_SETTINGS.ageLine;
    },
  });
  return { settings, alive: () => alive };
}

/** The register in a holder, and a watch on its member sheet; no other hold on either. */
function handedOver(): { holder: HandedOver; members: WeakRef<RawSheet> } {
  const [clubs, members, funds] = smallRegister();
  return {
    holder: { input: { clubs: clubs!, members: members!, funds: funds!, roadmap: null } },
    members: new WeakRef(members!),
  };
}

describe("the check lets go of its input once the records are read", () => {
  test("runCheckHandedOver: the member sheet is unreachable while the members are counted", async () => {
    const { holder, members } = handedOver();
    await nextTask();
    const { settings, alive } = probingSettings(members);
    const seen: string[] = [];
    const result = runCheckHandedOver(holder, settings, () =>
      seen.push(`${holder.input === undefined} ${alive()}`),
    );
    // With the input taken: once the records are read (before the members are counted, the
    // probe not yet run), then once counted, once the pairs of clubs are compared, once judged.
    expect(seen).toEqual(["true undefined", "true false", "true false", "true false"]);
    // The check did count (the probe ran) and judged the clubs.
    expect(result.verdicts.map((v) => v.club.id)).toEqual(["C1", "C2", "C3"]);
    expect(alive()).toBe(false);
    expect(holder.input).toBeUndefined();
    expect(() => runCheckHandedOver(holder, settings)).toThrow(/already taken/);
  });

  test("computeCheck takes the sheets out of its request, the caller holding the request", async () => {
    const make = (): { request: ComputeRequest; members: WeakRef<RawSheet> } => {
      const sheets = smallRegister();
      return {
        request: {
          sheets: sheets.map((s) => ({ name: s.name })),
          content: sheets.map((s) => [s.name, s] as const),
          findings: null,
          settings: { ...DEFAULT_SETTINGS, asOf: "2025-12-31" },
          mapping: {},
          scope: "all",
          checkedOn: undefined,
          extraFindings: [],
        },
        members: new WeakRef(sheets[1]!),
      };
    };
    const { request, members } = make();
    await nextTask();
    const { settings, alive } = probingSettings(members);
    const { report } = computeCheck({ ...request, settings, content: request.content });
    expect(report.summary.clubs).toBe(3);
    expect(request.content).toEqual([]);
    expect(alive()).toBe(false);
  });
});

describe("a check handed its input lets go of each member row once its record is made", () => {
  const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };
  const input = () => {
    const [clubs, members, funds] = smallRegister();
    return { clubs: clubs!, members: members!, funds: funds!, roadmap: null };
  };
  const present = (s: RawSheet) => rowsOf(s).filter((r) => r !== undefined).length;

  test("the member rows below the header are emptied, the other sheets kept, the result the same", () => {
    const given = input();
    const [headerRows, clubRows, fundRows] = [1, present(given.clubs), present(given.funds)];
    const result = runCheckHandedOver({ input: given }, settings);
    // Only the header row is left of the member sheet.
    expect(given.members.rows.length).toBeGreaterThan(150);
    expect(present(given.members)).toBe(headerRows);
    expect([present(given.clubs), present(given.funds)]).toEqual([clubRows, fundRows]);
    // Not handed over, the input stays whole; and the check is the same.
    const kept = input();
    const same = runCheck(kept, settings);
    expect(present(kept.members)).toBe(kept.members.rows.length);
    expect(result.findings).toEqual(same.findings);
    expect(result.verdicts).toEqual(same.verdicts);
  });

  test("readInput empties the member rows only when told the input is handed over", () => {
    const read = (handedOver: boolean) => {
      const given = input();
      const sink = new FindingSink();
      const records = readInput(
        given,
        settings,
        referenceDate(settings.asOf),
        sink,
        handedOver ? {} : undefined,
      );
      return { left: present(given.members), members: records.members.length };
    };
    const whole = read(false);
    expect(whole.left).toBe(whole.members + 1);
    expect(read(true)).toEqual({ left: 1, members: whole.members });
  });

  test("collects every `collectRows` rows let go of, those rows already emptied", () => {
    const given = input();
    const rows = given.members.rows.length;
    const seen: number[] = [];
    readInput(given, settings, referenceDate(settings.asOf), new FindingSink(), {
      collect: () => seen.push(present(given.members)),
      collectRows: 40,
    });
    // The header is row 1: every row below it is let go of once walked.
    const expected = Array.from(
      { length: Math.floor((rows - 1) / 40) },
      (_, i) => rows - 40 * (i + 1),
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(seen).toEqual(expected);
  });

  test("a sheet whose merged areas are filled down is emptied too, and read as before", () => {
    const given = input();
    const club = given.members.rows.at(2)!.findIndex((v) => v === "C1");
    // The club code merged down C1's rows, as registers often have it: blank below the first.
    const c1 = rowsOf(given.members).flatMap((r, i) => (r?.[club] === "C1" ? [i] : []));
    const rows = rowsOf(given.members).map((r, i) =>
      r && i > c1[0]! && i <= c1.at(-1)! ? r.map((v, c) => (c === club ? undefined : v)) : r,
    );
    const merges = [{ row0: c1[0]!, col0: club, row1: c1.at(-1)!, col1: club }];
    const members = { ...given.members, rows, merges };
    const result = runCheckHandedOver({ input: { ...given, members } }, settings);
    expect(present(members)).toBe(1);
    expect(result.verdicts.map((v) => [v.club.id, v.stats.members])).toEqual(
      runCheck(input(), settings).verdicts.map((v) => [v.club.id, v.stats.members]),
    );
  });
});
