/** @jest-environment jsdom */
/**
 * "Gộp tệp" in the pane: pick several district files, merge, see the province's summary and the
 * files merged, download the workbook; inside Excel, open it in a new window.
 */
import { TextDecoder, TextEncoder } from "node:util";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FileMode } from "../../src/taskpane/FileMode";
import { MergePanel } from "../../src/taskpane/merge/MergePanel";
import { resultStrings } from "../../src/taskpane/strings-results";
import { mergeStrings } from "../../src/taskpane/strings";
import { strings } from "../../src/taskpane/strings";
import { asXlsx, keptWorkbook } from "../helpers/kept-registers";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { renderPane } from "./pane-env";
import { rowsOf } from "../helpers/rows";

// axe probes a canvas for icon fonts; jsdom has none.
HTMLCanvasElement.prototype.getContext = () => null;

// The xlsx host decodes and encodes XML text; jsdom's window lacks these two.
Object.assign(globalThis, { TextDecoder, TextEncoder });

const m = mergeStrings.vi;

/** A File whose bytes can be read back, as a browser's is. */
function xlsxFile(bytes: Uint8Array, name: string): File {
  const file = new File([bytes.slice()], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.slice().buffer });
  return file;
}

let vuQuang: File;
let huongKhe: File;

beforeAll(async () => {
  vuQuang = xlsxFile(await asXlsx(keptWorkbook()), "Vu Quang.xlsx");
  const sheets = [
    clubsSheet([club("HK-01", { district: "Huyện Hương Khê" }), club("VQ-02")]),
    membersSheet(members("HK-01", 4, 3, 2, 2)),
    fundsSheet([fund("HK-01")]),
  ].map((s) => ({ name: s.name, rows: rowsOf(s).map((r) => (r ?? []).map((v) => v ?? null)) }));
  huongKhe = xlsxFile(await asXlsx(sheets), "Huong Khe.xlsx");
});

function renderPanel(createWorkbook?: (base64: string) => Promise<void>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <MergePanel text={strings.vi} lang="vi" createWorkbook={createWorkbook} />
    </FluentProvider>,
  );
}

async function pickAndMerge(files: File[]) {
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText(m.inputLabel), files);
  const listed = within(screen.getByTestId("merge-files")).getAllByRole("listitem");
  expect(listed.map((li) => li.textContent)).toEqual(files.map((f) => f.name));
  await user.click(screen.getByRole("button", { name: m.merge }));
  return user;
}

test("merges the picked files, shows the province's summary and offers the download", async () => {
  const created: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: jest.fn((blob: Blob) => {
      created.push(blob);
      return "blob:merged";
    }),
    revokeObjectURL: jest.fn(),
  });
  // jsdom cannot follow the download link; the click is what a browser needs.
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
  renderPanel();
  expect(screen.getByText(m.none)).toBeTruthy();
  const user = await pickAndMerge([vuQuang, huongKhe]);
  const summary = await screen.findByTestId("summary", {}, { timeout: 30_000 });
  expect(summary.textContent).toMatch(/^\d+\/5 CLB đạt; \d+ lỗi, \d+ cảnh báo$/);
  const sources = within(screen.getByTestId("merge-sources")).getAllByRole("listitem");
  expect(sources.map((li) => li.textContent)).toEqual([
    "Vu Quang.xlsx: 4 CLB, 205 thành viên, 4 dòng quỹ, 0 đơn vị lộ trình",
    "Huong Khe.xlsx: 2 CLB, 4 thành viên, 1 dòng quỹ, 0 đơn vị lộ trình",
  ]);
  // The province's roadmap at a glance: one pair of bars per unit with clubs in the files.
  const chart = screen.getByRole("img", { name: /^Kế hoạch và thực hiện lũy kế đến năm/ });
  const bars = chart.querySelectorAll("rect[data-series]");
  expect(bars.length).toBeGreaterThan(0);
  expect(bars.length % 2).toBe(0);
  // The duplicated club is among the findings, under its own rule.
  expect(document.querySelector('[data-rule="merge.duplicateClub"]')).not.toBeNull();
  expect(screen.queryByRole("button", { name: m.openInExcel })).toBeNull();
  await user.click(screen.getByRole("button", { name: m.download }));
  expect(created).toHaveLength(1);
  expect(created[0]!.size).toBeGreaterThan(1000);
  expect(click).toHaveBeenCalledTimes(1);
  click.mockRestore();
});

