import { errorText, reasonOf } from "../../src/core/model/error-text";
import { InputError } from "../../src/core/model/errors";
import { say } from "../../src/core/model/i18n";

describe("errorText: one way from a thrown value to a message", () => {
  test("an error carrying a bilingual text is said in its own words", () => {
    const e = new InputError("no-header", say("Không có dòng tiêu đề.", "No header row."));
    expect(errorText(e)).toEqual({ vi: "Không có dòng tiêu đề.", en: "No header row." });
    // As rebuilt from a Worker's message or made in another realm: a plain object with a text.
    expect(errorText({ text: { vi: "a", en: "b" }, message: "x" })).toEqual({ vi: "a", en: "b" });
  });

  test("any other error is unexpected, with its message and Office's code", () => {
    const office = Object.assign(new Error("Excel is busy"), { code: "GeneralException" });
    expect(errorText(office, say("Không kiểm tra được", "The check failed"))).toEqual({
      vi: "Không kiểm tra được do một lỗi ngoài dự kiến: Excel is busy (GeneralException)",
      en: "The check failed with an unexpected error: Excel is busy (GeneralException)",
    });
    expect(errorText("string thrown").en).toBe("Unexpected error: string thrown");
    expect(errorText({ text: { vi: 1 } }).vi).toMatch(/^Lỗi ngoài dự kiến: /);
  });

  test("a code already in the message is not repeated", () => {
    expect(reasonOf({ message: "AccessDenied: no", code: "AccessDenied" })).toBe(
      "AccessDenied: no",
    );
    expect(reasonOf(null)).toBe("null");
  });
});
