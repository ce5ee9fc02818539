/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import axe from "axe-core";
import type { RoadmapChartData } from "../../src/core/report/roadmap-chart";
import { RoadmapChart, tickStep } from "../../src/taskpane/RoadmapChart";

const DATA: RoadmapChartData = {
  year: 2023,
  title: "Kế hoạch và thực hiện lũy kế đến năm 2023",
  units: [
    { unit: "Huyện Kỳ Anh", plan: 10, actual: 4 },
    { unit: "Thị xã Hồng Lĩnh", plan: 5, actual: 5 },
    { unit: "Huyện Vũ Quang", plan: 20, actual: 0 },
  ],
};

const bars = (root: Element) => [...root.querySelectorAll("rect[data-series]")];
const height = (bar: Element) => Number(bar.getAttribute("height"));

describe("the roadmap chart in the pane", () => {
  test("draws two bars per unit, their heights in proportion to the counts", () => {
    const { container } = render(<RoadmapChart data={DATA} lang="vi" />);
    const all = bars(container);
    expect(all).toHaveLength(2 * DATA.units.length);
    expect(all.map((b) => b.getAttribute("data-series"))).toEqual([
      "plan",
      "actual",
      "plan",
      "actual",
      "plan",
      "actual",
    ]);
    const values = DATA.units.flatMap((u) => [u.plan, u.actual]);
    expect(all.map((b) => Number(b.getAttribute("data-value")))).toEqual(values);
    // Height / value is one constant; a count of 0 has no height; 20 is four times 5.
    const perClub = height(all[0]!) / 10;
    expect(perClub).toBeGreaterThan(0);
    all.forEach((b, i) => expect(height(b)).toBeCloseTo(values[i]! * perClub, 6));
    expect(height(all[5]!)).toBe(0);
    expect(height(all[4]!)).toBeCloseTo(4 * height(all[2]!), 6);
    // Bars stand on the same baseline.
    const bottoms = all.map((b) => Number(b.getAttribute("y")) + height(b));
    expect(new Set(bottoms.map((x) => x.toFixed(6))).size).toBe(1);
    // Round ticks up to the largest count.
    const ticks = [...container.querySelectorAll("text[data-tick]")].map((t) => t.textContent);
    expect(ticks).toEqual(["0", "5", "10", "15", "20"]);
  });

  test("is an image named by its summary, each bar titled with its numbers", () => {
    const { container } = render(<RoadmapChart data={DATA} lang="vi" />);
    const img = screen.getByRole("img", {
      name: "Kế hoạch và thực hiện lũy kế đến năm 2023: 3 đơn vị, 2 đơn vị thực hiện thấp hơn kế hoạch. Số liệu ở bảng sau biểu đồ.",
    });
    expect(img.tagName.toLowerCase()).toBe("svg");
    expect(bars(container).map((b) => b.querySelector("title")?.textContent)).toEqual([
      "Huyện Kỳ Anh: kế hoạch 10, thực hiện 4",
      "Huyện Kỳ Anh: kế hoạch 10, thực hiện 4",
      "Thị xã Hồng Lĩnh: kế hoạch 5, thực hiện 5",
      "Thị xã Hồng Lĩnh: kế hoạch 5, thực hiện 5",
      "Huyện Vũ Quang: kế hoạch 20, thực hiện 0",
      "Huyện Vũ Quang: kế hoạch 20, thực hiện 0",
    ]);
    expect(img.textContent).toContain("Kế hoạch");
    expect(img.textContent).toContain("Thực hiện");
  });

  test("gives screen readers the numbers in a table", () => {
    render(<RoadmapChart data={DATA} lang="en" />);
    screen.getByRole("img", {
      name: "Plan and actual, cumulative to 2023: 3 units, 2 below plan. The numbers are in the table after the chart.",
    });
    const table = screen.getByRole("table", { name: "Plan and actual, cumulative to 2023" });
    const rows = within(table)
      .getAllByRole("row")
      .map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent));
    expect(rows).toEqual([
      ["Unit", "Plan", "Actual"],
      ["Huyện Kỳ Anh", "10", "4"],
      ["Thị xã Hồng Lĩnh", "5", "5"],
      ["Huyện Vũ Quang", "20", "0"],
    ]);
  });

  test("has no axe violations", async () => {
    // axe probes a canvas for icon fonts; jsdom has none and would log "not implemented".
    HTMLCanvasElement.prototype.getContext = () => null;
    const { container } = render(<RoadmapChart data={DATA} lang="vi" />);
    const result = await axe.run(container, { resultTypes: ["violations"] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  test("turns the unit labels when many units share the width", () => {
    const few = render(<RoadmapChart data={DATA} lang="vi" />);
    expect(few.container.querySelector("text[transform*='rotate']")).toBeNull();
    few.unmount();
    const many: RoadmapChartData = {
      ...DATA,
      units: Array.from({ length: 13 }, (_, i) => ({
        unit: `Thành phố số ${i + 1}`,
        plan: i,
        actual: 12 - i,
      })),
    };
    const { container } = render(<RoadmapChart data={many} lang="vi" />);
    expect(bars(container)).toHaveLength(26);
    expect(container.querySelectorAll("text[transform*='rotate(-45)']")).toHaveLength(13);
    // The first labels reach left of the plot: the view widens to hold them.
    const [x0] = container.querySelector("svg")!.getAttribute("viewBox")!.split(" ").map(Number);
    expect(x0).toBeLessThan(0);
  });

  test("draws nothing without units; ticks are round steps", () => {
    const { container } = render(<RoadmapChart data={{ ...DATA, units: [] }} lang="vi" />);
    expect(container.querySelector("svg")).toBeNull();
    expect([0, 3, 4, 19, 20, 21, 48, 240, 1000].map(tickStep)).toEqual([
      1, 1, 1, 5, 5, 5, 10, 50, 200,
    ]);
  });
});