test("inside Excel, opens the provincial workbook with Excel.createWorkbook and base64", async () => {
  const createWorkbook = jest.fn(async (_base64: string) => undefined);
  const view = renderPanel(createWorkbook);
  const user = await pickAndMerge([huongKhe, vuQuang]);
  await screen.findByTestId("summary", {}, { timeout: 30_000 });
  const found = await axe.run(view.container, { resultTypes: ["violations"] });
  expect(found.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await user.click(screen.getByRole("button", { name: m.openInExcel }));
  await waitFor(() => expect(createWorkbook).toHaveBeenCalledTimes(1));
  const bytes = Buffer.from(createWorkbook.mock.calls[0]![0], "base64");
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  expect(await screen.findByText(m.openedInExcel)).toBeTruthy();
});

test("a file that cannot be read is named, and nothing is merged", async () => {
  renderPanel();
  await pickAndMerge([vuQuang, xlsxFile(new Uint8Array([1, 2, 3]), "Hong.xlsx")]);
  const alert = await screen.findByRole("alert", {}, { timeout: 30_000 });
  expect(alert.textContent).toMatch(/^Tệp "Hong.xlsx": /);
  expect(screen.queryByTestId("summary")).toBeNull();
});

test("the Excel pane opens the merge from its action bar", async () => {
  await renderPane([]);
  await userEvent.setup().click(screen.getByRole("button", { name: m.open }));
  expect(await screen.findByRole("heading", { name: m.heading })).toBeTruthy();
  // One "Gộp tệp" on the page: the panel's; the opener steps aside until the panel is closed.
  expect(screen.getAllByRole("button", { name: m.merge })).toHaveLength(1);
  await userEvent.setup().click(screen.getByRole("button", { name: m.close }));
  expect(screen.getAllByRole("button", { name: m.open })).toHaveLength(1);
  expect(screen.queryByRole("heading", { name: m.heading })).toBeNull();
});

test("the file mode's merge is a tab of one form: one date, one action, the form's state", async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <FileMode text={strings.en} lang="en" />
    </FluentProvider>,
  );
  const user = userEvent.setup();
  fireEvent.change(screen.getByLabelText(strings.en.asOf), { target: { value: "2024-06-30" } });
  await user.click(screen.getByRole("tab", { name: resultStrings.en.modeMerge }));
  expect(await screen.findByRole("heading", { name: mergeStrings.en.heading })).toBeTruthy();
  expect(screen.getByLabelText(mergeStrings.en.inputLabel)).toHaveProperty("multiple", true);
  // One reference date on the page, still the one typed before the tab was opened.
  const dates = screen.getAllByLabelText(strings.en.asOf);
  expect(dates).toHaveLength(1);
  expect(dates[0]).toHaveProperty("value", "2024-06-30");
  // One action for the tab: the merge; the single-file check is hidden with its tab.
  expect(screen.getAllByRole("button", { name: mergeStrings.en.merge })).toHaveLength(1);
  expect(screen.queryByRole("button", { name: strings.en.check })).toBeNull();
  await user.click(screen.getByRole("tab", { name: resultStrings.en.modeCheck }));
  expect(screen.getByRole("button", { name: strings.en.check })).toBeTruthy();
  expect(screen.queryByRole("button", { name: mergeStrings.en.merge })).toBeNull();
});

