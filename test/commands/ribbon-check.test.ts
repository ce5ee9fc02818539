/**
 * The ribbon's "Kiểm tra CLB" over the strict fake Excel, with the settings stored in the document:
 * what it writes, the thresholds it uses and what it says.
 */
import { MemoryDocumentSettings } from "../fakes/document-settings";
import { CONFIG_KEY, writeConfig } from "../../src/addin/document-config";
import { checkOpenWorkbook, ExcelDeps } from "../../src/addin/excel-actions";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { runRibbonCheck } from "../../src/commands/ribbon-check";
import { timeLimitMessage } from "../../src/commands/ribbon-message";
import {
  CHECK_DEADLINE_MS,
  COMMAND_LIMIT_MS,
  CommandTime,
  DIALOG_CLOSE_BY_MS,
  dialogWaitMs,
  MIN_DIALOG_MS,
  MIN_WRITE_MS,
} from "../../src/commands/time-limit";
import { CancelledError } from "../../src/hosts/workbook/progress";
import { FakeExcel } from "../fakes/excel";
import { register, fiftyFiveRegister, TODAY } from "./office-doubles";

function setUp(sheets = register(), settings = new MemoryDocumentSettings()) {
  const excel = new FakeExcel(sheets);
  const deps: ExcelDeps = {
    run: excel.run,
    supports: () => true,
    documentSettings: settings,
    today: () => TODAY,
  };
  return { excel, deps, settings };
}

const firstLine = (text: string) => text.split("\n")[0];
const ours = (formula: string) => /ishc:/.test(formula);

