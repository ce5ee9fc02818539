/** @jest-environment jsdom */
/**
 * Ask once, store, reuse: a members sheet whose sex column has a header the reader does not know
 * stops the check; the pane offers the column picker with the sheet's first rows, the user picks
 * the column, the choice is stored in the document, the check runs again and passes, and a later
 * check (the ribbon's, on the reopened document) uses the stored choice without asking.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { CONFIG_KEY } from "../../src/addin/document-config";
import { checkOpenWorkbook } from "../../src/addin/excel-actions";
import { RawSheet } from "../../src/core/model/cells";
import { FakeExcel } from "../fakes/excel";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { AS_OF, layoutOf, modernExcel, renderPane, PANE_CLIENTS, usePaneClient } from "./pane-env";
import { rowsOf } from "../helpers/rows";

// The column picker is a lazy part: its first load can take more than findBy's one second on a
// busy machine (as in accessibility.test.tsx).
const SLOW = { timeout: 10_000 };

/** Two clubs that pass, with "Phái" (an old word for sex) as the sex column's header. */
function register(): RawSheet[] {
  const sheet = membersSheet([...members("C1", 60, 39, 39, 35), ...members("C2", 50, 33, 33, 30)]);
  const header = sheet.rows.at(0)!.map((h) => (h === "Giới tính" ? "Phái" : h));
  return [
    clubsSheet([club("C1"), club("C2")]),
    { name: sheet.name, rows: [["Sổ theo dõi thành viên CLB"], header, ...rowsOf(sheet).slice(1)] },
    fundsSheet([fund("C1"), fund("C2")]),
  ];
}

