/**
 * The add-in's Office code that the pane's tests do not reach, through Microsoft's office.js
 * client with only the host simulated: opening the merged provincial workbook in a new window
 * (Excel.createWorkbook, called as the pane calls it, through office.js's global Excel), the
 * column picker's preview, going to a finding's cell, and what office.js does when Excel is busy
 * with a cell edit.
 */
import { previewSheet, selectCell } from "../../src/addin/excel-actions";
import { officeCreateWorkbook } from "../../src/taskpane/merge/excel-create";
import { toBase64 } from "../../src/taskpane/merge/base64";
import { smallRegister } from "../helpers/small-register";
import { SimulatedHost } from "./simulated-host";

describe("office.js's global Excel on the simulated host", () => {
  let host: SimulatedHost;
  let uninstall: () => void;
  beforeEach(() => {
    host = new SimulatedHost(smallRegister());
    uninstall = host.install();
  });
  afterEach(() => uninstall());

  it("opens the provincial workbook in a new window with Excel.createWorkbook(base64)", async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7919) % 256);
    const create = officeCreateWorkbook(host.excel.supports);
    expect(create).toBeDefined();
    await create!(toBase64(bytes));
    expect(host.excel.model.opened).toHaveLength(1);
    expect(new Uint8Array(Buffer.from(host.excel.model.opened[0]!, "base64"))).toEqual(bytes);
    // One request of about 4/3 of the bytes: under Excel on the web's 5 MB for a province's file.
    expect(host.requests).toHaveLength(1);
    expect(host.largestRequest).toBeGreaterThan((bytes.length * 4) / 3);
  });

  it("offers no 'open in Excel' before ExcelApi 1.8", () => {
    expect(officeCreateWorkbook((_set, v) => Number(v) < 1.8)).toBeUndefined();
  });
});

describe("the column picker and the findings' links over office.js", () => {
  it("previews a sheet's first rows in two syncs", async () => {
    const host = new SimulatedHost(smallRegister());
    const rows = await previewSheet(host.run, "Thành viên");
    expect(rows[0]!.slice(0, 2)).toEqual(host.excel.values("Thành viên")[0]!.slice(0, 2));
    // Two syncs, then office.js's own request releasing the ranges it kept (AutoKeepReference).
    expect(host.requests.filter((r) => !r.error)).toHaveLength(3);
  });

  it("selects a finding's cell", async () => {
    const host = new SimulatedHost(smallRegister());
    await selectCell(host.run, "Thành viên", "D5");
    expect(host.excel.activeSheet()).toBe("Thành viên");
    expect(host.excel.selection()).toBe("Thành viên!D5");
  });
});

describe("a batch while the user edits a cell", () => {
  it("fails without delayForCellEdit, and waits for the edit to end with it", async () => {
    const host = new SimulatedHost(smallRegister());
    host.cellEditing = true;
    await expect(previewSheet(host.run, "CLB")).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
    const waiting = host.runWith({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItem("CLB");
      ws.load("name");
      await context.sync();
      return ws.name;
    });
    setTimeout(() => (host.cellEditing = false), 30);
    await expect(waiting).resolves.toBe("CLB");
  });
});