describe("runRibbonCheck", () => {
  it("writes the three generated sheets and the highlights, and says what the report says", async () => {
    const { excel, deps } = setUp();
    const message = await runRibbonCheck(deps, "vi");

    for (const name of Object.values(GENERATED_NAMES)) {
      expect(excel.values(name).length).toBeGreaterThan(1);
    }
    const highlights = excel.sheetNames().flatMap((n) => excel.conditionalFormats(n));
    expect(highlights.some((cf) => ours(cf.formula))).toBe(true);

    // The same check on a copy: the message's figures are the report's.
    const twin = setUp();
    const { report } = await checkOpenWorkbook(twin.deps, { lang: "vi" });
    const { clubs, compliant, findings } = report.summary;
    expect(clubs).toBe(3);
    expect(findings.error).toBeGreaterThan(0);
    expect(message.kind).toBe("done");
    expect(firstLine(message.text.vi)).toBe(
      `${compliant}/${clubs} CLB đạt; ${findings.error} lỗi, ${findings.warning} cảnh báo, ` +
        `${findings.info} thông tin.`,
    );
    expect(firstLine(message.text.en)).toMatch(
      new RegExp(`^${compliant}/${clubs} clubs pass; ${findings.error} errors?, `),
    );
    expect(message.text.vi.split("\n")[1]).toBe(
      `Xem các trang: ${Object.values(GENERATED_NAMES).join(", ")}.`,
    );
  });

  it("keeps the auditor's status and note over a second click", async () => {
    const { excel, deps } = setUp();
    await runRibbonCheck(deps, "vi");
    const findings = GENERATED_NAMES.findings;
    const rows = excel.values(findings);
    const header = rows[1]!;
    const col = (h: string) => header.indexOf(h);
    // The auditor types into the findings sheet, as in Excel.
    const sheet = excel.sheet(findings);
    sheet.set(2, col("Trạng thái xem xét"), "Cần sửa");
    sheet.set(2, col("Ghi chú"), "Hỏi lại xã");
    const id = rows[2]![col("Mã lỗi")];
    await runRibbonCheck(deps, "vi");
    const again = excel.values(findings);
    const row = again.find((r) => r[col("Mã lỗi")] === id)!;
    expect(row[col("Trạng thái xem xét")]).toBe("Cần sửa");
    expect(row[col("Ghi chú")]).toBe("Hỏi lại xã");
    expect(row[col("Tình trạng")]).toBe("Vẫn còn");
  });

  it("writes the results in the display language", async () => {
    const vi = setUp();
    const en = setUp();
    await runRibbonCheck(vi.deps, "vi");
    await runRibbonCheck(en.deps, "en");
    const header = (excel: FakeExcel) =>
      excel.values(GENERATED_NAMES.results).find((row) => row.length > 3);
    expect(header(vi.excel)).not.toEqual(header(en.excel));
  });

  it.each([
    ["the default age line (60)", {}, "0/1 CLB đạt"],
    ["a stored age line of 55", { ageLine: 55 }, "1/1 CLB đạt"],
    ["a stored age line of 55 and womenMin 0.7", { ageLine: 55, womenMin: 0.7 }, "0/1 CLB đạt"],
  ])("checks with %s", async (_, stored, verdict) => {
    const settings = new MemoryDocumentSettings();
    await writeConfig(settings, { settings: stored, mapping: {} });
    const { deps } = setUp(fiftyFiveRegister(), settings);
    const message = await runRibbonCheck(deps, "vi");
    expect(message.kind).toBe("done");
    expect(message.text.vi.startsWith(`${verdict};`)).toBe(true);
  });

  it("sees settings the pane saved after the command's page loaded", async () => {
    // Two runtimes over one document: the command page loaded its copy before the pane saved.
    const document = new Map<string, unknown>();
    const ribbonCopy = new MemoryDocumentSettings(document);
    const paneCopy = new MemoryDocumentSettings(document);
    await writeConfig(paneCopy, { settings: { ageLine: 55 }, mapping: {} });
    expect(ribbonCopy.get(CONFIG_KEY)).toBeNull();
    const { deps } = setUp(fiftyFiveRegister(), ribbonCopy);
    const message = await runRibbonCheck(deps, "vi");
    expect(message.text.vi.startsWith("1/1 CLB đạt;")).toBe(true);
  });

  it("checks with the defaults and says so when the stored settings cannot be used", async () => {
    const settings = new MemoryDocumentSettings(
      new Map([[CONFIG_KEY, JSON.stringify({ version: 99, settings: { ageLine: 55 } })]]),
    );
    const { deps } = setUp(fiftyFiveRegister(), settings);
    const message = await runRibbonCheck(deps, "en");
    expect(message.kind).toBe("done");
    const lines = message.text.en.split("\n");
    expect(lines[0]).toMatch(/^0\/1 club passes;/);
    expect(lines[2]).toMatch(/settings stored in the workbook cannot be used.*using the defaults/);
    expect(message.text.vi.split("\n")[2]).toMatch(/Thiết lập lưu trong sổ không dùng được/);
  });

  it("counts to today when the document stores no reference date", async () => {
    // Born 1968: 55 in 2023 (older with the line at 55), 54 in 2022 (not).
    const settings = new MemoryDocumentSettings();
    await writeConfig(settings, { settings: { ageLine: 55 }, mapping: {} });
    const at = async (today: string) => {
      const { deps } = setUp(fiftyFiveRegister(), settings);
      return (await runRibbonCheck({ ...deps, today: () => today }, "vi")).text.vi;
    };
    expect(await at("2023-12-31")).toMatch(/^1\/1 CLB đạt/);
    expect(await at("2022-12-31")).toMatch(/^0\/1 CLB đạt/);
  });

  it("on a protected sheet says so and writes nothing", async () => {
    const { excel, deps } = setUp();
    excel.sheet("Thành viên").protected = true;
    const names = excel.sheetNames();
    const message = await runRibbonCheck(deps, "vi");
    expect(message.kind).toBe("failed");
    expect(message.text.vi).toMatch(/bảo vệ/);
    expect(message.text.en).toMatch(/protect/i);
    expect(excel.sheetNames()).toEqual(names);
    for (const name of names) expect(excel.conditionalFormats(name)).toEqual([]);
  });

  it("turns a missing sheet into its input error's message", async () => {
    const { deps } = setUp([{ name: "Trang tính1", rows: [["x"]] }]);
    const message = await runRibbonCheck(deps, "vi");
    expect(message.kind).toBe("failed");
    expect(message.text.vi.length).toBeGreaterThan(10);
    expect(message.text.vi).not.toMatch(/ngoài dự kiến/);
  });

  it("says to finish editing the cell when Excel refuses the batch in cell-edit mode", async () => {
    const { excel, deps } = setUp();
    const names = excel.sheetNames();
    const editing: ExcelDeps = {
      ...deps,
      run: () =>
        Promise.reject(
          Object.assign(new Error("The operation is not allowed in cell-edit mode."), {
            code: "InvalidOperationInCellEditMode",
          }),
        ),
    };
    const message = await runRibbonCheck(editing, "vi");
    expect(message.kind).toBe("failed");
    expect(message.text.vi).toMatch(/^Excel đang sửa một ô/);
    expect(message.text.en).toMatch(/^Excel is editing a cell/);
    expect(excel.sheetNames()).toEqual(names);
  });

  it("turns an Excel failure into the generic message with its reason", async () => {
    const { deps } = setUp();
    const failing: ExcelDeps = {
      ...deps,
      run: () =>
        Promise.reject(Object.assign(new Error("Excel is busy"), { code: "GeneralException" })),
    };
    const message = await runRibbonCheck(failing, "en");
    expect(message).toEqual({
      kind: "failed",
      text: {
        vi: "Không kiểm tra được do một lỗi ngoài dự kiến: Excel is busy (GeneralException)",
        en: "The check failed with an unexpected error: Excel is busy (GeneralException)",
      },
    });
  });
});

