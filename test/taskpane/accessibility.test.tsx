/** @jest-environment jsdom */
/**
 * The pane is usable from the keyboard and has no axe violations, in each state a user meets:
 * before a check, with results (a findings group open), with the column picker open, and in
 * English. jsdom has no layout, so axe leaves colour contrast as "incomplete"; the Chromium test
 * of the file mode (test/e2e) runs axe on the real rendering.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { register, renderPane, openGroup } from "./pane-env";

// axe probes a canvas for icon fonts; jsdom has none and would log "not implemented" each time.
HTMLCanvasElement.prototype.getContext = () => null;

async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { resultTypes: ["violations"] });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

const summary = () => screen.findByTestId("summary", {}, { timeout: 20_000 });
// Lazy parts (the column picker, its preview) can take more than findBy's one second on a busy
// machine: CI runs the browser test's build beside these.
const SLOW = { timeout: 10_000 };

describe("accessibility of the Excel pane", () => {
  it("has no axe violations before a check", async () => {
    const { view } = await renderPane(register());
    expect(await violations(view.container)).toEqual([]);
  });

  it("has no axe violations with results, an open findings group and the column picker", async () => {
    const { view } = await renderPane(register());
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra CLB" }));
    await summary();
    openGroup("Giới tính: 1 lỗi");
    await screen.findByRole("button", { name: /^Đến ô \S+ của sheet Thành viên$/ }, SLOW);
    expect(await violations(view.container)).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Chọn cột: Thành viên" }));
    await screen.findByRole("table", { name: "Các dòng đầu của sheet" }, SLOW);
    expect(await violations(view.container)).toEqual([]);
  });

  it("has no axe violations in English", async () => {
    const { view } = await renderPane(register(), { lang: "en" });
    expect(await violations(view.container)).toEqual([]);
  });

  it("runs a check and opens a finding from the keyboard alone", async () => {
    const user = userEvent.setup();
    const { excel } = await renderPane(register());
    // Tab from the top of the page to the check button, then Enter.
    const check = screen.getByRole("button", { name: "Kiểm tra CLB" });
    for (let i = 0; i < 10 && document.activeElement !== check; i++) await user.tab();
    expect(document.activeElement).toBe(check);
    await user.keyboard("{Enter}");
    await summary();
    const group = screen.getByRole("button", { name: "Giới tính: 1 lỗi" });
    group.focus();
    // The first group starts open; Enter opens this one if it is not.
    if (group.getAttribute("aria-expanded") !== "true") await user.keyboard("{Enter}");
    const link = await screen.findByRole(
      "button",
      { name: /^Đến ô \S+ của sheet Thành viên$/ },
      SLOW,
    );
    link.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(excel.selection()).toMatch(/^Thành viên!C\d+$/));
  });
});
