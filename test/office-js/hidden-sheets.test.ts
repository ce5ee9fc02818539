/**
 * Hidden sheets through the real office.js client: the Office host lists a hidden or very hidden
 * sheet as hidden (Excel.SheetVisibility, loaded with the names in the same request as before),
 * a visible one without the key, as the memory and xlsx hosts do; and it costs no request more.
 */
import { RawSheet } from "../../src/core/model/cells";
import { OfficeWorkbook } from "../../src/hosts/office";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { smallRegister } from "../helpers/small-register";
import { SETTINGS } from "../hosts/office/scenario";
import { SimulatedHost } from "./simulated-host";
import { rowsOf } from "../helpers/rows";

const SHEETS: RawSheet[] = [
  { name: "CLB", rows: [["Mã CLB"]] },
  { name: "CLB 2023", rows: [["Mã CLB"]] },
  { name: "Thành viên", rows: [["Họ và tên"]] },
  { name: "Thành viên 2023", rows: [["Họ và tên"]] },
];

const LISTED = [
  { name: "CLB" },
  { name: "CLB 2023", hidden: true },
  { name: "Thành viên" },
  { name: "Thành viên 2023", hidden: true },
];

/** A simulated Excel holding `sheets`, the named ones given the visibility the user set. */
function hostWith(
  sheets: readonly RawSheet[],
  visibility: Readonly<Record<string, "Hidden" | "VeryHidden">> = {},
): { host: SimulatedHost; office: OfficeWorkbook } {
  const host = new SimulatedHost(sheets);
  for (const s of host.excel.model.sheets) s.visibility = visibility[s.name] ?? "Visible";
  return { host, office: new OfficeWorkbook(host.run, { supports: host.excel.supports }) };
}

const HIDING = { "CLB 2023": "Hidden", "Thành viên 2023": "VeryHidden" } as const;

it("lists hidden and very hidden sheets as hidden, visible ones without the key", async () => {
  const { office } = hostWith(SHEETS, HIDING);
  const sheets = await office.listSheets();
  expect(sheets).toEqual(LISTED);
  for (const s of sheets.filter((s) => !s.hidden)) expect("hidden" in s).toBe(false);
  // As the memory host lists the same workbook.
  const memory = new MemoryWorkbook(SHEETS.map((s) => ({ ...s, hidden: s.name in HIDING })));
  expect(sheets).toEqual(await memory.listSheets());
});

it("reads a hidden sheet as any other", async () => {
  const { office } = hostWith(SHEETS, HIDING);
  expect(rowsOf(await office.readSheet("Thành viên 2023"))).toEqual([["Họ và tên"]]);
  expect(rowsOf(await office.readSheet("CLB 2023"))).toEqual([["Mã CLB"]]);
});

it("costs no request more than listing a workbook with every sheet visible", async () => {
  const visible = hostWith(SHEETS);
  expect(await visible.office.listSheets()).toEqual(SHEETS.map((s) => ({ name: s.name })));
  const hidden = hostWith(SHEETS, HIDING);
  await hidden.office.listSheets();
  // The sheets with their visibility, then their tags and protection: two syncs, whatever hides.
  expect(visible.host.requests).toHaveLength(2);
  expect(hidden.host.requests).toHaveLength(2);
  expect(hidden.host.requests.map((r) => r.actions)).toEqual(
    visible.host.requests.map((r) => r.actions),
  );
  expect(hidden.host.requests.every((r) => r.error === undefined)).toBe(true);
});

it("keeps the user's hidden sheet hidden through a check, and lists the generated sheets visible", async () => {
  const notes: RawSheet = { name: "Ghi chú 2023", rows: [["Ghi chú"]] };
  const { host, office } = hostWith([...smallRegister(), notes], { [notes.name]: "Hidden" });
  await checkWorkbook(office, SETTINGS);
  const sheets = await office.listSheets();
  expect(sheets.filter((s) => s.hidden)).toEqual([{ name: notes.name, hidden: true }]);
  expect(sheets.filter((s) => s.generated).length).toBeGreaterThan(0);
  // The Office host's very hidden staging and spare sheets are its own: never listed.
  const veryHidden = host.excel.model.sheets.filter((s) => s.visibility === "VeryHidden");
  for (const s of veryHidden) expect(sheets.map((l) => l.name)).not.toContain(s.name);
});