describe("runRibbonCheck within the time Office gives a ribbon command", () => {
  /** A fake clock that Excel moves on by `msPerBatch` at every batch it runs. */
  function timed(msPerBatch: number) {
    const setup = setUp();
    let now = 1_000_000;
    const time: CommandTime = { clickedAt: now, now: () => now };
    let batches = 0;
    const deps: ExcelDeps = {
      ...setup.deps,
      run: (batch) => {
        batches++;
        now += msPerBatch;
        return setup.excel.run(batch);
      },
    };
    return { ...setup, deps, time, batches: () => batches, elapsed: () => now - time.clickedAt };
  }

  /** Everything a check could change: the sheets, their cells and their conditional formats. */
  const snapshot = (excel: FakeExcel) =>
    excel.sheetNames().map((name) => ({
      name,
      values: excel.values(name),
      highlights: excel.conditionalFormats(name),
    }));

  it("stops before writing when the check would overrun, and sends the user to the pane", async () => {
    // Each batch takes 40 s: reading alone goes past the point where writing must start.
    const { excel, deps, time, elapsed } = timed(40_000);
    const before = snapshot(excel);
    const message = await runRibbonCheck(deps, "vi", time);
    expect(message).toEqual(timeLimitMessage());
    expect(snapshot(excel)).toEqual(before);
    // It stopped as soon as the clock said so, well before Office would have closed it.
    expect(elapsed()).toBeLessThan(CHECK_DEADLINE_MS);
  });

  it("writes normally when the check fits", async () => {
    const { excel, deps, time, elapsed } = timed(1_000);
    const message = await runRibbonCheck(deps, "en", time);
    expect(message.kind).toBe("done");
    expect(message.text.en).toMatch(/^1\/3 clubs pass;/);
    for (const name of Object.values(GENERATED_NAMES)) expect(excel.sheetNames()).toContain(name);
    expect(elapsed()).toBeLessThan(CHECK_DEADLINE_MS - MIN_WRITE_MS);
  });

  it("does not start writing when reading took longer than writing could still take", async () => {
    // Find how many batches reading takes, then make reading alone take ~110 s: within the
    // 2.5 minutes a read may last, but writing (as long as reading) would end past 3.5 minutes.
    const probe = timed(1);
    const stages: { stage: string; batches: number }[] = [];
    await checkOpenWorkbook(probe.deps, {
      lang: "vi",
      onStage: (stage) => void stages.push({ stage, batches: probe.batches() }),
    });
    const readBatches =
      stages.find((s) => s.stage === "checking")!.batches -
      stages.find((s) => s.stage === "reading")!.batches;
    expect(readBatches).toBeGreaterThan(0);

    const slow = timed(Math.ceil(110_000 / readBatches));
    const before = snapshot(slow.excel);
    expect(await runRibbonCheck(slow.deps, "vi", slow.time)).toEqual(timeLimitMessage());
    expect(snapshot(slow.excel)).toEqual(before);

    // The same reading at ~50 s leaves time to write.
    const quicker = timed(Math.floor(50_000 / readBatches));
    expect((await runRibbonCheck(quicker.deps, "vi", quicker.time)).kind).toBe("done");
    expect(quicker.excel.sheetNames()).toContain(GENERATED_NAMES.results);
  });

  it("a user's cancel is not taken for the time limit", async () => {
    // The time limit's message is only for the deadline: an unrelated CancelledError keeps its own.
    const { deps, time } = timed(0);
    const cancelling: ExcelDeps = { ...deps, run: () => Promise.reject(new CancelledError()) };
    const message = await runRibbonCheck(cancelling, "vi", time);
    expect(message.text).toEqual(new CancelledError().text);
  });
});

describe("the command's time after the check", () => {
  it("keeps the dialog up until 4.5 minutes after the click, before Office closes the command", () => {
    expect(CHECK_DEADLINE_MS).toBeLessThan(DIALOG_CLOSE_BY_MS);
    expect(DIALOG_CLOSE_BY_MS).toBeLessThan(COMMAND_LIMIT_MS);
    let now = 0;
    const time: CommandTime = { clickedAt: 0, now: () => now };
    expect(dialogWaitMs(time)).toBe(DIALOG_CLOSE_BY_MS);
    now = 3 * 60_000;
    expect(dialogWaitMs(time)).toBe(DIALOG_CLOSE_BY_MS - now);
    // A check that ran late still leaves the message up for a while.
    now = DIALOG_CLOSE_BY_MS;
    expect(dialogWaitMs(time)).toBe(MIN_DIALOG_MS);
  });
});
