/** @jest-environment jsdom */
/**
 * The file mode's single-file check when the reader cannot place a column: the check stops with
 * the reason and a "Chọn cột", the picker opens on the sheet the error names with the file's own
 * first rows, the user's choice is kept for the file (never written into it) and the check runs
 * again with it; after the check, "how the workbook was read" offers the picker per sheet.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TextDecoder, TextEncoder } from "node:util";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FileMode } from "../../src/taskpane/FileMode";
import { Language, strings } from "../../src/taskpane/strings";
import { writeWorkbook, SheetRows } from "../helpers/xlsx-fixtures";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { AS_OF, layoutOf } from "./pane-env";
import { rowsOf } from "../helpers/rows";

// axe probes a canvas for icon fonts; jsdom has none.
HTMLCanvasElement.prototype.getContext = () => null;
// The xlsx host decodes and encodes XML text; jsdom's window lacks these two.
Object.assign(globalThis, { TextDecoder, TextEncoder });

const SLOW = { timeout: 30_000 };

/**
 * Two clubs that pass (60 and 50 members), under a title row, with "Phái" (an old word for sex)
 * as the sex column's header: written by ExcelJS, as a real file would be.
 */
async function phaiRegister(): Promise<Uint8Array> {
  const list = membersSheet([...members("C1", 60, 39, 39, 35), ...members("C2", 50, 33, 33, 30)]);
  const header = list.rows.at(0)!.map((h) => (h === "Giới tính" ? "Phái" : h));
  const plain = (rows: readonly (readonly unknown[] | undefined)[]) =>
    rows.map((r) => (r ?? []).map((v) => (v ?? null) as string | number | boolean | null));
  const sheets: SheetRows = {
    CLB: plain(rowsOf(clubsSheet([club("C1"), club("C2")]))),
    "Thành viên": plain([["Sổ theo dõi thành viên CLB"], header, ...rowsOf(list).slice(1)]),
    Quỹ: plain(rowsOf(fundsSheet([fund("C1"), fund("C2")]))),
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), "ishc-file-mode-"));
  try {
    const file = path.join(dir, "phai.xlsx");
    await writeWorkbook(file, sheets);
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A File whose bytes can be read back, as a browser's is. */
function xlsxFile(bytes: Uint8Array, name: string): File {
  const file = new File([bytes.slice()], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.slice().buffer });
  return file;
}

let phai: Uint8Array;
beforeAll(async () => {
  phai = await phaiRegister();
});

async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { resultTypes: ["violations"] });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

/** Renders the file mode, picks the file, sets the reference date and checks. */
async function pickAndCheck(lang: Language, file: File) {
  const t = strings[lang];
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <FileMode text={t} lang={lang} />
    </FluentProvider>,
  );
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText(t.fileInputLabel), file);
  fireEvent.change(screen.getByLabelText(t.asOf), { target: { value: AS_OF } });
  await user.click(screen.getByRole("button", { name: t.check }));
  return { view, user, t };
}

/** Each club's row, opened to its figures, as text. */
const clubMembers = () =>
  Object.fromEntries(
    [...document.querySelectorAll("[data-club]")].map((row) => {
      const button = row.querySelector("button")!;
      if (button.getAttribute("aria-expanded") !== "true") fireEvent.click(button);
      return [row.getAttribute("data-club"), row.textContent];
    }),
  );