describe.each(PANE_CLIENTS)("the column picker (%s client)", (client) => {
  usePaneClient(client);

  it("asks for the missing column, stores the choice in the document and checks again", async () => {
    const { excel, settings } = await renderPane(register());
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra CLB" }));
    expect(
      await screen.findByText(
        /Sheet "Thành viên": thiếu cột bắt buộc "Giới tính"/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    expect(excel.sheetNames()).toEqual(["CLB", "Thành viên", "Quỹ"]);

    fireEvent.click(screen.getByRole("button", { name: "Chọn cột" }));
    const preview = await screen.findByRole("table", { name: "Các dòng đầu của sheet" }, SLOW);
    // The title row and the header row are shown as they are in the sheet.
    expect(within(preview).getByText("Sổ theo dõi thành viên CLB")).toBeTruthy();
    expect(within(preview).getByText("Phái")).toBeTruthy();

    // The header row under the title, and the fields it names, are guessed; the user picks the
    // one column the reader does not know.
    await waitFor(() =>
      expect(screen.getByRole("spinbutton", { name: "Dòng tiêu đề" })).toHaveProperty("value", "2"),
    );
    const sex = screen.getByRole("combobox", { name: "Giới tính" });
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: /^Họ và tên/ })).toHaveProperty("value", "B"),
    );
    fireEvent.change(sex, { target: { value: "C" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu và kiểm tra lại" }));

    expect((await screen.findByTestId("summary", {}, { timeout: 20_000 })).textContent).toMatch(
      /^2\/2 CLB đạt/,
    );
    const stored = JSON.parse(String(settings.saved.get(CONFIG_KEY))) as {
      mapping: Record<string, { role: string; headerRow: number; columns: Record<string, string> }>;
    };
    expect(stored.mapping["Thành viên"]).toMatchObject({
      role: "members",
      headerRow: 2,
      columns: { A: "clubId", B: "name", C: "sex", D: "birth" },
    });
    expect(screen.getByText("Đang dùng lựa chọn cột đã lưu cho 1 sheet.")).toBeTruthy();

    // The ribbon, on the document as saved, does not ask again.
    const ribbon = await checkOpenWorkbook(
      {
        run: new FakeExcel(register()).run,
        supports: modernExcel,
        documentSettings: settings.reopen(),
        today: () => AS_OF,
      },
      { lang: "vi" },
    );
    expect(ribbon.report.summary).toMatchObject({ clubs: 2, compliant: 2 });
  });

  it("offers the picker on the sheet the error names when Lập phụ lục stops, and builds the appendix again", async () => {
    const { excel, settings } = await renderPane(register());
    fireEvent.click(screen.getByRole("button", { name: "Lập phụ lục" }));
    const alert = await screen.findByRole("alert", {}, { timeout: 20_000 });
    expect(alert.textContent).toMatch(/^Sheet "Thành viên": thiếu cột bắt buộc "Giới tính"/);
    expect(screen.getByText("Không lập được phụ lục")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Chọn cột" }));
    expect(
      await screen.findByRole("heading", { name: 'Chọn cột cho sheet "Thành viên"' }, SLOW),
    ).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Sheet" })).toHaveProperty("value", "Thành viên");
    await screen.findByRole("table", { name: "Các dòng đầu của sheet" }, SLOW);
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: /^Họ và tên/ })).toHaveProperty("value", "B"),
    );
    fireEvent.change(screen.getByRole("combobox", { name: "Giới tính" }), {
      target: { value: "C" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Lưu và kiểm tra lại" }));

    // The action that stopped runs again: only the appendix is written, no highlights.
    expect(
      await screen.findByText('Đã lập phụ lục ở sheet "Phụ lục".', {}, { timeout: 20_000 }),
    ).toBeTruthy();
    // The results are a lazy part of their own, perhaps still on their way.
    expect((await screen.findByTestId("summary", {}, SLOW)).textContent).toMatch(/^2\/2 CLB đạt/);
    expect(excel.sheetNames()).toEqual(["CLB", "Thành viên", "Quỹ", "Phụ lục"]);
    expect(JSON.parse(String(settings.saved.get(CONFIG_KEY))).mapping["Thành viên"]).toMatchObject({
      headerRow: 2,
      columns: { C: "sex" },
    });
    // How the workbook was read: 110 members under header row 2, column C read as the sex.
    const { section: sheet, rows: read } = layoutOf("Thành viên");
    expect(sheet.textContent).toContain("Dòng tiêu đề: 2; 110 dòng dữ liệu");
    expect(read.find(([column]) => column === "C")?.[2]).toBe("Giới tính");
  });

  it("forgets the stored choice on request", async () => {
    const { settings } = await renderPane(register());
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra CLB" }));
    await screen.findByText(/thiếu cột bắt buộc/, {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("button", { name: "Chọn cột" }));
    await screen.findByRole("table", { name: "Các dòng đầu của sheet" }, SLOW);
    fireEvent.change(screen.getByRole("combobox", { name: "Giới tính" }), {
      target: { value: "C" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Lưu và kiểm tra lại" }));
    await screen.findByTestId("summary", {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("button", { name: "Bỏ lựa chọn cột đã lưu" }));
    await waitFor(() =>
      expect(JSON.parse(String(settings.saved.get(CONFIG_KEY))).mapping).toEqual({}),
    );
  });
});

describe.each(PANE_CLIENTS)("a column two headers could be (%s client)", (client) => {
  usePaneClient(client);

  /** C1 passes with its "Năm sinh"; a "Ngày sinh" column further right has other years. */
  function twoBirthColumns(): RawSheet[] {
    const sheet = membersSheet(members("C1", 60, 39, 39, 35));
    const rows = rowsOf(sheet).map((row, r) => [...(row ?? []), r === 0 ? "Ngày sinh" : 2000]);
    return [clubsSheet([club("C1")]), { name: sheet.name, rows }, fundsSheet([fund("C1")])];
  }

  it("asks which one, and a choice stored in the document settles it", async () => {
    const { settings } = await renderPane(twoBirthColumns());
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra CLB" }));
    expect((await screen.findByTestId("summary", {}, { timeout: 20_000 })).textContent).toMatch(
      /^1\/1 CLB đạt;/,
    );
    const question = screen.getAllByText('"Năm sinh" có thể là cột D hoặc G');
    expect(question.length).toBeGreaterThan(0);

    // The first "Chọn cột" is the question's, above the results.
    fireEvent.click(screen.getAllByRole("button", { name: "Chọn cột" })[0]!);
    await screen.findByRole("table", { name: "Các dòng đầu của sheet" }, SLOW);
    // The picker starts from what the reader used.
    const birth = screen.getByRole("combobox", { name: /^Năm sinh/ });
    expect(birth).toHaveProperty("value", "D");
    fireEvent.change(birth, { target: { value: "G" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu và kiểm tra lại" }));

    // Born in 2000, nobody is older now: the club fails, and nothing is ambiguous any more.
    await waitFor(
      () => expect(screen.getByTestId("summary").textContent).toMatch(/^0\/1 CLB đạt;/),
      { timeout: 20_000 },
    );
    expect(screen.queryAllByText(/có thể là cột/)).toEqual([]);
    const stored = JSON.parse(String(settings.saved.get(CONFIG_KEY))) as {
      mapping: Record<string, { columns: Record<string, string> }>;
    };
    expect(stored.mapping["Thành viên"]!.columns).toMatchObject({ D: "", G: "birth" });
  });
});
