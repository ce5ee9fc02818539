/**
 * Our sheets known by their content in Excel, through the real office.js client: a checked
 * workbook whose generated sheets lost their hidden tag (saved by a program that drops hidden
 * names, then opened in Excel) and checked again gets its sheets rewritten in place (never a
 * "(2)" beside them), tagged again, and the auditor's review carried. A write that fails at any
 * request, or whose swap stops half-way, gives the workbook back as it was: the sheets known by
 * their content still there, with their content, and still untagged.
 */
import { InputError } from "../../src/core/model/errors";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { OfficeWorkbook } from "../../src/hosts/office";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { smallRegister } from "../helpers/small-register";
import { SETTINGS } from "../hosts/office/scenario";
import { SimulatedHost } from "./simulated-host";
import { workbookState } from "./workbook-state";

const OURS = [GENERATED_NAMES.results, GENERATED_NAMES.appendix, GENERATED_NAMES.findings];
const ORDER = ["CLB", "Thành viên", "Quỹ", ...OURS];
const FINDINGS = GENERATED_NAMES.findings;
const KINDS = ["results", "appendix", "findings"] as const;

/** A workbook's state with the names of our sheets left out. */
const withoutTags = (state: unknown): unknown => {
  const s = state as { sheets: { name: string; names?: unknown }[] };
  return {
    ...s,
    sheets: s.sheets.map((x) =>
      (OURS as readonly string[]).includes(x.name) ? { ...x, names: undefined } : x,
    ),
  };
};

const check = (host: SimulatedHost, checkedOn: string) =>
  checkWorkbook(
    new OfficeWorkbook(host.run, { supports: host.excel.supports }),
    SETTINGS,
    {},
    { checkedOn },
  );

/** The review typed on the first finding, and that finding's id. */
interface Prepared {
  readonly host: SimulatedHost;
  readonly ids: readonly string[];
  readonly marked: string;
}

/**
 * A workbook checked once in Excel, reviewed on its findings sheet, then saved by a program that
 * dropped our tags (every other thing of the sheets kept) and opened in Excel again.
 */
async function prepared(dropTags = true): Promise<Prepared> {
  const host = new SimulatedHost(smallRegister());
  const first = await check(host, "2026-01-10");
  const marked = first.report.findings[0]!.id;
  const values = host.excel.values(FINDINGS);
  const header = values[1]!;
  const row = values.findIndex((r) => r[header.indexOf("Mã lỗi")] === marked);
  const sheet = host.excel.sheet(FINDINGS);
  sheet.set(row, header.indexOf("Trạng thái xem xét"), "Cần sửa");
  sheet.set(row, header.indexOf("Ghi chú"), "Hỏi lại xã");
  if (dropTags) for (const name of OURS) host.excel.sheet(name).names.length = 0;
  host.requests.length = 0;
  return { host, ids: first.report.findings.map((f) => f.id), marked };
}

const tags = (host: SimulatedHost) =>
  OURS.map((name) => host.excel.sheet(name).names.map((n) => ({ ...n })));