describe("a file whose header the reader does not find", () => {
  /** The member fields a register must have, in the columns A to E of Can Lộc's file. */
  const REQUIRED = ["Mã CLB", "Họ và tên", "Giới tính", "Năm sinh", "Được vay vốn"];

  /** Can Lộc's member list: a title row, then a header of words the reader does not know. */
  async function canLoc(): Promise<File> {
    const list = membersSheet(members("CL-01", 4, 3, 2, 2));
    const header = list.rows.at(0)!;
    const kept = REQUIRED.map((h) => header.indexOf(h));
    expect(kept.every((c) => c >= 0)).toBe(true);
    const rows = rowsOf(list)
      .slice(1)
      .map((r) => kept.map((c) => r?.[c] ?? null));
    const sheets = [
      clubsSheet([club("CL-01", { district: "Huyện Can Lộc" })]),
      {
        name: "Thành viên",
        rows: [["Sổ theo dõi thành viên"], REQUIRED.map((_, i) => `Cột ${i + 1}`), ...rows],
      },
    ].map((s) => ({ name: s.name, rows: rowsOf(s).map((r) => (r ?? []).map((v) => v ?? null)) }));
    return xlsxFile(await asXlsx(sheets), "Can Loc.xlsx");
  }

  test("stops the merge; its columns are picked from its own preview; the next merge has it", async () => {
    const view = renderPanel();
    const user = await pickAndMerge([huongKhe, await canLoc()]);
    const alert = await screen.findByRole("alert", {}, { timeout: 30_000 });
    expect(alert.textContent).toMatch(/^Tệp "Can Loc.xlsx": .*không tìm thấy dòng tiêu đề/);
    await user.click(
      screen.getByRole("button", { name: m.fixColumnsOf("Can Loc.xlsx", "Thành viên") }),
    );
    expect(
      await screen.findByRole("heading", { name: m.mappingHeading("Can Loc.xlsx", "Thành viên") }),
    ).toBeTruthy();
    // The preview is the file's own first rows.
    const preview = await screen.findByRole("table", { name: strings.vi.mappingPreview });
    expect(within(preview).getByText("Sổ theo dõi thành viên")).toBeTruthy();
    expect(within(preview).getByText("Cột 3")).toBeTruthy();
    const found = await axe.run(view.container, { resultTypes: ["violations"] });
    expect(found.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    const headerRow = screen.getByRole("spinbutton", { name: strings.vi.mappingHeaderRow });
    await user.clear(headerRow);
    await user.type(headerRow, "2{Enter}");
    await waitFor(() => expect(headerRow).toHaveProperty("value", "2"));
    const pick = async (field: string, column: string) =>
      user.selectOptions(screen.getByRole("combobox", { name: field }), column);
    for (const [i, field] of REQUIRED.entries()) await pick(field, String.fromCharCode(65 + i));
    await user.click(screen.getByRole("button", { name: m.mappingSave }));

    const summary = await screen.findByTestId("summary", {}, { timeout: 30_000 });
    expect(summary.textContent).toMatch(/^\d+\/3 CLB đạt/);
    const sources = within(screen.getByTestId("merge-sources")).getAllByRole("listitem");
    expect(sources.map((li) => li.textContent)).toEqual([
      "Huong Khe.xlsx: 2 CLB, 4 thành viên, 1 dòng quỹ, 0 đơn vị lộ trình",
      "Can Loc.xlsx: 1 CLB, 4 thành viên, 0 dòng quỹ, 0 đơn vị lộ trình",
    ]);
    // The choice is the panel's, shown beside the file, and used again by the next merge.
    const listed = within(screen.getByTestId("merge-files")).getAllByRole("listitem");
    expect(listed[1]!.textContent).toContain(m.mapped(1));
    await user.click(screen.getByRole("button", { name: m.merge }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect((await screen.findByTestId("summary", {}, { timeout: 30_000 })).textContent).toMatch(
      /^\d+\/3 CLB đạt/,
    );
    // Forgotten, the file stops the merge again.
    await user.click(screen.getByRole("button", { name: m.forgetMapping("Can Loc.xlsx") }));
    await user.click(screen.getByRole("button", { name: m.merge }));
    expect((await screen.findByRole("alert", {}, { timeout: 30_000 })).textContent).toMatch(
      /^Tệp "Can Loc.xlsx": /,
    );
  });
});

test("a file with two columns that could be one field: its columns are picked after the merge", async () => {
  // "Năm sinh" (D) and "Ngày sinh" (G) could both be the birth year; the reader takes D.
  const register = {
    name: "Thành viên",
    rows: [
      ["DANH SÁCH THÀNH VIÊN"],
      ["Mã CLB", "Họ và tên", "Giới tính", "Năm sinh", "Vay vốn", "Ghi chú", "Ngày sinh"],
      ...members("KA-01", 50, 33, 32, 27).map((r) => [
        r.clubId ?? null,
        r.name ?? null,
        r.sex ?? null,
        r.birth ?? null,
        r.borrowed ?? null,
        null,
        "01/01/1980",
      ]),
    ],
  };
  const sheets = [clubsSheet([club("KA-01")]), fundsSheet([fund("KA-01")]), register].map((s) => ({
    name: s.name,
    rows: rowsOf(s).map((r) => (r ?? []).map((v) => v ?? null)),
  }));
  const kyAnh = xlsxFile(await asXlsx(sheets), "Ky Anh.xlsx");
  renderPanel();
  const user = await pickAndMerge([kyAnh]);
  await screen.findByTestId("summary", {}, { timeout: 30_000 });
  expect(document.querySelector('[data-rule="layout.ambiguous"]')).not.toBeNull();
  const unsure = within(screen.getByTestId("merge-ambiguous")).getAllByRole("listitem");
  expect(unsure.map((li) => li.textContent)).toEqual([
    `${m.ambiguousFile("Ky Anh.xlsx", "Thành viên", ["Năm sinh"])} ${m.fixColumns}`,
  ]);
  await user.click(
    screen.getByRole("button", { name: m.fixColumnsOf("Ky Anh.xlsx", "Thành viên") }),
  );
  await screen.findByRole("table", { name: strings.vi.mappingPreview });
  const birth = screen.getByRole("combobox", { name: "Năm sinh" });
  await waitFor(() => expect(birth).toHaveProperty("value", "D"));
  await user.selectOptions(birth, "G");
  await user.click(screen.getByRole("button", { name: m.mappingSave }));
  await waitFor(() => expect(screen.queryByTestId("merge-ambiguous")).toBeNull(), {
    timeout: 30_000,
  });
  await screen.findByTestId("summary", {}, { timeout: 30_000 });
  expect(document.querySelector('[data-rule="layout.ambiguous"]')).toBeNull();
});
