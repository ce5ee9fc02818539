/** @jest-environment jsdom */
/**
 * The auditor in the Excel pane, over the strict fake Excel: the roadmap chart beside the
 * results, a status set on a finding without leaving Excel (written into the findings sheet and
 * kept by the next check), the filter by status, and a finding that vanished shown as resolved.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FakeExcel } from "../fakes/excel";
import { register, renderPane, PANE_CLIENTS, usePaneClient, openGroup } from "./pane-env";

const FINDINGS = "Danh sách lỗi";
/** 2025-12-31, the pane's "today" in these tests, as Excel's serial day. */
const TODAY_SERIAL = 46022;

const button = (name: string | RegExp) => screen.getByRole("button", { name });

async function check(): Promise<void> {
  fireEvent.click(button("Kiểm tra CLB"));
  await screen.findByTestId("summary", {}, { timeout: 20_000 });
  // A second check replaces the summary: wait for the run to end.
  await waitFor(() => expect(button("Kiểm tra CLB").hasAttribute("disabled")).toBe(false));
}

const filter = () => screen.getByRole("combobox", { name: "Lọc theo trạng thái xem xét" });
const optionText = (value: string) =>
  within(filter())
    .getAllByRole("option")
    .find((o) => (o as HTMLOptionElement).value === value)!.textContent;

/** The findings sheet's row of the finding at `cell`, by its "Ô" column. */
function findingRow(excel: FakeExcel, cell: string): (string | number | boolean | null)[] {
  const rows = excel.values(FINDINGS);
  const header = rows.findIndex((r) => r.includes("Mã lỗi"));
  const at = rows[header]!.indexOf("Ô");
  const row = rows.slice(header + 1).find((r) => r[at] === cell);
  if (!row) throw new Error(`no finding at ${cell}`);
  return rows[header]!.map((h, i) => (h === null ? null : (row[i] ?? null)));
}
const column = (excel: FakeExcel, name: string) => {
  const rows = excel.values(FINDINGS);
  return rows.find((r) => r.includes("Mã lỗi"))!.indexOf(name);
};

describe.each(PANE_CLIENTS)("the auditor in the Excel pane (%s client)", (client) => {
  usePaneClient(client);

  it("draws the roadmap chart with the results", async () => {
    await renderPane(register());
    await check();
    const chart = screen.getByRole("img", { name: /Kế hoạch và thực hiện lũy kế đến năm 2025/ });
    expect(chart.querySelectorAll("rect[data-series]").length).toBeGreaterThan(0);
  });

  it("sets a status from the pane, keeps it over a re-run, filters by it and lists the resolved", async () => {
    const { excel } = await renderPane(register());
    await check();
    const total = Number(/\((\d+)\)$/.exec(optionText("all") ?? "")![1]);
    expect(total).toBeGreaterThan(1);
    // The first check finds everything for the first time.
    expect(optionText("new")).toBe(`Mới (lần kiểm tra này) (${total})`);

    openGroup("Giới tính: 1 lỗi");
    const picker = await screen.findByRole("combobox", {
      name: "Trạng thái xem xét: Thành viên!C105",
    });
    fireEvent.change(picker, { target: { value: "mustFix" } });
    expect(await screen.findByText('Đã ghi "Cần sửa" vào sheet Danh sách lỗi.')).toBeTruthy();
    const row = findingRow(excel, "C105");
    expect(row[column(excel, "Trạng thái xem xét")]).toBe("Cần sửa");
    expect(row[column(excel, "Ngày xem xét")]).toBe(TODAY_SERIAL);
    expect(optionText("mustFix")).toBe("Cần sửa (1)");

    fireEvent.change(filter(), { target: { value: "mustFix" } });
    expect(
      screen.getAllByRole("button", { name: /: \d+ lỗi/ }).map((b) => b.getAttribute("data-rule")),
    ).toEqual(["member.sex"]);

    // The next check carries the mark to the same finding; nothing is new any more.
    await check();
    expect(optionText("mustFix")).toBe("Cần sửa (1)");
    expect(optionText("new")).toBe("Mới (lần kiểm tra này) (0)");

    // The member's sex is corrected: the finding is gone, kept as resolved with the day.
    const members = excel.sheet("Thành viên");
    members.set(104, 2, "Nữ");
    await check();
    expect(optionText("mustFix")).toBe("Cần sửa (0)");
    expect(optionText("resolved")).toBe("Đã hết (không còn phát hiện) (1)");
    fireEvent.change(filter(), { target: { value: "resolved" } });
    const resolved = screen.getByTestId("resolved-findings");
    expect(resolved.textContent).toMatch(/^Giới tính \(Thành viên!C105\)/);
    expect(resolved.textContent).toMatch(/hết từ ngày 31\/12\/2025 · Cần sửa/);
  });
});