describe("a checked workbook whose sheets lost their tag, checked again in Excel", () => {
  it("rewrites ours in place, tags them again, and carries the review", async () => {
    const { host, ids, marked } = await prepared();
    expect(tags(host)).toEqual([[], [], []]);
    const run = await check(host, "2026-02-01");
    const visible = () =>
      host.excel.sheetNames().filter((n) => host.excel.sheet(n).visibility !== "VeryHidden");
    expect(visible()).toEqual(ORDER);
    for (const t of tags(host))
      expect(t).toEqual([expect.objectContaining({ name: "ISHC_Generated", visible: false })]);
    // The old appendix was not read as a roadmap, nor the results as a club list.
    expect(run.report.findings.map((f) => f.id)).toEqual(ids);
    const f = run.report.findings.find((x) => x.id === marked)!;
    expect([f.state, f.status, f.note]).toEqual(["still", "mustFix", "Hỏi lại xã"]);
    const values = host.excel.values(FINDINGS);
    const header = values[1]!;
    const row = values.find((r) => r[header.indexOf("Mã lỗi")] === marked)!;
    expect([row[header.indexOf("Trạng thái xem xét")], row[header.indexOf("Ghi chú")]]).toEqual([
      "Cần sửa",
      "Hỏi lại xã",
    ]);
    // The replaced sheets are emptied spares; a third check reuses them and adds nothing.
    const spares = () => host.excel.model.sheets.filter((s) => s.visibility === "VeryHidden");
    expect(spares()).toHaveLength(3);
    await check(host, "2026-02-01");
    expect(visible()).toEqual(ORDER);
    expect(spares()).toHaveLength(3);
  });

  it("gives the workbook back as it was when any request fails", async () => {
    const { host: done } = await prepared();
    await check(done, "2026-02-01");
    const requests = done.requests.length;
    const visibleDone = workbookState(done.excel, "visible");
    expect(requests).toBeGreaterThan(5);
    let rolledBack = 0;
    for (let k = 1; k <= requests; k++) {
      const { host } = await prepared();
      const before = workbookState(host.excel);
      host.faults.set(k, { kind: "refuse", code: "ConnectionFailure" });
      const outcome = await check(host, "2026-02-01").then(
        () => "written" as const,
        (e: unknown) => e,
      );
      if (outcome === "written") {
        // Only the emptying of the replaced sheets, after the swap, may fail unnoticed.
        expect(workbookState(host.excel, "visible")).toEqual(visibleDone);
        continue;
      }
      // Exactly as before: our sheets' content, and no tag on them.
      expect(workbookState(host.excel)).toEqual(before);
      expect(tags(host)).toEqual([[], [], []]);
      if (outcome instanceof InputError && outcome.code === "interrupted") rolledBack++;
      await check(host, "2026-02-01");
      expect(workbookState(host.excel, "visible")).toEqual(visibleDone);
    }
    expect(rolledBack).toBeGreaterThan(1);
  });

  it.each([
    ["lost", true],
    ["kept (as Excel saves it)", false],
  ])("gives the workbook back as it was when the swap stops half-way: tags %s", async (_, drop) => {
    // The swap renames each replaced sheet to a spare's name, in the plan's order (results,
    // appendix, findings): a sheet that takes the findings' spare name meanwhile stops the swap
    // after the results and the appendix were swapped in.
    const { host: probe } = await prepared(drop);
    await check(probe, "2026-02-01");
    const spareName = probe.excel.model.sheets.find(
      (s) => s.visibility === "VeryHidden" && s.name.includes("findings"),
    )!.name;
    const requests = probe.requests.length;
    let halfWay = 0;
    for (let k = 1; k <= requests; k++) {
      const { host } = await prepared(drop);
      const before = workbookState(host.excel);
      host.faults.set(k, {
        kind: "before",
        change: (excel) => void excel.addSheet({ name: spareName, rows: [["người dùng"]] }),
      });
      const outcome = await check(host, "2026-02-01").then(
        () => "written" as const,
        (e: unknown) => e,
      );
      if (outcome === "written") continue;
      if (outcome instanceof InputError && outcome.code === "interrupted") halfWay++;
      // The sheet the user added meanwhile stays; all else is as it was.
      const added = host.excel.model.sheets.findIndex((s) => s.name === spareName);
      expect(added).toBeGreaterThanOrEqual(0);
      expect(host.excel.values(spareName)).toEqual([["người dùng"]]);
      host.excel.model.sheets.splice(added, 1);
      // A sheet the swap had stepped aside got our tag (a spare's) on the way: given back, it
      // keeps it as a live sheet's tag, which it is (office.js cannot drop a name it added in a
      // request that failed; the fake has no NamedItem.delete either). All else as it was.
      OURS.forEach((name, i) =>
        expect([name, host.excel.sheet(name).names]).toEqual([
          name,
          tags(host)[i]!.length === 0
            ? []
            : [
                expect.objectContaining({
                  name: "ISHC_Generated",
                  formula: `="ishc:${KINDS[i]!}"`,
                  visible: false,
                }),
              ],
        ]),
      );
      expect(withoutTags(workbookState(host.excel))).toEqual(withoutTags(before));
      if (!drop) expect(workbookState(host.excel)).toEqual(before);
    }
    expect(halfWay).toBeGreaterThan(0);
  });
});