describe("file mode: a column the reader does not know", () => {
  it("stops with the reason and Chọn cột; the column picked, the check runs again and passes", async () => {
    const { view, user, t } = await pickAndCheck("vi", xlsxFile(phai, "phai.xlsx"));
    const alert = await screen.findByRole("alert", {}, SLOW);
    expect(alert.textContent).toMatch(/^Sheet "Thành viên": thiếu cột bắt buộc "Giới tính"/);
    expect(screen.queryByTestId("summary")).toBeNull();
    expect(await violations(view.container)).toEqual([]);

    await user.click(screen.getByRole("button", { name: t.fixMapping }));
    // The picker opens on the sheet the error names, with the file's own first rows.
    expect(
      await screen.findByRole("heading", { name: t.mappingHeading("Thành viên") }, SLOW),
    ).toBeTruthy();
    expect(screen.getByRole("combobox", { name: t.mappingSheet })).toHaveProperty(
      "value",
      "Thành viên",
    );
    const preview = await screen.findByRole("table", { name: t.mappingPreview }, SLOW);
    expect(within(preview).getByText("Sổ theo dõi thành viên CLB")).toBeTruthy();
    expect(within(preview).getByText("Phái")).toBeTruthy();
    // The file mode's own words: the choice is kept for the file, not stored in it.
    expect(screen.getByText(t.fileMappingIntro)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole("spinbutton", { name: t.mappingHeaderRow })).toHaveProperty(
        "value",
        "2",
      ),
    );
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: /^Họ và tên/ })).toHaveProperty("value", "B"),
    );
    expect(await violations(view.container)).toEqual([]);

    await user.selectOptions(screen.getByRole("combobox", { name: "Giới tính" }), "C");
    await user.click(screen.getByRole("button", { name: t.fileMappingSave }));

    const summary = await screen.findByTestId("summary", {}, SLOW);
    expect(summary.textContent).toMatch(/^2\/2 CLB đạt;/);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("heading", { name: t.mappingHeading("Thành viên") })).toBeNull();
    // Every member counted, in the club they belong to.
    const rows = clubMembers();
    expect(rows["C1"]).toContain("60");
    expect(rows["C2"]).toContain("50");
    // How the workbook was read: column C is read as the sex, 110 members under header row 2.
    const { section: sheet, rows: read } = layoutOf("Thành viên");
    expect(sheet.textContent).toContain("Dòng tiêu đề: 2");
    expect(sheet.textContent).toContain("110 dòng dữ liệu");
    expect(read.find(([column]) => column === "C")?.[2]).toBe("Giới tính");
    expect(screen.getByText(t.fileMappingKept(1))).toBeTruthy();
    expect(await violations(view.container)).toEqual([]);

    // The layout's own "Chọn cột" starts from the choice kept for the file.
    await user.click(screen.getByRole("button", { name: `${t.fixMapping}: Thành viên` }));
    await screen.findByRole("table", { name: t.mappingPreview }, SLOW);
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Giới tính" })).toHaveProperty("value", "C"),
    );
    await user.click(screen.getByRole("button", { name: t.mappingClose }));

    // Checked again, the file keeps its choice; forgotten, it stops again.
    await user.click(screen.getByRole("button", { name: t.check }));
    await waitFor(() => expect(screen.getByTestId("summary").textContent).toMatch(/^2\/2/), SLOW);
    await user.click(screen.getByRole("button", { name: t.fileMappingForget }));
    expect(screen.queryByText(t.fileMappingKept(1))).toBeNull();
    await user.click(screen.getByRole("button", { name: t.check }));
    expect((await screen.findByRole("alert", {}, SLOW)).textContent).toMatch(
      /thiếu cột bắt buộc "Giới tính"/,
    );
  });

  it("speaks English, and offers no Chọn cột for a file that is not a workbook", async () => {
    const { user, t } = await pickAndCheck("en", xlsxFile(phai, "phai.xlsx"));
    const alert = await screen.findByRole("alert", {}, SLOW);
    expect(alert.textContent).toMatch(/^Sheet "Thành viên": required column "Giới tính"/);
    await user.click(screen.getByRole("button", { name: t.fixMapping }));
    expect(
      await screen.findByRole("heading", { name: t.mappingHeading("Thành viên") }, SLOW),
    ).toBeTruthy();
    await screen.findByRole("table", { name: t.mappingPreview }, SLOW);
    await user.selectOptions(screen.getByRole("combobox", { name: "Giới tính" }), "C");
    await user.click(screen.getByRole("button", { name: t.fileMappingSave }));
    expect((await screen.findByTestId("summary", {}, SLOW)).textContent).toMatch(
      /^2\/2 clubs pass;/,
    );
    expect(screen.getByText("110 data rows, 0 blank rows", { exact: false })).toBeTruthy();

    // Another file picked: its results would be another file's, so the old ones offer no picker.
    await user.upload(
      screen.getByLabelText(t.fileInputLabel),
      xlsxFile(new Uint8Array([1, 2, 3]), "junk.xlsx"),
    );
    expect(screen.queryByRole("button", { name: `${t.fixMapping}: Thành viên` })).toBeNull();
    expect(screen.queryByText(t.fileMappingKept(1))).toBeNull();
    await user.click(screen.getByRole("button", { name: t.check }));
    expect((await screen.findByRole("alert", {}, SLOW)).textContent).toMatch(/\.xlsx/);
    expect(screen.queryByRole("button", { name: t.fixMapping })).toBeNull();
  });
});
