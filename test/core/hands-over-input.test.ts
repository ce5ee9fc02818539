/**
 * A country's member sheet is 70 MB of rows once read, and V8 lets the heap grow to several times
 * what stays live: the check lets go of its input as soon as the records are read, while it goes
 * on counting and comparing the members (issue 15).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { HandedOver, runCheckHandedOver } from "../../src/core/check/run-check";
import { RawSheet } from "../../src/core/model/cells";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/model/settings";
import { computeCheck, ComputeRequest } from "../../src/hosts/workbook/compute-check";
import { smallRegister } from "../helpers/small-register";

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
      // Once, with the input taken, before the members are counted (the probe not yet run).
      seen.push(`${holder.input === undefined} ${alive()}`),
    );
    expect(seen).toEqual(["true undefined"]);
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
