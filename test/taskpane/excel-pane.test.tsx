/** @jest-environment jsdom */
/**
 * The task pane inside Excel, over the strict fake Excel and in-memory document settings: every
 * action, clicking a finding, the cancel, the settings stored in the document, the language switch.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { CONFIG_KEY } from "../../src/addin/document-config";
import { checkOpenWorkbook } from "../../src/addin/excel-actions";
import { ExcelBatch } from "../../src/hosts/office";
import { MemoryDocumentSettings } from "../fakes/document-settings";
import { FakeExcel } from "../fakes/excel";
import {
  AS_OF,
  modernExcel,
  register,
  renderPane,
  PANE_CLIENTS,
  usePaneClient,
  openGroup,
} from "./pane-env";

const GENERATED = ["Kết quả CLB", "Phụ lục", "Danh sách lỗi"];

const button = (name: string | RegExp) => screen.getByRole("button", { name });

async function runAndWait(name: string | RegExp): Promise<string> {
  fireEvent.click(button(name));
  return (await screen.findByTestId("summary", {}, { timeout: 20_000 })).textContent ?? "";
}

const ours = (excel: FakeExcel, sheet: string) =>
  excel.conditionalFormats(sheet).filter((cf) => cf.formula.includes("ishc:"));

describe.each(PANE_CLIENTS)("the Excel pane (%s client)", (client) => {
  usePaneClient(client);

  it("checks the open workbook: generated sheets, highlights, summary, clubs and findings", async () => {
    const { excel, host } = await renderPane(register());
    expect(await runAndWait("Kiểm tra CLB")).toMatch(/^1\/3 CLB đạt; \d+ lỗi, \d+ cảnh báo$/);
    // Through office.js, every request was one that office.js itself built and sent.
    if (client === "office-js") expect(host!.requests.length).toBeGreaterThan(5);
    else expect(host).toBeUndefined();
    expect(excel.sheetNames()).toEqual(["CLB", "Thành viên", "Quỹ", ...GENERATED]);
    expect(ours(excel, "Thành viên").length).toBeGreaterThan(0);
    const clubs = screen.getByRole("region", { name: "Câu lạc bộ" });
    expect(within(clubs).getByText("CLB C2")).toBeTruthy();
    expect(button("Tỷ lệ nữ: 1 lỗi").getAttribute("data-rule")).toBe("club.women");
    // What the reader understood of the members sheet.
    expect(screen.getByText('Sheet "Thành viên": Thành viên')).toBeTruthy();
  });

  it("selects a finding's cell when its address is clicked", async () => {
    const { excel } = await renderPane(register());
    await runAndWait("Kiểm tra CLB");
    openGroup("Giới tính: 1 lỗi");
    const link = await screen.findByRole("button", { name: /^Đến ô \S+ của sheet Thành viên$/ });
    const cell = /Đến ô (\S+) /.exec(link.getAttribute("aria-label")!)![1]!;
    // C3's fourth member (row 1 header, 60 + 40 members before it) has the unreadable sex "X".
    expect(cell).toBe("C105");
    fireEvent.click(link);
    await waitFor(() => expect(excel.selection()).toBe("Thành viên!C105"));
    expect(excel.activeSheet()).toBe("Thành viên");
  });

  it("clears exactly its own highlights and keeps the user's", async () => {
    const { excel } = await renderPane(register());
    excel.addUserConditionalFormat("Thành viên", "B2:B5", "=TRUE", "#FFFF00");
    await runAndWait("Kiểm tra CLB");
    const added = ours(excel, "Thành viên").length;
    expect(added).toBeGreaterThan(0);
    fireEvent.click(button("Xóa đánh dấu"));
    const status = await screen.findByRole("status");
    await waitFor(() => expect(status.textContent).toMatch(/^Đã bỏ \d+ quy tắc tô màu/));
    expect(excel.sheetNames().flatMap((s) => ours(excel, s))).toEqual([]);
    expect(excel.conditionalFormats("Thành viên")).toEqual([
      { areas: ["B2:B5"], formula: "=TRUE", fill: "#FFFF00" },
    ]);
  });

  it("builds only the appendix and leaves the highlights as they are", async () => {
    const { excel } = await renderPane(register());
    await runAndWait("Kiểm tra CLB");
    const before = ours(excel, "Thành viên");
    await runAndWait("Lập phụ lục");
    expect(await screen.findByText('Đã lập phụ lục ở sheet "Phụ lục".')).toBeTruthy();
    expect(ours(excel, "Thành viên")).toEqual(before);
  });

  it("writes only the appendix sheet in a workbook never checked", async () => {
    const { excel } = await renderPane(register());
    await runAndWait("Lập phụ lục");
    expect(excel.sheetNames()).toEqual(["CLB", "Thành viên", "Quỹ", "Phụ lục"]);
    expect(excel.sheetNames().flatMap((s) => ours(excel, s))).toEqual([]);
  });

  it("creates the template sheets that are missing", async () => {
    const { excel } = await renderPane([]);
    fireEvent.click(button("Tạo mẫu"));
    const status = await screen.findByRole("status", {}, { timeout: 20_000 });
    await waitFor(() => expect(status.textContent).toMatch(/^Đã thêm: /));
    expect(excel.sheetNames()).toEqual(expect.arrayContaining(["CLB", "Thành viên", "Quỹ"]));
  });

  it("cancels a check before it writes, leaving the workbook as it was", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let batches = 0;
    const wrap =
      (run: ExcelBatch): ExcelBatch =>
      async (batch) => {
        // Hold the first batch (listing the sheets) until the user has pressed Cancel.
        if (batches++ === 0) await gate;
        return run(batch);
      };
    const { excel } = await renderPane(register(), { wrap });
    const before = excel.snapshot();
    fireEvent.click(button("Kiểm tra CLB"));
    fireEvent.click(await screen.findByRole("button", { name: "Hủy" }));
    release();
    expect(
      await screen.findByText(
        "Đã hủy kiểm tra. Sổ làm việc không thay đổi.",
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    expect(excel.snapshot()).toEqual(before);
    expect(batches).toBe(1);
    // The pane is ready for the next run.
    expect(await runAndWait("Kiểm tra CLB")).toMatch(/^1\/3 CLB đạt/);
  });

  it("stores the settings in the document; the next check and the ribbon use them", async () => {
    const { settings } = await renderPane(register());
    expect(await runAndWait("Kiểm tra CLB")).toMatch(/^1\/3/);
    // C1 has 39 women of 60 (65 %): a minimum of 66 % fails it.
    const women = screen.getByLabelText("Tỷ lệ nữ tối thiểu (%)");
    fireEvent.change(women, { target: { value: "66" } });
    fireEvent.click(button("Lưu vào sổ"));
    expect(await screen.findByText("Đã lưu thiết lập vào sổ.")).toBeTruthy();
    expect(JSON.parse(String(settings.saved.get(CONFIG_KEY)))).toEqual({
      version: 1,
      settings: { womenMin: 0.66 },
      mapping: {},
    });
    expect(await runAndWait("Kiểm tra CLB")).toMatch(/^0\/3/);

    // The ribbon command reads the same stored settings from a reopened document.
    const excel = new FakeExcel(register());
    const ribbon = await checkOpenWorkbook(
      {
        run: excel.run,
        supports: modernExcel,
        documentSettings: settings.reopen(),
        today: () => AS_OF,
      },
      { lang: "vi" },
    );
    expect(ribbon.settings.womenMin).toBe(0.66);
    expect(ribbon.report.summary.compliant).toBe(0);
  });

  it("refuses a setting out of range with a message naming it, and stores nothing", async () => {
    const { settings } = await renderPane(register());
    fireEvent.change(screen.getByLabelText("Tỷ lệ nữ tối đa (%)"), { target: { value: "150" } });
    fireEvent.click(button("Lưu vào sổ"));
    expect(
      await screen.findByText(
        /womenMax \(Tỷ lệ nữ tối đa\) = 1,5: cần một tỷ lệ từ 0 đến 1 \(0 % đến 100 %\)/,
      ),
    ).toBeTruthy();
    expect(settings.saves).toBe(0);
  });

  it("says when the stored settings cannot be used, and checks with the defaults", async () => {
    const stored = new MemoryDocumentSettings(
      new Map([
        [CONFIG_KEY, JSON.stringify({ version: 1, settings: { womenMin: 2 }, mapping: {} })],
      ]),
    );
    await renderPane(register(), { settings: stored });
    expect(
      screen.getByText(
        /Thiết lập lưu trong sổ không dùng được .*womenMin \(Tỷ lệ nữ tối thiểu\) = 2/,
      ),
    ).toBeTruthy();
    expect(await runAndWait("Kiểm tra CLB")).toMatch(/^1\/3/);
  });

  it("switches to English and back", async () => {
    await renderPane(register());
    fireEvent.change(screen.getByLabelText("Ngôn ngữ"), { target: { value: "en" } });
    expect(document.documentElement.lang).toBe("en");
    expect(await runAndWait("Check club")).toMatch(/^1\/3 clubs pass; \d+ errors, \d+ warnings$/);
    fireEvent.change(screen.getByLabelText("Language"), { target: { value: "vi" } });
    expect(screen.getByTestId("summary").textContent).toMatch(/^1\/3 CLB đạt/);
  });

  it("starts in English when Office's display language is English", async () => {
    await renderPane(register(), { lang: "en" });
    expect(button("Check club")).toBeTruthy();
    expect(button("Clear highlights")).toBeTruthy();
  });
});
