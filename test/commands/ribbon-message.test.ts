import { InputError } from "../../src/core/model/errors";
import { say } from "../../src/core/model/i18n";
import { localIsoDay as localDate } from "../../src/core/model/dates";
import {
  engineLoadMessage,
  failureMessage,
  ribbonMessage,
  timeLimitMessage,
} from "../../src/commands/ribbon-message";
import { CancelledError } from "../../src/hosts/workbook/progress";

describe("ribbon messages", () => {
  it("gives the summary in both languages, with English plurals", () => {
    const one = ribbonMessage(
      { clubs: 1, compliant: 1, findings: { error: 1, warning: 1, info: 0 } },
      ["Kết quả CLB"],
    );
    expect(one).toEqual({
      kind: "done",
      text: {
        vi: "1/1 CLB đạt; 1 lỗi, 1 cảnh báo, 0 thông tin.\nXem các trang: Kết quả CLB.",
        en: "1/1 club passes; 1 error, 1 warning, 0 notes.\nSee the sheets: Kết quả CLB.",
      },
    });
    const many = ribbonMessage(
      { clubs: 220, compliant: 180, findings: { error: 12, warning: 0, info: 3 } },
      ["A", "B"],
      say("Vấn đề.", "Problem."),
    );
    expect(many.text.en).toBe(
      "180/220 clubs pass; 12 errors, 0 warnings, 3 notes.\nSee the sheets: A, B.\nProblem.",
    );
  });

  it("passes an input error's and a cancel's own text through", () => {
    const input = new InputError("missing-sheet", say("Thiếu trang CLB.", "No CLB sheet."));
    expect(failureMessage(input)).toEqual({ kind: "failed", text: input.text });
    const cancelled = new CancelledError();
    expect(failureMessage(cancelled)).toEqual({ kind: "failed", text: cancelled.text });
  });

  it("says to check the network when the engine's chunk cannot be fetched", () => {
    for (const type of ["error", "timeout"]) {
      const error = Object.assign(new Error("Loading chunk 990 failed."), {
        name: "ChunkLoadError",
        type,
      });
      const { kind, text } = engineLoadMessage(error);
      expect(kind).toBe("failed");
      expect(text.vi).toMatch(/Không tải được.*kết nối mạng/);
      expect(text.en).toMatch(/could not be loaded\. Check the network connection/);
    }
  });

  it.each([
    [
      "a chunk that loaded but did not run",
      Object.assign(new Error("Loading chunk 990 failed.\n(missing: https://x/ribbon-check.js)"), {
        name: "ChunkLoadError",
        type: "missing",
      }),
    ],
    ["a regular expression the engine lacks", new SyntaxError("Invalid regular expression")],
  ])("says that a newer Excel is needed for %s", (_, error) => {
    const { kind, text } = engineLoadMessage(error);
    expect(kind).toBe("failed");
    expect(text.vi).toMatch(/^Nút Kiểm tra CLB cần phiên bản Excel mới hơn: .*Office 2021/);
    expect(text.en).toMatch(/^The Check club button needs a newer Excel: .*Office 2021/);
    expect(text.en).not.toMatch(/network|unexpected/);
  });

  it("takes a SyntaxError from inside the check for the check's failure, not the webview's", () => {
    let error: unknown;
    try {
      JSON.parse("{");
    } catch (e) {
      error = e;
    }
    expect(failureMessage(error).text.en).toMatch(/^The check failed with an unexpected error: /);
    // An error that is not the chunk's own goes the same way when loading.
    expect(engineLoadMessage(new TypeError("x")).text.en).toBe(
      "The check failed with an unexpected error: x",
    );
  });

  it("says to finish editing the cell when Excel refuses a batch in cell-edit mode", () => {
    const error = Object.assign(new Error("The operation is not allowed in cell-edit mode."), {
      name: "RichApi.Error",
      code: "InvalidOperationInCellEditMode",
    });
    const { kind, text } = failureMessage(error);
    expect(kind).toBe("failed");
    expect(text.vi).toMatch(/^Excel đang sửa một ô.*Enter hoặc Esc.*bấm lại Kiểm tra CLB/);
    expect(text.en).toMatch(/^Excel is editing a cell.*Enter or Esc.*Check club again/);
    expect(text.vi).not.toMatch(/ngoài dự kiến/);
    expect(text.en).not.toMatch(/unexpected/);
  });

  it("knows Office's error by its code even when it was made in another window's realm", () => {
    // office.js in a frame or another window: its errors are not instances of this page's Error.
    const foreign = {
      name: "RichApi.Error",
      message: "The operation is not allowed in cell-edit mode.",
      code: "InvalidOperationInCellEditMode",
    };
    expect(foreign instanceof Error).toBe(false);
    expect(failureMessage(foreign).text.en).toMatch(/^Excel is editing a cell/);
    const other = { message: "The sheet is gone.", code: "ItemNotFound" };
    expect(failureMessage(other).text.en).toContain("The sheet is gone. (ItemNotFound)");
  });

  it("words the time limit with the way out: the pane", () => {
    const { kind, text } = timeLimitMessage();
    expect(kind).toBe("failed");
    expect(text.vi).toMatch(/5 phút.*không thay đổi\.\nHãy bấm Mở bảng.*Kiểm tra CLB/s);
    expect(text.en).toMatch(/5 minutes.*not changed\.\nClick Open pane.*Check club/s);
  });

  it("gives anything else a generic message with the reason", () => {
    expect(failureMessage("string thrown").text.en).toBe(
      "The check failed with an unexpected error: string thrown",
    );
    const coded = Object.assign(new Error("AccessDenied: no"), { code: "AccessDenied" });
    expect(failureMessage(coded).text.vi).toBe(
      "Không kiểm tra được do một lỗi ngoài dự kiến: AccessDenied: no",
    );
  });

  it("dates today by the local calendar", () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(localDate(new Date(2025, 11, 31, 0, 0))).toBe("2025-12-31");
  });
});
