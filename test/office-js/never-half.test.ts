/**
 * Never half a result, through the real office.js client: a check is run once to count its
 * requests, then again failing its k-th request, for every k. Whatever k, the workbook afterwards
 * is the one before the check (or the finished result, when only the tidying after the swap
 * failed), and a later check on a working connection gives the same workbook as an untroubled one.
 */
import { InputError } from "../../src/core/model/errors";
import { OfficeWorkbook } from "../../src/hosts/office";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { smallRegister } from "../helpers/small-register";
import { SETTINGS } from "../hosts/office/scenario";
import { SimulatedHost } from "./simulated-host";
import { workbookState } from "./workbook-state";

const check = (host: SimulatedHost) =>
  checkWorkbook(new OfficeWorkbook(host.run, { supports: host.excel.supports }), SETTINGS);

/**
 * A host on which `earlier` checks have run (0: a first check), with the register corrected
 * since, so that the next check changes the generated sheets and the highlights.
 */
async function prepared(earlier: number, apiMinor?: number): Promise<SimulatedHost> {
  const host = new SimulatedHost(smallRegister(), apiMinor === undefined ? {} : { apiMinor });
  for (let i = 0; i < earlier; i++) await check(host);
  const members = host.excel.sheet("Thành viên");
  // A member's sex becomes unreadable: one finding more, one highlight more.
  members.set(4, 3, "không rõ");
  host.requests.length = 0;
  return host;
}

/** What a check that nothing troubles leaves, and how many requests it takes. */
async function untroubled(earlier: number, apiMinor?: number) {
  const host = await prepared(earlier, apiMinor);
  await check(host);
  return {
    requests: host.requests.length,
    visible: workbookState(host.excel, "visible"),
  };
}

const cases = [
  { earlier: 0, what: "a first check" },
  { earlier: 1, what: "a second check (the first spares are made)" },
  { earlier: 2, what: "a third check (the spares are reused)" },
];

describe.each(cases)("failing any request of $what", ({ earlier }) => {
  it("leaves the workbook exactly as it was, or whole, for every k", async () => {
    const done = await untroubled(earlier);
    expect(done.requests).toBeGreaterThan(5);
    let rolledBack = 0;
    for (let k = 1; k <= done.requests; k++) {
      const host = await prepared(earlier);
      const before = workbookState(host.excel);
      host.faults.set(k, { kind: "refuse", code: "ConnectionFailure" });
      const outcome = await check(host).then(
        () => "written" as const,
        (e: unknown) => e,
      );
      if (outcome === "written") {
        // Only the emptying of the replaced sheets, after the swap, may fail unnoticed.
        expect(workbookState(host.excel, "visible")).toEqual(done.visible);
        continue;
      }
      expect(workbookState(host.excel)).toEqual(before);
      if (outcome instanceof InputError && outcome.code === "interrupted") {
        rolledBack++;
        expect(outcome.text.vi).toMatch(/giữ nguyên như trước/);
        expect(outcome.text.en).toMatch(/as it was before the check/);
      }
      // Then a check on a working connection gives what an untroubled one gives.
      await check(host);
      expect(workbookState(host.excel, "visible")).toEqual(done.visible);
    }
    // The failures after the first write were rolled back (not merely refused before writing).
    expect(rolledBack).toBeGreaterThan(1);
  });

  it("leaves what the user sees as it was when the connection is lost for good at any k", async () => {
    const done = await untroubled(earlier);
    for (let k = 1; k <= done.requests; k++) {
      const host = await prepared(earlier);
      const before = workbookState(host.excel, "visible");
      host.failFrom = { from: k, code: "ConnectionFailure" };
      const failed = await check(host).then(
        () => false,
        () => true,
      );
      if (!failed) {
        // Only the emptying of the replaced sheets, after the swap, was lost.
        expect(workbookState(host.excel, "visible")).toEqual(done.visible);
        continue;
      }
      expect(workbookState(host.excel, "visible")).toEqual(before);
      // The connection comes back: the next check cleans up what was half-written.
      host.failFrom = undefined;
      await check(host);
      expect(workbookState(host.excel, "visible")).toEqual(done.visible);
      const hidden = host.excel.model.sheets.filter((s) => s.visibility === "VeryHidden");
      expect(hidden.length).toBeLessThanOrEqual(3);
    }
  });
});

it("rolls back when the user protects a sheet while the check is writing", async () => {
  const done = await untroubled(1);
  let rolledBack = 0;
  for (let k = 1; k <= done.requests; k++) {
    const host = await prepared(1);
    const before = workbookState(host.excel);
    host.faults.set(k, {
      kind: "before",
      change: (excel) => (excel.sheet("Thành viên").protected = true),
    });
    const error = await check(host).then(
      () => undefined,
      (e: unknown) => e,
    );
    host.excel.sheet("Thành viên").protected = false;
    if (error === undefined) continue;
    const expected = before as { sheets: { name: string; protected: boolean }[] };
    expect(workbookState(host.excel)).toEqual(expected);
    if (error instanceof InputError && error.code === "interrupted") rolledBack++;
  }
  expect(rolledBack).toBeGreaterThan(0);
});

it("fails the same way on Office 2019 (ExcelApi 1.7: one format per area, no dropdowns)", async () => {
  const done = await untroubled(1, 7);
  for (let k = 1; k <= done.requests; k++) {
    const host = await prepared(1, 7);
    const before = workbookState(host.excel);
    host.faults.set(k, { kind: "refuse", code: "ConnectionFailure" });
    const failed = await check(host).then(
      () => false,
      () => true,
    );
    if (failed) expect(workbookState(host.excel)).toEqual(before);
    else expect(workbookState(host.excel, "visible")).toEqual(done.visible);
  }
});
