/** @jest-environment jsdom */
/**
 * "How the workbook was read", per sheet: why the sheet has its role, the columns nothing reads,
 * the section rows that give members their club (in the warning colour those naming no known
 * club), numbers as each language writes them; in Vietnamese and in English, without axe
 * violations. The fields are optional: a layout without them shows none of these lines.
 */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { SheetLayout } from "../../src/core/read/layout";
import { LayoutSection } from "../../src/taskpane/excel/LayoutSection";
import { Language, strings } from "../../src/taskpane/strings";
import "./pane-env";

// axe probes a canvas for icon fonts; jsdom has none.
HTMLCanvasElement.prototype.getContext = () => null;

const MEMBERS: SheetLayout = {
  sheet: "Thành viên",
  role: "members",
  headerRows: [4],
  columns: [
    { column: "A", header: "Mã CLB", field: "clubId" },
    { column: "B", header: "Họ và tên", field: "name" },
    { column: "C", header: "Giới tính", field: "sex" },
  ],
  dataRows: 13_924,
  blankRows: 2,
  totalRows: [13_931],
  reason: {
    vi: "Dòng tiêu đề có các cột Mã CLB, Họ và tên, Giới tính.",
    en: "Its header names the columns Mã CLB, Họ và tên, Giới tính.",
  },
  unread: [
    { column: "D", header: "Ghi chú" },
    { column: "F", header: "Dân tộc" },
  ],
  sections: [
    { row: 5, clubId: "C1" },
    { row: 30, clubId: null },
    { row: 1_204, clubId: "C2" },
  ],
};

/** A sheet as today's reader describes it: none of the optional fields. */
const CLUBS: SheetLayout = {
  sheet: "CLB",
  role: "clubs",
  headerRows: [1],
  columns: [{ column: "A", header: "Mã CLB", field: "id" }],
  dataRows: 3,
  blankRows: 0,
  totalRows: [],
};

function renderSection(lang: Language, layout: readonly SheetLayout[], onFix = jest.fn()) {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <LayoutSection layout={layout} text={strings[lang]} lang={lang} onFix={onFix} />
    </FluentProvider>,
  );
  return { view, onFix };
}

const sheetBlock = (name: string) =>
  document.querySelector(`[data-layout-sheet="${name}"]`) as HTMLElement;
const line = (block: HTMLElement, kind: string) =>
  block.querySelector(`[data-layout="${kind}"]`)?.textContent;

async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { resultTypes: ["violations"] });
  return result.violations.map((v) => `${v.id}: ${v.help}`);
}

describe("LayoutSection", () => {
  it("says why, what is not read and the section rows, in Vietnamese", async () => {
    const { view, onFix } = renderSection("vi", [CLUBS, MEMBERS]);
    const members = sheetBlock("Thành viên");
    expect(line(members, "reason")).toBe("Dòng tiêu đề có các cột Mã CLB, Họ và tên, Giới tính.");
    expect(line(members, "unread")).toBe('Không đọc các cột D "Ghi chú", F "Dân tộc"');
    expect(line(members, "sections")).toBe("3 dòng mục CLB (dòng 5, 30, 1.204)");
    expect(line(members, "sections-unknown")).toBe(
      "Dòng mục không khớp CLB nào trong danh sách: dòng 30; thành viên bên dưới không được tính.",
    );
    // Thousands as Vietnamese writes them.
    expect(members.textContent).toContain(
      "Dòng tiêu đề: 4; 13.924 dòng dữ liệu, 2 dòng trống, bỏ qua dòng tổng 13.931",
    );
    // Today's layouts, without the new fields, show none of these lines.
    const clubs = sheetBlock("CLB");
    for (const kind of ["reason", "unread", "sections", "sections-unknown"])
      expect(line(clubs, kind)).toBeUndefined();
    expect(await violations(view.container)).toEqual([]);
    await userEvent
      .setup()
      .click(within(members).getByRole("button", { name: "Chọn cột: Thành viên" }));
    expect(onFix).toHaveBeenCalledWith("Thành viên");
  });

  it("says the same in English", async () => {
    const { view } = renderSection("en", [MEMBERS]);
    const members = sheetBlock("Thành viên");
    expect(line(members, "reason")).toBe(
      "Its header names the columns Mã CLB, Họ và tên, Giới tính.",
    );
    expect(line(members, "unread")).toBe('Columns not read: D "Ghi chú", F "Dân tộc"');
    expect(line(members, "sections")).toBe("3 club section rows (rows 5, 30, 1204)");
    expect(line(members, "sections-unknown")).toBe(
      "A section row names no club of the club list: row 30; the members under it are not counted.",
    );
    expect(members.textContent).toContain(
      "Header rows: 4; 13,924 data rows, 2 blank rows, total rows 13931 skipped",
    );
    expect(screen.getByRole("button", { name: "Pick columns: Thành viên" })).toBeTruthy();
    expect(await violations(view.container)).toEqual([]);
  });

  it("keeps long lists short enough for a narrow pane", () => {
    const unread = Array.from({ length: 14 }, (_, i) => ({
      column: String.fromCharCode(68 + i),
      header: i === 0 ? "Ghi chú (ghi rõ lý do nghỉ sinh hoạt nếu có)" : `Cột ${i}`,
    }));
    const sections = Array.from({ length: 12 }, (_, i) => ({ row: 5 + 20 * i, clubId: null }));
    renderSection("vi", [{ ...MEMBERS, unread, sections }]);
    const members = sheetBlock("Thành viên");
    const unreadLine = line(members, "unread")!;
    // Ten columns named, the long header cut, the other four counted.
    expect(unreadLine).toMatch(/^Không đọc các cột D "Ghi chú \(ghi rõ lý do nghỉ…", E "Cột 1"/);
    expect(unreadLine).toMatch(/, M "Cột 9" và 4 cột khác$/);
    expect(line(members, "sections")).toBe(
      "12 dòng mục CLB (dòng 5, 25, 45, 65, 85, 105, 125, 145, …)",
    );
    expect(line(members, "sections-unknown")).toMatch(
      /^Dòng mục không khớp CLB nào .*: dòng 5, 25, /,
    );
  });

  it("offers no Chọn cột without a picker to open", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <LayoutSection layout={[MEMBERS]} text={strings.vi} lang="vi" />
      </FluentProvider>,
    );
    expect(screen.queryByRole("button")).toBeNull();
  });
});
